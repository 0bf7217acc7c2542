"""Copy every row of a tracker database into another one (a file to a server, or back).

Rows keep their ids, so the change log still points at the right items. Both sides run the
same SQL through their `Tx`; foreign keys hold at every step (parents first, an item's
carried-over origin filled in once every item is there).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from tracker.store.sql import Tx, is_server, table_names

# Rows that others point at first; a table a later migration adds goes after these.
ORDER = ("department", "person", "plan", "node", "node_co_dept", "checkin", "extension", "change_log")
_DATA = ("plan", "node", "department", "person", "checkin", "change_log")
# Each database's own, never copied: its identity (schema v6), which its backups carry.
OWN = ("meta",)


def ordered_tables(c: Tx) -> list[str]:
    tables = [t for t in table_names(c) if t not in OWN]
    return [t for t in ORDER if t in tables] + [t for t in tables if t not in ORDER]


def row_counts(c: Tx) -> dict[str, int]:
    return {t: int(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in ordered_tables(c)}


def is_empty(c: Tx) -> bool:
    counts = row_counts(c)
    return not any(counts.get(t) for t in _DATA)


def clear(c: Tx) -> None:
    """Delete every row (children first)."""
    for table in reversed(ordered_tables(c)):
        c.execute(f"DELETE FROM {table}")


def copy_all(source: Tx, target: Tx) -> dict[str, int]:
    """Insert every row of `source` into the (empty) `target`; returns rows copied per table."""
    copied: dict[str, int] = {}
    wanted = set(table_names(target))
    for table in ordered_tables(source):
        if table not in wanted:
            continue
        cursor = source.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        rows = [tuple(r) for r in cursor]
        origins: list[tuple[Any, Any]] = []
        if table == "node":
            rows = _parents_first(rows, names)
            if "origin_id" in names:
                at, key = names.index("origin_id"), names.index("id")
                origins = [(r[at], r[key]) for r in rows if r[at] is not None]
                rows = [(*r[:at], None, *r[at + 1:]) for r in rows]
        marks = ", ".join("?" * len(names))
        target.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
        if origins:
            target.executemany("UPDATE node SET origin_id = ? WHERE id = ?", origins)
        copied[table] = len(rows)
    if is_server(target):  # new rows without an id must not take a copied one
        for table in copied:
            if _has_identity(target, table):
                target.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")
    return copied


def _has_identity(c: Tx, table: str) -> bool:
    row = c.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = ? AND column_name = 'id' AND is_identity = 'YES'", (table,)).fetchone()
    return bool(row[0])


def _parents_first(rows: list[tuple[Any, ...]], names: list[str]) -> list[tuple[Any, ...]]:
    key, parent = names.index("id"), names.index("parent_id")
    by_id = {r[key]: r for r in rows}
    depth: dict[Any, int] = {}

    def depth_of(node_id: Any) -> int:
        chain = []
        while node_id is not None and node_id not in depth:
            chain.append(node_id)
            node_id = by_id[node_id][parent] if node_id in by_id else None
        base = depth.get(node_id, -1) if node_id is not None else -1
        for n in reversed(chain):
            base += 1
            depth[n] = base
        return depth[chain[0]] if chain else depth[node_id]

    return sorted(rows, key=lambda r: (depth_of(r[key]), r[key]))


def new_file(source: Tx, path: Path) -> dict[str, int] | None:
    """A new data file at `path` holding every row of `source`, built beside it and linked into
    place whole (None, and nothing written, when a file took the name meanwhile)."""
    from tracker.store.database import Database

    fd, name = tempfile.mkstemp(prefix=".pull-", suffix=".db", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()
    try:
        with Database(tmp) as target:
            with target.transaction() as dst:
                counts = copy_all(source, dst)
            target.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one file, no -wal beside it
            target.conn.execute("PRAGMA journal_mode = DELETE")
        try:
            os.link(tmp, path)  # never over a file that appeared meanwhile
        except FileExistsError:
            return None
        return counts
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
