"""The window around the editing: restore from a backup, read-only files, writes by the command
line or another window, the ledger's menu items, and a damaged file at start-up.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.ui.test_editing import select, shown
from tracker.app import run
from tracker.services import PlanService, TrackingService, open_database
from tracker.services.backups import BackupService
from tracker.store import Database
from tracker.ui.backup_dialogs import RestoreDialog
from tracker.ui.ledger_dialogs import LedgerImportDialog, preview_ledger
from tracker.ui.models.plan_tree import Column
from tracker.ui.views.main_window import MainWindow


def test_an_outside_change_shows_after_the_poll(qtbot, window: MainWindow, db: Database) -> None:  # noqa: ANN001
    select(window, "2.2")
    assert not window.data_file.check_outside_change()  # nothing happened yet
    with Database(db.path) as other:
        TrackingService(other, who="cli").checkin("2.2", 70, date="2018-06-30")
    window.data_file.poll_timer.setInterval(20)  # the real timer, only sooner
    qtbot.waitUntil(lambda: shown(window, "2.2", Column.PROGRESS) == "70%")
    assert window.current_node().code == "2.2"  # selection kept
    assert "70%" in window.detail.toPlainText()
    assert "已重新读取" in window.statusBar().currentMessage()


def test_our_own_edits_do_not_count_as_outside_changes(window: MainWindow) -> None:
    select(window, "2.2")
    window.editing.add_checkin().accept()
    assert not window.data_file.check_outside_change()


def test_read_only_file_disables_editing_and_says_so(qtbot, db: Database, settings: QSettings) -> None:  # noqa: ANN001
    path = db.path
    db.close()
    ro = Database(path, read_only=True)
    try:
        win = MainWindow(ro, settings)
        qtbot.addWidget(win)
        win.show()
        select(win, "2.2")
        for action in (win.edit_node_action, win.checkin_action, win.add_item_action, win.delete_action,
                       win.move_up_action, win.lock_action, win.restore_action, win.import_ledger_action):
            assert not action.isEnabled(), action.text()
        assert win.export_ledger_action.isEnabled() and win.find_action.isEnabled()
        assert win.notice_label.text() and "只读" in win.notice_label.text()
        assert win.editing.edit_node() is not None  # even when called directly, nothing can be saved:
        win.editing.last_dialog.title_edit.setText("改不了")
        win.editing.last_dialog.ok_button.click()
        assert isinstance(win.last_dialog, QMessageBox) and "只读" in win.last_dialog.text()
        assert PlanService(ro).view().plan.find("2.2").title != "改不了"
        assert win.undo_stack.count() == 0
    finally:
        ro.close()


def test_restore_from_the_file_menu_reloads_and_clears_undo(qtbot, window: MainWindow, db: Database) -> None:  # noqa: ANN001
    BackupService(db).take()
    select(window, "1.1")
    window.editing.add_checkin().accept()
    assert window.undo_stack.count() == 1
    assert window.restore_action in window.file_menu.actions()
    window.restore_action.trigger()
    dialog = window.last_dialog
    assert isinstance(dialog, RestoreDialog)
    box = dialog.ask_restore()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.undo_stack.count() == 0
    assert TrackingService(db).find("1.1").latest is None
    assert shown(window, "1.1", Column.STATUS) == "未开始"
    assert "已从备份恢复" in window.statusBar().currentMessage()


def test_ledger_menu_items_and_an_undoable_import(
        qtbot, window: MainWindow, db: Database, tmp_path: Path) -> None:  # noqa: ANN001
    assert window.export_ledger_action.shortcut().toString() == "Ctrl+E"
    assert window.import_ledger_action in window.file_menu.actions()
    window.import_ledger_action.trigger()
    assert isinstance(window.last_dialog, QFileDialog)
    window.last_dialog.reject()

    window.proxy.set_search("专利执法")  # a filter on: export what it shows
    export = window.data_file.export_ledger()
    assert export.only is not None and len(export.only) == 3  # area 1 with 1.1 and 1.2
    export.file_dialog.reject()
    window.proxy.set_search("")
    out = tmp_path / "台账.xlsx"
    window.data_file.export_ledger().export_to(out)
    wb = openpyxl.load_workbook(out)
    ws = wb["台账"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "1.1")
    ws.cell(cell.row, cell.column + 8).value = "已报编制部门"  # 进展情况
    edited = tmp_path / "filled.xlsx"
    wb.save(edited)

    dialog = preview_ledger(window, db, 2018, edited, window.undo_stack)
    assert isinstance(dialog, LedgerImportDialog)
    dialog.apply()
    assert TrackingService(db).find("1.1").latest.progress_text == "已报编制部门"
    select(window, "1.1")
    assert "已报编制部门" in window.detail.toPlainText()
    window.undo_action.trigger()
    assert TrackingService(db).find("1.1").latest is None
    assert "已报编制部门" not in window.detail.toPlainText()  # the window reloaded by itself


def test_a_damaged_file_at_start_offers_a_backup(qapp, tmp_path: Path, settings: QSettings) -> None:  # noqa: ANN001
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


def test_qt_calls_keep_none_alive(qapp) -> None:  # noqa: ANN001
    """PySide6 6.12.0 drops a reference to None on every void call; on Python 3.11 the window
    then dies ("deallocating None") after some thousand repaints. pyproject.toml excludes it."""
    action = QAction("x")
    before = sys.getrefcount(None)
    for _ in range(200):
        action.setEnabled(True)
    assert sys.getrefcount(None) >= before - 20  # None is immortal from 3.12: the count is fixed


def test_departments_dialog_shares_the_undo_stack(window: MainWindow, db: Database) -> None:
    from tracker.services import DepartmentService
    from tracker.ui.dialogs.departments import DepartmentsDialog

    assert window.departments_action in window.edit_menu.actions()
    window.departments_action.trigger()
    dialog = window.editing.last_dialog
    assert isinstance(dialog, DepartmentsDialog)
    assert dialog.add_department("督查室") is None
    assert "督查室" in [d.name for d in DepartmentService(db).departments()]
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert "督查室" not in [d.name for d in DepartmentService(db).departments()]
