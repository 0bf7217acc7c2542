"""The main window on a real data file: tree, detail pane, totals, years, import, layout."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from tests.ui.scripted import ScriptedDialogs
from tracker.io.report import parse_report
from tracker.services import Assignment, PlanService, TrackingService, Workspace
from tracker.services.plans import default_report_text
from tracker.store import Database
from tracker.ui.models.plan_tree import Column
from tracker.ui.views.main_window import MainWindow


def shown(win: MainWindow, code: str, column: Column) -> str:
    """What the tree shows for the row with this 序号."""
    node = win.view.plan.find(code)
    return win.proxy.mapFromSource(win.model.index_of(node.id, column)).data()


def report_2019() -> str:
    return default_report_text().replace("2018年工作目标和重点", "2019年工作目标和重点")


def test_window_shows_the_2018_plan_as_a_tree(window: MainWindow) -> None:
    tree = window.tree
    proxy = window.proxy
    assert "年度工作台账" in window.windowTitle()
    assert "2018" in window.windowTitle()
    areas = [proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount())]
    assert areas == ["推进法治队伍建设", "强化法制学习培训", "强化规范公正文明执法", "加强行政执法监督"]
    assert sum(proxy.rowCount(proxy.index(r, 0)) for r in range(4)) == 10
    area3 = proxy.index(2, 0)
    assert tree.isExpanded(area3)
    assert proxy.index(0, Column.TITLE, area3).data() == "继续突出重点领域开展专项检查"
    assert not window.commands.year_action.isVisible()


def test_selecting_an_item_shows_its_text_from_the_report(window: MainWindow, db: Database) -> None:
    tracking = TrackingService(db, who="法制科")
    tracking.checkin("3.1", 20, note="第一次检查", date="2018-03-31")
    tracking.checkin("3.1", 45, note="第二次检查", problems="人手不足", date="2018-06-30")
    window.reload()
    node = window.view.plan.find("3.1")
    window.tree.setCurrentIndex(window.proxy.mapFromSource(window.model.index_of(node.id)))
    text = window.detail.toPlainText()
    assert "继续突出重点领域开展专项检查" in text
    assert "结合前期工作经验" in text  # detail
    assert "一是继续突出重点领域开展专项检查。" in text  # the report's own sentence
    assert "所属方面：3 强化规范公正文明执法" in text
    assert text.index("第二次检查") < text.index("第一次检查")  # newest check-in first
    assert "存在问题：人手不足" in text
    assert "状态：未开始 → 进行中" in text  # the change log


def test_checkin_shows_in_the_tree_after_reload(window: MainWindow, db: Database) -> None:
    window.select_node(window.view.plan.find("2.2").id)
    assert shown(window, "2.2", Column.PROGRESS) == "0%"
    TrackingService(db, who="t").checkin("2.2", 60, date="2018-06-30")
    TrackingService(db, who="t").assign("2.2", Assignment(lead_dept="法制科"))
    window.reload()
    assert shown(window, "2.2", Column.PROGRESS) == "60%"
    assert shown(window, "2.2", Column.STATUS) == "进行中"
    assert shown(window, "2.2", Column.LEAD_DEPT) == "法制科"
    assert shown(window, "2", Column.PROGRESS) == "20%"  # (0 + 60 + 0) / 3
    assert window.current_node_id() == window.view.plan.find("2.2").id  # selection kept
    assert "60%" in window.detail.toPlainText()
    assert window.status_bar.progress_label.text() == "总进度 5%"  # areas 0, 20, 0, 0


def test_status_bar_shows_totals_and_light_counts(window: MainWindow, db: Database) -> None:
    TrackingService(db, who="t").checkin("1.1", 100, date="2018-06-30")
    window.reload()
    assert window.status_bar.expected_label.text() == "序时进度 100%"  # 2018 is over
    lights = window.status_bar.lights_label.text()
    assert "红</span>" not in lights  # the word follows the dot, outside its colour
    assert "红 9" in lights and "蓝 1" in lights
    assert "红灯：严重滞后或逾期：9" in window.status_bar.lights_label.toolTip()


def test_collapse_and_expand_all(window: MainWindow) -> None:
    window.commands.collapse_all.trigger()
    assert not any(window.tree.isExpanded(window.proxy.index(r, 0)) for r in range(4))
    window.commands.expand_all.trigger()
    assert all(window.tree.isExpanded(window.proxy.index(r, 0)) for r in range(4))


def test_filter_box_narrows_the_tree(window: MainWindow) -> None:
    # QTest cannot type Chinese; an IME commits whole words too
    window.filter_bar.search_edit.setText("专利执法")
    codes = [window.proxy.index(r, 0, window.proxy.index(0, 0)).data()
             for r in range(window.proxy.rowCount(window.proxy.index(0, 0)))]
    assert window.proxy.rowCount() == 1
    assert codes == ["1.1", "1.2"]


def test_year_selector_appears_with_two_plans(window: MainWindow, db: Database) -> None:
    assert not window.commands.year_action.isVisible()
    PlanService(db).import_draft(parse_report(report_2019()))
    window.reload()
    assert window.commands.year_action.isVisible()
    combo = window.commands.year_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [2018, 2019]
    assert window.year == 2018  # a plan added elsewhere does not move the user off their year
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert window.year == 2019 and "2019" in window.windowTitle()
    assert all(window.tree.isExpanded(window.proxy.index(r, 0)) for r in range(4))
    TrackingService(db, who="t").checkin("1.1", 50, year=2018, date="2018-06-30")
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert window.year == 2018
    assert "2018" in window.windowTitle()
    assert shown(window, "1.1", Column.PROGRESS) == "50%"


def test_menus_hold_the_agreed_actions(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "报送(&B)", "视图(&V)", "帮助(&H)"]
    assert window.commands.quit in window.commands.file_menu.actions()
    assert window.commands.quit.shortcut().toString() == "Ctrl+Q"
    assert window.commands.import_report in window.commands.file_menu.actions()
    window.commands.about.trigger()
    assert dialogs.messages[-1].title == "关于 年度工作台账" and "年度工作台账" in dialogs.said


def test_quit_closes_the_window(window: MainWindow) -> None:
    window.commands.quit.trigger()
    assert not window.isVisible()


def test_layout_survives_close_and_reopen(qtbot, db: Database, settings: QSettings) -> None:
    first = MainWindow(Workspace(db, who="测试"), settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)  # the offscreen screen is small; restoreGeometry keeps a window on it
    first.splitter.setSizes([700, 300])
    first.tree.setColumnWidth(Column.CO_DEPTS, 177)
    sizes = first.splitter.sizes()
    first.close()

    again = MainWindow(Workspace(db, who="测试"), settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (700, 520)
    assert again.splitter.sizes() == sizes
    assert again.tree.columnWidth(Column.CO_DEPTS) == 177


def test_first_start_leaves_no_column_cut_off(qtbot, window: MainWindow) -> None:
    tree = window.tree
    fm = tree.header().fontMetrics()
    for column in Column:
        if column is Column.TITLE or tree.isColumnHidden(column):  # 各期亮灯 waits for a closed period
            continue
        header = window.model.headerData(column, Qt.Orientation.Horizontal)
        assert tree.columnWidth(column) >= fm.horizontalAdvance(header) + 12, header
    assert tree.columnWidth(Column.TITLE) >= tree.min_title_width()

    window.resize(1024, 700)  # a small laptop: the title gives way, the lights stay on screen
    qtbot.waitUntil(lambda: window.width() == 1024)
    header = tree.header()
    for column in (Column.STATUS, Column.LIGHT):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        name = window.model.headerData(column, Qt.Orientation.Horizontal)
        assert 0 < right <= tree.viewport().width(), name
    assert tree.columnWidth(Column.TITLE) >= tree.min_title_width()
