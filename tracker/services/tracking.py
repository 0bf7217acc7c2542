"""Tracking: assign owners and deadlines, record check-ins, read an item's history.

Each public method is one transaction and writes its field changes to the change log.
"""

from __future__ import annotations

import datetime as dt
import getpass
import math
from dataclasses import dataclass

from tracker.domain.model import CheckIn, Node, Status
from tracker.domain.text import TextTooLong, clean_text, split_names
from tracker.services.errors import UserError
from tracker.services.plans import PlanService
from tracker.store import Database
from tracker.store import repository as repo


def current_user() -> str:
    """Who "I" am in the change log: the operating-system user."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return ""


def parse_date(text: str, what: str = "日期") -> dt.date:
    try:
        value = dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserError(f"{what}“{text}”不是有效日期，请写成 YYYY-MM-DD，例如 2018-06-30。") from exc
    if not 1900 <= value.year <= 2999:
        raise UserError(f"{what}“{text}”超出范围。")
    return value


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
class Assignment:
    """Fields to change; None leaves a field as it is."""

    leader: str | None = None
    lead_dept: str | None = None
    co_depts: str | list[str] | None = None
    owner: str | None = None
    due: dt.date | str | None = None


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
        node = self.find(code, year)
        updates: dict[str, object] = {}
        log: list[tuple[str, object, object]] = []
        if change.leader is not None:
            leader = _text(change.leader, "责任领导", single_line=True)
            updates["leader"] = leader
            log.append(("leader", node.leader, leader))
        if change.owner is not None:
            owner = _text(change.owner, "责任人", single_line=True)
            updates["owner"] = owner
            log.append(("owner", node.owner, owner))
        if change.due is not None:
            due = change.due
            if not isinstance(due, dt.date):
                due = parse_date(due, "完成时限")
            updates["due"] = due
            log.append(("due", node.due, due))
        lead = _text(change.lead_dept, "牵头科室", True) if change.lead_dept is not None else None
        co: list[str] | None = None
        if change.co_depts is not None:
            raw = change.co_depts
            co = split_names(raw if isinstance(raw, str) else ",".join(raw))
        with self.db.transaction() as c:
            repo.update_node(c, node.id, **updates)
            if lead is not None:
                repo.set_lead_dept(c, node.id, lead or None)
                log.append(("lead_dept", node.lead_dept, lead))
            if co is not None:
                repo.set_co_depts(c, node.id, co)
                log.append(("co_depts", "、".join(node.co_depts), "、".join(co)))
            for field, old, new in log:
                if _shown(old) != _shown(new):
                    repo.log_change(c, self.who, "node", node.id, field, _shown(old), _shown(new))
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
        when = date if isinstance(date, dt.date) else (
            parse_date(date) if date else dt.date.today()
        )
        ci = CheckIn(
            id=0,
            node_id=node.id,
            date=when,
            progress=parse_progress(progress),
            progress_text=_text(note, "进展情况"),
            problems=_text(problems, "存在问题"),
            next_steps=_text(next_steps, "下步措施"),
            reporter=_text(self.who if reporter is None else reporter, "填报人", True),
        )
        with self.db.transaction() as c:
            ci.id = repo.add_checkin(c, ci)
            status = _status_after(node.status, ci.progress)
            if status is not node.status:
                repo.update_node(c, node.id, status=status)
                repo.log_change(c, self.who, "node", node.id, "status", node.status, status)
        return ci

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


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
