"""The department and people lists: rename, merge and delete reach every item, and undo exactly."""

from __future__ import annotations

import pytest

from tests.tables import table_rows
from tracker.services import DepartmentService, EditingService, PlanService, TrackingService, UserError


def dump(db) -> dict[str, list]:
    return table_rows(db.read())


def item(db, code: str):
    return PlanService(db).view().plan.find(code)


@pytest.fixture
def depts(db) -> DepartmentService:
    return DepartmentService(db, who="office")


@pytest.fixture
def assigned(db):
    """Three items sharing departments in the ways a merge has to untangle."""
    editing = EditingService(db, who="office")
    editing.update(item(db, "1.1").id, {"lead_dept": "法制科", "co_depts": "办公室、政策法规科"})
    editing.update(item(db, "1.2").id, {"lead_dept": "政策法规科", "co_depts": "法制科"})
    editing.update(item(db, "2.1").id, {"lead_dept": "办公室", "co_depts": "政策法规科、法制科、科技科"})
    return {d.name: d.id for d in DepartmentService(db).departments()}


def test_list_counts_what_each_department_does(db, depts, assigned):
    by_name = {d.name: d for d in depts.departments()}
    assert (by_name["法制科"].leads, by_name["法制科"].cooperates) == (1, 2)
    assert (by_name["科技科"].leads, by_name["科技科"].cooperates) == (0, 1)


def test_add_refuses_empty_and_taken_names_and_undoes(db, depts, assigned):
    start = dump(db)
    added = depts.add(" 人事科 ")
    assert "人事科" in [d.name for d in depts.departments()]
    with pytest.raises(UserError, match="已存在"):
        depts.add("人事科")
    with pytest.raises(UserError, match="不能为空"):
        depts.add("  ")
    depts.undo(added)
    assert dump(db) == start


def test_rename_shows_on_every_item_and_refuses_a_taken_name(db, depts, assigned):
    start = dump(db)
    renamed = depts.rename(assigned["法制科"], "政策法规与法制科")
    assert item(db, "1.1").lead_dept == "政策法规与法制科"
    assert item(db, "2.1").co_depts == ["政策法规科", "政策法规与法制科", "科技科"]
    assert renamed.node_ids == {item(db, c).id for c in ("1.1", "1.2", "2.1")}
    with pytest.raises(UserError, match="合并"):
        depts.rename(assigned["办公室"], "科技科")
    depts.undo(renamed)
    assert dump(db) == start


def test_merge_moves_leads_cooperation_and_people_and_collapses_duplicates(db, depts, assigned):
    depts.add_person("王五", assigned["政策法规科"], "科长")
    start = dump(db)
    merged = depts.merge(assigned["政策法规科"], assigned["法制科"])
    assert [d.name for d in depts.departments()].count("政策法规科") == 0
    assert (item(db, "1.1").lead_dept, item(db, "1.1").co_depts) == ("法制科", ["办公室"])
    assert (item(db, "1.2").lead_dept, item(db, "1.2").co_depts) == ("法制科", [])
    assert item(db, "2.1").co_depts == ["法制科", "科技科"]
    assert depts.people()[0].dept == "法制科"
    latest = reversed(TrackingService(db).changes(item(db, "1.2").id))  # newest wins below
    changes = {c.field: (c.old, c.new) for c in latest}
    assert changes["lead_dept"] == ("政策法规科", "法制科")
    after = dump(db)

    depts.undo(merged)
    assert dump(db) == start  # the merged department is back with its id
    depts.redo(merged)
    assert dump(db) == after
    with pytest.raises(UserError, match="自己"):
        depts.merge(assigned["法制科"], assigned["法制科"])


def test_delete_with_reassignment_or_to_none(db, depts, assigned):
    start = dump(db)
    moved = depts.delete(assigned["办公室"], reassign_to=assigned["科技科"])
    assert item(db, "2.1").lead_dept == "科技科"
    assert item(db, "2.1").co_depts == ["政策法规科", "法制科"]  # no longer also cooperating
    assert item(db, "1.1").co_depts == ["科技科", "政策法规科"]
    depts.undo(moved)
    assert dump(db) == start

    dropped = depts.delete(assigned["法制科"])
    assert item(db, "1.1").lead_dept == "" and item(db, "1.2").co_depts == []
    assert item(db, "2.1").co_depts == ["政策法规科", "科技科"]
    depts.undo(dropped)
    assert dump(db) == start
    with pytest.raises(UserError, match="不存在"):
        depts.delete(999)


def test_people_add_rename_move_delete_each_undone(db, depts, assigned):
    start = dump(db)
    added = depts.add_person("张三", assigned["法制科"], "科员")
    with pytest.raises(UserError, match="已有名为“张三”"):
        depts.add_person("张三", assigned["法制科"])
    other = depts.add_person("张三", assigned["办公室"])  # the same name elsewhere is someone else
    renamed = depts.rename_person(added.after.id, "张叁")
    moved = depts.update_person(added.after.id, dept_id=None, role="借调")
    assert (moved.before.dept, moved.after.dept, moved.after.role) == ("法制科", "", "借调")
    deleted = depts.delete_person(added.after.id)
    assert [p.name for p in depts.people()] == ["张三"]
    for change in (deleted, moved, renamed):
        depts.undo(change)
    assert depts.people(assigned["法制科"]) == [added.after]
    depts.undo(other)
    depts.undo(added)
    assert dump(db) == start
