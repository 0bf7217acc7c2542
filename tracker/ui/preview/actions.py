"""The preview's commands: one QAction each, in its toolbar, its context menus and on a key.

Every command has a shortcut and a mnemonic (the context menus, Shift+F10 or the menu key, show
them with their accelerators), so the whole preview works from the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QToolBar, QWidget

Slot = Callable[[], object]


@dataclass(frozen=True)
class PreviewHandlers:
    rename: Slot
    merge: Slot
    split: Slot
    promote: Slot
    demote: Slot
    drop: Slot
    include: Slot
    include_as_area: Slot
    save: Slot


@dataclass(frozen=True)
class Enabled:
    """What the chosen rows allow."""

    row: bool  # any row of the tree
    items: int  # how many items (not areas) are chosen
    mergeable: bool
    splittable: bool
    demotable: bool  # an area that is not the first
    skipped: bool  # a skipped passage is chosen


class PreviewActions(QObject):
    def __init__(self, window: QWidget, stack: QUndoStack, h: PreviewHandlers) -> None:
        super().__init__(window)
        self._window = window
        a = self._action
        self.undo = stack.createUndoAction(window, self.tr("撤销(&U)"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = stack.createRedoAction(window, self.tr("重做(&R)"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo, self.redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.rename = a(self.tr("重命名(&N)"), h.rename, "F2", self.tr("修改所选方面或事项的标题（F2）"))
        self.merge = a(self.tr("合并(&M)"), h.merge, "Ctrl+M",
                       self.tr("把下一项并入所选事项；选中多项时并入第一项（Ctrl+M）"))
        self.split = a(self.tr("拆分(&T)…"), h.split, "Ctrl+T",
                       self.tr("把所选事项的具体内容从指定位置拆成两项（Ctrl+T）"))
        self.promote = a(self.tr("升为方面(&A)"), h.promote, "Alt+Left",
                         self.tr("所选事项成为一个方面，本方面中它后面的事项归入其下（Alt+←）"))
        self.demote = a(self.tr("降为事项(&I)"), h.demote, "Alt+Right",
                        self.tr("所选方面成为前一个方面的最后一项（Alt+→）"))
        self.drop = a(self.tr("移出计划(&D)"), h.drop, QKeySequence.StandardKey.Delete,
                      self.tr("所选事项不导入，列入“未列入计划的段落”（Delete）"))
        self.include = a(self.tr("列入计划(&L)"), h.include, "Ctrl+I",
                         self.tr("所选段落作为事项列入计划，放在原文中它所在的位置（Ctrl+I）"))
        self.include_as_area = a(self.tr("列为新方面(&W)"), h.include_as_area, "Ctrl+Shift+I",
                                 self.tr("所选段落作为新的方面列在计划末尾（Ctrl+Shift+I）"))
        self.save = a(self.tr("导入(&S)"), h.save, QKeySequence.StandardKey.Save)
        self.tree_actions = [self.rename, self.merge, self.split, self.promote, self.demote, self.drop]
        self.skipped_actions = [self.include, self.include_as_area]

    def _action(self, text: str, slot: Slot, keys: QKeySequence.StandardKey | str, tip: str = "") -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setIconText(text.replace("&", "").rstrip("…").split("(")[0])
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("previewToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.undo, self.redo, None, *self.tree_actions, None, *self.skipped_actions):
            if action is None:
                bar.addSeparator()
            else:
                bar.addAction(action)
        return bar

    def context_menus(self, tree: QWidget, skipped: QWidget) -> None:
        for widget, actions in ((tree, self.tree_actions), (skipped, self.skipped_actions)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for action in actions:
                widget.addAction(action)

    def update(self, e: Enabled) -> None:
        self.rename.setEnabled(e.row)
        self.merge.setEnabled(e.mergeable)
        self.split.setEnabled(e.splittable)
        self.promote.setEnabled(e.items == 1)
        self.demote.setEnabled(e.demotable)
        self.drop.setEnabled(e.items > 0)
        self.include.setEnabled(e.skipped)
        self.include_as_area.setEnabled(e.skipped)
