"""The open data file as the window sees it: writes from elsewhere, backups, notices, restore,
and the Excel ledger.

A timer polls `Database.data_version` (cheap: no read of the data) and reloads on a write by
the command line or another window; the undo stack is kept, since the services refuse an
undo whose rows have changed since (STALE). Restoring a backup clears it instead: the whole
file changed. Another timer takes the daily backup when the window stays open for days.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from tracker.services import UserError
from tracker.services.backups import BackupService
from tracker.ui.backup_dialogs import RestoreDialog

if TYPE_CHECKING:
    from tracker.ui.views.main_window import MainWindow

POLL_MS = 2000  # how often to look for writes by the command line or another window
BACKUP_CHECK_MS = 3 * 60 * 60 * 1000  # the daily backup, for a window left open for days


class DataFile(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.check_outside_change)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)

    def start(self) -> None:
        self.poll_timer.start()
        self.backup_timer.start()
        self._show_notices()

    def check_outside_change(self) -> bool:
        """Reload when the command line or another window wrote to the file; True if it did."""
        try:
            version = self.w.db.data_version()
        except Exception:  # the file went away under us: the next edit will say so
            return False
        if version == self.w.seen_version:
            return False
        self.w.reload()
        self.w.statusBar().showMessage(self.tr("数据文件已被其他窗口或命令行修改，已重新读取。"), 8000)
        return True

    def backup_if_due(self) -> None:
        try:
            BackupService(self.w.db).take_if_due()
        except UserError as exc:
            self.w.db.notices.append(str(exc))
        self._show_notices()

    def _show_notices(self) -> None:
        self.w.notice_label.setText("；".join(self.w.db.notices))
        self.w.notice_label.setToolTip("\n".join(self.w.db.notices))

    def open_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self.w, self.w.db.path, self.w.db.backups.backup_dir)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._restored)
        self.w.last_dialog = dialog
        dialog.open()
        return dialog

    def _restored(self, result: object) -> None:
        """The file now holds a backup: old undo steps would only be refused, so drop them."""
        self.w.undo_stack.clear()
        self.w.reload()
        self.w.statusBar().showMessage(self.tr("已从备份恢复。恢复前的数据已另存为备份。"), 10000)

    def export_ledger(self) -> QObject:
        from tracker.ui.ledger_dialogs import export_ledger

        only = self.w.proxy.visible_node_ids() if self.w.proxy.is_active() else None
        export = export_ledger(self.w, self.w.db, self.w.year, only=only)
        self.w.last_dialog = export
        return export

    def import_ledger(self) -> QObject:
        from tracker.ui.ledger_dialogs import import_ledger

        dialog = import_ledger(self.w, self.w.db, self.w.year, self.w.undo_stack)
        self.w.last_dialog = dialog
        return dialog
