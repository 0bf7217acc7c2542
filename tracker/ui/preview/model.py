"""The plan read from a report, as the preview's tree: areas at the top, their items below.

The model shows one `PlanDraft` and never changes it: a rename typed into the tree goes to the
`rename` function the preview passes in (which pushes an undoable step and hands the model the
new draft). Rows are addressed by path: (area,) or (area, item). An area row's internal id is
0 and an item row's is its area's number + 1, so `parent()` needs no lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from tracker.domain.model import NodeDraft, PlanDraft

Index = QModelIndex | QPersistentModelIndex
Path = tuple[int] | tuple[int, int]
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    CODE = 0
    TITLE = 1
    DUE = 2
    LEAD_DEPT = 3
    CO_DEPTS = 4


class DraftTreeModel(QAbstractItemModel):
    def __init__(self, edit: Callable[[Path, Column, str], bool], parent: QObject | None = None) -> None:
        """`edit(path, column, text)`: what the user typed into a cell; the preview decides
        (one undoable step) and answers whether it took it."""
        super().__init__(parent)
        self._edit = edit
        self._draft = PlanDraft(0, "")
        self._bold = QFont()
        self._bold.setBold(True)

    # --- the draft shown -------------------------------------------------------------

    @property
    def draft(self) -> PlanDraft:
        return self._draft

    def set_draft(self, draft: PlanDraft) -> bool:
        """Show `draft`. A draft of the same shape (a rename, a new year) repaints its rows in
        place, so an editor, the selection and the open areas stay; a new shape resets (True)."""
        if _shape(draft) == _shape(self._draft):
            self._draft = draft
            last = self.columnCount() - 1
            if draft.areas:
                self.dataChanged.emit(self.index(0, 0), self.index(len(draft.areas) - 1, last))
            for a, area in enumerate(draft.areas):
                if area.children:
                    parent = self.index(a, 0)
                    self.dataChanged.emit(self.index(0, 0, parent),
                                          self.index(len(area.children) - 1, last, parent))
            return False
        self.beginResetModel()
        self._draft = draft
        self.endResetModel()
        return True

    def node(self, index: Index) -> NodeDraft | None:
        path = self.path(index)
        if path is None:
            return None
        area = self._draft.areas[path[0]]
        return area if len(path) == 1 else area.children[path[1]]

    def path(self, index: Index) -> Path | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return (index.row(),)
        return (index.internalId() - 1, index.row())

    def index_of(self, path: Path, column: int = 0) -> QModelIndex:
        if len(path) == 1:
            return self.index(path[0], column)
        return self.index(path[1], column, self.index(path[0], 0))

    # --- structure --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(Column) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._draft.areas) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0 or parent.row() >= len(self._draft.areas):
            return QModelIndex()
        items = self._draft.areas[parent.row()].children
        return self.createIndex(row, column, parent.row() + 1) if row < len(items) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._draft.areas)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._draft.areas[parent.row()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    # --- data -------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {
            Column.CODE: self.tr("序号"), Column.TITLE: self.tr("工作任务"), Column.DUE: self.tr("完成时限"),
            Column.LEAD_DEPT: self.tr("牵头科室"), Column.CO_DEPTS: self.tr("配合科室"),
        }
        return names.get(Column(section)) if 0 <= section < len(Column) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = index.parent().isValid()  # an area has a title only; its items carry the rest
        if index.column() == Column.TITLE or (item and index.column() != Column.CODE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # asked for many roles per cell while painting: answer quickly
            return None
        path = self.path(index)
        if path is None:
            return None
        node = self.node(index)
        assert node is not None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(path, node, column)
        if role == PATH_ROLE:
            return path
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            if len(path) == 1:
                return self.tr("{0}（{1} 项）").format(node.title, len(node.children))
            return node.title + ("\n\n" + node.detail if node.detail else "")
        if role == Qt.ItemDataRole.FontRole and len(path) == 1:
            return self._bold
        return None

    def _text(self, path: Path, node: NodeDraft, column: int) -> str:
        if column == Column.CODE:
            return ".".join(str(n + 1) for n in path)
        if column == Column.TITLE:
            return node.title
        if column == Column.DUE:
            return node.due.isoformat() if node.due else ""
        if column == Column.LEAD_DEPT:
            return node.lead_dept
        return "、".join(node.co_depts)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A title, deadline or department typed into the tree: the preview decides."""
        path = self.path(index)
        node = self.node(index)
        if path is None or node is None or role != Qt.ItemDataRole.EditRole \
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        column = Column(index.column())
        if str(value) == self._text(path, node, column):
            return False
        return self._edit(path, column, str(value))


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.FontRole, PATH_ROLE})


def _shape(draft: PlanDraft) -> list[int]:
    return [len(area.children) for area in draft.areas]
