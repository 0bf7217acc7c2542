"""文件→从备份恢复…: lists backups with date and counts; restoring keeps the current state first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.store.filedamage import PAGE, digest, overwrite
from tracker.services import TrackingService
from tracker.services.backups import BackupService, list_backups
from tracker.store import Database
from tracker.ui.backup_dialogs import RestoreDialog


def make_dialog(qtbot, path: Path) -> RestoreDialog:
    dialog = RestoreDialog(None, path)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def rows(dialog: RestoreDialog) -> list[list[str]]:
    t = dialog.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_lists_backups_newest_first_with_counts(qtbot, db, db_path):
    BackupService(db).take()
    TrackingService(db, who="test").checkin("1.1", 30)
    TrackingService(db, who="test").checkin("1.2", 30)
    newest = BackupService(db).take()
    dialog = make_dialog(qtbot, db_path)
    shown = rows(dialog)
    assert len(shown) == 2
    assert shown[0][1] == "手动" and shown[0][2] == "10" and shown[0][3] == "2"
    assert shown[1][3] == "0"
    assert dialog.selected().path == newest
    assert dialog.restore_button.isEnabled()


def test_restoring_asks_then_keeps_the_current_state(qtbot, db, db_path):
    BackupService(db).take()
    TrackingService(db, who="test").checkin("1.1", 30)
    dialog = make_dialog(qtbot, db_path)
    box = dialog.ask_restore()
    assert box is not None and "当前数据会先保存为一个备份" in box.text()
    with qtbot.waitSignal(dialog.restored) as signal:
        box.button(QMessageBox.StandardButton.Yes).click()
    result = signal.args[0]
    assert result.kept is not None and not result.damaged
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0  # the window's view
    kept = [b for b in list_backups(db_path) if b.reason == "before-restore"]
    assert len(kept) == 1 and kept[0].checkins == 1
    assert dialog.result() == dialog.DialogCode.Accepted


def test_saying_no_changes_nothing(qtbot, db, db_path):
    BackupService(db).take()
    TrackingService(db, who="test").checkin("1.1", 30)
    dialog = make_dialog(qtbot, db_path)
    box = dialog.ask_restore()
    box.button(QMessageBox.StandardButton.No).click()
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 1
    assert len(list_backups(db_path)) == 1


def test_a_damaged_backup_is_refused_in_the_dialog(qtbot, db, db_path):
    bad = BackupService(db).take()
    overwrite(bad, 2 * PAGE, b"\xff" * 32)
    before = digest(db_path)
    dialog = make_dialog(qtbot, db_path)
    assert dialog.restore(dialog.selected()) is None
    assert "已损坏" in dialog.status.text()
    assert dialog.isVisible()
    assert digest(db_path) == before


def test_a_file_the_window_could_not_open_is_restored(qtbot, db, db_path):
    TrackingService(db, who="test").checkin("1.1", 30)
    BackupService(db).take()
    db.close()
    overwrite(db_path, 2 * PAGE, b"\xff" * 32)
    dialog = make_dialog(qtbot, db_path)
    result = dialog.restore(dialog.selected())
    assert result is not None and result.damaged and result.kept.exists()
    with Database(db_path) as restored:
        assert restored.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 1


def test_no_backups_yet(qtbot, db_path, db):
    dialog = make_dialog(qtbot, db_path)
    assert rows(dialog) == []
    assert not dialog.restore_button.isEnabled()
    assert "还没有备份" in dialog.status.text()
