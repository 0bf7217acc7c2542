"""The plan's frame once approved: the lock (baseline), extensions (延期) and light thresholds.

Locking copies every item's deadline as shown into `baseline_due`; from then on a deadline
move needs a reason and is kept as an extension, so the ledger can show the approved date
beside the current one. Each call is one transaction and can be undone like any edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain.model import Extension, PlanRecord
from tracker.domain.values import parse_points
from tracker.services.editing import EditingService, NodeUpdate
from tracker.services.errors import UserError
from tracker.services.history import UndoableService
from tracker.store import Tx, edits
from tracker.store import repository as repo
from tracker.store.patch import Patch, Selector, select

NO_PLAN = "没有找到该计划（可能已被删除），请刷新后再试。"


@dataclass(frozen=True)
class PlanChange:
    """A lock, unlock or threshold change; `node_ids` are the items whose display changes."""

    plan_id: int
    node_ids: frozenset[int]
    patch: Patch = field(repr=False)


class BaselineService(UndoableService):
    def lock(self, plan_id: int) -> PlanChange:
        """Approve the plan: every item's deadline as shown becomes its baseline date."""
        with self.db.transaction() as c:
            plan = _plan(c, plan_id)
            if plan.locked_at is not None:
                raise UserError(f"{plan.year} 年计划已于 {plan.locked_at} 锁定。")
            dues = edits.effective_dues(c, plan_id)

            def op() -> None:
                edits.set_lock(c, plan_id, repo.now_iso())
                edits.set_baselines(c, dict(dues))

            patch = self._record(c, _plan_scope(plan_id), op)
        return PlanChange(plan_id, frozenset(dues), patch)

    def unlock(self, plan_id: int) -> PlanChange:
        """Back to drafting: deadlines are plain edits again and the baseline dates are cleared
        (extensions recorded so far stay in the history)."""
        with self.db.transaction() as c:
            plan = _plan(c, plan_id)
            if plan.locked_at is None:
                raise UserError(f"{plan.year} 年计划尚未锁定。")
            ids = edits.plan_node_ids(c, plan_id)

            def op() -> None:
                edits.set_lock(c, plan_id, None)
                edits.set_baselines(c, dict.fromkeys(ids))

            patch = self._record(c, _plan_scope(plan_id), op)
        return PlanChange(plan_id, frozenset(ids), patch)

    def extend(self, node_id: int, due: dt.date | str, reason: str) -> NodeUpdate:
        """Move a locked plan's deadline, with the reason; undo like any edit."""
        editing = EditingService(self.db, self.who)
        return editing.update(node_id, {"due": due}, reason=reason, as_extension=True)

    def extensions(self, node_id: int) -> list[Extension]:
        """A node's extensions, oldest first."""
        return edits.extensions_for(self.db.read(), node_id)

    def set_thresholds(self, plan_id: int, green_max: float | str, yellow_max: float | str) -> PlanChange:
        """Light thresholds in points of lag: up to `green_max` green, up to `yellow_max` yellow."""
        green, yellow = parse_points(green_max, "绿灯上限"), parse_points(yellow_max, "黄灯上限")
        if green > yellow:
            raise UserError(f"绿灯上限（{green:g}）不能大于黄灯上限（{yellow:g}）。")
        with self.db.transaction() as c:
            _plan(c, plan_id)
            patch = self._record(
                c, [select("plan", "id", [plan_id])],
                lambda: edits.set_thresholds(c, plan_id, green, yellow),
            )
            ids = edits.plan_node_ids(c, plan_id) if not patch.empty else []
        return PlanChange(plan_id, frozenset(ids), patch)


def _plan(c: Tx, plan_id: int) -> PlanRecord:
    row = edits.plan_row(c, plan_id)
    if row is None:
        raise UserError(NO_PLAN)
    return row


def _plan_scope(plan_id: int) -> list[Selector]:
    return [select("plan", "id", [plan_id]), select("node", "plan_id", [plan_id])]


__all__ = ["BaselineService", "Extension", "PlanChange"]
