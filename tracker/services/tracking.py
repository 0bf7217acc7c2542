"""Tracking: assign owners and deadlines, record check-ins, read an item's history.

Each public method is one transaction and writes its field changes to the change log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain.model import CheckIn, LogEntry, Node, Status
from tracker.domain.values import CheckInValues, checkin_changes, parse_progress
from tracker.services.conflicts import check_seen, checkin_seen
from tracker.services.errors import UserError
from tracker.services.history import UndoableService
from tracker.services.period_guard import refuse_closed
from tracker.services.plans import PlanService
from tracker.store import Store, Tx, edits
from tracker.store import repository as repo
from tracker.store.patch import Patch, Selector, select

DUPLICATE_CHECKIN = "与 {0} 已保存的进展填报完全相同，未重复保存。"


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


class TrackingService(UndoableService):
    def __init__(self, db: Store, who: str | None = None) -> None:
        super().__init__(db, who)
        self.plans = PlanService(db)

    def find(self, code: str, year: int | None = None) -> Node:
        """The item numbered `code` ("2.3") in the plan of `year` (the newest when None), with its
        sub-items, found with one query whatever the plan's size (the command line's way in)."""
        resolved = self.plans.resolve_year(year)
        wanted = code.strip()
        with self.db.snapshot() as c:
            plan_id = repo.plan_id_for_year(c, resolved)
            positions = _positions(wanted)
            found = repo.node_at(c, plan_id, positions) if plan_id is not None and positions else None
            if found is None or plan_id is None:
                raise UserError(
                    f"{resolved} 年计划中没有序号为“{_short(code)}”的事项（序号如 2 或 2.3）。"
                )
            nodes = repo.load_nodes(c, plan_id, [found, *edits.child_ids(c, plan_id, found)])
        node = nodes.pop(found)
        node.code = ".".join(str(p + 1) for p in positions)
        node.children = sorted(nodes.values(), key=lambda n: (n.position, n.id))
        for n, child in enumerate(node.children, start=1):
            child.code = f"{node.code}.{n}"
        return node

    def assign(self, code: str, change: Assignment, year: int | None = None) -> Node:
        """The command line's edit: the same rules as the window's (a locked plan's deadline
        move needs `change.reason`)."""
        node = self.find(code, year)
        fields = ("leader", "lead_dept", "co_depts", "owner", "due")
        values = {f: getattr(change, f) for f in fields if getattr(change, f) is not None}
        from tracker.services.editing import EditingService  # a check-in does not need it

        EditingService(self.db, self.who).update(node.id, values, reason=change.reason or "")
        return self.find(code, year)

    def checkin(
        self,
        code: str,
        progress: str | float | None,
        *,
        note: str = "",
        problems: str = "",
        next_steps: str = "",
        date: str | dt.date | None = None,
        reporter: str | None = None,
        year: int | None = None,
    ) -> CheckIn:
        """The command line's check-in; `progress` None keeps the item's latest progress."""
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

    def latest(self, node_id: int) -> CheckIn | None:
        """The item's latest check-in (by date, then entry), where a new one starts from."""
        found = repo.checkins_for(self.db.read(), node_id)
        return found[0] if found else None

    def usual_reporter(self, node_id: int) -> str:
        """Who reported on this item last, else who "I" am: the check-in dialog's default."""
        latest = self.latest(node_id)
        return latest.reporter if latest is not None and latest.reporter else self.who

    def add_checkin(
        self,
        node_id: int,
        progress: str | float | None = None,
        *,
        note: str = "",
        problems: str = "",
        next_steps: str = "",
        date: str | dt.date | None = None,
        reporter: str | None = None,
    ) -> CheckInChange:
        """Record a check-in on a leaf item; its status follows the latest check-in.

        `progress` None keeps the latest progress (a note-only report). The same report again
        on the same day (a retry after an error, a double click) is refused, not saved twice."""
        with self.db.transaction() as c:
            if edits.node_row(c, node_id) is None:
                raise UserError("该事项不存在（可能已被删除），请刷新后再试。")
            if edits.child_ids(c, _plan_of(c, node_id), node_id):
                raise UserError("该事项有下级事项，进度由下级汇总，请对下级事项填报。")
            latest = edits.latest_checkin(c, node_id)
            values = CheckInValues.parse(
                date=date or dt.date.today(),
                progress=(latest.progress if latest else 0.0) if progress is None else progress,
                progress_text=note, problems=problems, next_steps=next_steps,
                reporter=self.who if reporter is None else reporter,
            )
            if latest is not None and _same_report(latest, values):
                raise UserError(DUPLICATE_CHECKIN.format(latest.date.isoformat()))
            refuse_closed(c, node_id, [values.date])
            new_id = edits.next_id(c, "checkin")
            checkin = CheckIn(new_id, node_id, values.date, values.progress, values.progress_text,
                              values.problems, values.next_steps, values.reporter, repo.now_iso())

            def op() -> None:
                edits.insert_checkin(c, checkin)
                follow_latest(c, node_id)

            patch = self._record(c, _checkin_scope(new_id, node_id), op, [node_id])
            after = _read_checkin(c, new_id)
        return CheckInChange(node_id, None, after, patch)

    def edit_checkin(self, checkin_id: int, seen: CheckIn | None = None, **values: object) -> CheckInChange:
        """Correct a check-in (date, progress, progress_text, problems, next_steps, reporter).
        `seen`: the check-in as the editor showed it; changed by someone since: EditConflict."""
        new = checkin_changes(values)
        with self.db.transaction() as c:
            before = _read_checkin(c, checkin_id)
            if seen is not None:
                check_seen(c, "checkin", checkin_id, checkin_seen(seen), checkin_seen(before))
            changed = {k: v for k, v in new.items() if getattr(before, k) != v}
            if not changed:
                return CheckInChange(before.node_id, before, before, Patch())
            moved = changed.get("date")
            refuse_closed(c, before.node_id, [before.date, moved if isinstance(moved, dt.date) else None])

            def op() -> None:
                edits.update_checkin(c, checkin_id, changed)
                if {"date", "progress"} & changed.keys():
                    follow_latest(c, before.node_id)

            scope = _checkin_scope(checkin_id, before.node_id)
            patch = self._record(c, scope, op, [before.node_id])
            after = _read_checkin(c, checkin_id)
        return CheckInChange(before.node_id, before, after, patch)

    def delete_checkin(self, checkin_id: int) -> CheckInChange:
        """Remove a check-in; `restore_checkin` (or `undo`) puts it back with the same id."""
        with self.db.transaction() as c:
            before = _read_checkin(c, checkin_id)
            refuse_closed(c, before.node_id, [before.date])

            def op() -> None:
                edits.delete_checkin(c, checkin_id)
                follow_latest(c, before.node_id)

            patch = self._record(c, _checkin_scope(checkin_id, before.node_id), op, [before.node_id])
        return CheckInChange(before.node_id, before, None, patch)

    def restore_checkin(self, deleted: CheckInChange) -> None:
        self.undo(deleted)

    def checkins(self, node_id: int) -> list[CheckIn]:
        return repo.checkins_for(self.db.read(), node_id)

    def changes(self, node_id: int) -> list[LogEntry]:
        return repo.changes_for(self.db.read(), "node", node_id)


def _same_report(latest: CheckIn, new: CheckInValues) -> bool:
    return (latest.date, latest.progress, latest.progress_text, latest.problems, latest.next_steps) \
        == (new.date, new.progress, new.progress_text, new.problems, new.next_steps)


def _positions(code: str) -> list[int]:
    """"2.3" -> [1, 2]: each part of a 序号 is a position among siblings, counted from 1."""
    parts = code.split(".")
    if not all(p.isascii() and p.isdigit() and len(p) <= 6 for p in parts):
        return []
    positions = [int(p) - 1 for p in parts]
    return positions if all(p >= 0 for p in positions) else []


def _short(text: str, limit: int = 40) -> str:
    """A typed value echoed in a message, cut so a pasted essay does not fill the terminal."""
    return text if len(text) <= limit else text[:limit] + "…"


def _status_after(status: Status, progress: float) -> Status:
    """A check-in moves the status along; a suspended item stays suspended."""
    if status is Status.SUSPENDED:
        return status
    if progress >= 100:
        return Status.DONE
    if progress > 0 or status is Status.DONE:
        return Status.IN_PROGRESS
    return status


def _checkin_scope(checkin_id: int, node_id: int) -> list[Selector]:
    return [select("checkin", "id", [checkin_id]), select("node", "id", [node_id])]


def _plan_of(c: Tx, node_id: int) -> int:
    row = edits.node_row(c, node_id)
    assert row is not None
    return row.plan_id


def _read_checkin(c: Tx, checkin_id: int) -> CheckIn:
    found = edits.checkin_row(c, checkin_id)
    if found is None:
        raise UserError("这条进展记录不存在（可能已被删除），请刷新后再试。")
    return found


def follow_latest(c: Tx, node_id: int) -> None:
    """The status follows the latest check-in (none left counts as progress 0)."""
    row = edits.node_row(c, node_id)
    assert row is not None
    latest = edits.latest_progress(c, node_id)
    status = _status_after(row.status, latest[1] if latest else 0.0)
    edits.set_status(c, node_id, status.value)


__all__ = ["DUPLICATE_CHECKIN", "Assignment", "CheckInChange", "TrackingService", "follow_latest",
           "parse_progress"]
