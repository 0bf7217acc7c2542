"""The dashboard's table: one row per lead department (items, done, behind, overdue, not
reported this period). A plain table model over the service's `DeptLine`s."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from tracker.services.dashboard import DeptLine

Index = QModelIndex | QPersistentModelIndex
DEPT_ROLE = Qt.ItemDataRole.UserRole + 1  # the department's name ("" : none assigned)


class DepartmentStatsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[DeptLine] = []

    def set_lines(self, lines: list[DeptLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> DeptLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def headers(self) -> list[str]:
        return [
            self.tr("牵头科室"),
            self.tr("事项"),
            self.tr("已完成"),
            self.tr("滞后"),
            self.tr("逾期"),
            self.tr("本期未报送"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < 6
        ):
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self:
            return None
        line = self.line(index.row())
        if line is None or not 0 <= index.column() < 6:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return line.name or self.tr("（未指定）")
            return str((line.items, line.done, line.behind, line.overdue, line.missing)[index.column() - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == 0:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return self.tr("单击：在台账中只看该科室牵头的事项")
        if role == DEPT_ROLE:
            return line.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
