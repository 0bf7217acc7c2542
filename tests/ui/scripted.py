"""A dialog service for tests: answers by itself and remembers what the window said and asked.

The window takes any `Dialogs`; tests hand it this one instead of reaching into shipped code.
Questions are answered from `answers` (yes when it runs out), file dialogs from `files`
(nothing chosen when it runs out), and our own dialogs really open, so tests drive them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from tracker.ui.dialog_service import Dialogs, Level


@dataclass(frozen=True)
class Said:
    level: Level
    title: str
    text: str
    details: str = ""


class ScriptedDialogs(Dialogs):
    def __init__(self) -> None:
        super().__init__(None)
        self.messages: list[Said] = []
        self.questions: list[str] = []
        self.asked: list[Said] = []  # the questions in full (title, details)
        self.offers: list[tuple[str, str, Callable[[], object]]] = []
        self.answers: list[bool] = []
        self.files: list[Path] = []
        self.shown: list[QDialog] = []
        self.suggestions: list[Path] = []  # every save dialog's suggested file, in order

    def within(self, widget: QWidget) -> Dialogs:
        return self

    def message(self, level: Level, title: str, text: str, *, details: str = "",
                then: Callable[[], object] | None = None) -> None:
        self.messages.append(Said(level, title, text, details))
        if then is not None:
            then()

    def confirm(self, title: str, text: str, on_yes: Callable[[], object], *, yes: str = "", no: str = "",
                default_yes: bool = False, details: str = "") -> None:
        self.questions.append(text)
        self.asked.append(Said(Level.INFO, title, text, details))
        if self.answers.pop(0) if self.answers else True:
            on_yes()

    def offer(self, title: str, text: str, action: str, on_action: Callable[[], object]) -> None:
        self.offers.append((title, text, on_action))

    def _choose(self, on_chosen: Callable[[Path], object]) -> None:
        if self.files:
            on_chosen(self.files.pop(0))

    def open_file(self, title: str, folder: Path, filters: Sequence[str],
                  on_chosen: Callable[[Path], object]) -> None:
        self._choose(on_chosen)

    def choose_folder(self, title: str, folder: Path, on_chosen: Callable[[Path], object]) -> None:
        self._choose(on_chosen)

    def save_file(self, title: str, suggested: Path, filters: Sequence[str], suffix: str,
                  on_chosen: Callable[[Path], object]) -> None:
        self.suggested = suggested
        self.suggestions.append(suggested)
        self._choose(on_chosen)

    def show(self, dialog: QDialog) -> QDialog:
        self.shown.append(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @property
    def last(self) -> QDialog:
        """The dialog the window opened last (an editor, a check-in form …)."""
        return self.shown[-1]

    @property
    def said(self) -> str:
        """The text of the last message ("" when none)."""
        return self.messages[-1].text if self.messages else ""
