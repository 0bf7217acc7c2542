"""PlanFilter over a real plan: each criterion hides and shows the right rows, areas stay as headings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tracker.domain.model import Light, Status
from tracker.services import Assignment, EditingService, PlanService, TrackingService
from tracker.services.search import SearchService
from tracker.store import Database
from tracker.ui.models.plan_filter import UNASSIGNED, Criteria, PlanFilter
from tracker.ui.models.plan_tree import Column, PlanTreeModel

TODAY = dt.date(2018, 7, 15)


def prepare(db: Database) -> None:
    """Five assigned items with check-ins; 2.2 suspended; the rest untouched."""
    t = TrackingService(db, who="test")
    t.assign("1.1", Assignment(leader="张局长", lead_dept="人事科", due="2018-06-30"))
    t.assign("1.2", Assignment(leader="张局长", lead_dept="法制科", due="2018-07-31"))
    t.assign("2.1", Assignment(leader="王副局长", lead_dept="法制科"))
    t.assign("3.1", Assignment(leader="李副局长", lead_dept="执法大队", co_depts="法制科"))
    t.assign("4.1", Assignment(leader="李副局长", lead_dept="法制科"))
    t.checkin("1.1", 50, note="编制部门已同意", date="2018-03-01")
    t.checkin("1.2", 60, note="组建执法队伍", date="2018-06-30")
    t.checkin("2.1", 100, note="完成学法计划", date="2018-06-30")
    t.checkin("3.1", 30, note="完成城东仓储物流园摸底", problems="人手不足", date="2018-03-31")
    t.checkin("3.1", 55, note="约谈三家平台企业", date="2018-06-30")
    t.checkin("4.1", 20, note="配备执法记录仪", date="2018-06-30")
    EditingService(db, who="test").update(t.find("2.2").id, {"status": "suspended"})


@pytest.fixture
def tree(db: Database) -> PlanTreeModel:
    prepare(db)
    model = PlanTreeModel()
    model.set_view(PlanService(db).view(2018, today=TODAY))
    return model


@pytest.fixture
def proxy(tree: PlanTreeModel) -> PlanFilter:
    p = PlanFilter()
    p.setSourceModel(tree)
    return p


def shown(model, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    """The 序号 of every visible row, depth first."""
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, Column.CODE, parent)
        out.append(index.data())
        out += shown(model, index)
    return out


def test_model_tester_passes_with_filters_on(qtmodeltester, proxy: PlanFilter) -> None:
    proxy.update(lead_dept="法制科", text="执法")
    qtmodeltester.check(proxy)
    proxy.update(lead_dept=None, light=Light.RED, overdue=True)
    qtmodeltester.check(proxy)


def test_no_criteria_shows_everything_in_plan_order(proxy: PlanFilter, tree: PlanTreeModel) -> None:
    assert not proxy.is_active()
    assert shown(proxy) == shown(tree)
    assert len(proxy.visible_node_ids()) == 14


def test_lead_department_keeps_its_items_under_their_areas(proxy: PlanFilter) -> None:
    proxy.update(lead_dept="法制科")
    assert proxy.is_active()
    assert shown(proxy) == ["1", "1.2", "2", "2.1", "4", "4.1"]  # 3.1 only cooperates
    proxy.update(lead_dept=UNASSIGNED)
    assert shown(proxy) == ["1", "1.3", "2", "2.2", "2.3", "3", "3.2", "4", "4.2"]


def test_leader(proxy: PlanFilter) -> None:
    proxy.update(leader="李副局长")
    assert shown(proxy) == ["3", "3.1", "4", "4.1"]


def test_light(proxy: PlanFilter, tree: PlanTreeModel) -> None:
    proxy.update(light=Light.BLUE)
    assert shown(proxy) == ["2", "2.1"]
    view = tree.view
    assert view is not None
    proxy.update(light=Light.RED)
    reds = [n.code for n in view.items() if view.evaluations[n.id].light is Light.RED]
    assert "1.1" in reds and "2.1" not in reds
    assert [c for c in shown(proxy) if "." in c] == reds
    assert "2" not in shown(proxy)  # area 2 holds no red item, although its own light is not blue


def test_status(proxy: PlanFilter) -> None:
    proxy.update(status=Status.SUSPENDED)
    assert shown(proxy) == ["2", "2.2"]


def test_overdue_and_due_this_month(proxy: PlanFilter) -> None:
    proxy.update(overdue=True)
    assert shown(proxy) == ["1", "1.1"]  # due 6-30 at 50 %; 2.1 finished, others due 年底前
    proxy.update(overdue=False, due_this_month=True)
    assert shown(proxy) == ["1", "1.2"]  # due 7-31


def test_criteria_combine(proxy: PlanFilter) -> None:
    proxy.set_criteria(Criteria(lead_dept="法制科", leader="张局长"))
    assert shown(proxy) == ["1", "1.2"]
    proxy.update(text="学法")
    assert shown(proxy) == []
    proxy.clear()
    assert not proxy.is_active() and len(shown(proxy)) == 14


def test_text_finds_a_word_only_in_an_older_check_in(db: Database, proxy: PlanFilter, tree) -> None:
    proxy.set_search("仓储物流园")  # 3.1's first check-in; its latest speaks of 平台企业
    assert shown(proxy) == []
    assert tree.view is not None
    proxy.set_note_hits(SearchService(db).nodes_mentioning(tree.view.plan.id, proxy.missing_note_words()))
    assert shown(proxy) == ["3", "3.1"]
    proxy.set_search("人手不足")  # 存在问题 of the same older check-in
    proxy.set_note_hits(SearchService(db).nodes_mentioning(tree.view.plan.id, proxy.missing_note_words()))
    assert shown(proxy) == ["3", "3.1"]


def test_text_finds_the_latest_check_in_without_notes(proxy: PlanFilter) -> None:
    proxy.set_search("平台企业")  # only in 3.1's latest check-in
    assert shown(proxy) == ["3", "3.1"]


def test_text_keeps_the_old_box_behaviour(proxy: PlanFilter) -> None:
    proxy.set_search("加强行政执法监督")  # an area's title keeps all its items
    assert shown(proxy) == ["4", "4.1", "4.2"]
    proxy.set_search("电商")  # only in 3.1's detail
    assert shown(proxy) == ["3", "3.1"]
    proxy.set_search("  ")
    assert not proxy.is_active()


def test_every_word_must_occur(proxy: PlanFilter) -> None:
    proxy.set_search("法制科 张局长")
    assert shown(proxy) == ["1", "1.2"]


def test_words_in_an_area_title_with_a_department(proxy: PlanFilter) -> None:
    proxy.set_criteria(Criteria(text="法治队伍", lead_dept="法制科"))  # area 1's title
    assert shown(proxy) == ["1", "1.2"]


def test_a_reloaded_view_is_filtered_again(db: Database, proxy: PlanFilter, tree: PlanTreeModel) -> None:
    proxy.update(lead_dept="法制科")
    TrackingService(db, who="test").assign("1.3", Assignment(lead_dept="法制科"))
    tree.set_view(PlanService(db).view(2018, today=TODAY))
    assert "1.3" in shown(proxy)


def test_sorting_numbers_codes_and_names_by_pinyin(db: Database, tree: PlanTreeModel,
                                                   proxy: PlanFilter) -> None:
    editing = EditingService(db, who="test")
    area1 = tree.view.plan.areas[0].id if tree.view else 0
    for i in range(8):
        editing.add(area1, title=f"新增事项{i}")
    TrackingService(db, who="test").assign("1.3", Assignment(leader="王副局长"))
    tree.set_view(PlanService(db).view(2018, today=TODAY))
    proxy.sort(Column.CODE, Qt.SortOrder.AscendingOrder)
    area = proxy.index(0, 0)
    codes = [proxy.index(r, Column.CODE, area).data() for r in range(proxy.rowCount(area))]
    assert codes[-3:] == ["1.9", "1.10", "1.11"]
    proxy.sort(Column.CODE, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(4)] == ["4", "3", "2", "1"]
    proxy.sort(Column.LEADER, Qt.SortOrder.AscendingOrder)
    area = proxy.index(0, 0)  # areas have no leader: they tie and keep plan order
    leaders = [proxy.index(r, Column.LEADER, area).data() for r in range(proxy.rowCount(area))]
    assert [name for name in leaders if name] == ["王副局长", "张局长", "张局长"]  # wáng before zhāng
    proxy.sort(Column.PROGRESS, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, Column.CODE).data() == "2"  # 2.1 is done: area 2 leads
