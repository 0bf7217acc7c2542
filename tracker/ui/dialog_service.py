"""Messages, questions and file choices, asked in one place.

The window and its helpers never build a QMessageBox or a QFileDialog themselves: they call a
`Dialogs`. Every call returns at once (the box opens with open(), not exec()) and reports
through a callback, so the event loop keeps running. Tests hand the window their own `Dialogs`
that answers by itself and records what was said, instead of reaching into shipped code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from tracker.ui.words import user_text


class Level(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_ICONS = {Level.INFO: QMessageBox.Icon.Information, Level.WARNING: QMessageBox.Icon.Warning,
          Level.ERROR: QMessageBox.Icon.Critical}


def documents_folder() -> Path:
    """Where a file dialog starts when the user has not chosen a folder yet."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(folder) if folder else Path.home()
    return path if path.is_dir() else Path.home()


class Dialogs(QObject):
    """The real dialogs. `parent` is the window the boxes are centred on (window-modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self._open_now: set[QDialog] = set()  # a box with no parent lives as long as we hold it

    def within(self, widget: QWidget) -> Dialogs:
        """The same service with boxes centred on (and modal to) `widget`, e.g. a dialog that
        asks its own questions."""
        return Dialogs(widget)

    def message(self, level: Level, title: str, text: str, *, details: str = "",
                then: Callable[[], object] | None = None) -> None:
        """Tell the user something; OK (or Esc, or Enter) closes it, and `then` runs after."""
        box = QMessageBox(_ICONS[level], title, user_text(text), QMessageBox.StandardButton.Ok,
                          self.parent_widget)
        if details:
            box.setInformativeText(user_text(details))
        box.setEscapeButton(QMessageBox.StandardButton.Ok)
        if then is not None:
            box.finished.connect(lambda _answer: then())
        self._open(box)

    def confirm(self, title: str, text: str, on_yes: Callable[[], object], *,
                yes: str = "", no: str = "", default_yes: bool = False, details: str = "") -> None:
        """Ask a yes/no question; `on_yes` runs only for yes. Esc always means no."""
        box = QMessageBox(QMessageBox.Icon.Question, title, user_text(text),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.parent_widget)
        if details:
            box.setInformativeText(user_text(details))
        if yes:
            box.button(QMessageBox.StandardButton.Yes).setText(yes)
        if no:
            box.button(QMessageBox.StandardButton.No).setText(no)
        box.setDefaultButton(QMessageBox.StandardButton.Yes if default_yes
                             else QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda answer: on_yes() if answer == QMessageBox.StandardButton.Yes.value else None)
        self._open(box)

    def offer(self, title: str, text: str, action: str, on_action: Callable[[], object]) -> None:
        """Say something and offer one thing to do about it (e.g. open the exported file).
        The offer is never the default: Enter and Esc both just close the box."""
        box = QMessageBox(QMessageBox.Icon.Information, title, user_text(text),
                          QMessageBox.StandardButton.Close, self.parent_widget)
        act = box.addButton(action, QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        box.setEscapeButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(lambda button: on_action() if button is act else None)
        self._open(box)

    def open_file(self, title: str, folder: Path, filters: Sequence[str],
                  on_chosen: Callable[[Path], object]) -> None:
        dialog = QFileDialog(self.parent_widget, title, str(folder), ";;".join(filters))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        self._open(dialog)

    def choose_folder(self, title: str, folder: Path, on_chosen: Callable[[Path], object]) -> None:
        dialog = QFileDialog(self.parent_widget, title, str(folder))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        self._open(dialog)

    def save_file(self, title: str, suggested: Path, filters: Sequence[str], suffix: str,
                  on_chosen: Callable[[Path], object]) -> None:
        """Ask where to save; an existing file is confirmed by the dialog itself."""
        dialog = QFileDialog(self.parent_widget, title, str(suggested), ";;".join(filters))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.fileSelected.connect(lambda name: on_chosen(Path(name)))
        self._open(dialog)

    def show(self, dialog: QDialog) -> QDialog:
        """Open one of our own dialogs (editor, check-in, …) without blocking; it deletes itself
        when closed."""
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_now.add(dialog)
        dialog.finished.connect(lambda _result: self._open_now.discard(dialog))
        dialog.open()
