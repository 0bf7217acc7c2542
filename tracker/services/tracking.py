"""Tracking: assign owners and deadlines, record check-ins, read an item's history.

Each public method is one transaction and writes its field changes to the change log.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from dataclasses import dataclass, field

from tracker.domain.model import CheckIn, Node, Status
from tracker.domain.text import TextTooLong, clean_text
from tracker.services.editing import EditingService, parse_date
from tracker.services.errors import UserError
from tracker.services.history import current_user, record, replay
from tracker.services.plans import PlanService
from tracker.store import Database, edits
from tracker.store import repository as repo
from tracker.store.patch import Patch, Selector, select


def parse_progress(value: str | float) -> float:
    try:
        number = float(str(value).strip().rstrip("%％"))
    except ValueError as exc:
        raise UserError(f"进度“{value}”不是数字，请填 0–100。") from exc
    if math.isnan(number) or not 0 <= number <= 100:
        raise UserError(f"进度“{value}”超出范围，请填 0–100。")
    return number


def _text(value: str | None, what: str, single_line: bool = False) -> str:
    try:
        return clean_text(value or "", single_line=single_line)
    except TextTooLong as exc:
        raise UserError(f"{what}{exc}") from exc


@dataclass(frozen=True)
class CheckInChange:
    """A check-in added (before None), corrected, or deleted (after None), with its node."""

    node_id: int
    before: CheckIn | None
    after: CheckIn | None
    patch: Patch = field(repr=False)

    @property
    def checkin_id(self) -> int:
        ci = self.after or self.before
        assert ci is not None
        return ci.id


@dataclass(frozen=True)
class Assignment:
    """Fields to change; None leaves a field as it is."""

    leader: str | None = None
    lead_dept: str | None = None
    co_depts: str | list[str] | None = None
    owner: str | None = None
    due: dt.date | str | None = None
    reason: str | None = None  # 延期理由, needed to move the deadline of a locked plan


class TrackingService:
    def __init__(self, db: Database, who: str | None = None) -> None:
        self.db = db
        self.who = current_user() if who is None else who
        self.plans = PlanService(db)

    def find(self, code: str, year: int | None = None) -> Node:
        view = self.plans.view(year)
        node = view.plan.find(code.strip())
        if node is None:
            raise UserError(
                f"{view.plan.year} 年计划中没有序号为“{code}”的事项（序号如 2 或 2.3）。"
            )
        return node

    def assign(self, code: str, change: Assignment, year: int | None = None) -> Node:
        """The command line's edit: the same rules as the window's (a locked plan's deadline
        move needs `change.reason`)."""
        node = self.find(code, year)
        fields = ("leader", "lead_dept", "co_depts", "owner", "due")
        values = {f: getattr(change, f) for f in fields if getattr(change, f) is not None}
        EditingService(self.db, self.who).update(node.id, values, reason=change.reason or "")
        return self.find(code, year)

    def checkin(
        self,
        code: str,
        progress: str | float,
        *,
        note: str = "",
        problems: str = "",
        next_steps: str = "",
        date: str | dt.date | None = None,
        reporter: str | None = None,
        year: int | None = None,
    ) -> CheckIn:
        node = self.find(code, year)
        if node.children:
            raise UserError(f"“{node.code} {node.title}”有下级事项，进度由下级汇总，请对下级事项填报。")
        change = self.add_checkin(
            node.id, progress, note=note, problems=problems, next_steps=next_steps, date=date,
            reporter=reporter,
        )
        assert change.after is not None
        return change.after

    # --- check-ins by id, undoable (the window's path) ----------------------------------

    def add_checkin(
        self,
        node_id: int,
        progress: str | float,
        *,
        note: str = "",
        problems: str = "",
        next_steps: str = "",
        date: str | dt.date | None = None,
        reporter: str | None = None,
    ) -> CheckInChange:
        """Record a check-in on a leaf item; its status follows the latest check-in."""
        values = checkin_values({
            "date": date or dt.date.today(), "progress": progress, "progress_text": note,
            "problems": problems, "next_steps": next_steps,
            "reporter": self.who if reporter is None else reporter,
        })
        with self.db.transaction() as c:
            if edits.node_row(c, node_id) is None:
                raise UserError("该事项不存在（可能已被删除），请刷新后再试。")
            if edits.child_ids(c, _plan_of(c, node_id), node_id):
                raise UserError("该事项有下级事项，进度由下级汇总，请对下级事项填报。")
            new_id = edits.next_id(c, "checkin")

            def op() -> None:
                edits.insert_checkin(c, new_id, node_id, created_at=repo.now_iso(), **values)  # type: ignore[arg-type]
                follow_latest(c, node_id)

            patch = record(c, self.who, _checkin_scope(new_id, node_id), op, [node_id])
            after = _read_checkin(c, new_id)
        return CheckInChange(node_id, None, after, patch)

    def edit_checkin(self, checkin_id: int, **values: object) -> CheckInChange:
        """Correct a check-in (date, progress, progress_text, problems, next_steps, reporter)."""
        new = checkin_values(values)
        with self.db.transaction() as c:
            before = _read_checkin(c, checkin_id)
            old = {k: getattr(before, k) for k in new}
            changed = {k: v for k, v in new.items() if old[k] != v}
            if not changed:
                return CheckInChange(before.node_id, before, before, Patch())

            def op() -> None:
                edits.update_checkin(c, checkin_id, changed)
                if {"date", "progress"} & changed.keys():
                    follow_latest(c, before.node_id)

            scope = _checkin_scope(checkin_id, before.node_id)
            patch = record(c, self.who, scope, op, [before.node_id])
            after = _read_checkin(c, checkin_id)
        return CheckInChange(before.node_id, before, after, patch)

    def delete_checkin(self, checkin_id: int) -> CheckInChange:
        """Remove a check-in; `restore_checkin` (or `undo`) puts it back with the same id."""
        with self.db.transaction() as c:
            before = _read_checkin(c, checkin_id)

            def op() -> None:
                edits.delete_checkin(c, checkin_id)
                follow_latest(c, before.node_id)

            patch = record(c, self.who, _checkin_scope(checkin_id, before.node_id), op,
                           [before.node_id])
        return CheckInChange(before.node_id, before, None, patch)

    def restore_checkin(self, deleted: CheckInChange) -> None:
        self.undo(deleted)

    def undo(self, change: CheckInChange) -> None:
        replay(self.db, self.who, change.patch, forward=False)

    def redo(self, change: CheckInChange) -> None:
        replay(self.db, self.who, change.patch, forward=True)

    def checkins(self, node_id: int) -> list[CheckIn]:
        return repo.checkins_for(self.db.read(), node_id)

    def changes(self, node_id: int) -> list[repo.Change]:
        return repo.changes_for(self.db.read(), "node", node_id)


def _status_after(status: Status, progress: float) -> Status:
    """A check-in moves the status along; a suspended item stays suspended."""
    if status is Status.SUSPENDED:
        return status
    if progress >= 100:
        return Status.DONE
    if progress > 0 or status is Status.DONE:
        return Status.IN_PROGRESS
    return status


def checkin_values(values: dict[str, object]) -> dict[str, object]:
    """Check-in fields as stored (shared with the ledger import, so both apply the same checks);
    unknown names are a programming error."""
    unknown = set(values) - set(edits.CHECKIN_FIELDS)
    if unknown:
        raise ValueError(f"unknown check-in fields: {sorted(unknown)}")
    labels = {"progress_text": "进展情况", "problems": "存在问题", "next_steps": "下步措施"}
    out: dict[str, object] = {}
    for name, value in values.items():
        if name == "date":
            day = value if isinstance(value, dt.date) else parse_date(str(value), "填报日期")
            if day > dt.date.today():
                # a mistyped future date would stay the item's latest report for good
                raise UserError(f"填报日期 {day.isoformat()} 晚于今天，请检查日期。")
            out[name] = day
        elif name == "progress":
            out[name] = parse_progress(str(value))
        elif name == "reporter":
            out[name] = _text(str(value), "填报人", True)
        else:
            out[name] = _text(str(value), labels[name])
    return out


def _checkin_scope(checkin_id: int, node_id: int) -> list[Selector]:
    return [select("checkin", "id", [checkin_id]), select("node", "id", [node_id])]


def _plan_of(c: sqlite3.Connection, node_id: int) -> int:
    row = edits.node_row(c, node_id)
    assert row is not None
    return int(row["plan_id"])


def _read_checkin(c: sqlite3.Connection, checkin_id: int) -> CheckIn:
    row = edits.checkin_row(c, checkin_id)
    if row is None:
        raise UserError("这条进展记录不存在（可能已被删除），请刷新后再试。")
    return CheckIn(
        id=row["id"], node_id=row["node_id"], date=dt.date.fromisoformat(row["date"]),
        progress=row["progress"], progress_text=row["progress_text"], problems=row["problems"],
        next_steps=row["next_steps"], reporter=row["reporter"], created_at=row["created_at"],
    )


def follow_latest(c: sqlite3.Connection, node_id: int) -> None:
    """The status follows the latest check-in (none left counts as progress 0)."""
    row = edits.node_row(c, node_id)
    assert row is not None
    latest = edits.latest_progress(c, node_id)
    status = _status_after(Status(row["status"]), latest[1] if latest else 0.0)
    edits.set_status(c, node_id, status.value)
