"""The window's actions, menus and toolbar, built in one place so every command has one QAction
(menu item, toolbar button and shortcut share it, and read-only mode disables it once).

The actions are set as attributes of the window (`window.delete_action` …) so tests and the
editing code reach them by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from tracker.ui.views.main_window import MainWindow

Keys = QKeySequence | QKeySequence.StandardKey | str | list[str] | None


class ActionSlots:
    """What WindowActions puts on the window, declared for readers and type checkers."""

    about_action: QAction
    add_area_action: QAction
    add_item_action: QAction
    add_subitem_action: QAction
    checkin_action: QAction
    collapse_all_action: QAction
    delete_action: QAction
    departments_action: QAction
    edit_node_action: QAction
    expand_all_action: QAction
    export_ledger_action: QAction
    extend_action: QAction
    find_action: QAction
    import_ledger_action: QAction
    import_report_action: QAction
    indent_action: QAction
    lock_action: QAction
    move_down_action: QAction
    move_up_action: QAction
    outdent_action: QAction
    quit_action: QAction
    redo_action: QAction
    refresh_action: QAction
    restore_action: QAction
    thresholds_action: QAction
    undo_action: QAction
    year_action: QAction
    edit_actions: list[QAction]
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    toolbar: QToolBar
    year_combo: QComboBox


def _action(w: MainWindow, text: str, slot: Callable[..., object], keys: Keys = None,
            tip: str = "") -> QAction:
    action = QAction(text, w)
    if isinstance(keys, list):
        action.setShortcuts([QKeySequence(k) for k in keys])
    elif keys is not None:
        action.setShortcut(QKeySequence(keys))
    if tip:
        action.setToolTip(tip)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    return action


class WindowActions(QObject):
    """Builds the actions, menus and toolbar onto `window` (a QObject so its texts translate)."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.build_actions(w)
        self.build_menus(w)
        self.build_toolbar(w)

    def build_actions(self, w: MainWindow) -> None:
        e = w.editing
        w.import_report_action = _action(w, self.tr("导入年度报告…"), w.report_import.choose_file,
                                         QKeySequence.StandardKey.Open)
        w.export_ledger_action = _action(w, self.tr("导出台账…"), w.data_file.export_ledger, "Ctrl+E",
                                         self.tr("导出 Excel 台账；有筛选时只导出筛选出的事项"))
        w.import_ledger_action = _action(w, self.tr("导入台账…"), w.data_file.import_ledger)
        w.restore_action = _action(w, self.tr("恢复备份…"), w.data_file.open_restore)
        w.quit_action = _action(w, self.tr("退出"), w.close, "Ctrl+Q")
        w.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        w.undo_action = w.undo_stack.createUndoAction(w, self.tr("撤销"))
        w.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        w.redo_action = w.undo_stack.createRedoAction(w, self.tr("重做"))
        w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        w.edit_node_action = _action(w, self.tr("编辑…"), e.edit_node, "F2", self.tr("编辑所选事项（F2）"))
        w.checkin_action = _action(w, self.tr("进展填报…"), e.add_checkin, ["Ctrl+Return", "Ctrl+Enter"],
                                   self.tr("为所选事项填报进展（Ctrl+Enter）"))
        w.add_area_action = _action(w, self.tr("新增方面"), e.add_area, "Ctrl+Alt+N",
                                    self.tr("在所选方面之后新增一个工作方面"))
        w.add_item_action = _action(w, self.tr("新增事项"), e.add_item, "Ctrl+N",
                                    self.tr("在所选方面中新增一项工作（Ctrl+N）"))
        w.add_subitem_action = _action(w, self.tr("新增子项"), e.add_subitem, "Ctrl+Shift+N",
                                       self.tr("在所选事项下新增子事项（Ctrl+Shift+N）"))
        w.delete_action = _action(w, self.tr("删除…"), e.delete_node, QKeySequence.StandardKey.Delete,
                                  self.tr("删除所选事项及其下级（Delete）"))
        w.move_up_action = _action(w, self.tr("上移"), e.move_up, "Alt+Up", self.tr("上移（Alt+↑）"))
        w.move_down_action = _action(w, self.tr("下移"), e.move_down, "Alt+Down", self.tr("下移（Alt+↓）"))
        w.outdent_action = _action(w, self.tr("升级"), e.outdent, "Alt+Left",
                                   self.tr("升一级：成为上级事项之后的同级（Alt+←）"))
        w.indent_action = _action(w, self.tr("降级"), e.indent, "Alt+Right",
                                  self.tr("降一级：成为前一项的下级（Alt+→）"))
        w.extend_action = _action(w, self.tr("延期…"), e.extend, tip=self.tr("计划锁定后修改完成时限"))
        w.lock_action = _action(w, self.tr("锁定计划（定稿）…"), e.toggle_lock)
        w.thresholds_action = _action(w, self.tr("亮灯标准…"), e.edit_thresholds)
        w.departments_action = _action(w, self.tr("科室和人员…"), e.edit_departments,
                                       tip=self.tr("科室和人员名单：添加、改名、合并、删除"))
        w.find_action = _action(w, self.tr("查找"), w.focus_filter, QKeySequence.StandardKey.Find)

        w.expand_all_action = _action(w, self.tr("展开全部"), w.tree.expandAll)
        w.collapse_all_action = _action(w, self.tr("折叠全部"), w.tree.collapseAll)
        w.refresh_action = _action(w, self.tr("刷新"), w.reload, QKeySequence.StandardKey.Refresh)
        w.about_action = _action(w, self.tr("关于"), w.show_about)
        w.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        # what read-only mode switches off (undo/redo follow the stack, which stays empty)
        w.edit_actions = [
            w.import_report_action, w.import_ledger_action, w.restore_action, w.edit_node_action,
            w.checkin_action, w.add_area_action, w.add_item_action, w.add_subitem_action,
            w.delete_action, w.move_up_action, w.move_down_action, w.outdent_action, w.indent_action,
            w.extend_action, w.lock_action, w.thresholds_action, w.departments_action,
        ]


    def build_menus(self, w: MainWindow) -> None:
        bar = w.menuBar()
        w.file_menu = bar.addMenu(self.tr("文件"))
        for action in (w.import_report_action, None, w.export_ledger_action, w.import_ledger_action,
                       None, w.restore_action, None, w.quit_action):
            _add(w.file_menu, action)
        w.edit_menu = bar.addMenu(self.tr("编辑"))
        for action in (w.undo_action, w.redo_action, None, w.edit_node_action, w.checkin_action, None,
                       w.add_area_action, w.add_item_action, w.add_subitem_action, w.delete_action, None,
                       w.move_up_action, w.move_down_action, w.outdent_action, w.indent_action, None,
                       w.lock_action, w.extend_action, w.thresholds_action, w.departments_action, None,
                       w.find_action):
            _add(w.edit_menu, action)
        w.view_menu = bar.addMenu(self.tr("视图"))
        for action in (w.expand_all_action, w.collapse_all_action, None, w.refresh_action):
            _add(w.view_menu, action)
        w.help_menu = bar.addMenu(self.tr("帮助"))
        w.help_menu.addAction(w.about_action)



    def build_toolbar(self, w: MainWindow) -> None:
        toolbar = w.addToolBar(self.tr("工具栏"))
        w.toolbar = toolbar
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (w.import_report_action, None,
                       w.add_area_action, w.add_item_action, w.add_subitem_action, w.delete_action, None,
                       w.move_up_action, w.move_down_action, w.outdent_action, w.indent_action, None,
                       w.edit_node_action, w.checkin_action, None, w.expand_all_action,
                       w.collapse_all_action, None):
            _add(toolbar, action)
        year_box = QWidget()
        row = QVBoxLayout(year_box)
        row.setContentsMargins(6, 0, 6, 0)
        w.year_combo = QComboBox()
        w.year_combo.setObjectName("yearCombo")
        w.year_combo.setToolTip(self.tr("选择年度"))
        w.year_combo.activated.connect(w._year_chosen)
        row.addWidget(w.year_combo)
        w.year_action = toolbar.addWidget(year_box)
        w.year_action.setVisible(False)


def _add(menu: object, action: QAction | None) -> None:
    if action is None:
        menu.addSeparator()  # type: ignore[attr-defined]
    else:
        menu.addAction(action)  # type: ignore[attr-defined]
