"""Locking the plan (baseline), extensions (延期) after it, and the light thresholds."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.tables import table_rows
from tracker.domain.model import Light
from tracker.services import (
    Assignment,
    BaselineService,
    EditingService,
    PlanService,
    TrackingService,
    UserError,
)


def dump(db) -> dict[str, list]:
    return table_rows(db.read())


def plan(db):
    return PlanService(db).view().plan


@pytest.fixture
def baseline(db) -> BaselineService:
    return BaselineService(db, who="office")


@pytest.fixture
def editing(db) -> EditingService:
    return EditingService(db, who="office")


def test_lock_copies_each_deadline_as_shown_and_undo_clears_it(db, baseline, editing):
    editing.update(plan(db).find("2").id, {"due": "2018-10-31"})
    editing.update(plan(db).find("2.2").id, {"due": "2018-06-30"})
    start = dump(db)
    locked = baseline.lock(plan(db).id)
    p = plan(db)
    assert p.locked_at is not None
    assert p.find("2.2").baseline_due == dt.date(2018, 6, 30)
    assert p.find("2.1").baseline_due == dt.date(2018, 10, 31)  # inherited from its area
    assert p.find("1.1").baseline_due == dt.date(2018, 12, 31)  # 年底前
    with pytest.raises(UserError, match="已于"):
        baseline.lock(p.id)
    baseline.undo(locked)
    assert dump(db) == start


def test_after_lock_a_deadline_move_needs_a_reason_and_keeps_the_baseline(db, baseline, editing):
    baseline.lock(plan(db).id)
    node = plan(db).find("3.1")
    before = dump(db)
    with pytest.raises(UserError, match="延期理由"):
        editing.update(node.id, {"due": "2019-03-31"})
    assert dump(db) == before

    change = baseline.extend(node.id, "2019-03-31", "等待省局批复")
    moved = plan(db).find("3.1")
    assert (moved.due, moved.baseline_due) == (dt.date(2019, 3, 31), dt.date(2018, 12, 31))
    [ext] = baseline.extensions(node.id)
    assert (ext.old_due, ext.new_due, ext.reason, ext.who) == (
        dt.date(2018, 12, 31), dt.date(2019, 3, 31), "等待省局批复", "office")
    assert change.extension_id == ext.id
    editing.update(node.id, {"due": "2019-06-30"}, reason="批复推迟")
    assert [e.new_due.month for e in baseline.extensions(node.id)] == [3, 6]

    retitled = editing.update(node.id, {"title": "专项检查"})  # other fields need no reason
    assert retitled.changed and len(baseline.extensions(node.id)) == 2


def test_undoing_an_extension_removes_it_and_restores_the_date(db, baseline, editing):
    baseline.lock(plan(db).id)
    node = plan(db).find("4.2")
    before = dump(db)
    change = baseline.extend(node.id, dt.date(2019, 1, 31), "年底集中验收")
    editing.undo(change)
    assert dump(db) == before
    assert baseline.extensions(node.id) == []
    editing.redo(change)
    assert [e.id for e in baseline.extensions(node.id)] == [change.extension_id]


def test_before_lock_deadlines_are_plain_edits(db, baseline, editing):
    node = plan(db).find("1.3")
    change = editing.update(node.id, {"due": "2018-08-31"})
    assert change.extension_id is None and baseline.extensions(node.id) == []
    with pytest.raises(UserError, match="尚未锁定"):
        baseline.extend(node.id, "2018-09-30", "理由")


def test_the_command_line_assign_follows_the_same_rule(db, baseline):
    baseline.lock(plan(db).id)
    tracking = TrackingService(db, who="cli")
    with pytest.raises(UserError, match="延期理由"):
        tracking.assign("2.3", Assignment(leader="李局长", due="2019-01-31"))
    assert plan(db).find("2.3").leader == ""  # nothing of the refused command was written
    node = tracking.assign("2.3", Assignment(due="2019-01-31", reason="跨年培训"))
    assert node.due == dt.date(2019, 1, 31)
    assert [e.reason for e in baseline.extensions(node.id)] == ["跨年培训"]


def test_writing_down_the_inherited_date_is_not_an_extension(db, baseline, editing):
    baseline.lock(plan(db).id)
    node = plan(db).find("1.1")
    change = editing.update(node.id, {"due": "2018-12-31"})
    assert change.changed and change.extension_id is None


def test_unlock_clears_the_baseline_and_undo_brings_it_back(db, baseline):
    baseline.lock(plan(db).id)
    locked = dump(db)
    unlocked = baseline.unlock(plan(db).id)
    assert plan(db).locked_at is None and plan(db).find("1.1").baseline_due is None
    with pytest.raises(UserError, match="尚未锁定"):
        baseline.unlock(plan(db).id)
    baseline.undo(unlocked)
    assert dump(db) == locked


def test_thresholds_are_validated_and_change_the_lights(db, baseline):
    TrackingService(db, who="").checkin("1.1", 10, date="2018-03-01")
    today = dt.date(2018, 5, 1)  # expected ≈ 33: lag ≈ 23 → yellow by default
    node_id = plan(db).find("1.1").id
    assert PlanService(db).view(today=today).evaluations[node_id].light is Light.YELLOW
    for green, yellow, message in [(40, 20, "不能大于"), (-1, 20, "超出范围"), ("绿", 20, "不是数字")]:
        with pytest.raises(UserError, match=message):
            baseline.set_thresholds(plan(db).id, green, yellow)
    change = baseline.set_thresholds(plan(db).id, 25, 50)
    assert PlanService(db).view(today=today).evaluations[node_id].light is Light.GREEN
    assert node_id in change.node_ids
    baseline.undo(change)
    assert plan(db).thresholds.green_max == 10
