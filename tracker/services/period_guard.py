"""The one rule closed periods impose on writes: no check-in dated inside a closed period is
added, corrected or removed until that period is reopened (with a reason, in the log).

Called by every path that writes check-ins: the window's and the command line's check-ins,
their corrections and deletions, undo and redo, and the ledger import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tracker.services.errors import UserError
from tracker.store import Tx
from tracker.store import periods as store

CLOSED = (
    "{0} 已关账：该期内日期（{1}）的进展填报不能新增、修改或删除。如需更正，请先重新打开该期（须填写理由）。"
)


def refuse_closed(c: Tx, node_id: int, days: Iterable[dt.date | str | None]) -> None:
    """Raise UserError when any of `days` falls inside a closed period of the node's plan."""
    wanted = [d if isinstance(d, dt.date) else dt.date.fromisoformat(d) for d in days if d]
    if not wanted or not store.any_closed(c):
        return
    plan_id = store.plan_of_node(c, node_id)
    if plan_id is None:
        return
    found = store.closed_containing(c, plan_id, wanted)
    if found:
        inside = sorted(d.isoformat() for d in wanted)
        raise UserError(CLOSED.format("、".join(found), "、".join(inside)))
