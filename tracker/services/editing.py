"""Editing a plan's items: their fields, and adding, deleting and moving them.

Every method is one transaction and returns a small result the window uses to refresh only
what changed and, through `undo`/`redo`, to reverse it exactly (same ids, same positions).
序号 is never stored: it follows the positions, so moves and deletions renumber by themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from tracker.domain.model import Kind, NodeRecord
from tracker.domain.values import NodeChanges, clean_field
from tracker.services.conflicts import check_seen
from tracker.services.errors import UserError
from tracker.services.history import UndoableService
from tracker.store import Tx, edits
from tracker.store import repository as repo
from tracker.store.patch import Patch, select

EDITABLE_FIELDS = (
    "title", "detail", "leader", "lead_dept", "co_depts", "owner", "start", "due", "weight", "status",
)
KIND_AT_DEPTH = (Kind.AREA, Kind.TASK, Kind.SUBTASK)
NEW_TITLES = {Kind.AREA: "新工作领域", Kind.TASK: "新事项", Kind.SUBTASK: "新子事项"}
MISSING = "该事项不存在（可能已被删除），请刷新后再试。"
TOO_DEEP = "最多三级（工作领域、事项、子事项），子事项下不能再有下级。"


@dataclass(frozen=True)
class Place:
    """Where a node sits: its parent (None for an area) and its index among its siblings."""

    parent_id: int | None
    position: int


@dataclass(frozen=True)
class NodeUpdate:
    """Fields that changed, with their values before and after (only the changed ones)."""

    node_id: int
    before: Mapping[str, object]
    after: Mapping[str, object]
    extension_id: int | None = None  # the 延期 recorded when a locked plan's deadline moved
    patch: Patch = field(default_factory=Patch, repr=False)

    @property
    def changed(self) -> bool:
        return bool(self.after)


@dataclass(frozen=True)
class NodeAdded:
    node_id: int
    plan_id: int
    place: Place
    kind: Kind
    patch: Patch = field(repr=False)


@dataclass(frozen=True)
class NodeDeleted:
    """The deleted subtree as it was (in `patch`): undo puts back every row with its id."""

    node_id: int
    plan_id: int
    place: Place
    node_ids: tuple[int, ...]
    checkins: int
    patch: Patch = field(repr=False)


@dataclass(frozen=True)
class NodeMoved:
    node_id: int
    plan_id: int
    old: Place
    new: Place
    patch: Patch = field(repr=False)


@dataclass(frozen=True)
class Impact:
    """What a deletion would take with it, for the confirmation question."""

    nodes: int
    checkins: int


def node_fields(c: Tx, row: NodeRecord) -> dict[str, object]:
    """A stored node's editable fields in the form `NodeChanges.parse` produces."""
    return {
        "title": row.title,
        "detail": row.detail,
        "leader": row.leader,
        "lead_dept": row.lead_dept,
        "co_depts": tuple(edits.co_dept_names(c, row.id)),
        "owner": row.owner,
        "start": row.start,
        "due": row.due,
        "weight": row.weight,
        "status": row.status,
    }


class EditingService(UndoableService):
    """Field edits and structure (add, delete, move) of a plan's nodes; `undo`/`redo` any result."""

    def update(
        self, node_id: int, values: NodeChanges | Mapping[str, object], *, reason: str = "",
        as_extension: bool = False, seen: Mapping[str, object] | None = None,
    ) -> NodeUpdate:
        """Change some fields. Once the plan is locked, moving the deadline is an extension (延期)
        and needs `reason`; it is recorded beside the baseline date, which stays as it was.
        `as_extension` refuses the edit when the plan is not locked (the 延期 dialog's path).
        Typed text (a Mapping) is parsed in the plan's year, so "6月底" works. `seen`: the
        fields as the editor showed them; when another save changed one since, EditConflict."""
        with self.db.transaction() as c:
            row = edits.node_row(c, node_id)
            if row is None:
                raise UserError(MISSING)
            changes = values if isinstance(values, NodeChanges) else NodeChanges.parse(values, year=row.year)
            new = changes.items()
            if as_extension and row.locked_at is None:
                raise UserError("计划尚未锁定（未确定基线），直接修改完成时限即可，无需延期。")
            current = node_fields(c, row)
            check_seen(c, "node", node_id, seen, current)
            after = {k: v for k, v in new.items() if current[k] != v}
            if not after:
                return NodeUpdate(node_id, MappingProxyType({}), MappingProxyType({}))
            before = {k: current[k] for k in after}
            start, due = after.get("start", current["start"]), after.get("due", current["due"])
            if isinstance(start, dt.date) and isinstance(due, dt.date) and start > due:
                raise UserError(f"开始日期 {start} 晚于完成时限 {due}，请检查。")
            lead = after.get("lead_dept", current["lead_dept"])
            co_list = after.get("co_depts", current["co_depts"])
            if lead and isinstance(co_list, tuple) and lead in co_list:
                raise UserError(f"“{lead}”不能既是牵头科室又是配合科室，请从配合科室中去掉它。")
            extension = self._extension(c, row, after, reason)
            co = after.get("co_depts")
            co_names = [str(n) for n in co] if isinstance(co, tuple) else []
            names = [n for n in (str(after.get("lead_dept") or ""), *co_names) if n]
            selectors = [
                select("node", "id", [node_id]),
                select("node_co_dept", "node_id", [node_id]),
                select("department", "name", names),
                select("extension", "id", [extension[0]] if extension else []),
            ]

            def op() -> None:
                plain = {k: v for k, v in after.items() if k not in ("lead_dept", "co_depts")}
                repo.update_node(c, node_id, **plain)
                if "lead_dept" in after:
                    repo.set_lead_dept(c, node_id, str(after["lead_dept"]) or None)
                if "co_depts" in after:
                    repo.set_co_depts(c, node_id, co_names)
                if extension:
                    edits.insert_extension(c, *extension)

            patch = self._record(c, selectors, op, subjects=[node_id])
        return NodeUpdate(
            node_id, MappingProxyType(before), MappingProxyType(after),
            extension[0] if extension else None, patch,
        )

    def _extension(
        self, c: Tx, row: NodeRecord, after: dict[str, object], reason: str
    ) -> tuple[int, int, str, str, str, str, str] | None:
        """The extension row to write when a locked plan's deadline (as shown) moves."""
        if "due" not in after or row.locked_at is None:
            return None
        dues = edits.effective_dues(c, row.plan_id)
        old = dues[row.id]
        inherited = dues[row.parent_id] if row.parent_id is not None else f"{row.year}-12-31"
        new_due = after["due"]
        new = new_due.isoformat() if isinstance(new_due, dt.date) else inherited
        if new == old:
            return None
        why = clean_field(reason, "延期理由", single_line=False)
        if not why:
            raise UserError(
                f"计划已锁定（已确定基线），把完成时限从 {old} 改为 {new} 属于延期，请填写延期理由。"
            )
        return (edits.next_id(c, "extension"), row.id, repo.now_iso(), self.who, old, new, why)

    def add(
        self, parent_id: int | None, position: int | None = None, title: str = "", *,
        plan_id: int | None = None,
    ) -> NodeAdded:
        """A new area (parent None, give `plan_id`), item or sub-item at `position` (default: last)."""
        with self.db.transaction() as c:
            if parent_id is None:
                if plan_id is None or edits.plan_row(c, plan_id) is None:
                    raise UserError("没有找到要添加工作领域的计划，请刷新后再试。")
                kind = Kind.AREA
            else:
                parent = edits.node_row(c, parent_id)
                if parent is None:
                    raise UserError(MISSING)
                plan_id = parent.plan_id
                depth = len(edits.ancestor_ids(c, parent_id)) + 1
                if depth >= len(KIND_AT_DEPTH):
                    raise UserError(TOO_DEEP)
                kind = KIND_AT_DEPTH[depth]
            name = clean_field(title, "工作任务") or NEW_TITLES[kind]
            siblings = edits.child_ids(c, plan_id, parent_id)
            at = len(siblings) if position is None else max(0, min(position, len(siblings)))
            new_id = edits.next_id(c, "node")
            selectors = [select("node", "id", [new_id, *siblings[at:]])]

            def op() -> None:
                edits.shift_positions(c, plan_id, parent_id, at, +1)
                edits.insert_node(c, new_id, plan_id, parent_id, at, kind.value, name)

            patch = self._record(c, selectors, op, subjects=[new_id])
        return NodeAdded(new_id, plan_id, Place(parent_id, at), kind, patch)

    def delete_impact(self, node_id: int) -> Impact:
        with self.db.snapshot() as c:
            ids = edits.subtree_ids(c, node_id)
            return Impact(len(ids), edits.checkin_count(c, ids))

    def delete(self, node_id: int) -> NodeDeleted:
        """The node with everything below it, its check-ins, co-departments and extensions.
        Its change-log rows stay (the log is history); `undo` restores the rest exactly."""
        with self.db.transaction() as c:
            row = edits.node_row(c, node_id)
            if row is None:
                raise UserError(MISSING)
            plan_id, parent_id, position = row.plan_id, row.parent_id, row.position
            ids = edits.subtree_ids(c, node_id)
            later = edits.child_ids(c, plan_id, parent_id)[position + 1 :]
            checkins = edits.checkin_count(c, ids)
            selectors = [
                select("node", "id", [*ids, *later]),
                select("node_co_dept", "node_id", ids),
                select("checkin", "node_id", ids),
                select("extension", "node_id", ids),
            ]

            def op() -> None:
                edits.delete_node(c, node_id)
                edits.shift_positions(c, plan_id, parent_id, position + 1, -1)

            patch = self._record(c, selectors, op, subjects=[node_id])
        return NodeDeleted(node_id, plan_id, Place(parent_id, position), tuple(ids), checkins, patch)

    def restore(self, deleted: NodeDeleted) -> None:
        """Put a deleted subtree back with the same ids and positions (the same as `undo`)."""
        self.undo(deleted)

    def move(self, node_id: int, parent_id: int | None, position: int) -> NodeMoved:
        """Move a node (with its subtree) to be child `position` of `parent_id` (None: an area).

        `position` is the node's index after the move, among the new siblings without it. Kinds
        follow depth: an item moved to the top becomes an area, an area moved under one an item.
        """
        with self.db.transaction() as c:
            row = edits.node_row(c, node_id)
            if row is None:
                raise UserError(MISSING)
            plan_id = row.plan_id
            old = Place(row.parent_id, row.position)
            depths = edits.subtree_depths(c, node_id)
            depth = self._target_depth(c, plan_id, parent_id, depths)
            old_siblings = edits.child_ids(c, plan_id, old.parent_id)
            new_siblings = [n for n in edits.child_ids(c, plan_id, parent_id) if n != node_id]
            new = Place(parent_id, max(0, min(position, len(new_siblings))))
            if new == old:
                return NodeMoved(node_id, plan_id, old, new, Patch())
            selectors = [select("node", "id", {*depths, *old_siblings, *new_siblings})]

            def op() -> None:
                edits.place_node(c, node_id, old.parent_id, -1)  # out of the way of both shifts
                edits.shift_positions(c, plan_id, old.parent_id, old.position + 1, -1)
                edits.shift_positions(c, plan_id, new.parent_id, new.position, +1)
                edits.place_node(c, node_id, new.parent_id, new.position)
                for nid, below in depths.items():
                    edits.set_kind(c, nid, KIND_AT_DEPTH[depth + below].value)

            patch = self._record(c, selectors, op, subjects=[node_id])
        return NodeMoved(node_id, plan_id, old, new, patch)

    def _target_depth(
        self, c: Tx, plan_id: int, parent_id: int | None, depths: dict[int, int]
    ) -> int:
        """The moved node's depth at its new place; refuses cycles, other plans and a 4th level."""
        if parent_id is None:
            depth = 0
        else:
            parent = edits.node_row(c, parent_id)
            if parent is None:
                raise UserError("目标位置的上级事项不存在（可能已被删除），请刷新后再试。")
            if parent.plan_id != plan_id:
                raise UserError("事项只能在同一年度的计划内移动。")
            if parent_id in depths:
                raise UserError("不能把事项移到它自己或它的下级事项之下。")
            depth = len(edits.ancestor_ids(c, parent_id)) + 1
        if depth + max(depths.values()) >= len(KIND_AT_DEPTH):
            raise UserError(f"移到这里后层级将超过三级。{TOO_DEEP}")
        return depth
