"""进展填报: record a dated check-in on an item, or correct one.

The dialog checks nothing the service checks again; it only emits the values. Ctrl+Enter saves
from any field (Enter inside a text box starts a new line, as users expect when writing notes).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.model import CheckIn


class CheckInDialog(QDialog):
    """Emits `submitted(dict)` with date, progress, progress_text, problems, next_steps, reporter."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None, heading: str, checkin: CheckIn | None = None,
                 reporter: str = "", today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInDialog")
        self.checkin = checkin
        self.setWindowTitle(self.tr("进展填报") if checkin is None else self.tr("修改进展填报"))
        title = QLabel(heading)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold")

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())  # a report is about what has happened
        day = checkin.date if checkin else (today or dt.date.today())
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.progress_spin = QSpinBox()
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSuffix(" %")
        self.progress_spin.setValue(round(checkin.progress) if checkin else 0)
        self.progress_text_edit = self._text_box(checkin.progress_text if checkin else "")
        self.problems_edit = self._text_box(checkin.problems if checkin else "")
        self.next_steps_edit = self._text_box(checkin.next_steps if checkin else "")
        self.reporter_edit = QLineEdit(checkin.reporter if checkin else reporter)

        form = QFormLayout()
        form.addRow(self.tr("填报日期"), self.date_edit)
        form.addRow(self.tr("进度"), self.progress_spin)
        form.addRow(self.tr("进展情况"), self.progress_text_edit)
        form.addRow(self.tr("存在问题"), self.problems_edit)
        form.addRow(self.tr("下步措施"), self.next_steps_edit)
        form.addRow(self.tr("填报人"), self.reporter_edit)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        self.ok_button.setToolTip(self.tr("保存（Ctrl+Enter）"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 520)
        self.progress_spin.setFocus()

    def _text_box(self, text: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setTabChangesFocus(True)  # Tab moves on, as in every other field
        box.setMinimumHeight(70)
        return box

    def values(self) -> dict[str, object]:
        return {
            "date": self.date_edit.date().toPython(),
            "progress": float(self.progress_spin.value()),
            "progress_text": self.progress_text_edit.toPlainText(),
            "problems": self.problems_edit.toPlainText(),
            "next_steps": self.next_steps_edit.toPlainText(),
            "reporter": self.reporter_edit.text(),
        }

    def accept(self) -> None:
        self.progress_spin.interpretText()  # a typed number not yet committed by Tab
        values = self.values()
        super().accept()
        self.submitted.emit(values)

