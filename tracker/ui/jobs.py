"""Long work (export, ledger import, a big report, backups) on a worker thread.

The GUI thread keeps painting and answering; a progress dialog with 取消 appears when the work
takes longer than a moment. The work is a plain function that gets a `progress(done, total)`
callback and stops when the callback returns False; it must use its own database connection
(`Workspace.fork()`), never the window's. No `processEvents()` anywhere: the window cannot be
re-entered (and its change poll cannot reload it) halfway through an export.

The worker thread never touches a Qt object: it only writes plain values (progress, outcome)
under a lock, and a timer on the GUI thread reads them. So a window closed, or a test torn down,
while work still runs cannot have a Qt object freed under a thread that is using it. And while
any job runs, Python's cyclic garbage collector runs only on the GUI thread (automatic collection
is paused and the job's timer collects): a collection started by the worker could otherwise free
a Qt object of the window from the wrong thread.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from tracker.errors import UserError

Progress = Callable[[int, int], bool]
Work = Callable[[Progress], Any]

SHOW_AFTER_MS = 400  # quicker work shows no dialog at all
POLL_MS = 40  # how often the GUI thread looks at the worker's progress and outcome


COLLECT_EVERY = 25  # polls between collections on the GUI thread (about once a second)
_workers_lock = threading.Lock()
_workers = 0  # worker threads alive; automatic collection is paused while there are any


def _pause_automatic_gc() -> None:
    global _workers
    with _workers_lock:
        _workers += 1
        gc.disable()


def _resume_automatic_gc() -> None:
    """Called by the worker itself as it ends, so the pause always ends, even when the window
    that started the job is gone."""
    global _workers
    with _workers_lock:
        _workers -= 1
        if _workers == 0:
            gc.enable()


class Cancelled(Exception):
    """The user pressed 取消; the work stopped and wrote nothing."""


@dataclass
class _State:
    """What the worker reports, plain values only, read by the GUI thread."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    done: int = 0
    total: int = 0
    outcome: str = ""  # "", "succeeded", "failed", "cancelled", "crashed"
    value: Any = None


def _run(work: Work, state: _State) -> None:
    """The worker thread's whole life: no Qt in here."""

    def progress(done: int, total: int) -> bool:
        with state.lock:
            state.done, state.total = done, total
        return not state.stop.is_set()

    try:
        result: Any = work(progress)
        outcome = "cancelled" if state.stop.is_set() else "succeeded"
    except Cancelled:
        outcome, result = "cancelled", None
    except UserError as exc:
        outcome, result = "failed", str(exc)
    except Exception as exc:  # a bug: the GUI thread reports it like any other
        outcome, result = "crashed", exc
    finally:
        _resume_automatic_gc()
    with state.lock:
        state.outcome, state.value = outcome, result


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
        self._state = _State()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look)
        self._polls = 0
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
        _pause_automatic_gc()  # before the thread exists; the worker resumes it as it ends
        self._show_timer.start(SHOW_AFTER_MS)
        self._poll.start()
        threading.Thread(target=_run, args=(self._work, self._state), name="tracker-job",
                         daemon=True).start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._state.stop.set()
        if self.running:
            self.dialog.setLabelText(self.tr("正在取消…"))

    def _look(self) -> None:
        """On the GUI thread: show the progress, and the outcome once there is one."""
        with self._state.lock:
            done, total = self._state.done, self._state.total
            outcome, value = self._state.outcome, self._state.value
        self._progressed(done, total)
        if not outcome:
            self._polls += 1
            if self._polls % COLLECT_EVERY == 0:
                gc.collect()  # here, on the GUI thread, instead of wherever the worker allocates
            return
        self._poll.stop()
        if outcome == "succeeded":
            self._succeeded(value)
        elif outcome == "failed":
            self._failed(str(value))
        elif outcome == "cancelled":
            self._cancelled()
        else:
            self._crashed(value)

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
        self._poll.stop()
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
