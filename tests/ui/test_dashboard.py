"""The 总览 tab: its department model passes Qt's model checks, and a click on an area's bar or a
department filters the tree; the tree's dots and its "as of" view of a closed period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.scripted import ScriptedDialogs
from tracker.services import Assignment, Workspace
from tracker.services.dashboard import DeptLine
from tracker.ui.models.dashboard import DepartmentStatsModel
from tracker.ui.models.plan_tree import Column, Role
from tracker.ui.views.main_window import MainWindow


def _prepare(ws: Workspace) -> None:
    ws.tracking.assign("1.1", Assignment(lead_dept="法制科"))
    ws.tracking.assign("2.1", Assignment(lead_dept="法制科"))
    ws.tracking.assign("3.1", Assignment(lead_dept="办公室"))
    ws.tracking.checkin("1.1", 20, date="2018-05-20", problems="编制未落实")
    ws.tracking.checkin("2.1", 60, date="2018-06-10")
    ws.periods.close("2018-05", today=dt.date(2018, 7, 1))


def visible_codes(win: MainWindow) -> list[str]:
    out = []
    for node_id in win.proxy.visible_node_ids():
        node = win.node_by_id(node_id)
        if node is not None and node.parent_id is not None:
            out.append(node.code)
    return out


def test_the_department_model_passes_qts_checks(qtmodeltester) -> None:
    model = DepartmentStatsModel()
    model.set_lines([DeptLine("法制科", 3, 1, 1, 0, 2), DeptLine("", 7, 0, 0, 0, 7)])
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "（未指定）"
    assert model.index(0, 5).data() == "2"


def test_the_dashboard_shows_departments_and_a_click_filters_the_tree(qtbot, window: MainWindow,
                                                                       workspace: Workspace) -> None:
    _prepare(workspace)
    window.reload()
    window.tabs.setCurrentWidget(window.dashboard)
    table = window.dashboard.dept_table
    names = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert names[:2] == ["法制科", "办公室"] and "（未指定）" in names
    assert "总进度" in window.dashboard.summary.text()
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == 0
    assert visible_codes(window) == ["1.1", "2.1"]
    assert "法制科" in window.filter_bar.summary()


def test_a_click_on_an_areas_bar_filters_the_tree_to_that_area(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.dashboard)
    area3 = window.view.plan.areas[2]
    bars = window.dashboard.area_bars
    index = [i for i, (area_id, _t) in enumerate(window.dashboard._area_ids) if area_id == area3.id][0]
    bars.clicked.emit(index)  # what Qt Charts sends for a click on that bar
    assert window.tabs.currentIndex() == 0
    assert visible_codes(window) == ["3.1", "3.2"]
    window.filter_bar.clear()
    assert len(visible_codes(window)) == 10


def test_the_tree_shows_a_dot_per_period_and_the_frozen_values_as_of_a_closed_period(
        window: MainWindow, workspace: Workspace) -> None:
    _prepare(workspace)
    workspace.tracking.checkin("1.1", 80, date="2018-06-20")
    window.reload()
    node = window.view.plan.find("1.1")
    dots = window.model.index_of(node.id, Column.PERIODS).data(Role.PERIOD_LIGHTS)
    assert len(dots) == 12 and dots[4][1] is not None and dots[5][1] is None  # May closed, June open
    assert window.model.index_of(node.id, Column.PROGRESS).data(Role.PROGRESS) == 80
    combo = window.period_desk.as_of_combo
    assert combo.count() == 2 and combo.itemData(1) == "2018-05"
    combo.activated.emit(1)
    assert window.shown.as_of == "2018-05"
    assert window.model.index_of(node.id, Column.PROGRESS).data(Role.PROGRESS) == 20
    assert not window.commands.checkin.isEnabled()  # a frozen period is read-only
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert window.model.index_of(node.id, Column.PROGRESS).data(Role.PROGRESS) == 80


def test_the_periods_dialog_lists_who_has_not_reported_copies_the_chase_and_closes(
        qtbot, window: MainWindow, workspace: Workspace, dialogs: ScriptedDialogs, tmp_path) -> None:
    from PySide6.QtGui import QGuiApplication

    _prepare(workspace)
    dialog = window.period_desk.show_periods()
    assert dialog is not None
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("2018-06"))
    assert dialog.table.rowCount() == 9  # only 2.1 reported in June
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert "【催报】" in text and "6月25日前" in text and "法制科（1 项）" in text and "1.1" in text
    dialogs.files.append(tmp_path / "missing.xlsx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "missing.xlsx").active
    assert [c.value for c in sheet[3]][:3] == ["序号", "牵头科室", "工作任务"]
    assert sheet.max_row == 3 + 9
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert workspace.periods.info("2018-06").is_closed
    assert not dialog.close_button.isEnabled() and not dialog.reopen_button.isEnabled()
    dialog.reason.setText("补报")  # keyClicks types ASCII only
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    assert not workspace.periods.info("2018-06").is_closed
    assert workspace.periods.log()[-1].reason == "补报"


def test_the_report_is_made_from_the_window(window: MainWindow, dialogs: ScriptedDialogs, tmp_path) -> None:
    dialogs.files.append(tmp_path / "月报.pdf")
    window.period_desk.make_report("2018-06")
    assert (tmp_path / "月报.pdf").read_bytes().startswith(b"%PDF")
    dialogs.files.append(tmp_path / "月报.docx")
    window.period_desk.make_report("2018-06")
    assert (tmp_path / "月报.docx").stat().st_size > 5000
    preview = window.period_desk.preview("2018-06")
    assert preview is not None and preview.isVisible()
    preview.close()


def test_settings_change_cadence_and_unit_as_one_undo_step(window: MainWindow, workspace: Workspace) -> None:
    from tracker.domain.period_report import Office
    from tracker.domain.periods import Cadence
    from tracker.services.periods import PeriodSettings

    window.period_desk.save_settings(2018, PeriodSettings(Cadence.QUARTERLY, 10), Office(unit="某某局"))
    assert workspace.office.details().unit == "某某局"
    assert [i.key for i in workspace.periods.periods()][:2] == ["2018Q1", "2018Q2"]
    window.undo_stack.undo()
    assert workspace.office.details().unit == "" and workspace.periods.settings().cadence is Cadence.MONTHLY


def test_refused_settings_keep_the_dialog_and_save_nothing(window: MainWindow, workspace: Workspace) -> None:
    """A month is closed from another PC while the settings are open: changing to 季报 is refused,
    the dialog stays with what was typed, and the office's details are not saved half-way."""
    dialog = window.period_desk.edit_settings()
    assert dialog is not None and dialog.cadence.isEnabled()
    dialog.cadence.setCurrentIndex(1)  # 季报
    dialog.unit.setText("某某局")
    workspace.periods.close("2018-05", today=dt.date(2018, 7, 1))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.unit.text() == "某某局"
    assert "关账" in dialog.error_label.text()
    assert workspace.office.details().unit == ""
    dialog.cadence.setCurrentIndex(0)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible() and workspace.office.details().unit == "某某局"


def test_the_period_column_appears_with_the_first_closed_period(
        qtbot, window: MainWindow, workspace: Workspace) -> None:
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: window.tree.viewport().width() > 900)
    assert window.tree.isColumnHidden(Column.PERIODS)  # nothing closed: no empty column
    title_width = window.tree.columnWidth(Column.TITLE)
    _prepare(workspace)  # closes May
    window.reload()
    assert not window.tree.isColumnHidden(Column.PERIODS)
    assert window.tree.columnWidth(Column.TITLE) < title_width  # the titles made room for it
    workspace.periods.reopen("2018-05", "补报")
    window.reload()
    assert window.tree.isColumnHidden(Column.PERIODS)


def test_a_refused_report_place_asks_again_where(
        window: MainWindow, dialogs: ScriptedDialogs, tmp_path) -> None:
    """A folder given as the file (or a place that cannot be written): the message says why and the
    save dialog comes back, so the 月报 need not be started over."""
    dialogs.files += [tmp_path, tmp_path / "月报.pdf"]
    window.period_desk.make_report("2018-06")
    assert "无法写入" in dialogs.messages[-1].text and "文件夹" in dialogs.messages[-1].text
    assert len(dialogs.suggestions) == 2 and dialogs.suggestions[1].parent == tmp_path
    assert (tmp_path / "月报.pdf").read_bytes().startswith(b"%PDF")
