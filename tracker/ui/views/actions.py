"""The window's actions, menus and toolbar, built in one place so every command has one QAction
(menu item, toolbar button and shortcut share it, and read-only mode disables it once).

`WindowActions` is given what each action does (`Handlers`) and keeps the actions as its own
attributes; the window reaches them as `actions.delete` and so on, so renaming one is an error
mypy reports. Every menu and item has an accelerator (文件(&F) …), Alt or F10 opens the menu bar.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu, QToolBar, QVBoxLayout, QWidget

Keys = QKeySequence | QKeySequence.StandardKey | str | list[str] | None
_MNEMONIC = re.compile(r"\(&\w\)")
Slot = Callable[[], object]


@dataclass(frozen=True)
class Handlers:
    """What each command does; the window wires its helpers' methods in here."""

    import_report: Slot
    paste_report: Slot
    delete_plan: Slot
    carry_over: Slot
    export_ledger: Slot
    import_ledger: Slot
    restore: Slot
    settings: Slot
    quit: Slot
    edit_node: Slot
    checkin: Slot
    add_area: Slot
    add_item: Slot
    add_subitem: Slot
    delete: Slot
    move_up: Slot
    move_down: Slot
    outdent: Slot
    indent: Slot
    extend: Slot
    toggle_lock: Slot
    thresholds: Slot
    departments: Slot
    find: Slot
    expand_all: Slot
    collapse_all: Slot
    refresh: Slot
    guide: Slot
    demo: Slot
    about: Slot
    set_language: Callable[[str], object]


@dataclass(frozen=True)
class Selection:
    """What the enabled state of the edit actions depends on."""

    writable: bool  # a plan is shown and the file can be written
    selected: bool  # a row is selected
    item: bool  # … and it is an item, not an area
    leaf: bool  # … with no sub-items (check-ins go there)
    locked: bool  # the plan is locked (deadline moves are extensions)
    can_import: bool  # the file can be written (a plan may be imported even when none is shown)
    plan_edits: bool = True  # the login may edit the plan (on a server: an office login)
    may_check_in: bool = True  # … may report on the selected item (a department: its own items)
    restorable: bool = True  # a data file (a server's backups are the server's job)


class WindowActions(QObject):
    """Builds the actions, menus and toolbar of `window`. Emits `year_chosen(year)` from the
    toolbar's year box."""

    year_chosen = Signal(int)

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack, h: Handlers, language: str) -> None:
        super().__init__(window)
        self._window = window
        a = self._action
        self.import_report = a(self.tr("导入年度报告(&I)…"), h.import_report, QKeySequence.StandardKey.Open,
                               self.tr("从 Word、PDF 或文本文件读取下一年度的计划，先预览再导入"))
        self.paste_report = a(self.tr("粘贴报告文本(&V)…"), h.paste_report, "Ctrl+Shift+V",
                              self.tr("把从网页或文档复制的报告文本作为年度计划导入（先预览）"))
        self.delete_plan = a(self.tr("删除年度计划(&D)…"), h.delete_plan,
                             tip=self.tr("删除当前年度的计划及其进展记录（先备份，可撤销）"))
        self.carry_over = a(self.tr("结转未完成事项(&C)…"), h.carry_over,
                            tip=self.tr("把当前年度未完成的事项结转到下一年度的计划"))
        self.export_ledger = a(self.tr("导出台账(&E)…"), h.export_ledger, "Ctrl+E",
                               self.tr("导出 Excel 台账；有筛选时只导出筛选出的事项"))
        self.import_ledger = a(self.tr("导入台账(&L)…"), h.import_ledger)
        self.restore = a(self.tr("恢复备份(&R)…"), h.restore)
        self.settings = a(self.tr("设置(&S)…"), h.settings, "Ctrl+,")
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = a(self.tr("退出(&X)"), h.quit, "Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = undo_stack.createUndoAction(window, self.tr("撤销(&U)"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = undo_stack.createRedoAction(window, self.tr("重做(&R)"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_node = a(self.tr("编辑(&E)…"), h.edit_node, "F2", self.tr("编辑所选事项（F2）"))
        self.checkin = a(self.tr("进展填报(&P)…"), h.checkin, ["Ctrl+Return", "Ctrl+Enter"],
                         self.tr("为所选事项填报进展（Ctrl+Enter）"))
        self.add_area = a(self.tr("新增方面(&A)"), h.add_area, "Ctrl+Alt+N",
                          self.tr("在所选方面之后新增一个工作方面"))
        self.add_item = a(self.tr("新增事项(&N)"), h.add_item, "Ctrl+N",
                          self.tr("在所选方面中新增一项工作（Ctrl+N）"))
        self.add_subitem = a(self.tr("新增子项(&B)"), h.add_subitem, "Ctrl+Shift+N",
                             self.tr("在所选事项下新增子事项（Ctrl+Shift+N）"))
        self.delete = a(self.tr("删除(&D)…"), h.delete, QKeySequence.StandardKey.Delete,
                        self.tr("删除所选事项及其下级（Delete）"))
        self.move_up = a(self.tr("上移(&K)"), h.move_up, "Alt+Up", self.tr("上移（Alt+↑）"))
        self.move_down = a(self.tr("下移(&J)"), h.move_down, "Alt+Down", self.tr("下移（Alt+↓）"))
        self.outdent = a(self.tr("升级(&H)"), h.outdent, "Alt+Left",
                         self.tr("升一级：成为上级事项之后的同级（Alt+←）"))
        self.indent = a(self.tr("降级(&G)"), h.indent, "Alt+Right",
                        self.tr("降一级：成为前一项的下级（Alt+→）"))
        self.extend = a(self.tr("延期(&Y)…"), h.extend, tip=self.tr("计划锁定后修改完成时限"))
        self.lock = a(self.tr("锁定计划（定稿）(&O)…"), h.toggle_lock)
        self.thresholds = a(self.tr("亮灯标准(&T)…"), h.thresholds)
        self.departments = a(self.tr("科室和人员(&M)…"), h.departments,
                             tip=self.tr("科室和人员名单：添加、改名、合并、删除"))
        self.find = a(self.tr("查找(&F)"), h.find, QKeySequence.StandardKey.Find)

        self.expand_all = a(self.tr("展开全部(&X)"), h.expand_all)
        self.collapse_all = a(self.tr("折叠全部(&C)"), h.collapse_all)
        self.refresh = a(self.tr("刷新(&R)"), h.refresh, QKeySequence.StandardKey.Refresh)
        self.guide = a(self.tr("用户指南(&G)"), h.guide, QKeySequence.StandardKey.HelpContents)
        self.demo = a(self.tr("打开演示数据(&D)"), h.demo)
        self.about = a(self.tr("关于(&A)"), h.about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.menu_bar_key = a(self.tr("菜单栏"), self._open_menu_bar, "F10")

        # what read-only mode switches off (undo/redo follow the stack, which stays empty)
        self.edits = [
            self.import_report, self.paste_report, self.delete_plan, self.carry_over, self.import_ledger,
            self.restore, self.edit_node, self.checkin,
            self.add_area, self.add_item, self.add_subitem, self.delete, self.move_up, self.move_down,
            self.outdent, self.indent, self.extend, self.lock, self.thresholds, self.departments,
        ]
        self._build_menus(h, language)
        self.toolbar, self.year_combo, self.year_action = self._build_toolbar()

    def _action(self, text: str, slot: Slot, keys: Keys = None, tip: str = "") -> QAction:
        action = QAction(text, self._window)
        action.setIconText(_MNEMONIC.sub("", text).replace("&", "").rstrip("…"))  # toolbar: no (&E), &, …
        if isinstance(keys, list):
            action.setShortcuts([QKeySequence(k) for k in keys])
        elif keys is not None:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setToolTip(tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)  # its shortcut works even when no menu shows it
        return action

    def _build_menus(self, h: Handlers, language: str) -> None:
        bar = self._window.menuBar()
        self.file_menu = self._menu(bar.addMenu(self.tr("文件(&F)")), [
            self.import_report, self.delete_plan, self.carry_over, None, self.export_ledger,
            self.import_ledger, None, self.restore,
            None, self.settings, None, self.quit])
        self.edit_menu = self._menu(bar.addMenu(self.tr("编辑(&E)")), [
            self.undo, self.redo, None, self.paste_report, None, self.edit_node, self.checkin, None,
            self.add_area, self.add_item, self.add_subitem, self.delete, None,
            self.move_up, self.move_down, self.outdent, self.indent, None,
            self.lock, self.extend, self.thresholds, self.departments, None, self.find])
        self.view_menu = self._menu(bar.addMenu(self.tr("视图(&V)")), [
            self.expand_all, self.collapse_all, None, self.refresh, None])
        languages = self.view_menu.addMenu(self.tr("界面语言(&L)"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("zh", "中文(&Z)"), ("en", "English(&N)")):
            action = languages.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked=False, c=code: h.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        self.help_menu = self._menu(bar.addMenu(self.tr("帮助(&H)")), [
            self.guide, self.demo, None, self.about])

    @staticmethod
    def _menu(menu: QMenu, actions: list[QAction | None]) -> QMenu:
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def _build_toolbar(self) -> tuple[QToolBar, QComboBox, QAction]:
        """The year box leads (a narrow window folds the last buttons behind », never the
        year being shown); the window puts its 当前数据 box after it (`insert_view_box`)."""
        toolbar = self._window.addToolBar(self.tr("工具栏"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        year_box = QWidget()
        row = QVBoxLayout(year_box)
        row.setContentsMargins(6, 0, 6, 0)
        combo = QComboBox()
        combo.setObjectName("yearCombo")
        combo.setToolTip(self.tr("选择年度"))
        combo.activated.connect(self._year_activated)
        row.addWidget(combo)
        year_action = toolbar.addWidget(year_box)
        year_action.setVisible(False)
        self._view_boxes_end = toolbar.addSeparator()
        for action in (self.import_report, None, self.add_area, self.add_item, self.add_subitem,
                       self.delete, None, self.move_up, self.move_down, self.outdent, self.indent, None,
                       self.edit_node, self.checkin, None, self.expand_all, self.collapse_all):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        return toolbar, combo, year_action

    def insert_view_box(self, widget: QWidget) -> None:
        """A box choosing what the tree shows (当前数据 / a closed period), beside the year box."""
        self.toolbar.insertWidget(self._view_boxes_end, widget)

    def _year_activated(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is not None:
            self.year_chosen.emit(int(year))

    def _open_menu_bar(self) -> None:
        """F10, as on Windows and GNOME: the menu bar takes the keyboard at 文件."""
        bar = self._window.menuBar()
        bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        bar.setActiveAction(self.file_menu.menuAction())

    def fill_years(self, years: list[int], current: int | None) -> None:
        """The year box lists the plans; it shows once the file holds more than one."""
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(self.tr("{0} 年").format(y), y)
        if current in years:
            self.year_combo.setCurrentIndex(years.index(current))
        self.year_action.setVisible(len(years) > 1)

    def update(self, s: Selection) -> None:
        """Enable what applies to the selection; read-only mode switches every edit off, a
        department login keeps only check-ins on its own items."""
        self._update(s)
        if not s.restorable:
            self.restore.setEnabled(False)

    def _update(self, s: Selection) -> None:
        for action in self.edits:
            action.setEnabled(s.writable and s.plan_edits)
        if s.writable and not s.plan_edits:
            self.checkin.setEnabled(s.leaf and s.item and s.may_check_in)
            return
        if not s.writable:
            self.import_report.setEnabled(s.can_import)
            self.paste_report.setEnabled(s.can_import)
            self.undo.setEnabled(False)
            self.redo.setEnabled(False)
            return
        for action in (self.edit_node, self.add_item, self.delete, self.move_up, self.move_down,
                       self.indent):
            action.setEnabled(s.selected)
        self.add_subitem.setEnabled(s.item)
        self.outdent.setEnabled(s.item)
        self.checkin.setEnabled(s.leaf and s.item)
        self.extend.setEnabled(s.locked and s.item)
        self.lock.setText(self.tr("解除计划锁定(&O)…") if s.locked else self.tr("锁定计划（定稿）(&O)…"))
