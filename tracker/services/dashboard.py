"""The dashboard's numbers: overall progress against 序时进度 through the year, progress per
area, a line per lead department, and the light counts — from one loaded plan, its check-in
history and its closed periods (a closed period's frozen value wins over a recomputation).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.domain import rules
from tracker.domain.model import CheckIn, Light
from tracker.domain.periods import Cadence, periods_of
from tracker.domain.snapshot import overall, plan_as_of
from tracker.services.periods import PeriodService
from tracker.services.plans import PlanService, PlanView
from tracker.store import Store
from tracker.store import periods as period_store
from tracker.store import repository as repo

NO_DEPT = "未分配科室"


@dataclass(frozen=True)
class AreaBar:
    area_id: int
    code: str
    title: str
    progress: float
    expected: float


@dataclass(frozen=True)
class DeptLine:
    name: str  # "" for items with no lead department
    items: int
    done: int
    behind: int  # yellow or red
    overdue: int
    missing: int  # no check-in in the current period

    @property
    def label(self) -> str:
        return self.name or NO_DEPT


@dataclass(frozen=True)
class Overview:
    year: int
    today: dt.date
    period: str  # the current period's key
    progress: float
    expected: float
    line: list[tuple[dt.date, float | None, float]]  # (day, progress or None ahead, expected)
    areas: list[AreaBar]
    depts: list[DeptLine]
    lights: dict[Light, int]


class DashboardService:
    def __init__(self, db: Store, who: str | None = None) -> None:
        self.db = db
        self.plans = PlanService(db)
        self.periods = PeriodService(db, who)

    def overview(
        self, year: int | None = None, today: dt.date | None = None, view: PlanView | None = None
    ) -> Overview:
        """Everything the dashboard shows, for `view` when the caller has it loaded."""
        today = today or dt.date.today()
        view = view if view is not None else self.plans.view(year, today)
        plan = view.plan
        current = self.periods.current(plan.year, today)
        leaves = [n for n in view.items() if not n.children]
        with self.db.snapshot() as c:
            reported = period_store.reported_between(c, plan.id, current.period.start, current.period.end)
            history = repo.checkins_for_plan(c, plan.id)
            closed = {p.period: p for p in period_store.closed(c, plan.id)}
            frozen = {key: overall(period_store.frozen(c, plan.id, key)) for key in closed}
        areas = [
            AreaBar(a.id, a.code, a.title, view.evaluations[a.id].progress, view.evaluations[a.id].expected)
            for a in plan.areas
        ]
        depts: dict[str, list[int]] = {}
        for node in leaves:
            depts.setdefault(node.lead_dept, []).append(node.id)
        lines = []
        by_id = {n.id: n for n in leaves}
        for name, ids in depts.items():
            evs = [view.evaluations[i] for i in ids]
            lines.append(
                DeptLine(
                    name,
                    len(ids),
                    sum(1 for e in evs if e.light is Light.BLUE),
                    sum(1 for e in evs if e.light in (Light.YELLOW, Light.RED)),
                    sum(
                        1
                        for i, e in zip(ids, evs, strict=True)
                        if today > e.due and e.progress < 100 and by_id[i].status.value != "done"
                    ),
                    sum(1 for i in ids if i not in reported),
                )
            )
        lines.sort(key=lambda d: (d.name == "", -d.items, d.name))
        return Overview(
            plan.year,
            today,
            current.key,
            view.progress,
            view.expected,
            self._line(view, history, frozen, today),
            areas,
            lines,
            rules.light_counts(plan, view.evaluations),
        )

    def _line(
        self, view: PlanView, history: list[CheckIn], frozen: dict[str, float], today: dt.date
    ) -> list[tuple[dt.date, float | None, float]]:
        """Overall progress at each month's end (a closed period's frozen value where there is
        one, else recomputed from the check-ins dated up to then) and today."""
        plan = view.plan
        start, end = rules.year_start(plan.year), rules.year_end(plan.year)
        frozen_at = {
            p.end: frozen[p.key]
            for cadence in Cadence
            for p in periods_of(plan.year, cadence)
            if p.key in frozen
        }
        days = [start] + [p.end for p in periods_of(plan.year, Cadence.MONTHLY)]
        if start < today < end and today not in days:
            days.append(today)
        days.sort()
        latest: dict[int, CheckIn] = {}
        ordered = sorted(history, key=lambda ci: (ci.date, ci.id))
        points: list[tuple[dt.date, float | None, float]] = []
        i = 0
        for day in days:
            while i < len(ordered) and ordered[i].date <= day:
                latest[ordered[i].node_id] = ordered[i]
                i += 1
            expected = rules.expected_progress(start, end, day)
            if day > today:
                points.append((day, None, expected))
            elif day in frozen_at:
                points.append((day, frozen_at[day], expected))
            elif day >= today:
                points.append((day, view.progress, expected))
            else:
                then, evaluations = plan_as_of(plan, dict(latest), day)
                points.append((day, rules.plan_progress(then, evaluations), expected))
        return points
