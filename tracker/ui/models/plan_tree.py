"""The plan as a tree of areas and items, over one PlanView loaded in bulk.

data() reads only the PlanView held in memory, so painting never waits on the database;
`set_view()` swaps in a freshly loaded plan. Drag and drop moves a row: the model only says
where to (`move_requested`), and the window runs the move through the undo stack and reloads.
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
from tracker.ui import words

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
    SEARCH = Qt.ItemDataRole.UserRole + 5  # every word of the row, for the filter box
    PERIOD_LIGHTS = Qt.ItemDataRole.UserRole + 6  # [(label, light value or None)] per period


_CENTERED = {Column.CODE, Column.DUE, Column.PROGRESS, Column.STATUS, Column.LIGHT}


class PlanTreeModel(QAbstractItemModel):
    """Areas at the top level, their items (and sub-items) below; one row per node."""

    # node id, new parent id (None: an area), position among the new siblings without the node
    move_requested = Signal(int, object, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: PlanView | None = None
        self._nodes: dict[int, Node] = {}
        self._row: dict[int, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._period_lights: dict[int, list[tuple[str, str | None]]] = {}

    # --- loading --------------------------------------------------------------------

    @property
    def view(self) -> PlanView | None:
        return self._view

    def set_view(self, view: PlanView | None) -> None:
        """Show a freshly loaded plan. When its tree has the same shape (an edit of fields or a
        check-in, the common case), only the rows whose shown values changed are refreshed, so
        selection, open areas and scrolling stay as they are; a new shape resets the model."""
        nodes, rows = _index(view)
        if (view is not None and self._view is not None and view.plan.id == self._view.plan.id
                and rows == self._row and _shape(view) == _shape(self._view)):
            old_view, old_nodes = self._view, self._nodes
            self._view, self._nodes = view, nodes
            for node_id, node in nodes.items():
                if _shown(old_view, old_nodes[node_id]) != _shown(view, node):
                    self.dataChanged.emit(self.index_of(node_id, 0),
                                          self.index_of(node_id, len(Column) - 1))
            return
        self.beginResetModel()
        self._view, self._nodes, self._row = view, nodes, rows
        self.endResetModel()

    def set_period_lights(self, lights: dict[int, list[tuple[str, str | None]]]) -> None:
        """Each node's light per period of the year (None: not closed); repaints that column."""
        if lights == self._period_lights:
            return
        self._period_lights = lights
        for node_id in self._nodes:
            index = self.index_of(node_id, Column.PERIODS)
            self.dataChanged.emit(index, index)

    def node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        return self._nodes.get(index.internalId())

    def index_of(self, node_id: int, column: int = 0) -> QModelIndex:
        """The index of a node by id (an invalid index when it is not in this plan)."""
        if node_id not in self._nodes:
            return QModelIndex()
        return self.createIndex(self._row[node_id], column, node_id)

    # --- structure ------------------------------------------------------------------

    def _children(self, parent: Index) -> list[Node]:
        if self._view is None:
            return []
        if not parent.isValid():
            return self._view.plan.areas
        node = self.node(parent)
        return node.children if node is not None and parent.column() == 0 else []

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(Column):
            return QModelIndex()
        children = self._children(parent)
        if not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row].id)

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        node = self.node(index)
        if node is None or node.parent_id is None or node.parent_id not in self._nodes:
            return QModelIndex()
        return self.createIndex(self._row[node.parent_id], 0, node.parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return bool(self._children(parent))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # a drop between areas makes an area
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)

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
            return self._nodes.get(int(bytes(data.data(NODE_MIME).data()).decode("ascii")))
        except ValueError:
            return None

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
        if node.parent_id == parent_id and self._row[node.id] < position:
            position -= 1
        if node.parent_id == parent_id and position == self._row[node.id]:
            return None
        return node.id, parent_id, position

    def _is_within(self, node_id: int, ancestor_id: int) -> bool:
        current: int | None = node_id
        while current is not None:
            if current == ancestor_id:
                return True
            current = self._nodes[current].parent_id if current in self._nodes else None
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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
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
        if node is None or self._view is None:
            return None
        column = Column(index.column())
        ev = self._view.evaluations.get(node.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _CENTERED:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.parent_id is None:
            return self._bold
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
        if role == Role.SEARCH:
            if node.parent_id is None:  # an area's excerpt holds all its items' text: title only
                return f"{node.code} {node.title}"
            return " ".join([node.code, node.title, node.detail, node.source_excerpt, node.leader,
                             node.lead_dept, *node.co_depts, node.owner])
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


def _index(view: PlanView | None) -> tuple[dict[int, Node], dict[int, int]]:
    """Each node by id, and its row among its siblings."""
    nodes: dict[int, Node] = {}
    rows: dict[int, int] = {}
    if view is not None:
        for siblings in [view.plan.areas, *(n.children for n in view.plan.walk())]:
            for row, node in enumerate(siblings):
                nodes[node.id] = node
                rows[node.id] = row
    return nodes, rows


def _shape(view: PlanView) -> list[tuple[int, int | None]]:
    """The tree's shape: every node's id and parent, in plan order."""
    return [(n.id, n.parent_id) for n in view.plan.walk()]


def _shown(view: PlanView, node: Node) -> tuple[object, ...]:
    """Everything a row shows (or filters on) for a node: equal tuples paint alike."""
    return (node.code, node.title, node.detail, node.leader, node.lead_dept, tuple(node.co_depts),
            node.owner, node.start, node.due, node.baseline_due, node.weight, node.status,
            node.latest, view.evaluations.get(node.id))
