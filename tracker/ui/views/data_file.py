"""The open data file as the window sees it: writes from elsewhere, backups, notices, restore,
and the Excel ledger in and out.

A timer asks the session to look for writes by the command line or another window (cheap: no
read of the data); the session then tells the window what to reload. On a server the session
hands out a socket that becomes readable when anyone commits (LISTEN/NOTIFY): a socket notifier
asks at once, and the timer only looks now and then (a reconnect gives a new socket). The poll pauses while a
background job (an export, a backup) runs, so nothing reloads the window halfway through one.
Exports, ledger previews and the daily backup run on a worker thread with their own connection.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QSocketNotifier, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QWidget

from tracker.services import UserError, Workspace
from tracker.services.ledger import ExportCancelled, ExportResult, LedgerPreview
from tracker.ui.backup_dialogs import RestoreDialog
from tracker.ui.dialog_service import Dialogs, Level, documents_folder
from tracker.ui.jobs import Cancelled, Job, Progress, Work, run_job

POLL_MS = 2000  # how often to look for writes by the command line or another window
SERVER_POLL_MS = 30_000  # on a server NOTIFY wakes us; this only catches a reconnect
BACKUP_CHECK_MS = 3 * 60 * 60 * 1000  # the daily backup, for a window left open for days
LAST_FOLDER = "files/last_folder"


class DataFile(QObject):
    """Emits `notices_changed(text)`, `status(text)` for the status bar, and `restored()` once a
    backup replaced the file (old undo steps no longer apply)."""

    notices_changed = Signal(str)
    status = Signal(str)
    restored = Signal()

    def __init__(self, workspace: Workspace, dialogs: Dialogs, settings: QSettings,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.dialogs = dialogs
        self.settings = settings
        self.parent_widget = parent
        self.jobs: list[Job] = []
        self.last_export: ExportResult | None = None
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.check_outside_change)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.notifier: QSocketNotifier | None = None

    def start(self) -> None:
        self._watch()
        self.poll_timer.start()
        self.backup_timer.start()
        self._show_notices()

    def stop(self) -> None:
        """The window closes: stop looking (the session's connection closes after it)."""
        self.poll_timer.stop()
        self.backup_timer.stop()
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None

    def _watch(self) -> None:
        """On a server: be woken by its news socket (made again after a reconnect)."""
        handle = self.ws.wait_handle()
        if handle is None:
            return
        if self.notifier is None or self.notifier.socket() != handle:
            if self.notifier is not None:
                self.notifier.setEnabled(False)
                self.notifier.deleteLater()
            self.notifier = QSocketNotifier(handle, QSocketNotifier.Type.Read, self)
            self.notifier.activated.connect(lambda *_: self.check_outside_change())
        self.poll_timer.setInterval(SERVER_POLL_MS)

    @property
    def busy(self) -> bool:
        return any(job.running for job in self.jobs)

    def check_outside_change(self) -> bool:
        """Ask the session to look for outside writes (it tells the window); True if there were."""
        if self.busy:
            if self.notifier is not None:  # caught up when the job is done (_job_done)
                self.notifier.setEnabled(False)
            return False
        changed = self.ws.poll()
        if self.notifier is not None:
            self.notifier.setEnabled(True)
            self._watch()
        return changed

    # --- background work ----------------------------------------------------------------

    def _run(self, title: str, label: str, work: Work, on_success: Callable[[Any], object],
             on_failure: Callable[[str], object] | None = None, quiet: bool = False) -> Job:
        def failed(message: str) -> None:
            if on_failure is not None:
                on_failure(message)
            else:
                self.dialogs.message(Level.WARNING, title, message)

        job = run_job(self.parent_widget, title, label, work, on_success=on_success,
                      on_failure=failed, quiet=quiet)
        self.jobs.append(job)
        job.finished.connect(lambda: self._job_done(job))
        return job

    def _job_done(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        # the poll paused during the job: catch up on writes by others now (the jobs only read
        # the data file, so nothing of ours is mistaken for theirs)
        self.check_outside_change()

    def backup_if_due(self) -> None:
        """The daily backup, taken on a second connection so the window never waits for it."""
        if self.ws.read_only:
            return

        ws = self.ws  # the worker holds the session only, never a Qt object

        def work(_progress: Progress) -> list[str]:
            with ws.fork() as other:
                other.backups.take_if_due()
                return other.notices

        def done(notices: object) -> None:
            for text in notices if isinstance(notices, list) else []:
                self.ws.add_notice(str(text))
            self._show_notices()

        def failed(message: str) -> None:
            self.ws.add_notice(message)
            self._show_notices()

        self._run(self.tr("备份"), self.tr("正在备份…"), work, done, failed, quiet=True)

    def _show_notices(self) -> None:
        self.notices_changed.emit("；".join(self.ws.notices))

    # --- restore ------------------------------------------------------------------------

    def open_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self.parent_widget, self.ws.path, self.ws.backup_dir)
        dialog.restored.connect(lambda _result: self._restored())
        self.dialogs.show(dialog)
        return dialog

    def _restored(self) -> None:
        self.ws.poll()  # the file changed under our connection: reload all of it
        self.restored.emit()
        self.status.emit(self.tr("已从备份恢复。恢复前的数据已另存为备份。"))

    # --- the ledger ---------------------------------------------------------------------

    def _folder(self) -> Path:
        """The folder of the last file the user exported or imported, else Documents."""
        saved = str(self.settings.value(LAST_FOLDER, "", type=str) or "")
        folder = Path(saved) if saved else None
        return folder if folder is not None and folder.is_dir() else documents_folder()

    def _remember(self, path: Path) -> None:
        self.settings.setValue(LAST_FOLDER, str(path.parent))

    def export_ledger(self, year: int | None, only: list[int] | None, folder: Path | None = None) -> None:
        """Ask where (in `folder`, else the last one), then write the ledger in the background;
        `only` limits it to the items the window's filter shows."""
        name = self.tr("{0}年度工作台账.xlsx").format(year) if year else self.tr("工作台账.xlsx")
        title = self.tr("导出台账")
        if only is not None:  # a part must not go upward under the name of the whole ledger
            name = self.tr("{0}（筛选结果）.xlsx").format(name.removesuffix(".xlsx"))
            title = self.tr("导出台账（只含筛选出的事项）")
        start = folder if folder is not None and folder.is_dir() else self._folder()
        self.dialogs.save_file(title, start / name, [self.tr("Excel 工作簿 (*.xlsx)")], "xlsx",
                               lambda path: self._export_chosen(path, year, only))

    def _export_chosen(self, path: Path, year: int | None, only: list[int] | None) -> None:
        """A target refused before anything is written (the data file, a folder, a read-only
        place) asks again in the same folder with the suggested name; 取消 there ends it."""
        try:
            self.ws.ledger.check_target(path)
        except UserError as exc:
            self.dialogs.message(Level.WARNING, self.tr("无法导出台账"), str(exc),
                                 then=lambda: self.export_ledger(year, only, path.parent))
            return
        self.export_to(path, year, only)

    def export_to(self, path: Path, year: int | None, only: list[int] | None = None) -> Job:
        self._remember(path)

        ws = self.ws  # the worker holds the session only, never a Qt object

        def work(progress: Progress) -> ExportResult:
            with ws.fork() as other:
                try:
                    return other.ledger.export(path, year, only=only, progress=progress)
                except ExportCancelled as exc:
                    raise Cancelled from exc

        def failed(message: str) -> None:
            """Refused while writing (the file open in Excel, a full disk): say why, then ask
            again where, in the same folder; nothing half-written is left behind."""
            self.dialogs.message(Level.WARNING, self.tr("无法导出台账"), message,
                                 then=lambda: self.export_ledger(year, only, path.parent))

        return self._run(self.tr("导出台账"), self.tr("正在导出台账…"), work, self._exported, failed)

    def _exported(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self.last_export = result
        text = self.tr("已导出 {0} 项到：\n{1}").format(result.items, result.path)
        if result.warnings:
            text += "\n\n" + self.tr("注意：") + "\n".join(result.warnings[:5])
        self.dialogs.offer(self.tr("台账已导出"), text, self.tr("用表格程序打开"),
                           lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path))))

    def import_ledger(self, year: int | None, undo_stack: QUndoStack) -> None:
        """Ask for a filled-in ledger, read it in the background, then show what it would change."""
        self.dialogs.open_file(self.tr("导入台账"), self._folder(), [self.tr("Excel 工作簿 (*.xlsx)")],
                               lambda path: self.preview_ledger(path, year, undo_stack))

    def preview_ledger(self, path: Path, year: int | None, undo_stack: QUndoStack) -> Job:
        self._remember(path)

        ws = self.ws  # the worker holds the session only, never a Qt object

        def work(_progress: Progress) -> LedgerPreview:
            with ws.fork() as other:
                return other.ledger.preview(path, year)

        def show(preview: object) -> None:
            from tracker.ui.ledger_dialogs import LedgerImportDialog

            assert isinstance(preview, LedgerPreview)
            dialog = LedgerImportDialog(self.parent_widget, self.ws.ledger, preview, undo_stack,
                                        self.dialogs)
            self.dialogs.show(dialog)

        return self._run(self.tr("导入台账"), self.tr("正在读取台账…"), work, show,
                         lambda m: self.dialogs.message(Level.WARNING, self.tr("无法导入台账"), m))

