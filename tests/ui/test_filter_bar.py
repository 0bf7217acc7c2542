"""The filter bar on real widgets: combos filled from the plan, each control narrows the tree."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTreeView

from tests.ui.test_filter import TODAY, prepare, shown
from tracker.services import PlanService
from tracker.services.search import SearchService
from tracker.store import Database
from tracker.ui.models.plan_filter import PlanFilter
from tracker.ui.models.plan_tree import PlanTreeModel
from tracker.ui.views.filter_bar import FilterBar


@pytest.fixture
def bar(qtbot, db: Database) -> FilterBar:
    prepare(db)
    tree = PlanTreeModel()
    proxy = PlanFilter()
    proxy.setSourceModel(tree)
    widget = FilterBar(proxy, SearchService(db))
    qtbot.addWidget(widget)
    view = QTreeView()  # a view on the proxy, as in the window
    view.setModel(proxy)
    qtbot.addWidget(view)
    tree.set_view(PlanService(db).view(2018, today=TODAY))
    widget.set_view(tree.view)
    widget.show()
    return widget


def type_chinese(edit, text: str) -> None:
    """Commit text as an input method does (QTest's key clicks are ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text} not in {items(combo)}"
    combo.setCurrentIndex(index)


def test_combos_list_the_plans_names_by_pinyin(bar: FilterBar) -> None:
    assert items(bar.dept_combo) == ["全部科室", "（未指定）", "法制科", "人事科", "执法大队"]
    assert items(bar.leader_combo) == ["全部领导", "（未指定）", "李副局长", "王副局长", "张局长"]
    assert items(bar.light_combo)[1:] == ["红", "黄", "绿", "蓝", "灰"]
    assert items(bar.status_combo) == ["全部状态", "未开始", "进行中", "已完成", "已暂停"]


def test_choosing_a_department_filters_and_signals(qtbot, bar: FilterBar) -> None:
    assert not bar.is_active() and not bar.clear_button.isEnabled()
    with qtbot.waitSignal(bar.changed):
        choose(bar.dept_combo, "法制科")
    assert shown(bar.proxy) == ["1", "1.2", "2", "2.1", "4", "4.1"]
    assert bar.is_active() and bar.clear_button.isEnabled()
    assert bar.summary() == "筛选：牵头科室 法制科"
    ids = bar.visible_node_ids()
    view = bar.proxy.sourceModel().view
    assert [n.code for n in view.plan.walk() if n.id in ids] == shown(bar.proxy)


def test_typing_searches_check_in_notes(qtbot, bar: FilterBar) -> None:
    bar.window().activateWindow()
    bar.focus_search()
    assert bar.search_edit.hasFocus()
    type_chinese(bar.search_edit, "仓储物流园")  # only in an older check-in of 3.1
    qtbot.waitUntil(lambda: shown(bar.proxy) == ["3", "3.1"])  # the data file answers in the background


def test_checkboxes_light_and_status(qtbot, bar: FilterBar) -> None:
    qtbot.mouseClick(bar.overdue_check, Qt.MouseButton.LeftButton)
    assert shown(bar.proxy) == ["1", "1.1"]
    bar.overdue_check.setChecked(False)
    qtbot.mouseClick(bar.due_month_check, Qt.MouseButton.LeftButton)
    assert shown(bar.proxy) == ["1", "1.2"]
    bar.due_month_check.setChecked(False)
    choose(bar.light_combo, "蓝")
    assert shown(bar.proxy) == ["2", "2.1"]
    choose(bar.light_combo, "全部亮灯")
    choose(bar.status_combo, "已暂停")
    assert shown(bar.proxy) == ["2", "2.2"]
    assert bar.summary() == "筛选：状态 已暂停"


def test_clear_button_shows_everything_again(qtbot, bar: FilterBar) -> None:
    choose(bar.leader_combo, "李副局长")
    type_chinese(bar.search_edit, "执法")
    bar.overdue_check.setChecked(True)
    bar.cooperating_check.setChecked(True)
    assert len(shown(bar.proxy)) < 14
    with qtbot.waitSignal(bar.changed):
        qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert len(shown(bar.proxy)) == 14
    assert bar.search_edit.text() == "" and bar.leader_combo.currentIndex() == 0
    assert not bar.overdue_check.isChecked() and not bar.cooperating_check.isChecked()
    assert not bar.is_active()


def test_a_reload_keeps_the_chosen_name_even_when_gone(db: Database, bar: FilterBar) -> None:
    choose(bar.dept_combo, "人事科")
    assert shown(bar.proxy) == ["1", "1.1"]
    from tracker.services import Assignment, TrackingService

    TrackingService(db, who="test").assign("1.1", Assignment(lead_dept="办公室"))
    tree = bar.proxy.sourceModel()
    tree.set_view(PlanService(db).view(2018, today=TODAY))
    bar.set_view(tree.view)
    assert bar.dept_combo.currentText() == "人事科"  # still chosen: the empty tree explains itself
    assert "办公室" in items(bar.dept_combo)
    assert shown(bar.proxy) == []


def test_an_answer_arriving_after_the_window_closed_is_dropped(qtbot, bar: FilterBar) -> None:
    """The words in the check-ins are looked up in the background; when the window closes
    first, the answer changes nothing (the session it would read through is closed)."""
    seen: list[None] = []
    bar.changed.connect(lambda: seen.append(None))
    type_chinese(bar.search_edit, "调度")  # a small plan: filtered at once
    assert seen and bar.proxy.missing_note_words() == ["调度"]
    before = len(seen)
    bar.stop()
    qtbot.wait(500)  # the lookup ends and its job reports
    assert len(seen) == before  # its answer was dropped
    assert bar.proxy.missing_note_words() == ["调度"]
