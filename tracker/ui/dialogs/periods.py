"""The office's month in one dialog: pick a period, see who has not reported (未报送), copy the
催报 message per department, export the list to Excel, close the period or reopen it (with a
reason), and make the 月报/季报 (PDF or Word) or preview it for printing.

The dialog only asks; what it asks for happens in its owner (views/periods.py), through the
signals below, so every write goes through the services there.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.period_report import MissingItem
from tracker.services.periods import PeriodInfo


def chase_message(info: PeriodInfo, missing: list[MissingItem], unit: str = "") -> str:
    """催报: one paragraph per lead department listing its items, with the report-by date."""
    by_dept: dict[str, list[MissingItem]] = {}
    for item in missing:
        by_dept.setdefault(item.lead_dept or "未指定牵头科室的事项", []).append(item)
    due = info.report_by
    lines = [
        f"【催报】{unit}{info.period.label}工作进展尚未报送的事项如下，"
        f"请于{due.month}月{due.day}日前在台账中填报进展情况、存在问题和下步措施："
    ]
    for dept, items in by_dept.items():
        lines.append("")
        lines.append(f"{dept}（{len(items)} 项）：")
        lines += [f"  {i.code} {i.title}" for i in items]
    return "\n".join(lines)


class PeriodsDialog(QDialog):
    period_changed = Signal(str)
    close_requested = Signal(str)
    reopen_requested = Signal(str, str)  # period, reason
    export_requested = Signal(str)
    report_requested = Signal(str)
    preview_requested = Signal(str)

    def __init__(
        self, parent: QWidget | None, periods: list[PeriodInfo], current: str, writable: bool
    ) -> None:
        super().__init__(parent)
        self.setObjectName("periodsDialog")
        self.setWindowTitle(self.tr("报送与关账"))
        self.resize(760, 520)
        self.writable = writable
        self.infos = {i.key: i for i in periods}
        self.missing: list[MissingItem] = []
        self.unit = ""
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        for info in periods:
            self.period_combo.addItem(info.period.label, info.key)
        self.state = QLabel()
        self.state.setObjectName("periodState")
        self.state.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("missingTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("序号"), self.tr("牵头科室"), self.tr("工作任务"), self.tr("责任领导")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.copy_button = QPushButton(self.tr("复制催报通知"))
        self.copy_button.setObjectName("copyChase")
        self.export_button = QPushButton(self.tr("导出未报送清单…"))
        self.close_button = QPushButton(self.tr("关账"))
        self.close_button.setObjectName("closePeriod")
        self.close_button.setToolTip(
            self.tr("冻结本期各事项的进度、状态、亮灯和最近一次填报；之后该期内日期的填报须先重新打开")
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("reopenReason")
        self.reason.setPlaceholderText(self.tr("重新打开的理由（必填）"))
        self.reopen_button = QPushButton(self.tr("重新打开"))
        self.reopen_button.setObjectName("reopenPeriod")
        self.report_button = QPushButton(self.tr("生成月报…"))
        self.report_button.setObjectName("makeReport")
        self.preview_button = QPushButton(self.tr("打印预览…"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("期：")))
        top.addWidget(self.period_combo)
        top.addWidget(self.state, 1)
        actions = QHBoxLayout()
        for button in (self.copy_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.report_button, self.preview_button):
            actions.addWidget(button)
        closing = QHBoxLayout()
        closing.addWidget(self.close_button)
        closing.addWidget(self.reason, 1)
        closing.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(closing)

        self.period_combo.currentIndexChanged.connect(lambda _i: self.period_changed.emit(self.period()))
        self.copy_button.clicked.connect(self.copy_chase)
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.period()))
        self.close_button.clicked.connect(lambda: self.close_requested.emit(self.period()))
        self.reopen_button.clicked.connect(self._reopen)
        self.reason.textChanged.connect(lambda _t: self._update_buttons())
        self.report_button.clicked.connect(lambda: self.report_requested.emit(self.period()))
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit(self.period()))
        index = self.period_combo.findData(current)
        self.period_combo.setCurrentIndex(max(index, 0))

    def period(self) -> str:
        return str(self.period_combo.currentData())

    def show_period(self, info: PeriodInfo, missing: list[MissingItem], unit: str) -> None:
        """Fill the dialog for one period (the owner calls this after reading it)."""
        self.infos[info.key] = info
        self.missing, self.unit = missing, unit
        due = info.report_by.isoformat()
        if info.closed is not None:
            self.state.setText(
                self.tr("已关账（{0}，{1}）；报送截止 {2}").format(
                    info.closed.closed_at.replace("T", " "), info.closed.who, due
                )
            )
        else:
            self.state.setText(self.tr("未关账；报送截止 {0}").format(due))
        self.heading.setText(self.tr("{0} 未报送 {1} 项：").format(info.period.label, len(missing)))
        self.report_button.setText(self.tr("生成{0}…").format(info.period.kind_name))
        self.table.setRowCount(len(missing))
        for row, item in enumerate(missing):
            for column, text in enumerate(
                (item.code, item.lead_dept or self.tr("（未指定）"), item.title, item.leader)
            ):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.infos.get(self.period())
        closed = info is not None and info.closed is not None
        self.close_button.setEnabled(self.writable and not closed)
        self.reason.setEnabled(self.writable and closed)
        self.reopen_button.setEnabled(self.writable and closed and bool(self.reason.text().strip()))
        self.copy_button.setEnabled(bool(self.missing))
        self.export_button.setEnabled(bool(self.missing))

    def chase_text(self) -> str:
        info = self.infos[self.period()]
        return chase_message(info, self.missing, self.unit)

    def copy_chase(self) -> None:
        QGuiApplication.clipboard().setText(self.chase_text())
        self.heading.setText(self.heading.text() + self.tr("（催报通知已复制，可粘贴到微信或 OA）"))

    def _reopen(self) -> None:
        reason = self.reason.text().strip()
        if reason:
            self.reopen_requested.emit(self.period(), reason)
            self.reason.clear()


__all__ = ["PeriodsDialog", "chase_message"]
