"""What a new user ran into in the window (issue 9), each driven the way the user did it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCalendarWidget, QFileDialog, QLabel, QMessageBox

from tests.ui.scripted import ScriptedDialogs
from tracker.app import install_translation
from tracker.services import Assignment, Workspace
from tracker.ui.dialog_service import Dialogs, documents_folder
from tracker.ui.dialogs.checkin import CheckInDialog
from tracker.ui.dialogs.date_field import DateField
from tracker.ui.help import GuideDialog
from tracker.ui.models.plan_tree import Column
from tracker.ui.views.main_window import MainWindow


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_escape_closes_the_exported_box_and_opens_nothing(qtbot, workspace: Workspace,
                                                           settings: QSettings, tmp_path: Path) -> None:
    window = MainWindow(workspace, settings, dialogs=Dialogs(None))
    qtbot.addWidget(window)
    window.show()
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        job = window.data_file.export_to(tmp_path / "台账.xlsx", 2018)
        qtbot.waitUntil(lambda: not job.running, timeout=20000)
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert len(boxes) == 1 and "已导出" in boxes[0].text()
        QTest.keyClick(boxes[0], Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not boxes[0].isVisible())
        assert catcher.opened == []
    finally:
        QDesktopServices.unsetUrlHandler("file")


def _checkin_dialog(window: MainWindow, dialogs: ScriptedDialogs, code: str) -> CheckInDialog:
    node = window.ws.tracking.find(code)
    assert window.select_node(node.id)
    window.editing.add_checkin()
    dialog = dialogs.last
    assert isinstance(dialog, CheckInDialog)
    return dialog


def test_a_checkin_starts_from_the_latest_and_keeps_it_for_a_note(window: MainWindow,
                                                                  dialogs: ScriptedDialogs) -> None:
    node = window.ws.tracking.find("1.2")
    window.ws.tracking.add_checkin(node.id, 46, date=dt.date(2018, 5, 31), reporter="法制科小李")
    dialog = _checkin_dialog(window, dialogs, "1.2")
    assert dialog.progress_spin.value() == 46
    assert dialog.reporter_edit.text() == "法制科小李"
    dialog.progress_text_edit.setPlainText("等待编制部门回复")
    dialog.ok_button.click()
    latest = window.ws.tracking.checkins(node.id)[0]
    assert (latest.progress, latest.progress_text) == (46, "等待编制部门回复")


def test_an_empty_checkin_is_refused_in_the_form(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    dialog = _checkin_dialog(window, dialogs, "1.1")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert window.ws.tracking.checkins(window.ws.tracking.find("1.1").id) == []


def test_lowering_progress_asks_once_more(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    node = window.ws.tracking.find("1.3")
    window.ws.tracking.add_checkin(node.id, 60, date=dt.date(2018, 5, 31))
    dialog = _checkin_dialog(window, dialogs, "1.3")
    dialog.progress_spin.setValue(20)
    dialog.ok_button.click()
    assert dialog.isVisible() and "仍然保存" in dialog.ok_button.text()
    assert len(window.ws.tracking.checkins(node.id)) == 1
    dialog.ok_button.click()
    assert window.ws.tracking.checkins(node.id)[0].progress == 20


def test_date_field_reads_office_dates_has_a_calendar_and_tab_leaves_it(qtbot) -> None:
    field = DateField(year=2018)
    qtbot.addWidget(field)
    field.show()
    field.setText("6月底")
    assert field.date() == dt.date(2018, 6, 30)
    field.setText("2018/9/30")
    assert field.date() == dt.date(2018, 9, 30)
    menu = field.button.menu()
    assert menu is not None and menu.findChild(QCalendarWidget) is field.calendar  # the popup


def test_tab_leaves_the_checkin_date(qtbot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    dialog = _checkin_dialog(window, dialogs, "1.1")
    dialog.date_edit.edit.setFocus()
    assert dialog.focusWidget() is dialog.date_edit.edit
    QTest.keyClick(dialog.date_edit.edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() in (dialog.progress_spin, dialog.progress_spin.lineEdit())


def _expanded(window: MainWindow, code: str) -> bool:
    node = window.ws.tracking.find(code)
    return window.tree.isExpanded(window.proxy.mapFromSource(window.model.index_of(node.id)))


def test_clearing_the_search_gives_back_open_areas_and_selection(window: MainWindow) -> None:
    area2 = window.ws.tracking.find("2")
    window.tree.collapse(window.proxy.mapFromSource(window.model.index_of(area2.id)))
    target = window.ws.tracking.find("3.1")
    assert window.select_node(target.id)
    window.filter_bar.search_edit.setText("执法")
    assert _expanded(window, "2") or window.proxy.is_active()
    window.filter_bar.search_edit.clear()
    assert not _expanded(window, "2") and _expanded(window, "1")
    assert window.current_node_id() == target.id


def test_my_department_shows_what_it_leads_and_helps_with(window: MainWindow) -> None:
    t = window.ws.tracking
    t.assign("1.1", Assignment(lead_dept="法制科"))
    t.assign("2.1", Assignment(lead_dept="办公室", co_depts="法制科"))
    window.reload()
    bar = window.filter_bar
    bar.dept_combo.setCurrentIndex(bar.dept_combo.findData("法制科"))
    shown = set(window.proxy.visible_node_ids())
    assert t.find("1.1").id in shown and t.find("2.1").id not in shown
    bar.cooperating_check.setChecked(True)
    shown = set(window.proxy.visible_node_ids())
    assert {t.find("1.1").id, t.find("2.1").id} <= shown


def test_department_lists_follow_the_bureaus_order_else_pinyin(window: MainWindow) -> None:
    t = window.ws.tracking
    for code, dept in (("1.1", "执法科"), ("1.2", "办公室"), ("1.3", "法制科")):
        t.assign(code, Assignment(lead_dept=dept))
    window.reload()
    combo = window.filter_bar.dept_combo
    names = [combo.itemData(i) for i in range(2, combo.count())]
    assert names == ["办公室", "法制科", "执法科"]  # pinyin: ban, fa, zhi
    ids = {d.name: d.id for d in window.ws.departments.departments()}
    window.ws.departments.arrange([ids["执法科"], ids["办公室"], ids["法制科"]])
    window.reload()
    names = [combo.itemData(i) for i in range(2, combo.count())]
    assert names == ["执法科", "办公室", "法制科"]


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no keyboard grab for the menu
def test_every_menu_and_item_has_an_accelerator_and_f10_opens_the_menu_bar(window: MainWindow) -> None:
    bar = window.menuBar()
    for menu_action in bar.actions():
        assert "&" in menu_action.text(), menu_action.text()
        menu = menu_action.menu()
        for action in menu.actions():
            if not action.isSeparator():
                assert "&" in action.text(), action.text()
    QTest.keyClick(window.tree, Qt.Key.Key_F10)
    assert bar.activeAction() is not None


def test_export_suggests_documents_first_then_the_last_folder(window: MainWindow, dialogs: ScriptedDialogs,
                                                               qtbot, tmp_path: Path) -> None:
    window.commands.export_ledger.trigger()
    assert dialogs.suggested.parent == documents_folder()
    dialogs.files.append(tmp_path / "out" / "台账.xlsx")
    (tmp_path / "out").mkdir()
    window.commands.export_ledger.trigger()
    qtbot.waitUntil(lambda: not window.data_file.busy, timeout=20000)
    window.commands.export_ledger.trigger()
    assert dialogs.suggested.parent == tmp_path / "out"


def test_qt_file_dialog_speaks_chinese(qtbot) -> None:
    app = QApplication.instance()
    installed = install_translation(app, "zh")
    try:
        dialog = QFileDialog(None, "导出台账")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert any("查找范围" in text for text in labels), labels
        assert not any("Look in" in text for text in labels)
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_guide_pictures_fit_the_window(qtbot) -> None:
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    dialog.resize(640, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.browser.viewport().width()
    doc = dialog.browser.document()
    block, widths = doc.begin(), []
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                widths.append(fmt.toImageFormat().width())
            it += 1
        block = block.next()
    assert widths and max(widths) <= page


def test_at_1024_by_700_the_lights_stay_on_screen(window: MainWindow) -> None:
    window.resize(1024, 700)
    QApplication.processEvents()
    header = window.tree.header()
    right = header.sectionViewportPosition(Column.LIGHT) + header.sectionSize(Column.LIGHT)
    assert right <= window.tree.viewport().width()
