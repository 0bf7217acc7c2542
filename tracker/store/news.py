"""News of what each commit changed, kept in the data file for the other programs on it.

A window learns about its own edits as they commit; an edit made by the command line or a
second window reaches it only through the file. So every recorded edit also writes one row per
item it touched (`node`: its values; `shape`: it came, went or moved) and one row when plans or
the department list changed, numbered in commit order. A window that saw everything up to
number N reads the rows after N and refreshes just those items. Old rows are pruned; a reader
that fell further behind (or a file restored from a backup) re-reads everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.store.sql import Tx

KEEP = 50_000  # rows kept for readers that fell behind; pruned every PRUNE_EVERY rows
PRUNE_EVERY = 1_000
NODE, SHAPE, PLANS, DEPARTMENTS = "node", "shape", "plans", "departments"


@dataclass(frozen=True)
class News:
    """What other programs changed since a reader's last look."""

    seq: int  # the newest row read: where the next look starts
    node_ids: frozenset[int]
    structure: bool
    plans: bool
    departments: bool

    @property
    def empty(self) -> bool:
        return not (self.node_ids or self.structure or self.plans or self.departments)


def write(c: Tx, node_ids: Iterable[int] = (), shape_ids: Iterable[int] = (),
          *, plans: bool = False, departments: bool = False) -> None:
    """Inside the writer's transaction: one row per item touched, one per list changed."""
    rows: list[tuple[int | None, str]] = [(n, SHAPE) for n in sorted(set(shape_ids))]
    shaped = set(shape_ids)
    rows += [(n, NODE) for n in sorted(set(node_ids) - shaped)]
    if plans:
        rows.append((None, PLANS))
    if departments:
        rows.append((None, DEPARTMENTS))
    if not rows:
        return
    first = latest(c) + 1
    c.executemany("INSERT INTO change_news (seq, node_id, kind) VALUES (?, ?, ?)",
                  [(first + i, node_id, kind) for i, (node_id, kind) in enumerate(rows)])
    last = first + len(rows) - 1
    if last // PRUNE_EVERY != (first - 1) // PRUNE_EVERY:
        c.execute("DELETE FROM change_news WHERE seq <= ?", (last - KEEP,))


def latest(c: Tx) -> int:
    """The newest row's number (0 when there is none)."""
    row = c.execute("SELECT max(seq) FROM change_news").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def since(c: Tx, seq: int) -> News | None:
    """The news after row `seq`; None when some of it is gone (pruned, or the file was put back
    from a backup), so the reader must re-read everything."""
    rows = c.execute("SELECT seq, node_id, kind FROM change_news WHERE seq > ? ORDER BY seq",
                     (seq,)).fetchall()
    if not rows:
        return None if latest(c) < seq else News(seq, frozenset(), False, False, False)
    if int(rows[0][0]) != seq + 1:
        return None
    kinds = {str(r[2]) for r in rows}
    return News(int(rows[-1][0]), frozenset(int(r[1]) for r in rows if r[1] is not None),
                SHAPE in kinds, PLANS in kinds, DEPARTMENTS in kinds)
