"""Reporting periods: the plan's cadence, who has not reported (未报送), closing and reopening a
period, and the plan as it stood at a closed period's end.

Closing freezes every node's shown values (progress, status, light, latest check-in) into the
file; from then on the period's numbers never change, and check-ins dated inside it are refused
(period_guard.py) until it is reopened with a reason. Close and reopen are deliberate, logged
acts with their own inverse, not undo steps; the cadence setting is an undoable edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain import rules
from tracker.domain.model import CheckIn, Light, Node, Plan
from tracker.domain.period_report import MissingItem
from tracker.domain.periods import Cadence, Period, parse_period, period_at, periods_of
from tracker.domain.snapshot import FrozenItem, freeze, plan_as_of, thaw
from tracker.services.errors import UserError
from tracker.services.history import UndoableService
from tracker.services.plans import PlanService, PlanView
from tracker.store import Store, Tx, edits
from tracker.store import periods as store
from tracker.store import repository as repo
from tracker.store.patch import Patch, select
from tracker.store.periods import ClosedPeriod, PeriodLogEntry

__all__ = [
    "ClosedPeriod",
    "MissingItem",
    "PeriodInfo",
    "PeriodLogEntry",
    "PeriodService",
    "PeriodValues",
    "PeriodSettings",
    "SettingsChange",
]


@dataclass(frozen=True)
class PeriodSettings:
    cadence: Cadence
    report_day: int


@dataclass(frozen=True)
class PeriodInfo:
    """A period of the plan year, whether (and when) it was closed, and its report-by date."""

    period: Period
    report_by: dt.date
    closed: ClosedPeriod | None = None

    @property
    def key(self) -> str:
        return self.period.key

    @property
    def is_closed(self) -> bool:
        return self.closed is not None


@dataclass(frozen=True)
class PeriodValues:
    """A period and each node's (progress, light) in it (empty for a period not yet begun)."""

    info: PeriodInfo
    values: dict[int, tuple[float, Light]]


@dataclass(frozen=True)
class SettingsChange:
    """A cadence change, undone and redone like any edit."""

    plan_id: int
    patch: Patch = field(repr=False)


class PeriodService(UndoableService):
    def __init__(self, db: Store, who: str | None = None) -> None:
        super().__init__(db, who)
        self.plans = PlanService(db)

    # --- the cadence -----------------------------------------------------------------

    def _plan(self, year: int | None) -> tuple[int, int]:
        resolved = self.plans.resolve_year(year)
        plan_id = repo.plan_id_for_year(self.db.read(), resolved)
        if plan_id is None:
            raise UserError(f"没有 {resolved} 年的计划。")
        return plan_id, resolved

    def settings(self, year: int | None = None) -> PeriodSettings:
        plan_id, _ = self._plan(year)
        found = store.cadence(self.db.read(), plan_id)
        assert found is not None
        return PeriodSettings(Cadence(found[0]), found[1])

    def set_settings(self, plan_id: int, cadence: Cadence | str, report_day: int | str) -> SettingsChange:
        """Monthly or quarterly, and the day of the month reports are due (1–31)."""
        try:
            kind, day = Cadence(cadence), int(report_day)
        except ValueError as exc:
            raise UserError(
                f"报送周期须为 month 或 quarter，报送日须为 1–31 的整数（收到：{cadence}，{report_day}）。"
            ) from exc
        if not 1 <= day <= 31:
            raise UserError(f"报送日须在 1–31 之间（收到：{day}）。")
        with self.db.transaction() as c:
            current = store.cadence(c, plan_id)
            if current is None:
                raise UserError("没有找到该计划（可能已被删除），请刷新后再试。")
            if current[0] != kind.value and store.closed(c, plan_id):
                raise UserError("已有关账的期，不能更改报送周期（月报/季报）；请先重新打开已关账的期。")
            patch = self._record(
                c, [select("plan", "id", [plan_id])], lambda: store.set_cadence(c, plan_id, kind.value, day)
            )
        return SettingsChange(plan_id, patch)

    # --- the periods ------------------------------------------------------------------

    def periods(self, year: int | None = None) -> list[PeriodInfo]:
        plan_id, resolved = self._plan(year)
        c = self.db.read()
        kind, day = store.cadence(c, plan_id) or ("month", 25)
        closed = {p.period: p for p in store.closed(c, plan_id)}
        return [
            PeriodInfo(p, p.report_by(day), closed.get(p.key)) for p in periods_of(resolved, Cadence(kind))
        ]

    def current(self, year: int | None = None, today: dt.date | None = None) -> PeriodInfo:
        """The period holding today (the year's first or last outside it)."""
        infos = self.periods(year)
        here = period_at(infos[0].period.year, infos[0].period.cadence, today or dt.date.today())
        return next(i for i in infos if i.key == here.key)

    def info(self, text: str, year: int | None = None) -> PeriodInfo:
        """A period of the plan by its key ("2018-06", "2018Q2"); refused when it is not one."""
        period = parse_period(text)
        if year is None and period is not None and period.year in self.plans.years():
            year = period.year
        infos = self.periods(year)
        plan_year, cadence = infos[0].period.year, infos[0].period.cadence
        example = periods_of(plan_year, cadence)[5 if cadence is Cadence.MONTHLY else 1].key
        if period is None:
            raise UserError(f"无法识别的期：“{text.strip()[:20]}”（如 {example}）。")
        found = next((i for i in infos if i.key == period.key), None)
        if found is None:
            kind = "按月" if cadence is Cadence.MONTHLY else "按季度"
            raise UserError(f"{plan_year} 年计划{kind}报送，没有“{period.key}”这一期（如 {example}）。")
        return found

    def missing(self, text: str, year: int | None = None) -> list[MissingItem]:
        """未报送: the items (without sub-items) with no check-in dated inside the period."""
        info = self.info(text, year)
        view = self.plans.view(info.period.year)
        reported = store.reported_between(self.db.read(), view.plan.id, info.period.start, info.period.end)
        return [
            MissingItem(n.id, n.code, n.title, n.lead_dept, n.leader, n.owner, view.area_of(n).title)
            for n in view.items()
            if not n.children and n.id not in reported
        ]

    # --- closing ------------------------------------------------------------------------

    def close(self, text: str, year: int | None = None, today: dt.date | None = None) -> ClosedPeriod:
        """Freeze every node's values at the period's end. Refused for a period not yet begun."""
        info = self.info(text, year)
        period = info.period
        if info.closed is not None:
            raise UserError(f"{period.key} 已于 {info.closed.closed_at} 关账。")
        if (today or dt.date.today()) < period.start:
            raise UserError(f"{period.key} 尚未开始（{period.start.isoformat()} 起），不能关账。")
        at = repo.now_iso()
        with self.db.transaction() as c:
            plan_id = repo.plan_id_for_year(c, period.year)
            assert plan_id is not None
            plan, evaluations = _as_of(c, plan_id, period.end)
            store.insert_close(
                c, plan_id, period.key, period.start, period.end, at, self.who, freeze(plan, evaluations)
            )
            store.add_log(c, plan_id, period.key, "close", at, self.who)
        return ClosedPeriod(period.key, period.start, period.end, at, self.who)

    def reopen(self, text: str, reason: str, year: int | None = None) -> PeriodInfo:
        """Open a closed period again, with the reason in the log; its frozen values are dropped
        (closing it again freezes the values of that day)."""
        reason = " ".join(reason.split())
        if not reason:
            raise UserError("重新打开已关账的期须填写理由（--reason）。")
        info = self.info(text, year)
        if info.closed is None:
            raise UserError(f"{info.key} 尚未关账，无需重新打开。")
        with self.db.transaction() as c:
            plan_id = repo.plan_id_for_year(c, info.period.year)
            assert plan_id is not None
            store.delete_close(c, plan_id, info.key)
            store.add_log(c, plan_id, info.key, "reopen", repo.now_iso(), self.who, reason)
        return PeriodInfo(info.period, info.report_by, None)

    def plan_title(self, year: int | None = None) -> str:
        plan_id, _ = self._plan(year)
        return _plan_row(self.db.read(), plan_id).title

    def log(self, year: int | None = None) -> list[PeriodLogEntry]:
        plan_id, _ = self._plan(year)
        return store.log(self.db.read(), plan_id)

    # --- the plan as it was ---------------------------------------------------------------

    def frozen(self, text: str, year: int | None = None) -> list[FrozenItem]:
        """The values frozen when the period was closed (every node, areas too, plan order)."""
        info = self.info(text, year)
        if info.closed is None:
            raise UserError(
                f"{info.key} 尚未关账：只有已关账的期才有冻结的数据（可先 close-period {info.key}）。"
            )
        plan_id, _ = self._plan(info.period.year)
        return store.frozen(self.db.read(), plan_id, info.key)

    def view_as_of(self, text: str, year: int | None = None) -> PlanView:
        """The tree as a closed period froze it, as a PlanView the window's model can show."""
        items = self.frozen(text, year)
        info = self.info(text, year)
        plan_id, _ = self._plan(info.period.year)
        plan = _plan_row(self.db.read(), plan_id)
        shown, evaluations = thaw(plan, items)
        return PlanView(shown, evaluations, info.period.end)

    def values_at(self, text: str, year: int | None = None) -> tuple[list[FrozenItem], bool]:
        """A period's values: frozen when closed (True), else computed for its end from the
        check-ins dated up to then (False) — what a report of an open period shows."""
        info = self.info(text, year)
        if info.closed is not None:
            return self.frozen(text, year), True
        plan_id, _ = self._plan(info.period.year)
        with self.db.snapshot() as c:
            plan, evaluations = _as_of(c, plan_id, info.period.end)
        return freeze(plan, evaluations), False

    def matrix(self, year: int | None = None, today: dt.date | None = None) -> list[PeriodValues]:
        """Each period's values for the ledger's 1月…12月 sheet: frozen where closed, recomputed
        from the check-ins dated up to its end where open, none for periods not yet ended."""
        today = today or dt.date.today()
        infos = self.periods(year)
        plan_id, _ = self._plan(infos[0].period.year)
        with self.db.snapshot() as c:
            plan = repo.load_plan(c, plan_id)
            history = sorted(repo.checkins_for_plan(c, plan_id), key=lambda ci: (ci.date, ci.id))
            frozen = {i.key: store.frozen(c, plan_id, i.key) for i in infos if i.is_closed}
        rules.assign_codes(plan)
        out: list[PeriodValues] = []
        latest: dict[int, CheckIn] = {}
        position = 0
        for info in infos:
            while position < len(history) and history[position].date <= info.period.end:
                latest[history[position].node_id] = history[position]
                position += 1
            if info.key in frozen:
                values = {i.node_id: (i.progress, i.light) for i in frozen[info.key]}
            elif info.period.start <= today:
                then, evaluations = plan_as_of(plan, dict(latest), min(info.period.end, today))
                values = {n: (e.progress, e.light) for n, e in evaluations.items()}
            else:
                values = {}
            out.append(PeriodValues(info, values))
        return out

    def lights(self, year: int | None = None) -> dict[int, list[tuple[str, Light | None]]]:
        """Each node's light per period of the year (None where the period is not closed)."""
        plan_id, _ = self._plan(year)
        infos = self.periods(year)
        frozen = store.frozen_lights(self.db.read(), plan_id)
        return {
            node_id: [(i.period.short, by_period.get(i.key)) for i in infos]
            for node_id, by_period in frozen.items()
        }


def _plan_row(c: Tx, plan_id: int) -> Plan:
    record = edits.plan_row(c, plan_id)
    if record is None:
        raise UserError("没有找到该计划（可能已被删除），请刷新后再试。")
    return Plan(
        record.id, record.year, record.title, thresholds=record.thresholds, locked_at=record.locked_at
    )


def _as_of(c: Tx, plan_id: int, day: dt.date) -> tuple[Plan, dict[int, rules.Evaluation]]:
    """The plan with each item's latest check-in dated up to `day`, evaluated for `day`."""
    plan = repo.load_plan(c, plan_id)
    rules.assign_codes(plan)
    then, evaluations = plan_as_of(plan, store.latest_as_of(c, plan_id, day), day)
    return then, evaluations


def leaf_items(plan: Plan) -> list[Node]:
    return [n for n in plan.walk() if n.parent_id is not None and not n.children]
