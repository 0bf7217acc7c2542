"""Every edit the window makes, as one QUndoCommand on the window's one QUndoStack.

The first redo() runs the service call and keeps the change it returns; later undo()/redo()
replay that change through the service, which restores the exact rows (same ids, positions).
A refusal (UserError, e.g. STALE when another window changed the rows) is shown, never raised
into Qt: a first run that fails is not pushed, and an undo/redo that fails drops the command
from the stack (setObsolete), so the stack only ever holds edits that still apply.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from tracker.services import UserError


class EditCommand(QUndoCommand):
    """`run()` does the edit once; `service.undo/redo(change)` replays it.

    `done(change, forward)` refreshes the window after every step; `failed(message)` tells the
    user why a step was refused.
    """

    def __init__(
        self,
        text: str,
        service: Any,
        run: Callable[[], Any],
        done: Callable[[Any, bool], None],
        failed: Callable[[str], None],
        first_failed: Callable[[str], None] | None = None,
    ) -> None:
        """`first_failed`: who hears a refusal of the first run (a dialog that stays open
        with the user's input); `failed` hears the rest."""
        super().__init__(text)
        self.first_failed = first_failed
        self.service = service
        self.run = run
        self.done = done
        self.failed = failed
        self.change: Any = None
        self.error: str | None = None

    def redo(self) -> None:
        try:
            if self.change is None:
                self.change = self.run()
                if self.change is None or self.change.patch.empty:  # nothing changed: nothing to undo
                    self.setObsolete(True)
            else:
                self.service.redo(self.change)
        except UserError as exc:
            first = self.change is None
            self.error = str(exc)
            self.setObsolete(True)
            (self.first_failed if first and self.first_failed else self.failed)(str(exc))
            return
        self.done(self.change, True)

    def undo(self) -> None:
        try:
            self.service.undo(self.change)
        except UserError as exc:
            self._refused(str(exc))
            return
        self.done(self.change, False)

    def _refused(self, message: str) -> None:
        self.error = message
        self.setObsolete(True)
        self.failed(message)
