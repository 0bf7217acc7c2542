"""Editing items: field updates, add, delete, move and check-in corrections, each with its undo."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.tables import table_rows
from tracker.domain.model import Kind, Status
from tracker.services import (
    STALE,
    EditingService,
    PlanService,
    TrackingService,
    UserError,
)


def dump(db) -> dict[str, list]:
    return table_rows(db.read())


def codes(db) -> dict[str, str]:
    view = PlanService(db).view()
    return {n.code: n.title for n in view.plan.walk()}


def node_by_code(db, code: str):
    return PlanService(db).view().plan.find(code)


@pytest.fixture
def editing(db) -> EditingService:
    return EditingService(db, who="office")


# --- field updates -------------------------------------------------------------------


def test_update_returns_previous_values_logs_each_field_and_undoes_exactly(db, editing):
    node = node_by_code(db, "1.2")
    start = dump(db)
    change = editing.update(node.id, {
        "title": "组建专利执法支队", "leader": "李局长", "lead_dept": "法制科",
        "co_depts": "办公室、科技科", "owner": "王科长", "start": "2018-02-01", "due": "2018-09-30",
        "weight": "2", "status": "in_progress",
    })
    assert change.before["title"] == node.title and change.before["lead_dept"] == ""
    assert change.after["co_depts"] == ("办公室", "科技科")
    assert change.after["due"] == dt.date(2018, 9, 30) and change.after["weight"] == 2.0
    edited = node_by_code(db, "1.2")
    assert (edited.title, edited.lead_dept) == ("组建专利执法支队", "法制科")
    assert edited.co_depts == ["办公室", "科技科"]
    logged = {c.field: (c.old, c.new, c.who) for c in TrackingService(db).changes(node.id)}
    assert logged["title"] == (node.title, "组建专利执法支队", "office")
    assert logged["co_depts"] == ("", "办公室、科技科", "office")
    assert logged["status"] == ("not_started", "in_progress", "office")
    after = dump(db)

    editing.undo(change)
    assert dump(db) == start  # the three departments the edit created are gone again
    editing.redo(change)
    assert dump(db) == after  # same department ids as the first time


def test_unchanged_values_are_no_change(db, editing):
    node = node_by_code(db, "1.1")
    change = editing.update(node.id, {"title": f"  {node.title} ", "weight": 1})
    assert not change.changed
    assert TrackingService(db).changes(node.id) == []
    editing.undo(change)  # nothing to undo, nothing happens


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "  "}, "不能为空"),
        ({"due": "2018-13-01"}, "不是有效日期"),
        ({"due": "2018-03-01", "start": "2018-04-01"}, "晚于完成时限"),
        ({"weight": -1}, "不小于 0"),
        ({"weight": "很重"}, "不是数字"),
        ({"status": "finished"}, "状态"),
    ],
)
def test_invalid_values_are_refused_with_nothing_written(db, editing, values, message):
    start = dump(db)
    with pytest.raises(UserError, match=message):
        editing.update(node_by_code(db, "2.1").id, values)
    assert dump(db) == start


def test_an_undo_over_someone_elses_later_edit_is_refused(db, editing):
    node = node_by_code(db, "3.1")
    change = editing.update(node.id, {"leader": "李局长"})
    EditingService(db, who="other").update(node.id, {"leader": "张局长"})
    with pytest.raises(UserError) as info:
        editing.undo(change)
    assert str(info.value) == STALE
    assert node_by_code(db, "3.1").leader == "张局长"


# --- add, delete, move -------------------------------------------------------------------


def test_add_area_task_and_subtask_kinds_follow_depth(db, editing):
    plan_id = PlanService(db).view().plan.id
    start = dump(db)
    area = editing.add(None, 1, "新的工作领域", plan_id=plan_id)
    task = editing.add(area.node_id)
    sub = editing.add(task.node_id, 0, "第一步")
    assert (area.kind, task.kind, sub.kind) == (Kind.AREA, Kind.TASK, Kind.SUBTASK)
    got = codes(db)
    assert got["2"] == "新的工作领域" and got["2.1"] == "新事项" and got["2.1.1"] == "第一步"
    assert got["3"] == "强化法制学习培训"  # the old area 2 renumbered itself
    with pytest.raises(UserError, match="三级"):
        editing.add(sub.node_id)
    for change in (sub, task, area):
        editing.undo(change)
    assert dump(db) == start


def test_add_is_clamped_and_redo_brings_back_the_same_id(db, editing):
    parent = node_by_code(db, "3")
    added = editing.add(parent.id, 99, "最后一项")
    assert added.place.position == 2 and codes(db)["3.3"] == "最后一项"
    editing.undo(added)
    editing.redo(added)
    assert node_by_code(db, "3.3").id == added.node_id


def test_deleted_subtree_is_restored_with_ids_positions_and_checkins(db, editing):
    tracking = TrackingService(db, who="office")
    area = node_by_code(db, "1")
    sub = editing.add(node_by_code(db, "1.2").id, None, "子事项")
    tracking.checkin("1.2.1", 40, note="已起草", date="2018-03-31")
    tracking.checkin("1.1", 20, date="2018-02-28")
    editing.update(node_by_code(db, "1.1").id, {"lead_dept": "法制科", "co_depts": "办公室"})
    before = dump(db)
    assert editing.delete_impact(area.id).nodes == 5

    deleted = editing.delete(area.id)
    assert deleted.checkins == 2 and set(deleted.node_ids) >= {area.id, sub.node_id}
    assert codes(db)["1"] == "强化法制学习培训"
    assert [n.position for n in PlanService(db).view().plan.areas] == [0, 1, 2]
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0

    editing.restore(deleted)
    assert dump(db) == before
    restored = node_by_code(db, "1.2.1")
    assert restored.id == sub.node_id and restored.latest.progress_text == "已起草"
    logged = [c.field for c in TrackingService(db).changes(area.id)]
    assert logged[:2] == ["created", "deleted"]  # the log kept the history through it all


def test_moving_within_a_parent_renumbers_codes_and_undo_restores(db, editing):
    titles = codes(db)
    start = dump(db)
    moved = editing.move(node_by_code(db, "2.3").id, node_by_code(db, "2").id, 0)
    got = codes(db)
    assert (got["2.1"], got["2.2"], got["2.3"]) == (titles["2.3"], titles["2.1"], titles["2.2"])
    assert moved.old.position == 2 and moved.new.position == 0
    logged = TrackingService(db).changes(moved.node_id)[0]
    assert (logged.field, logged.old, logged.new) == ("position", "2.3", "2.1")
    editing.undo(moved)
    assert dump(db) == start


def test_reparenting_changes_kinds_and_keeps_positions_dense(db, editing):
    start = dump(db)
    area3, area4 = node_by_code(db, "3"), node_by_code(db, "4")
    moved = editing.move(area4.id, area3.id, 1)  # an area becomes an item with sub-items
    view = PlanService(db).view()
    node = view.plan.find("3.2")
    assert node.id == area4.id and node.kind is Kind.TASK
    assert {c.kind for c in node.children} == {Kind.SUBTASK}
    assert [c.code for c in view.plan.find("3").children] == ["3.1", "3.2", "3.3"]
    assert [n.position for n in view.plan.find("3").children] == [0, 1, 2]
    promoted = editing.move(node.children[0].id, None, 0)  # a sub-item becomes an area
    assert node_by_code(db, "1").kind is Kind.AREA
    editing.undo(promoted)
    editing.undo(moved)
    assert dump(db) == start


def test_moves_that_would_break_the_tree_are_refused(db, editing):
    area1, task = node_by_code(db, "1"), node_by_code(db, "1.1")
    editing.add(task.id, 0, "子事项")
    start = dump(db)
    with pytest.raises(UserError, match="自己或它的下级"):
        editing.move(area1.id, task.id, 0)
    with pytest.raises(UserError, match="三级"):
        editing.move(area1.id, node_by_code(db, "2").id, 0)  # its sub-item would be a 4th level
    with pytest.raises(UserError, match="三级"):
        editing.move(task.id, node_by_code(db, "2.1").id, 0)
    assert dump(db) == start


def test_a_move_to_its_own_place_changes_nothing(db, editing):
    node = node_by_code(db, "2.2")
    moved = editing.move(node.id, node.parent_id, 1)
    assert moved.patch.empty and TrackingService(db).changes(node.id) == []


# --- check-ins --------------------------------------------------------------------------


def test_checkin_edit_returns_previous_values_and_undo_restores_status(db):
    tracking = TrackingService(db, who="office")
    node = node_by_code(db, "2.1")
    start = dump(db)
    added = tracking.add_checkin(node.id, 100, note="完成", date="2018-05-31")
    assert node_by_code(db, "2.1").status is Status.DONE
    edited = tracking.edit_checkin(added.checkin_id, progress=80, problems="还差一场培训")
    assert edited.before.progress == 100 and edited.after.progress == 80
    assert node_by_code(db, "2.1").status is Status.IN_PROGRESS
    tracking.undo(edited)
    assert node_by_code(db, "2.1").status is Status.DONE
    assert tracking.checkins(node.id)[0].problems == ""
    tracking.undo(added)
    assert dump(db) == start  # status back to not_started, no check-in left


def test_deleted_checkin_comes_back_with_its_id(db):
    tracking = TrackingService(db, who="office")
    node = node_by_code(db, "3.2")
    first = tracking.add_checkin(node.id, 30, date="2018-02-28")
    second = tracking.add_checkin(node.id, 60, note="三月", date="2018-03-31")
    before = dump(db)
    deleted = tracking.delete_checkin(second.checkin_id)
    assert [c.id for c in tracking.checkins(node.id)] == [first.checkin_id]
    assert PlanService(db).view(today=dt.date(2018, 4, 1)).evaluations[node.id].progress == 30
    tracking.restore_checkin(deleted)
    assert dump(db) == before
    assert tracking.checkins(node.id)[0].id == second.checkin_id


def test_checkin_corrections_are_validated(db):
    tracking = TrackingService(db, who="office")
    added = tracking.add_checkin(node_by_code(db, "1.3").id, 10, date="2018-01-31")
    with pytest.raises(UserError, match="0–100"):
        tracking.edit_checkin(added.checkin_id, progress=120)
    with pytest.raises(UserError, match="有下级事项"):
        tracking.add_checkin(node_by_code(db, "1").id, 10)
    tracking.delete_checkin(added.checkin_id)
    with pytest.raises(UserError, match="不存在"):
        tracking.edit_checkin(added.checkin_id, progress=20)
