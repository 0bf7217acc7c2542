"""Saving a report's plan, deleting a plan, carrying unfinished items into the next year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.services import Assignment, PlanService, TrackingService, UserError
from tracker.services.backups import list_backups
from tracker.services.reports import ReportService
from tracker.store import Database
from tracker.store import repository as repo

DATA = Path(__file__).resolve().parents[1] / "data"


def test_deadlines_and_departments_of_a_report_are_saved(db: Database):
    reports = ReportService(db)
    reports.save(reports.read_file(DATA / "reports" / "07_fenjie_notice_lines.txt"))
    view = PlanService(db).view(2021)
    item = view.plan.find("2.2")
    assert item.title == "新建、改扩建中小学和幼儿园12所"
    assert item.due == dt.date(2021, 8, 31)
    assert item.lead_dept == "市教育局"
    assert item.co_depts == ["市住房和城乡建设局", "各县（市、区）人民政府"]
    assert "市发展改革委" in repo.department_names(db.read())


def test_a_word_report_is_imported(db: Database):
    reports = ReportService(db)
    reports.save(reports.read_file(DATA / "documents" / "table.docx"))
    assert [a.title for a in PlanService(db).view(2024).plan.areas] == ["产业发展", "民生保障"]


def test_reimport_is_refused_until_the_plan_is_deleted_after_a_backup(db: Database):
    reports = ReportService(db)
    seed = Path(__file__).resolve().parents[2] / "resources" / "reports" / "xiaogan-keji-2017.txt"
    draft = reports.read_file(seed)
    with pytest.raises(UserError, match="2018 年的计划已存在.*delete-plan"):
        reports.save(draft)
    TrackingService(db, who="t").checkin("1.1", 30, date="2018-03-01")
    backup = reports.delete_plan(2018).backup
    assert PlanService(db).years() == []
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0
    reports.save(draft)
    assert PlanService(db).years() == [2018]
    if db.is_server:  # the server's backups are the server's job: none is written here
        assert backup is None
        return
    assert backup is not None and backup in [b.path for b in list_backups(db.path)]
    with Database(backup, read_only=True) as old:  # the deleted plan is in the backup
        assert old.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 1


def test_deleting_a_year_without_a_plan_is_refused(db: Database):
    with pytest.raises(UserError, match="没有 2030 年的计划"):
        ReportService(db).delete_plan(2030)


def test_carry_over_copies_unfinished_items_with_owners_and_their_origin(db: Database):
    tracking = TrackingService(db, who="office")
    tracking.assign("1.1", Assignment(leader="张局长", lead_dept="法制科", co_depts="办公室,执法科",
                                      owner="李四"))
    tracking.checkin("1.2", 100, date="2018-05-01")
    result = ReportService(db).carry_over(2018, 2019, today=dt.date(2018, 12, 31))
    assert result.plan_created and result.finished == ["1.2"]
    assert [code for code, _ in result.copied] == ["1.1", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1",
                                                   "4.2"]
    plan = PlanService(db).view(2019).plan
    old = PlanService(db).view(2018).plan
    assert [a.title for a in plan.areas] == [a.title for a in old.areas]
    copy = plan.find("1.1")
    assert (copy.title, copy.leader, copy.lead_dept, copy.co_depts, copy.owner) == (
        old.find("1.1").title, "张局长", "法制科", ["办公室", "执法科"], "李四")
    assert copy.due is None and copy.latest is None  # a new year: its own deadline, no progress yet
    assert repo.origin_of(db.read(), copy.id) == old.find("1.1").id
    again = ReportService(db).carry_over(2018, 2019)
    assert again.copied == [] and "1.1" in again.already


def test_carry_over_of_chosen_codes_into_an_existing_plan(db: Database):
    reports = ReportService(db)
    reports.save(reports.read_file(DATA / "reports" / "05_review_plan_xiabu_colon.txt", year=2019))
    result = reports.carry_over(2018, 2019, ["2", "4.2"])
    assert not result.plan_created
    assert [code for code, _ in result.copied] == ["2.1", "2.2", "2.3", "4.2"]
    titles = [a.title for a in PlanService(db).view(2019).plan.areas]
    assert titles == ["下步工作打算", "强化法制学习培训", "加强行政执法监督"]
    with pytest.raises(UserError, match="没有序号为“9.9”"):
        reports.carry_over(2018, 2019, ["9.9"])


def test_carry_over_brings_an_items_unfinished_sub_items_under_its_copy(db: Database):
    """1.1 was split into three sub-items; one is done. The new year gets 1.1 with the two
    still open under it, each linked to where it came from."""
    from tracker.services import EditingService

    editing, tracking = EditingService(db, "office"), TrackingService(db, who="office")
    parent = PlanService(db).view(2018).plan.find("1.1")
    first = editing.add(parent.id, title="申请增加编制").node_id
    editing.add(parent.id, title="招录执法人员")
    editing.add(parent.id, title="组织岗前培训")
    tracking.checkin("1.1.1", 100, date="2018-06-30")
    tracking.checkin("1.1.2", 40, date="2018-06-30")
    assert PlanService(db).view(2018).plan.find("1.1.1").id == first

    result = ReportService(db).carry_over(2018, 2019, ["1.1"], today=dt.date(2018, 12, 31))
    assert [code for code, _ in result.copied] == ["1.1", "1.1.2", "1.1.3"]
    old, new = PlanService(db).view(2018).plan, PlanService(db).view(2019).plan
    copy = new.find("1.1")
    assert [child.title for child in copy.children] == ["招录执法人员", "组织岗前培训"]
    assert repo.origin_of(db.read(), copy.children[1].id) == old.find("1.1.3").id
    assert copy.children[0].latest is None  # the new year starts without progress
    ReportService(db).undo(result)  # one step: the new plan and every copy go
    assert PlanService(db).years() == [2018]


def test_a_pdf_report_lists_its_running_lines_and_names_a_table_it_cannot_read(db: Database):
    reports = ReportService(db)
    draft = reports.read_file(DATA / "documents" / "running.pdf")
    running = ["某某县住房和城乡建设局文件", "某某县住房和城乡建设局办公室2021年3月印发"]
    assert [s.text for s in draft.skipped][:2] == running
    with pytest.raises(UserError, match=r"PDF 中有一张任务表.*请改用这份文件的 Word（.docx）原件导入"):
        reports.read_file(DATA / "documents" / "categories.pdf")
