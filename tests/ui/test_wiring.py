"""The window around the editing: restore from a backup, read-only files, writes by the command
line or another window, the ledger's menu items, and a damaged file at start-up.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.scripted import ScriptedDialogs
from tests.ui.test_editing import check_in, select, shown
from tracker.app import run
from tracker.io.ledger.layout import FIRST_DATA_ROW
from tracker.services import EditingService, PlanService, TrackingService, Workspace, open_database
from tracker.services.backups import BackupService
from tracker.store import Database
from tracker.ui.backup_dialogs import RestoreDialog
from tracker.ui.ledger_dialogs import LedgerImportDialog
from tracker.ui.models.plan_tree import Column
from tracker.ui.views.main_window import MainWindow

WAIT = 10000


def test_an_outside_change_shows_after_the_poll(qtbot, window: MainWindow, db: Database) -> None:
    select(window, "2.2")
    assert not window.data_file.check_outside_change()  # nothing happened yet
    with Database(db.path) as other:
        TrackingService(other, who="cli").checkin("2.2", 70, date="2018-06-30")
    window.data_file.poll_timer.setInterval(20)  # the real timer, only sooner
    qtbot.waitUntil(lambda: shown(window, "2.2", Column.PROGRESS) == "70%")
    assert window.current_node().code == "2.2"  # selection kept
    assert "70%" in window.detail.toPlainText()
    assert "已重新读取" in window.statusBar().currentMessage()


def test_an_outside_change_is_found_when_asked(qtbot, window: MainWindow, db: Database) -> None:
    window.data_file.poll_timer.stop()  # only the explicit check below
    select(window, "2.2")
    with Database(db.path) as other:
        TrackingService(other, who="cli").checkin("2.2", 70, date="2018-06-30")
    assert shown(window, "2.2", Column.PROGRESS) == "0%"
    assert window.data_file.check_outside_change()
    qtbot.waitUntil(lambda: shown(window, "2.2", Column.PROGRESS) == "70%")
    assert not window.data_file.check_outside_change()  # told once


def test_our_own_edits_do_not_count_as_outside_changes(window: MainWindow) -> None:
    select(window, "2.2")
    check_in(window, 10)
    assert not window.data_file.check_outside_change()


def test_read_only_file_disables_editing_and_says_so(qtbot, db: Database, settings: QSettings) -> None:
    path = db.path
    db.close()
    ro = Database(path, read_only=True)
    dialogs = ScriptedDialogs()
    try:
        win = MainWindow(Workspace(ro, who="测试"), settings, dialogs=dialogs)
        qtbot.addWidget(win)
        win.show()
        select(win, "2.2")
        a = win.commands
        for action in (a.edit_node, a.checkin, a.add_item, a.delete, a.move_up, a.lock, a.restore,
                       a.import_ledger):
            assert not action.isEnabled(), action.text()
        assert a.export_ledger.isEnabled() and a.find.isEnabled()
        assert win.status_bar.notice_label.text() and "只读" in win.status_bar.notice_label.text()
        editor = win.editing.edit_node()  # even when called directly, nothing can be saved:
        assert editor is not None
        editor.title_edit.setText("改不了")
        editor.ok_button.click()
        assert "只读" in editor.error_label.text() and editor.isVisible()  # the input is kept
        assert PlanService(ro).view().plan.find("2.2").title != "改不了"
        assert win.undo_stack.count() == 0
        win.close()
    finally:
        ro.close()


def test_restore_from_the_file_menu_reloads_and_clears_undo(
        qtbot, window: MainWindow, db: Database, dialogs: ScriptedDialogs) -> None:
    BackupService(db).take()
    select(window, "1.1")
    check_in(window, 10)
    assert window.undo_stack.count() == 1
    assert shown(window, "1.1", Column.STATUS) == "进行中"
    assert window.commands.restore in window.commands.file_menu.actions()
    window.commands.restore.trigger()
    dialog = dialogs.last
    assert isinstance(dialog, RestoreDialog)
    box = dialog.ask_restore()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.undo_stack.count() == 0
    assert TrackingService(db).find("1.1").latest is None
    qtbot.waitUntil(lambda: shown(window, "1.1", Column.STATUS) == "未开始")
    assert "已从备份恢复" in window.statusBar().currentMessage()


def codes_in(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)["台账"]
    return [ws.cell(r, 1).value for r in range(FIRST_DATA_ROW, ws.max_row + 1)]


def test_ledger_menu_items_and_an_undoable_import(
        qtbot, window: MainWindow, db: Database, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    a = window.commands
    assert a.export_ledger.shortcut().toString() == "Ctrl+E"
    assert a.import_ledger in a.file_menu.actions()
    a.import_ledger.trigger()  # asks for a file; the user closes the file dialog
    assert dialogs.shown == [] and not window.data_file.busy

    window.proxy.set_search("专利执法")  # a filter on: export what it shows
    dialogs.files = [tmp_path / "filtered.xlsx"]
    a.export_ledger.trigger()
    qtbot.waitUntil(lambda: len(dialogs.offers) == 1, timeout=WAIT)
    assert codes_in(tmp_path / "filtered.xlsx") == ["1", "1.1", "1.2"]  # area 1 with 1.1 and 1.2
    window.proxy.set_search("")
    out = tmp_path / "台账.xlsx"
    dialogs.files = [out]
    a.export_ledger.trigger()
    qtbot.waitUntil(lambda: len(dialogs.offers) == 2, timeout=WAIT)
    assert len(codes_in(out)) == 14
    wb = openpyxl.load_workbook(out)
    ws = wb["台账"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "1.1")
    ws.cell(cell.row, cell.column + 8).value = "已报编制部门"  # 进展情况
    edited = tmp_path / "filled.xlsx"
    wb.save(edited)

    dialogs.files = [edited]
    a.import_ledger.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=WAIT)
    dialog = dialogs.last
    assert isinstance(dialog, LedgerImportDialog)
    dialog.apply()
    assert TrackingService(db).find("1.1").latest.progress_text == "已报编制部门"
    select(window, "1.1")
    assert "已报编制部门" in window.detail.toPlainText()
    a.undo.trigger()
    assert TrackingService(db).find("1.1").latest is None
    assert "已报编制部门" not in window.detail.toPlainText()  # the window reloaded by itself


def test_a_damaged_file_at_start_offers_a_backup(qapp, tmp_path: Path, settings: QSettings) -> None:
    path = tmp_path / "tracker.db"
    with open_database(path) as db:
        TrackingService(db, who="t").checkin("1.1", 30, date="2018-03-31")
        BackupService(db).take()
    path.write_bytes(b"\0" * 4096)  # wrecked
    seen: list[str] = []

    def answer() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox) and not seen:
            seen.append(widget.text())
            restore = next(b for b in widget.buttons() if "从备份恢复" in b.text())
            restore.click()
        elif isinstance(widget, RestoreDialog):
            widget.restore(widget.selected())
        elif isinstance(widget, QMessageBox):
            widget.accept()
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            seen.append(shown(windows[0], "1.1", Column.PROGRESS))
            windows[0].close()
            return
        QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)
    assert run(path, settings) == 0
    assert "无法打开数据文件" in seen[0]
    assert seen[-1] == "30%"
    assert len(list(tmp_path.glob("tracker*.db*"))) >= 2  # the wrecked file was kept aside, not deleted


def test_qt_calls_keep_none_alive(qapp) -> None:
    """PySide6 6.12.0 drops a reference to None on every void call; on Python 3.11 the window
    then dies ("deallocating None") after some thousand repaints. pyproject.toml excludes it."""
    action = QAction("x")
    before = sys.getrefcount(None)
    for _ in range(200):
        action.setEnabled(True)
    assert sys.getrefcount(None) >= before - 20  # None is immortal from 3.12: the count is fixed


def test_departments_dialog_shares_the_undo_stack(window: MainWindow, db: Database,
                                                  dialogs: ScriptedDialogs) -> None:
    from tracker.services import DepartmentService
    from tracker.ui.dialogs.departments import DepartmentsDialog

    assert window.commands.departments in window.commands.edit_menu.actions()
    window.commands.departments.trigger()
    dialog = dialogs.last
    assert isinstance(dialog, DepartmentsDialog)
    assert dialog.add_department("督查室") is None
    assert "督查室" in [d.name for d in DepartmentService(db).departments()]
    assert window.undo_stack.count() == 1
    window.commands.undo.trigger()
    assert "督查室" not in [d.name for d in DepartmentService(db).departments()]


def test_an_outside_checkin_repaints_its_rows_and_nothing_else(qtbot, window: MainWindow,
                                                               db: Database) -> None:
    """The command line's check-in reaches the window as news of one item: that row and its
    area are repainted; no reset, no relayout, closed areas stay closed, the selection stays."""
    window.data_file.poll_timer.stop()
    select(window, "3.1")
    area2 = window.proxy.mapFromSource(window.model.index_of(window.view.plan.find("2").id))
    window.tree.collapse(area2)
    painted: list[str] = []
    window.model.dataChanged.connect(lambda top, *_: painted.append(top.siblingAtColumn(0).data()))
    window.model.modelReset.connect(lambda: painted.append("reset"))
    window.proxy.layoutChanged.connect(lambda *_: painted.append("layout"))
    with Database(db.path) as other:
        TrackingService(other, who="cli").checkin("2.2", 70, date="2018-06-30")
    assert window.data_file.check_outside_change()
    qtbot.waitUntil(lambda: shown(window, "2.2", Column.PROGRESS) == "70%")
    assert sorted(painted) == ["2", "2.2"]
    assert not window.tree.isExpanded(area2) and window.current_node().code == "3.1"


def test_an_item_added_elsewhere_is_inserted_not_reloaded(qtbot, window: MainWindow, db: Database) -> None:
    window.data_file.poll_timer.stop()
    select(window, "4.2")
    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    with Database(db.path) as other:
        area = TrackingService(other).find("4")
        EditingService(other, who="cli").add(area.id, 0, title="命令行新增的事项")
    assert window.data_file.check_outside_change()
    qtbot.waitUntil(lambda: shown(window, "4.1", Column.TITLE) == "命令行新增的事项")
    assert resets == [] and window.current_node().code == "4.3"  # the same item, renumbered
