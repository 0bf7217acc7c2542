"""Demo mode: a throw-away file that shows every kind of light."""

from __future__ import annotations

import datetime as dt

from tracker.domain.model import Light
from tracker.domain.rules import light_counts
from tracker.services import PlanService
from tracker.services.demo import DEMO_MARK, build_demo, month_ends
from tracker.store import Database


def test_demo_file_holds_this_years_plan_with_owners_and_checkins(tmp_path):
    today = dt.date(2026, 11, 28)
    path = build_demo(tmp_path, today)
    assert DEMO_MARK in path.name
    with Database(path) as db:
        service = PlanService(db)
        assert service.years() == [2026]
        view = service.view(today=today)
    assert DEMO_MARK in view.plan.title
    assert all(n.leader and n.lead_dept and n.owner for n in view.items())
    counts = light_counts(view.plan, view.evaluations)
    assert counts[Light.BLUE] >= 1 and counts[Light.GREEN] >= 1
    assert counts[Light.YELLOW] >= 1 and counts[Light.RED] >= 1
    assert all(n.latest is not None and n.latest.date <= today for n in view.items())


def test_demo_in_january_has_no_checkins_yet(tmp_path):
    path = build_demo(tmp_path, dt.date(2027, 1, 15))
    with Database(path) as db:
        view = PlanService(db).view(today=dt.date(2027, 1, 15))
    assert all(n.latest is None for n in view.items())


def test_month_ends():
    got = month_ends(dt.date(2026, 1, 1), dt.date(2026, 3, 30))
    assert got == [dt.date(2026, 1, 31), dt.date(2026, 2, 28)]
