"""Saving, deleting and carrying over plans are edits the window can undo and redo exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.services import Assignment, PlanService, TrackingService, UserError, open_database
from tracker.services.reports import ReportService
from tracker.store import Database
from tracker.store import repository as repo

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def db(tmp_path: Path):
    with open_database(tmp_path / "t.db") as database:
        yield database


def rows(db: Database, table: str) -> int:
    return int(db.read().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_an_imported_plan_is_deleted_by_undo_and_put_back_by_redo(db: Database):
    reports = ReportService(db, "办公室")
    draft = reports.read_file(DATA / "reports" / "07_fenjie_notice_lines.txt")
    departments_before = repo.department_names(db.read())
    saved = reports.import_plan(draft)
    plan = PlanService(db).view(2021).plan
    ids = [n.id for n in plan.walk()]
    assert plan.find("2.2").lead_dept == "市教育局"

    reports.undo(saved)
    assert PlanService(db).years() == [2018]
    assert repo.department_names(db.read()) == departments_before  # the ones it made are gone too

    reports.redo(saved)
    again = PlanService(db).view(2021).plan
    assert [n.id for n in again.walk()] == ids and again.id == saved.plan_id
    assert again.find("2.2").co_depts == ["市住房和城乡建设局", "各县（市、区）人民政府"]
    log = db.read().execute("SELECT field, who FROM change_log WHERE entity = 'plan'").fetchall()
    assert [tuple(r) for r in log] == [("created", "办公室"), ("deleted", "办公室"), ("created", "办公室")]


def test_a_deleted_plan_comes_back_with_its_checkins_and_carried_links(db: Database):
    tracking = TrackingService(db, who="t")
    tracking.assign("1.1", Assignment(leader="张局长", lead_dept="法制科", owner="李四"))
    tracking.checkin("1.1", 30, date="2018-03-01", note="开了会")
    reports = ReportService(db, "t")
    reports.carry_over(2018, 2019, ["1.1"], today=dt.date(2018, 12, 31))
    copy_id = PlanService(db).view(2019).plan.find("1.1").id
    origin = repo.origin_of(db.read(), copy_id)
    assert reports.contents(2018).counts == repo.PlanCounts(4, 10, 1, 0, 1)

    deleted = reports.delete_plan(2018)
    assert deleted.backup.exists() and deleted.title
    assert PlanService(db).years() == [2019] and rows(db, "checkin") == 0
    assert repo.origin_of(db.read(), copy_id) is None

    reports.undo(deleted)
    plan = PlanService(db).view(2018).plan
    assert plan.find("1.1").latest.progress_text == "开了会"
    assert plan.find("1.1").owner == "李四"
    assert repo.origin_of(db.read(), copy_id) == origin

    reports.redo(deleted)
    assert PlanService(db).years() == [2019]


def test_undo_of_a_delete_is_refused_while_another_plan_holds_the_year(db: Database):
    reports = ReportService(db, "t")
    deleted = reports.delete_plan(2018)
    seed = Path(__file__).resolve().parents[2] / "resources" / "reports" / "xiaogan-keji-2017.txt"
    reimported = reports.import_plan(reports.read_file(seed))
    with pytest.raises(UserError, match="无法撤销：2018 年已有另一个计划"):
        reports.undo(deleted)
    assert PlanService(db).view(2018).plan.id == reimported.plan_id  # nothing changed
    reports.undo(reimported)
    reports.undo(deleted)
    with pytest.raises(UserError, match="无法重做：2018 年已有另一个计划"):
        reports.redo(reimported)


def test_carry_over_is_undone_and_redone(db: Database):
    TrackingService(db, who="t").assign("2.1", Assignment(lead_dept="法制科", co_depts="办公室"))
    reports = ReportService(db, "t")
    result = reports.carry_over(2018, 2019, ["2"], today=dt.date(2018, 12, 31))
    assert result.from_year == 2018 and [c for c, _ in result.copied] == ["2.1", "2.2", "2.3"]
    reports.undo(result)
    assert PlanService(db).years() == [2018]
    reports.redo(result)
    copy = PlanService(db).view(2019).plan.find("1.1")  # area 2 of 2018 is area 1 of 2019
    assert (copy.lead_dept, copy.co_depts) == ("法制科", ["办公室"])

    into_existing = reports.carry_over(2018, 2019, ["4.1"])
    assert not into_existing.plan_created
    areas = [a.title for a in PlanService(db).view(2019).plan.areas]
    assert areas == ["强化法制学习培训", "加强行政执法监督"]
    reports.undo(into_existing)  # the area it made goes with it; the plan stays
    assert [a.title for a in PlanService(db).view(2019).plan.areas] == ["强化法制学习培训"]


def test_candidates_are_the_unfinished_items_marked_when_carried(db: Database):
    tracking = TrackingService(db, who="t")
    tracking.assign("1.2", Assignment(owner="王五", lead_dept="执法大队"))
    tracking.checkin("1.1", 100, date="2018-05-01")
    reports = ReportService(db, "t")
    candidates = reports.carry_candidates(2018, 2019, today=dt.date(2018, 12, 31))
    assert [c.code for c in candidates][:2] == ["1.2", "1.3"] and len(candidates) == 9
    assert (candidates[0].owner, candidates[0].lead_dept) == ("王五", "执法大队")
    reports.carry_over(2018, 2019, ["1.2"])
    marked = {c.code: c.carried for c in reports.carry_candidates(2018, 2019)}
    assert marked["1.2"] and not marked["1.3"]
