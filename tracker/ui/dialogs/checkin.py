"""进展填报: record a dated check-in on an item, or correct one.

A new check-in starts from the item's latest one (its progress, its reporter), so a note-only
report never drops an item back to 0 %. Saving nothing new is refused in the form; lowering the
progress asks once more (the save button says so) before it goes through. Ctrl+Enter saves from
any field (Enter inside a text box starts a new line, as users expect when writing notes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
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
from tracker.errors import UserError
from tracker.ui import words
from tracker.ui.dialogs.date_field import DateField
from tracker.ui.dialogs.form import error_label


class CheckInDialog(QDialog):
    """Emits `submitted(dict)` with date, progress, progress_text, problems, next_steps, reporter.

    `checkin` given: correct that check-in. Otherwise a new one, starting from `latest`."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None, heading: str, checkin: CheckIn | None = None,
                 reporter: str = "", today: dt.date | None = None, *,
                 latest: CheckIn | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInDialog")
        self.save: Callable[[dict[str, Any]], str | None] | None = None
        self.checkin = checkin
        self.latest = None if checkin is not None else latest
        self._confirmed_lower = False
        self.setWindowTitle(self.tr("进展填报") if checkin is None else self.tr("修改进展填报"))
        title = QLabel(heading)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold")

        today = today or dt.date.today()
        # a plan whose year is over (December's reports, written in January) starts on its last
        # day: dated today, the check-in would fall outside every period of the plan
        new_day = min(today, dt.date(year, 12, 31)) if year else today
        day = checkin.date if checkin else new_day
        self.date_edit = DateField(day, year=year or today.year, maximum=today)
        self.progress_spin = QSpinBox()
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSuffix(" %")
        start = checkin or self.latest
        self.progress_spin.setValue(round(start.progress) if start else 0)
        self.progress_text_edit = self._text_box(checkin.progress_text if checkin else "")
        self.problems_edit = self._text_box(checkin.problems if checkin else "")
        self.next_steps_edit = self._text_box(checkin.next_steps if checkin else "")
        self.reporter_edit = QLineEdit(checkin.reporter if checkin else reporter)

        form = QFormLayout()
        if self.latest is not None:
            last = QLabel(self.tr("上次填报：{0}，进度 {1}").format(
                self.latest.date.isoformat(), words.percent(self.latest.progress)))
            last.setObjectName("lastCheckIn")
            form.addRow(last)
        form.addRow(self.tr("填报日期"), self.date_edit)
        form.addRow(self.tr("进度"), self.progress_spin)
        form.addRow(self.tr("进展情况"), self.progress_text_edit)
        form.addRow(self.tr("存在问题"), self.problems_edit)
        form.addRow(self.tr("下步措施"), self.next_steps_edit)
        form.addRow(self.tr("填报人"), self.reporter_edit)
        self.error_label = error_label()
        self.error_label.setObjectName("checkInError")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        self.ok_button.setToolTip(self.tr("保存（Ctrl+Enter）"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.progress_spin.valueChanged.connect(self._progress_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(520, 560)
        self.progress_spin.setFocus()
        self.progress_spin.selectAll()

    def _text_box(self, text: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text)
        box.setTabChangesFocus(True)  # Tab moves on, as in every other field
        box.setMinimumHeight(70)
        return box

    def values(self) -> dict[str, object]:
        """The fields as entered; the date read (UserError when it cannot be)."""
        return {
            "date": self.date_edit.date() or dt.date.today(),
            "progress": float(self.progress_spin.value()),
            "progress_text": self.progress_text_edit.toPlainText(),
            "problems": self.problems_edit.toPlainText(),
            "next_steps": self.next_steps_edit.toPlainText(),
            "reporter": self.reporter_edit.text(),
        }

    def _progress_changed(self, _value: int) -> None:
        if self._confirmed_lower:
            self._confirmed_lower = False
            self.ok_button.setText(self.tr("保存"))
            self.error_label.hide()

    def _refuse(self, message: str) -> None:
        self.error_label.setText(words.user_text(message))
        self.error_label.show()

    def accept(self) -> None:
        self.progress_spin.interpretText()  # a typed number not yet committed by Tab
        try:
            values = self.values()
        except UserError as exc:
            self._refuse(str(exc))
            self.date_edit.setFocus()
            return
        has_text = any(str(values[k]).strip() for k in ("progress_text", "problems", "next_steps"))
        progress = float(self.progress_spin.value())
        if self.checkin is None:
            before = self.latest.progress if self.latest is not None else 0.0
            if progress == before and not has_text:
                self._refuse(self.tr("没有要保存的内容：进度与上次相同，也没有填写进展情况、存在问题或下步措施。"))
                return
            if progress < before and not self._confirmed_lower:
                self._confirmed_lower = True
                self._refuse(self.tr("进度将从 {0} 降到 {1}，事项可能因此亮红灯。确认无误请再按“仍然保存”。")
                             .format(words.percent(before), words.percent(progress)))
                self.ok_button.setText(self.tr("仍然保存"))
                return
        if self.save is not None:  # stays open with the user's input when the save fails
            refused = self.save(values)
            if refused:
                self._refuse(refused + "\n" + self.tr("您填写的内容仍在对话框中，可以核对后再按“保存”。"))
                return
            super().accept()
            return
        super().accept()
        self.submitted.emit(values)
