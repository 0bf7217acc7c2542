"""The plan's frame once approved (services/baseline.py): 延期 with a reason, and light thresholds.

After the plan is locked a new deadline is an extension: the dialog shows the approved date and
earlier extensions, and asks for the new date and why. The thresholds dialog sets, per plan,
how many points of lag still count as green and as yellow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.model import Thresholds
from tracker.services import Extension, UserError
from tracker.ui.dialogs.date_field import DateField
from tracker.ui.dialogs.form import error_label, ok_cancel
from tracker.ui.words import user_text


class ExtensionDialog(QDialog):
    """Emits `submitted(new_due: str, reason: str)`, or, when `save` is set, hands them to it and
    stays open with the reason typed when it answers why the save failed (another's change, a
    lost connection). The date is checked here, the rest by the service."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None, heading: str, baseline: dt.date | None, current: str,
                 new_due: str = "", history: Sequence[Extension] = (), year: int | None = None) -> None:
        super().__init__(parent)
        self.save: Callable[[str, str], str | None] | None = None
        self.setObjectName("extensionDialog")
        self.setWindowTitle(self.tr("延期"))
        title = QLabel(heading)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold")
        form = QFormLayout()
        form.addRow(self.tr("原定完成时限"), QLabel(baseline.isoformat() if baseline else current))
        form.addRow(self.tr("当前完成时限"), QLabel(current))
        for ext in history:
            line = self.tr("{0} → {1}：{2}").format(
                ext.old_due or "", ext.new_due or "", ext.reason)
            form.addRow(self.tr("延期 {0}").format(ext.at[:10]), QLabel(line))
        self.due_edit = DateField(year=year)
        self.due_edit.setText(new_due)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("为什么需要延期（必填）"))
        form.addRow(self.tr("新的完成时限"), self.due_edit)
        form.addRow(self.tr("延期理由"), self.reason_edit)
        self.error_label = error_label()
        buttons = ok_cancel(self, self.tr("延期"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(480, 320)
        (self.reason_edit if new_due else self.due_edit).setFocus()

    def accept(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        try:
            day = self.due_edit.date()
            if day is None:
                raise UserError(self.tr("请填写新的完成时限。"))
            due = day.isoformat()
            if not reason:
                raise UserError(self.tr("请填写延期理由。"))
        except UserError as exc:
            self._refuse(str(exc))
            return
        if self.save is not None:
            refused = self.save(due, reason)
            if refused:
                self._refuse(refused + "\n" + self.tr("您填写的内容仍在对话框中，可以核对后再按“延期”。"))
                return
            super().accept()
            return
        super().accept()
        self.submitted.emit(due, reason)

    def _refuse(self, message: str) -> None:
        self.error_label.setText(user_text(message))
        self.error_label.show()


class ThresholdsDialog(QDialog):
    """Emits `submitted(green_max, yellow_max)` in points of lag (序时进度 − 进度)."""

    submitted = Signal(float, float)

    def __init__(self, parent: QWidget | None, thresholds: Thresholds) -> None:
        super().__init__(parent)
        self.setObjectName("thresholdsDialog")
        self.setWindowTitle(self.tr("亮灯标准"))
        intro = QLabel(self.tr("按滞后的百分点（序时进度 − 进度）亮灯：不超过绿灯上限为绿灯，"
                               "不超过黄灯上限为黄灯，更多或逾期未完成为红灯。"))
        intro.setWordWrap(True)
        self.green_spin = self._spin(thresholds.green_max)
        self.yellow_spin = self._spin(thresholds.yellow_max)
        form = QFormLayout()
        form.addRow(self.tr("绿灯上限"), self.green_spin)
        form.addRow(self.tr("黄灯上限"), self.yellow_spin)
        self.error_label = error_label()
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _spin(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, 100)
        spin.setDecimals(1)
        spin.setSuffix(self.tr(" 个百分点"))
        spin.setValue(value)
        return spin

    def accept(self) -> None:
        green, yellow = self.green_spin.value(), self.yellow_spin.value()
        if green > yellow:
            self.error_label.setText(self.tr("绿灯上限不能大于黄灯上限。"))
            self.error_label.show()
            return
        super().accept()
        self.submitted.emit(green, yellow)
