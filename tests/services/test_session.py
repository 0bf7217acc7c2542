"""The session (Workspace) and the rules a new user ran into, below the window."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.cli import main
from tracker.domain.values import parse_date, parse_progress
from tracker.services import Assignment, Changed, UserError, Workspace
from tracker.store import Database


@pytest.fixture
def ws(db: Database) -> Workspace:
    return Workspace(db, who="办公室")


def test_each_commit_tells_listeners_which_items_changed(ws: Workspace) -> None:
    heard: list[Changed] = []
    ws.subscribe(heard.append)
    node = ws.tracking.find("2.1")
    ws.tracking.add_checkin(node.id, 30, date=dt.date(2018, 3, 1))
    assert heard[-1].node_ids == {node.id} and not heard[-1].structure
    ws.editing.add(node.parent_id)
    assert heard[-1].structure
    ws.departments.add("督查室")
    assert heard[-1].departments


def test_a_write_by_another_program_is_found_by_poll(ws: Workspace, db_path) -> None:
    heard: list[Changed] = []
    ws.subscribe(heard.append)
    assert not ws.poll()
    with Workspace.open(db_path, who="cli") as other:
        other.tracking.checkin("1.1", 20, date="2018-02-01")
    assert ws.poll() and heard[-1].outside
    assert not ws.poll()  # told once


def test_a_rolled_back_edit_tells_nobody(ws: Workspace) -> None:
    heard: list[Changed] = []
    ws.subscribe(heard.append)
    with pytest.raises(UserError):
        ws.tracking.add_checkin(ws.tracking.find("1.1").id, 300)
    assert heard == []


def test_a_note_only_checkin_keeps_the_latest_progress(ws: Workspace) -> None:
    node = ws.tracking.find("1.2")
    ws.tracking.add_checkin(node.id, 46, date=dt.date(2018, 5, 31))
    ws.tracking.add_checkin(node.id, None, note="等待编制部门回复", date=dt.date(2018, 6, 30))
    view = ws.plans.view(2018, today=dt.date(2018, 7, 1))
    assert view.evaluations[node.id].progress == 46


def test_the_same_report_twice_on_one_day_is_not_saved_twice(ws: Workspace) -> None:
    node = ws.tracking.find("1.2")
    ws.tracking.add_checkin(node.id, 46, note="已报送", date=dt.date(2018, 5, 31))
    with pytest.raises(UserError, match="完全相同"):
        ws.tracking.add_checkin(node.id, 46, note="已报送", date=dt.date(2018, 5, 31))
    ws.tracking.add_checkin(node.id, 46, date=dt.date(2018, 6, 30))  # next month, no change: a report
    assert len(ws.tracking.checkins(node.id)) == 2


def test_cli_checkin_with_a_note_only_keeps_progress(db_path, capsys) -> None:
    assert main(["checkin", "1.1", "--progress", "46", "--date", "2018-05-31", "--db", str(db_path)]) == 0
    assert main(["checkin", "1.1", "--note", "已完成调研", "--date", "2018-06-30", "--db", str(db_path)]) == 0
    with Workspace.open(db_path) as ws:
        latest = ws.tracking.checkins(ws.tracking.find("1.1").id)[0]
    assert (latest.progress, latest.progress_text) == (46, "已完成调研")
    assert main(["checkin", "1.1", "--db", str(db_path)]) == 2  # nothing to report at all


def test_a_department_cannot_both_lead_and_help(ws: Workspace) -> None:
    with pytest.raises(UserError, match="既是牵头科室又是配合科室"):
        ws.tracking.assign("1.1", Assignment(lead_dept="法制科", co_depts="办公室,法制科"))
    ws.tracking.assign("1.1", Assignment(lead_dept="法制科"))
    with pytest.raises(UserError, match="既是牵头科室又是配合科室"):
        ws.tracking.assign("1.1", Assignment(co_depts="法制科"))


def test_a_new_item_never_inherits_a_deleted_items_history(ws: Workspace) -> None:
    view = ws.plans.view(2018)
    last_area = view.plan.areas[-1]
    ws.editing.update(last_area.id, {"title": "改过的标题"})
    ws.editing.delete(last_area.id)
    added = ws.editing.add(None, plan_id=view.plan.id, title="新增的方面")
    fields = [c.field for c in ws.tracking.changes(added.node_id)]
    assert fields == ["created"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("2018-09-30", dt.date(2018, 9, 30)),
    ("2018/9/30", dt.date(2018, 9, 30)),
    ("2018.9.30", dt.date(2018, 9, 30)),
    ("2018年9月30日", dt.date(2018, 9, 30)),
    ("9月30日", dt.date(2018, 9, 30)),
    ("9月30日前", dt.date(2018, 9, 30)),
    ("6月底", dt.date(2018, 6, 30)),
    ("2月底", dt.date(2018, 2, 28)),
    ("年底", dt.date(2018, 12, 31)),
    ("年底前", dt.date(2018, 12, 31)),
])
def test_dates_as_offices_write_them(typed: str, expected: dt.date) -> None:
    assert parse_date(typed, year=2018) == expected


@pytest.mark.parametrize("typed", ["2018-W10-1", "9月31日", "13月底", "soon", "2018-02-30"])
def test_what_is_not_a_date_is_refused(typed: str) -> None:
    with pytest.raises(UserError):
        parse_date(typed, year=2018)


@pytest.mark.parametrize("typed", ["1_0", "５０", "nan", "-1", "101", "1e2"])
def test_what_is_not_a_progress_is_refused(typed: str) -> None:
    with pytest.raises(UserError):
        parse_progress(typed)


def test_deadlines_typed_in_the_plans_year(ws: Workspace) -> None:
    node = ws.tracking.find("2.1")
    ws.editing.update(node.id, {"due": "6月底"})
    assert ws.tracking.find("2.1").due == dt.date(2018, 6, 30)


def test_departments_in_the_bureaus_own_order(ws: Workspace) -> None:
    for name in ("执法科", "办公室", "法制科"):
        ws.departments.add(name)
    ids = {d.name: d.id for d in ws.departments.departments()}
    change = ws.departments.arrange([ids["执法科"], ids["法制科"], ids["办公室"]])
    assert [d.name for d in ws.departments.departments()] == ["执法科", "法制科", "办公室"]
    ws.departments.undo(change)
    assert all(d.position is None for d in ws.departments.departments())


def test_search_reads_the_words_of_every_checkin(ws: Workspace) -> None:
    node = ws.tracking.find("1.1")
    ws.tracking.add_checkin(node.id, 10, note="专利执法调研", date=dt.date(2018, 2, 1))
    ws.tracking.add_checkin(node.id, 20, note="第二次", problems="人手", date=dt.date(2018, 3, 1))
    notes = ws.search.checkin_notes(ws.plans.view(2018).plan.id)
    assert all(word in notes[node.id] for word in ("专利执法调研", "第二次", "人手"))
