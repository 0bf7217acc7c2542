"""The plan as a tree of areas and items, over one PlanView held in memory.

data() reads only the PlanView, so painting never waits on the database. The model keeps its
own copy of the tree's shape (ids only), which is what Qt's indexes point into; after an edit
`apply()` brings that shape in line with the refreshed view through row moves, inserts and
removals (so selection, open areas and scrolling stay) and repaints the rows that look
different. Leaves say Qt.ItemNeverHasChildren, so a view laying out 100,000 rows asks the model
nothing more about them. Drag and drop moves a row: the model only says where to
(`move_requested`); StructureEdits runs the move through the undo stack.

A new column: add it to `Column`, say what it shows in `_text` (and `_tooltip`), and give it a
delegate in PlanTreeView when it is drawn rather than written.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from tracker.domain.model import Light, Node
from tracker.services import PlanView
from tracker.services.plan_view import Refreshed
from tracker.ui import words
from tracker.ui.models.tree_shape import TreeShape

Index = QModelIndex | QPersistentModelIndex
NODE_MIME = "application/x-annual-plan-tracker-node"


class Column(IntEnum):
    CODE = 0
    TITLE = 1
    LEADER = 2
    LEAD_DEPT = 3
    CO_DEPTS = 4
    DUE = 5
    PROGRESS = 6
    STATUS = 7
    LIGHT = 8
    PERIODS = 9  # the light of each closed period, as a row of dots (delegates.PeriodDotsDelegate)


class Role(IntEnum):
    NODE_ID = Qt.ItemDataRole.UserRole + 1
    PROGRESS = Qt.ItemDataRole.UserRole + 2  # float 0–100, for the bar
    EXPECTED = Qt.ItemDataRole.UserRole + 3  # 序时进度, float 0–100
    LIGHT = Qt.ItemDataRole.UserRole + 4  # Light value, e.g. "red"
    PERIOD_LIGHTS = Qt.ItemDataRole.UserRole + 6  # [(label, light value or None)] per period


_CENTERED = {Column.CODE, Column.DUE, Column.PROGRESS, Column.STATUS, Column.LIGHT}
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_USER = int(Qt.ItemDataRole.UserRole)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ITEM_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
               | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)
_LEAF_FLAGS = _ITEM_FLAGS | Qt.ItemFlag.ItemNeverHasChildren


class PlanTreeModel(TreeShape, QAbstractItemModel):
    """Areas at the top level, their items (and sub-items) below; one row per node."""

    # node id, new parent id (None: an area), position among the new siblings without the node
    move_requested = Signal(int, object, int)
    # before the model shows a view: (view, the ids an edit changed or None for a whole
    # view, whether the shape changed); then `shown` once it has. A filter on the model works
    # out its rows in between (PlanFilter), before any row signal reaches it.
    showing = Signal(object, object, bool)
    shown = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        QAbstractItemModel.__init__(self, parent)
        TreeShape.__init__(self)
        self._view: PlanView | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._columns = len(Column)
        self._period_lights: dict[int, list[tuple[str, str | None]]] = {}

    # --- loading --------------------------------------------------------------------

    @property
    def view(self) -> PlanView | None:
        return self._view

    def set_view(self, view: PlanView | None) -> None:
        """Show a freshly loaded plan. The same plan again (a reload) keeps the model: rows are
        moved, inserted and removed to match and the rows that look different repainted, so
        selection, open areas and scrolling stay; another plan resets the model."""
        old = self._view
        self.showing.emit(view, None, True)
        if view is None or old is None or view.plan.id != old.plan.id:
            self.beginResetModel()
            self._view = view
            self.reset_shape(view)
            self.endResetModel()
        else:
            before = {n.id: _shown(old, n) for n in old.nodes.values()}
            self._view = view
            self.sync_shape(view, self.parents_differing(view))
            self.repaint({n.id for n in view.nodes.values() if before.get(n.id) != _shown(view, n)})
        self.shown.emit()

    def set_period_lights(self, lights: dict[int, list[tuple[str, str | None]]]) -> None:
        """Each node's light per period of the year (None: not closed); repaints that column."""
        if lights == self._period_lights:
            return
        self._period_lights = lights
        for parent_id, first, last in self.runs(set(self._rows)):
            parent = self.index_of(parent_id) if parent_id is not None else QModelIndex()
            self.dataChanged.emit(self.index(first, Column.PERIODS, parent),
                                  self.index(last, Column.PERIODS, parent))

    def apply(self, refreshed: Refreshed) -> None:
        """Show what `PlanService.refresh` changed in the view this model holds."""
        if self._view is None:
            return
        self.showing.emit(self._view, set(refreshed.changed), refreshed.structure)
        if refreshed.parents:
            self.sync_shape(self._view, set(refreshed.parents))
        self.repaint(set(refreshed.changed))
        self.shown.emit()

    def repaint(self, node_ids: set[int]) -> None:
        """dataChanged for these rows, one signal per run of neighbouring rows."""
        last = self._columns - 1
        for parent_id, first, end in self.runs(node_ids):
            parent = self.index_of(parent_id) if parent_id is not None else QModelIndex()
            self.dataChanged.emit(self.index(first, 0, parent), self.index(end, last, parent))

    def node(self, index: Index) -> Node | None:
        if not index.isValid() or self._view is None:
            return None
        return self._view.nodes.get(index.internalId())

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        """The index of a node by id (an invalid index when it is not in this plan)."""
        row = self.row_of(node_id)
        if row is None:
            return QModelIndex()
        return self.createIndex(row, column, node_id)

    # --- structure ------------------------------------------------------------------

    def _parent_id(self, parent: Index) -> int | None | bool:
        """The node id behind a parent index, None for the root, False for no parent at all."""
        if not parent.isValid():
            return None
        return parent.internalId() if parent.column() == 0 else False

    def _children(self, parent: Index) -> list[Node]:
        if self._view is None:
            return []
        parent_id = self._parent_id(parent)
        if parent_id is False:
            return []
        return [self._view.nodes[i] for i in self.kids(parent_id)]  # type: ignore[arg-type]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # called for every row a view lays out: kept to a few lookups
        if parent.isValid():
            kids = self._kids.get(parent.internalId()) if parent.column() == 0 else None
        else:
            kids = self._kids[None]
        if kids is None or not 0 <= row < len(kids) or not 0 <= column < self._columns:
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return QAbstractItemModel.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent_id = self.parent_of(index.internalId())
        row = self.row_of(parent_id) if parent_id is not None else None
        if parent_id is None or row is None:
            return QModelIndex()
        return self.createIndex(row, 0, parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        parent_id = self._parent_id(parent)
        return 0 if parent_id is False else len(self.kids(parent_id))  # type: ignore[arg-type]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self._columns

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # a drop between areas makes an area
        return _ITEM_FLAGS if index.internalId() in self._kids else _LEAF_FLAGS

    # --- drag and drop --------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [NODE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        node = next((n for n in map(self.node, indexes) if n is not None), None)
        if node is not None:
            data.setData(NODE_MIME, str(node.id).encode("ascii"))
        return data

    def dropped_node(self, data: QMimeData) -> Node | None:
        if not data.hasFormat(NODE_MIME):
            return None
        try:
            node_id = int(bytes(data.data(NODE_MIME).data()).decode("ascii"))
        except ValueError:
            return None
        return self._view.nodes.get(node_id) if self._view is not None else None

    def drop_target(self, data: QMimeData, row: int, parent: Index) -> tuple[int, int | None, int] | None:
        """(node id, new parent id, position) for a drop, or None when it goes nowhere new.

        `row` is where Qt would insert among the parent's current children (-1: onto the parent,
        i.e. last); the service wants the index among the siblings without the moved node."""
        node = self.dropped_node(data)
        if node is None or (parent.isValid() and parent.column() != 0):
            return None
        target = self.node(parent)
        parent_id = target.id if target is not None else None
        if parent_id is not None and self._is_within(parent_id, node.id):
            return None  # onto itself or its own sub-items
        siblings = self._children(parent)
        position = len(siblings) if row < 0 else min(row, len(siblings))
        now = self.row_of(node.id)
        if node.parent_id == parent_id and now is not None and now < position:
            position -= 1
        if node.parent_id == parent_id and position == now:
            return None
        return node.id, parent_id, position

    def _is_within(self, node_id: int, ancestor_id: int) -> bool:
        current: int | None = node_id
        while current is not None:
            if current == ancestor_id:
                return True
            current = self.parent_of(current) if self.row_of(current) is not None else None
        return False

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return action == Qt.DropAction.MoveAction and self.drop_target(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Ask for the move and return False: the rows change when the window reloads, so the
        view must not remove the dragged row itself."""
        if action != Qt.DropAction.MoveAction:
            return False
        target = self.drop_target(data, row, parent)
        if target is not None:
            self.move_requested.emit(*target)
        return False

    # --- content --------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self._columns:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.headers()[section]  # the tooltip names a header the width has cut short
        if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in _CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headers(self) -> list[str]:
        return [
            self.tr("序号"), self.tr("工作任务"), self.tr("责任领导"), self.tr("牵头科室"),
            self.tr("配合科室"), self.tr("完成时限"), self.tr("进度"), self.tr("状态"), self.tr("亮灯"),
            self.tr("各期亮灯"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        return self._value(node, Column(index.column()), role)

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Every role a delegate asks for in one call (Qt 6 paints a cell this way): a visible
        cell costs one call into Python instead of one per role."""
        node = self.node(index)
        if node is None:
            for item in roleDataSpan:
                item.clearData()
            return
        column = Column(index.column())
        for item in roleDataSpan:
            item.setData(self._value(node, column, item.role()))

    def _value(self, node: Node, column: Column, role: int) -> Any:
        if role == _DISPLAY:
            return self._text(node, column)
        if role == _ALIGNMENT:
            return _CENTER if column in _CENTERED else _LEFT
        if role == _FONT:
            return self._bold if node.parent_id is None else None
        if role == _TOOLTIP:
            return self._tooltip(node, column)
        if role < _USER:
            return None
        assert self._view is not None
        ev = self._view.evaluations.get(node.id)
        if role == Role.NODE_ID:
            return node.id
        if role == Role.PROGRESS:
            return ev.progress if ev else 0.0
        if role == Role.EXPECTED:
            return ev.expected if ev else 0.0
        if role == Role.LIGHT:
            return ev.light.value if ev else None
        if role == Role.PERIOD_LIGHTS:
            return self._period_lights.get(node.id)
        return None

    def _text(self, node: Node, column: Column) -> str:
        assert self._view is not None
        ev = self._view.evaluations.get(node.id)
        is_area = node.parent_id is None
        if column is Column.CODE:
            return node.code
        if column is Column.TITLE:
            return node.title
        if column is Column.LEADER:
            return node.leader
        if column is Column.LEAD_DEPT:
            return node.lead_dept
        if column is Column.CO_DEPTS:
            return "、".join(node.co_depts)
        if column is Column.DUE:
            if node.due is not None:
                return node.due.isoformat()
            return "" if is_area else words.end_of_year()
        if column is Column.PROGRESS:
            return words.percent(ev.progress) if ev else ""
        if column is Column.STATUS:
            return "" if is_area else words.status_name(node.status)
        if column is Column.LIGHT:
            return words.light_short(ev.light) if ev else ""
        return ""

    def _tooltip(self, node: Node, column: Column) -> str | None:
        assert self._view is not None
        ev = self._view.evaluations.get(node.id)
        if column is Column.TITLE:
            return node.title
        if column is Column.LIGHT and ev is not None:
            return words.light_name(ev.light)
        if column is Column.PROGRESS and ev is not None:
            return self.tr("进度 {0}，序时进度 {1}").format(
                words.percent(ev.progress), words.percent(ev.expected))
        if column is Column.CO_DEPTS and node.co_depts:
            return "、".join(node.co_depts)
        if column is Column.PERIODS and node.id in self._period_lights:
            return "  ".join(f"{label} {words.light_short(Light(value)) if value else '—'}"
                             for label, value in self._period_lights[node.id])
        return None


def _shown(view: PlanView, node: Node) -> tuple[object, ...]:
    """Everything a row shows (or filters on) for a node: equal tuples paint alike."""
    return (node.code, node.title, node.leader, node.lead_dept, tuple(node.co_depts), node.owner,
            node.start, node.due, node.baseline_due, node.weight, node.status,
            node.latest.id if node.latest else None, view.evaluations.get(node.id))
