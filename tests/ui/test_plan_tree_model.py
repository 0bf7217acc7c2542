"""The plan tree model and its filter, over a real plan loaded from a fresh data file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tracker.services import Assignment, PlanService, TrackingService
from tracker.store import Database
from tracker.ui.models.plan_filter import PlanFilter
from tracker.ui.models.plan_tree import Column, PlanTreeModel, Role

AREAS = ["推进法治队伍建设", "强化法制学习培训", "强化规范公正文明执法", "加强行政执法监督"]


@pytest.fixture
def model(db: Database) -> PlanTreeModel:
    m = PlanTreeModel()
    m.set_view(PlanService(db).view(2018))
    return m


def texts(model, parent: QModelIndex = QModelIndex(), column: Column = Column.TITLE) -> list[str]:  # noqa: B008
    return [model.index(r, column, parent).data() for r in range(model.rowCount(parent))]


def test_model_passes_the_model_tester(qtmodeltester, model: PlanTreeModel) -> None:
    qtmodeltester.check(model)


def test_empty_model_passes_the_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(PlanTreeModel())


def test_filtered_proxy_passes_the_model_tester(qtmodeltester, model: PlanTreeModel) -> None:
    proxy = PlanFilter()
    proxy.setSourceModel(model)
    proxy.set_search("执法")
    qtmodeltester.check(proxy)


def test_tree_holds_four_areas_and_ten_items_in_the_reports_words(model: PlanTreeModel) -> None:
    assert texts(model) == AREAS
    counts = [model.rowCount(model.index(r, 0)) for r in range(model.rowCount())]
    assert counts == [3, 3, 2, 2]
    area3 = model.index(2, 0)
    assert texts(model, area3, Column.CODE) == ["3.1", "3.2"]
    assert texts(model, area3)[0] == "继续突出重点领域开展专项检查"


def test_columns_show_assignment_deadline_status_and_light(db: Database, model: PlanTreeModel) -> None:
    TrackingService(db, who="t").assign("2.1", Assignment(leader="张局长", lead_dept="法制科",
                                                          co_depts="办公室,执法大队", due="2018-06-30"))
    model.set_view(PlanService(db).view(2018, today=dt.date(2018, 3, 1)))
    row = model.index(0, 0, model.index(1, 0))
    cell = {c: row.siblingAtColumn(c).data() for c in Column}
    assert cell[Column.LEADER] == "张局长"
    assert cell[Column.LEAD_DEPT] == "法制科"
    assert cell[Column.CO_DEPTS] == "办公室、执法大队"
    assert cell[Column.DUE] == "2018-06-30"
    assert cell[Column.STATUS] == "未开始"
    assert cell[Column.PROGRESS] == "0%"
    other = model.index(1, Column.DUE, model.index(1, 0))
    assert other.data() == "年底前"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["序号", "工作任务", "责任领导", "牵头科室", "配合科室",
                       "完成时限", "进度", "状态", "亮灯", "各期亮灯"]


def test_light_cell_names_the_light_in_words(db: Database) -> None:
    TrackingService(db, who="t").checkin("1.1", 100, date="2018-02-01")
    TrackingService(db, who="t").checkin("1.2", 5, date="2018-09-01")
    m = PlanTreeModel()
    m.set_view(PlanService(db).view(2018, today=dt.date(2018, 10, 1)))
    area1 = m.index(0, 0)
    done, behind, silent = (m.index(r, Column.LIGHT, area1) for r in range(3))
    assert (done.data(Role.LIGHT), done.data(Qt.ItemDataRole.ToolTipRole)) == ("blue", "蓝灯：已完成")
    assert behind.data(Qt.ItemDataRole.ToolTipRole) == "红灯：严重滞后或逾期"
    assert silent.data(Qt.ItemDataRole.DisplayRole) == "灰"
    assert silent.data(Qt.ItemDataRole.ToolTipRole) == "灰灯：未开始"
    # an area shows its worst item's light and the mean of its items' progress
    assert m.index(0, Column.LIGHT).data(Role.LIGHT) == "red"
    assert m.index(0, Column.PROGRESS).data(Role.PROGRESS) == pytest.approx(35.0)


def test_filter_keeps_matching_items_with_their_area(model: PlanTreeModel) -> None:
    proxy = PlanFilter()
    proxy.setSourceModel(model)
    proxy.set_search("专项检查")
    assert texts(proxy) == ["强化规范公正文明执法"]
    assert texts(proxy, proxy.index(0, 0), Column.CODE) == ["3.1"]


def test_filter_on_an_area_title_keeps_all_its_items(model: PlanTreeModel) -> None:
    proxy = PlanFilter()
    proxy.setSourceModel(model)
    proxy.set_search("加强行政执法监督")
    assert texts(proxy) == ["加强行政执法监督"]
    assert proxy.rowCount(proxy.index(0, 0)) == 2


def test_filter_searches_the_details_too(model: PlanTreeModel) -> None:
    proxy = PlanFilter()
    proxy.setSourceModel(model)
    proxy.set_search("电商")  # only in 3.1's detail, not its title
    assert texts(proxy, proxy.index(0, 0), Column.CODE) == ["3.1"]
    proxy.set_search("")
    assert proxy.rowCount() == 4


def test_a_checkin_refreshes_only_the_rows_it_changes(qtbot, db: Database, model: PlanTreeModel) -> None:
    """Same shape: no reset (selection and open areas stay), dataChanged for the item and its area."""
    from tracker.services import TrackingService

    TrackingService(db, who="t").checkin("3.1", 60, date="2018-06-30")
    changed: list[str] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.siblingAtColumn(0).data()))
    model.modelReset.connect(lambda: changed.append("reset"))
    model.set_view(PlanService(db).view(2018))
    assert sorted(changed) == ["3", "3.1"]
    item = model.index(0, Column.PROGRESS, model.index(2, 0))
    assert item.data(Role.PROGRESS) == pytest.approx(60)


def test_a_new_shape_resets_the_model(qtbot, db: Database, model: PlanTreeModel) -> None:
    from tracker.services import EditingService

    area = PlanService(db).view(2018).plan.areas[0]
    EditingService(db, who="t").add(area.id, title="新事项")
    with qtbot.waitSignal(model.modelReset):
        model.set_view(PlanService(db).view(2018))
    assert model.rowCount(model.index(0, 0)) == 4


def test_model_tester_after_an_in_place_refresh(qtmodeltester, db: Database, model: PlanTreeModel) -> None:
    from tracker.services import TrackingService

    TrackingService(db, who="t").checkin("1.2", 30, date="2018-03-31")
    model.set_view(PlanService(db).view(2018))
    qtmodeltester.check(model)
