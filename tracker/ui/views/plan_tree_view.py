"""The tree widget: delegates, column widths, and a 工作任务 column that takes the spare width.

Qt's Stretch mode squeezes the stretched column to nothing on a narrow window; here the task
column fills what the others leave but never gets narrower than a readable minimum (the tree
scrolls sideways instead). Rows are dragged within the tree only (InternalMove); where a row
lands is decided by the model (`PlanTreeModel.drop_target`), the move itself by the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from tracker.ui import theme
from tracker.ui.delegates import LightDelegate, PeriodDotsDelegate, ProgressDelegate
from tracker.ui.models.plan_filter import PlanFilter
from tracker.ui.models.plan_tree import Column, Role

MIN_TITLE_CHARS = 8  # the title gives way before the lights do (1024 px wide still shows 亮灯)


class PlanTreeView(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTree")
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAllColumnsShowFocus(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # F2 opens the editor
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self))
        self.setItemDelegateForColumn(Column.LIGHT, LightDelegate(self))
        self.setItemDelegateForColumn(Column.PERIODS, PeriodDotsDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.sectionResized.connect(self._section_resized)
        self._fitting = False

    def current_node_id(self) -> int | None:
        """The selected row's item; None when no row is selected (a current row alone is not)."""
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        value = index.siblingAtColumn(0).data(Role.NODE_ID)
        return int(value) if value is not None else None

    def select_row(self, index: QModelIndex) -> None:
        """Make the row current and selected, scrolled into view."""
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index)

    def show_periods(self, shown: bool) -> None:
        """各期亮灯 holds dots for closed periods only: until the first close it would be an empty
        column taking the titles' room, so it appears with the first closed period."""
        if self.isColumnHidden(Column.PERIODS) == shown:
            self.setColumnHidden(Column.PERIODS, not shown)
            self.fit_title()

    def min_title_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("汉") * MIN_TITLE_CHARS

    def fit_title(self) -> None:
        """Give 工作任务 whatever width the other columns leave, but at least the minimum."""
        header = self.header()
        others = sum(header.sectionSize(c) for c in Column
                     if c is not Column.TITLE and not header.isSectionHidden(c))
        width = max(self.min_title_width(), self.viewport().width() - others)
        if header.sectionSize(Column.TITLE) != width:
            self._fitting = True
            try:
                header.resizeSection(Column.TITLE, width)
            finally:
                self._fitting = False

    def default_widths(self) -> None:
        """Wide enough for each header and its content, so nothing is cut off on a first start."""
        fm = self.header().fontMetrics()
        char = fm.horizontalAdvance("汉")
        minimum = {Column.CODE: 3, Column.LEADER: 4, Column.LEAD_DEPT: 5, Column.CO_DEPTS: 7,
                   Column.DUE: 5, Column.PROGRESS: 6, Column.STATUS: 3, Column.LIGHT: 3,
                   Column.PERIODS: 8}
        model = self.model()
        for column, chars in minimum.items():
            self.resizeColumnToContents(column)
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            wanted = max(fm.horizontalAdvance(text) + 24, char * chars + 16)
            if column is Column.CODE:
                wanted += self.indentation()
            if self.columnWidth(column) < wanted:
                self.setColumnWidth(column, wanted)
        self.fit_title()

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if index != Column.TITLE and not self._fitting:
            self.fit_title()

    def empty_text(self) -> str:
        """What the tree says when the filter hides every row ("" otherwise): a blank tree after
        switching years or importing a plan looks like lost data."""
        model = self.model()
        if isinstance(model, PlanFilter) and model.is_active() and model.rowCount() == 0:
            return self.tr("没有符合筛选条件的事项。点“清除筛选”显示全部事项。")
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = self.empty_text()
        if text:
            painter = QPainter(self.viewport())
            painter.setPen(theme.muted_text(self.palette()))
            painter.drawText(self.viewport().rect().adjusted(12, 0, -12, 0),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
            painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize:  # also when a scroll bar comes or goes
            self.fit_title()
        return handled
