"""Expected progress, lights and roll-up (DESIGN.md "Rules")."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain.model import CheckIn, Kind, Light, Node, Plan, Status, Thresholds
from tracker.domain.rules import (
    assign_codes,
    evaluate,
    expected_progress,
    leaf_light,
    light_counts,
    plan_progress,
    weighted_mean,
)

D = dt.date
JAN1, DEC31 = D(2018, 1, 1), D(2018, 12, 31)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(D(2017, 12, 31), 0.0), (JAN1, 0.0), (D(2018, 7, 2), 50.0), (DEC31, 100.0), (D(2019, 3, 1), 100.0)],
)
def test_expected_progress_over_the_year(today, expected):
    assert expected_progress(JAN1, DEC31, today) == pytest.approx(expected, abs=0.2)


def test_expected_progress_when_due_is_not_after_start():
    assert expected_progress(JAN1, JAN1, JAN1) == 100.0


def light(progress, today, status=Status.IN_PROGRESS, has_checkin=True, thresholds=None):
    return leaf_light(status=status, progress=progress, has_checkin=has_checkin, start=JAN1, due=DEC31,
                      today=today, thresholds=thresholds)


MID = D(2018, 7, 2)  # expected ≈ 50


@pytest.mark.parametrize(
    ("progress", "want"), [(50, Light.GREEN), (40, Light.GREEN), (39, Light.YELLOW), (20, Light.YELLOW),
                           (19, Light.RED), (0, Light.RED), (90, Light.GREEN)],
)
def test_lag_thresholds(progress, want):
    assert light(progress, MID) is want


def test_done_is_blue_even_when_late():
    assert light(10, D(2019, 5, 1), status=Status.DONE) is Light.BLUE
    assert light(100, D(2019, 5, 1)) is Light.BLUE


def test_past_due_and_not_done_is_red():
    assert light(99, D(2019, 1, 1)) is Light.RED


def test_no_checkin_and_not_started_is_gray():
    assert light(0, MID, status=Status.NOT_STARTED, has_checkin=False) is Light.GRAY


def test_no_checkin_but_overdue_is_red():
    assert light(0, D(2019, 1, 1), status=Status.NOT_STARTED, has_checkin=False) is Light.RED


def test_suspended_is_gray():
    assert light(0, MID, status=Status.SUSPENDED) is Light.GRAY


def test_thresholds_are_per_plan():
    assert light(35, MID, thresholds=Thresholds(green_max=20, yellow_max=40)) is Light.GREEN


def test_weighted_mean_defaults_and_zero_weights():
    assert weighted_mean([(100, 1), (0, 1)]) == 50
    assert weighted_mean([(100, 3), (0, 1)]) == 75
    assert weighted_mean([(100, 0), (0, 0)]) == 50
    assert weighted_mean([]) == 0


def node(id_, parent, kind, *, progress=None, weight=1.0, status=Status.IN_PROGRESS, due=None):
    latest = None if progress is None else CheckIn(id_, id_, D(2018, 6, 1), progress)
    return Node(id_, 1, parent, 0, kind, f"n{id_}", weight=weight, status=status, latest=latest, due=due)


def small_plan() -> Plan:
    plan = Plan(1, 2018, "p")
    a1 = node(1, None, Kind.AREA)
    a1.children = [node(2, 1, Kind.TASK, progress=100, weight=3), node(3, 1, Kind.TASK, progress=10)]
    a2 = node(4, None, Kind.AREA)
    t = node(5, 4, Kind.TASK)
    t.children = [node(6, 5, Kind.SUBTASK, progress=60), node(7, 5, Kind.SUBTASK, progress=40)]
    a2.children = [t]
    plan.areas = [a1, a2]
    assign_codes(plan)
    return plan


def test_rollup_is_the_weighted_mean_of_children():
    plan = small_plan()
    ev = evaluate(plan, MID)
    assert ev[1].progress == pytest.approx(77.5)  # (100*3 + 10) / 4
    assert ev[5].progress == pytest.approx(50)
    assert ev[4].progress == pytest.approx(50)
    assert plan_progress(plan, ev) == pytest.approx(63.75)


def test_parent_shows_its_worst_childs_light():
    ev = evaluate(small_plan(), MID)
    assert ev[2].light is Light.BLUE and ev[3].light is Light.RED
    assert ev[1].light is Light.RED
    assert ev[4].light is Light.GREEN


def test_child_without_due_inherits_the_parents_deadline():
    plan = small_plan()
    plan.areas[1].children[0].due = D(2018, 6, 30)
    ev = evaluate(plan, MID)
    assert ev[6].due == D(2018, 6, 30)
    assert ev[6].light is Light.RED  # past its parent's deadline


def test_codes_and_light_counts():
    plan = small_plan()
    assert [n.code for n in plan.walk()] == ["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2"]
    counts = light_counts(plan, evaluate(plan, MID))
    assert counts[Light.BLUE] == 1 and counts[Light.RED] == 1 and counts[Light.GREEN] == 2
