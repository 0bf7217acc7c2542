"""报送设置: the plan's cadence (月报/季报) and report-by day, and the office's details set once for
the ledger's footer and the 通报 (填报单位, 填报人, 审核人, 联系电话). Hands what was chosen to
`save` (the owner saves it as one undo step) and stays open with it when the save is refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from tracker.domain.period_report import Office
from tracker.domain.periods import Cadence
from tracker.services.periods import PeriodSettings
from tracker.ui.dialogs.form import error_label
from tracker.ui.words import user_text


class PeriodSettingsDialog(QDialog):
    """`save(settings, office)` answers None when saved, else why not (shown; the dialog stays)."""

    def __init__(
        self,
        parent: QWidget | None,
        year: int,
        settings: PeriodSettings,
        office: Office,
        cadence_locked: bool,
    ) -> None:
        super().__init__(parent)
        self.save: Callable[[PeriodSettings, Office], str | None] | None = None
        self.setObjectName("periodSettings")
        self.setWindowTitle(self.tr("报送设置"))
        form = QFormLayout(self)
        self.cadence = QComboBox()
        self.cadence.addItem(self.tr("按月报送（月报）"), Cadence.MONTHLY.value)
        self.cadence.addItem(self.tr("按季度报送（季报）"), Cadence.QUARTERLY.value)
        self.cadence.setCurrentIndex(0 if settings.cadence is Cadence.MONTHLY else 1)
        self.cadence.setEnabled(not cadence_locked)
        if cadence_locked:
            self.cadence.setToolTip(self.tr("已有关账的期：先重新打开才能更改报送周期"))
        form.addRow(self.tr("{0} 年计划").format(year), self.cadence)
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.day.setValue(settings.report_day)
        self.day.setPrefix(self.tr("每期最后一个月的 "))
        self.day.setSuffix(self.tr(" 日前"))
        form.addRow(self.tr("报送截止"), self.day)
        form.addRow(QLabel(self.tr("<b>本单位（导出台账的页脚和通报使用，设置一次即可）</b>")))
        self.unit = QLineEdit(office.unit)
        self.unit.setPlaceholderText(self.tr("例如：孝感市科学技术局"))
        self.reporter = QLineEdit(office.reporter)
        self.reporter.setPlaceholderText(self.tr("留空：导出人的名字"))
        self.reviewer = QLineEdit(office.reviewer)
        self.phone = QLineEdit(office.phone)
        form.addRow(self.tr("填报单位"), self.unit)
        form.addRow(self.tr("填报人"), self.reporter)
        form.addRow(self.tr("审核人"), self.reviewer)
        form.addRow(self.tr("联系电话"), self.phone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.error_label = error_label()
        form.addRow(self.error_label)
        form.addRow(buttons)

    def _save(self) -> None:
        settings = PeriodSettings(Cadence(str(self.cadence.currentData())), self.day.value())
        office = Office(
            self.unit.text().strip(),
            self.reporter.text().strip(),
            self.reviewer.text().strip(),
            self.phone.text().strip(),
        )
        refused = self.save(settings, office) if self.save is not None else None
        if refused:
            kept = self.tr("您填写的内容仍在对话框中，可以核对后再按“保存”。")
            self.error_label.setText(user_text(refused) + "\n" + kept)
            self.error_label.show()
            return
        self.accept()
