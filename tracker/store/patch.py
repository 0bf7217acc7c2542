"""Row images of an edit, before and after, so any edit can be undone and redone exactly.

An edit names the rows it may touch (selectors) before it writes; the rows are read before
and after. Undo writes the "before" image back over those rows (same ids, same positions),
redo writes the "after" image. Both first check that the rows still look as expected, so an
undo never overwrites what another window or the command line changed meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tracker.store.sql import Tx

Value = Any  # as the database returns it: int, float, str, bytes or None
Items = tuple[tuple[str, Value], ...]  # (column, value) in table order, values as stored
Key = tuple[str, tuple[Value, ...]]  # (table, primary key values)
Selector = tuple[str, str, frozenset[Value]]  # rows of `table` whose `column` is in the set

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "plan": ("id",),
    "department": ("id",),
    "person": ("id",),
    "node": ("id",),
    "node_co_dept": ("node_id", "dept_id"),
    "checkin": ("id",),
    "extension": ("id",),
    "setting": ("key",),
}
# Rows that others point at go in first and out last.
_PARENT_TABLES = ("plan", "department", "node")
_CHILD_TABLES = ("node_co_dept", "checkin", "extension", "person", "setting")
_CHUNK = 400  # below SQLite's bound-parameter limit


def select(table: str, column: str, values: Iterable[Value]) -> Selector:
    if table not in PRIMARY_KEYS:
        raise ValueError(f"unknown table {table}")
    return (table, column, frozenset(values))


@dataclass(frozen=True)
class Patch:
    """The rows one edit touched, as they were (`before`) and as it left them (`after`).

    A row missing from `before` was created by the edit; one missing from `after` was deleted.
    """

    selectors: tuple[Selector, ...] = ()
    before: tuple[tuple[Key, Items], ...] = ()
    after: tuple[tuple[Key, Items], ...] = ()
    subjects: tuple[int, ...] = ()  # the node ids the user acted on (moves are logged on them)

    @property
    def empty(self) -> bool:
        return dict(self.before) == dict(self.after)

    def keys(self) -> set[Key]:
        return {k for k, _ in self.before} | {k for k, _ in self.after}

    @property
    def node_ids(self) -> frozenset[int]:
        """Nodes whose own row, co-departments, check-ins or extensions changed: what to repaint."""
        before, after = dict(self.before), dict(self.after)
        out: set[int] = set()
        for key in before.keys() | after.keys():
            if before.get(key) == after.get(key):
                continue
            table, pk = key
            row = dict(after.get(key) or before[key])
            if table == "node":
                out.add(int(pk[0]))
            elif table in ("node_co_dept", "checkin", "extension"):
                out.add(int(row["node_id"]))
        return frozenset(out)


def capture(
    c: Tx, selectors: Iterable[Selector], keys: Iterable[Key] = ()
) -> dict[Key, Items]:
    """Every row a selector matches, plus the rows named by `keys`, keyed by primary key."""
    out: dict[Key, Items] = {}
    for table, column, values in selectors:
        _read(c, table, column, list(values), out)
    by_table: dict[str, list[tuple[Value, ...]]] = {}
    for table, pk in keys:
        if (table, pk) not in out:
            by_table.setdefault(table, []).append(pk)
    for table, pks in by_table.items():
        cols = PRIMARY_KEYS[table]
        if len(cols) == 1:
            _read(c, table, cols[0], [pk[0] for pk in pks], out)
        else:
            for pk in pks:
                where = " AND ".join(f"{col} = ?" for col in cols)
                _collect(c, table, f"SELECT * FROM {table} WHERE {where}", list(pk), out)
    return out


def _read(c: Tx, table: str, column: str, values: list[Value], out: dict) -> None:
    if table not in PRIMARY_KEYS or not column.isidentifier():
        raise ValueError(f"bad selector {table}.{column}")
    for i in range(0, len(values), _CHUNK):
        chunk = values[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        _collect(c, table, f"SELECT * FROM {table} WHERE {column} IN ({marks})", chunk, out)


def _collect(c: Tx, table: str, sql: str, params: list[Value], out: dict) -> None:
    cur = c.execute(sql, params)
    names = [d[0] for d in cur.description]
    pk_index = [names.index(col) for col in PRIMARY_KEYS[table]]
    for row in cur:
        values = tuple(row)
        out[(table, tuple(values[i] for i in pk_index))] = tuple(zip(names, values, strict=True))


def apply(c: Tx, current: Mapping[Key, Items], target: Mapping[Key, Items]) -> None:
    """Make the rows in `current` look like `target`: insert, update and delete, parents first in
    and last out, so foreign keys hold at every step."""
    gone = [k for k in current if k not in target]
    changed = {k: v for k, v in target.items() if current.get(k) != v}
    for table in _PARENT_TABLES:
        rows = [(k, v) for k, v in changed.items() if k[0] == table]
        for key, items in _parents_first(rows) if table == "node" else rows:
            _write(c, key, current.get(key), items)
    for table in _CHILD_TABLES:
        for key in gone:
            if key[0] == table:
                _delete(c, key)
        for key, items in changed.items():
            if key[0] == table:
                _write(c, key, current.get(key), items)
    for table in reversed(_PARENT_TABLES):
        rows = [(k, current[k]) for k in gone if k[0] == table]
        for key, _ in reversed(_parents_first(rows)) if table == "node" else rows:
            _delete(c, key)


def _parents_first(rows: list[tuple[Key, Items]]) -> list[tuple[Key, Items]]:
    """Nodes before the nodes that point at them: their parent, or the item a carried copy
    came from (origin_id), which a deleted plan's undo puts back in the same step."""
    pending = {k[1][0]: (k, items) for k, items in rows}
    ordered: list[tuple[Key, Items]] = []
    while pending:
        ready = [i for i, (_, items) in pending.items()
                 if all(dict(items).get(col) not in pending for col in ("parent_id", "origin_id"))]
        if not ready:  # no order satisfies them all (cannot happen with a tree): keep going
            ready = list(pending)
        for node_id in ready:
            ordered.append(pending.pop(node_id))
    return ordered


def _write(c: Tx, key: Key, old: Items | None, new: Items) -> None:
    """Insert a missing row, or update only the columns that differ (cheaper on indexed keys)."""
    table, pk = key
    if old is None:
        cols = [name for name, _ in new]
        c.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [value for _, value in new],
        )
        return
    was = dict(old)
    diff = [(name, value) for name, value in new if was.get(name) != value]
    where = " AND ".join(f"{col} = ?" for col in PRIMARY_KEYS[table])
    c.execute(
        f"UPDATE {table} SET {', '.join(f'{name} = ?' for name, _ in diff)} WHERE {where}",
        [*(value for _, value in diff), *pk],
    )


def _delete(c: Tx, key: Key) -> None:
    table, pk = key
    where = " AND ".join(f"{col} = ?" for col in PRIMARY_KEYS[table])
    c.execute(f"DELETE FROM {table} WHERE {where}", list(pk))
