"""Long work (export, ledger import, a big report, backups) on a worker thread.

The GUI thread keeps painting and answering; a progress dialog with 取消 appears when the work
takes longer than a moment. The work is a plain function that gets a `progress(done, total)`
callback and stops when the callback returns False; it must use its own database connection
(`Workspace.fork()`), never the window's. No `processEvents()` anywhere: the window cannot be
re-entered (and its change poll cannot reload it) halfway through an export.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from tracker.errors import UserError

Progress = Callable[[int, int], bool]
Work = Callable[[Progress], Any]

SHOW_AFTER_MS = 400  # quicker work shows no dialog at all


class Cancelled(Exception):
    """The user pressed 取消; the work stopped and wrote nothing."""


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    crashed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, work: Work, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.work, self.signals, self.stop = work, signals, stop

    def run(self) -> None:
        def progress(done: int, total: int) -> bool:
            self.signals.progressed.emit(done, total)
            return not self.stop.is_set()

        try:
            result = self.work(progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: the GUI thread reports it like any other
            self.signals.crashed.emit(exc)
        else:
            if self.stop.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)


class Job(QObject):
    """One piece of work in the background. Signals arrive on the GUI thread:
    `succeeded(result)`, `failed(message)` (a UserError), `cancelled()`, and `finished()`
    after any of them."""

    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, label: str, work: Work,
                 quiet: bool = False) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._signals = _Signals()  # lives on the GUI thread, so its emits from the worker queue
        self._signals.progressed.connect(self._progressed)
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self._signals.cancelled.connect(self._cancelled)
        self._signals.crashed.connect(self._crashed)
        self.running = False
        self.quiet = quiet  # no progress dialog (the daily backup)
        self.dialog = QProgressDialog(label, self.tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.hide()
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_dialog)
        self._work = work

    def start(self) -> Job:
        self.running = True
        self._show_timer.start(SHOW_AFTER_MS)
        QThreadPool.globalInstance().start(_Runner(self._work, self._signals, self._stop))
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._stop.set()
        self.dialog.setLabelText(self.tr("正在取消…"))

    def _show_dialog(self) -> None:
        if self.running and not self.quiet:
            self.dialog.show()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _end(self) -> None:
        self.running = False
        self._show_timer.stop()
        self.dialog.canceled.disconnect(self.cancel)  # closing it must not read as 取消
        self.dialog.close()
        self.dialog.deleteLater()

    def _succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
        self.finished.emit()

    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
        self.finished.emit()

    def _crashed(self, exc: BaseException) -> None:
        self._end()
        self.finished.emit()
        raise exc  # through sys.excepthook: the app's "内部错误" box, the traceback on stderr


def run_job(parent: QWidget | None, title: str, label: str, work: Work, *,
            on_success: Callable[[Any], object], on_failure: Callable[[str], object],
            on_cancel: Callable[[], object] | None = None, quiet: bool = False) -> Job:
    """Start `work` in the background and route its outcome to the callbacks."""
    job = Job(parent, title, label, work, quiet)
    job.succeeded.connect(on_success)
    job.failed.connect(on_failure)
    if on_cancel is not None:
        job.cancelled.connect(on_cancel)
    job.finished.connect(job.deleteLater)
    return job.start()
