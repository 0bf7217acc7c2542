"""The preview's tree: Tab in a cell's editor goes on to the next cell of the same row.

A user fixing an item from the keyboard presses F2 on the title, then Tab to its deadline, lead
and cooperating departments (QTreeView's own Tab goes to the next row's first column, which is
not editable, and ends the editing).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTreeView, QWidget

Move = QAbstractItemView.CursorAction


class DraftTree(QTreeView):
    def __init__(self) -> None:
        super().__init__()
        self._closing: QModelIndex | None = None  # the cell whose editor is closing

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # The editor sits over its cell: that cell, not the row's current one, is where Tab
        # starts from (the save of the title has just selected the row again).
        self._closing = self.indexAt(editor.geometry().center())
        try:
            super().closeEditor(editor, hint)
        finally:
            self._closing = None

    def moveCursor(self, action: Move, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        cell = self._closing
        if cell is not None and cell.isValid() and action in (Move.MoveNext, Move.MovePrevious):
            step = 1 if action == Move.MoveNext else -1
            model = self.model()
            column = cell.column() + step
            while 0 <= column < model.columnCount(cell.parent()):
                sibling = cell.siblingAtColumn(column)
                if model.flags(sibling) & Qt.ItemFlag.ItemIsEditable:
                    return sibling
                column += step
            return QModelIndex()  # the row's last cell: Tab ends the editing there
        return super().moveCursor(action, modifiers)
