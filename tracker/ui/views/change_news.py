"""The session's news of what changed, held until the current undo step has returned.

A step may commit several times and its command still runs after the commits (it says which row
it was about: `focus`); repainting at each commit would repaint half a step. So the news is
gathered here and handed on once, from the event loop or when the undo stack's index moves,
as `arrived(changed, focus)`: what changed since the last time (a `Changed`, or None) and the
row to select afterwards (a node id, or None).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from tracker.services import Changed, Workspace


class ChangeNews(QObject):
    arrived = Signal(object, object)  # Changed | None, node id | None (never both None)

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self._changed: Changed | None = None  # what changed since the last `arrived`
        self._focus: int | None = None  # the row the last undo step was about
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        undo_stack.indexChanged.connect(lambda _index: self.flush())
        self._unsubscribe = workspace.subscribe(self._heard)

    @property
    def pending(self) -> bool:
        """News is waiting for the event loop (benchmarks wait for it to be shown)."""
        return self._changed is not None

    def focus(self, node_id: int) -> None:
        """Select this row once the step's news is shown."""
        self._focus = node_id

    def drop(self) -> None:
        """Forget what is waiting: the caller reads the whole plan anyway (a restore)."""
        self._changed = None

    def stop(self) -> None:
        """The window closes: hear no more (the session's connection closes after it)."""
        self._unsubscribe()

    def _heard(self, changed: Changed) -> None:
        self._changed = changed if self._changed is None else self._changed | changed
        self._timer.start(0)

    def flush(self) -> None:
        changed, focus = self._changed, self._focus
        self._changed, self._focus = None, None
        if changed is not None or focus is not None:
            self.arrived.emit(changed, focus)
