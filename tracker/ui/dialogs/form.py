"""A small form dialog whose OK runs the edit: a refusal shows inside the form, which stays open,
so a user fixes a taken name without typing everything again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from tracker.ui import theme
from tracker.ui.words import user_text


def error_label() -> QLabel:
    """The red line under a form that says why OK was refused (hidden until then)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.error_text(label.palette()).name()}")
    label.hide()
    return label


def ok_cancel(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK / Cancel wired to the dialog's accept() and reject(); OK renamed when asked."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FormDialog(QDialog):
    """A small form whose OK runs `submit`; a refusal shows in the form, which stays open."""

    def __init__(self, parent: QWidget, title: str, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit: Callable[[], str | None] = lambda: None
        self.form = QFormLayout()
        self.error = error_label()
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        message = self.submit()
        if message:
            self.error.setText(user_text(message))
            self.error.show()
            return
        super().accept()
