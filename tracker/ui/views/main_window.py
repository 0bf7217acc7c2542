"""The main window: the plan tree, the selected item's detail pane, and the plan's totals.

It reads through PlanService / TrackingService only; `reload()` re-reads the plan after any
change, so actions added later (export, ledger import, backup) need only call it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tracker import __version__
from tracker.domain import rules
from tracker.services import PlanService, PlanView, TrackingService, UserError
from tracker.store import Database
from tracker.ui import words
from tracker.ui.models.plan_tree import PlanFilterModel, PlanTreeModel, Role
from tracker.ui.settings import app_settings
from tracker.ui.views.detail_pane import DetailPane
from tracker.ui.views.plan_tree_view import PlanTreeView
from tracker.ui.views.report_import import ReportImport

SETTINGS_GROUP = "main_window"


class MainWindow(QMainWindow):
    def __init__(self, db: Database, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plans = PlanService(db)
        self.tracking = TrackingService(db)
        self.settings = settings if settings is not None else app_settings()
        self.year: int | None = None
        self.last_dialog: QMessageBox | None = None
        self.setObjectName("mainWindow")
        self.report_import = ReportImport(self.plans, self)
        self.report_import.imported.connect(self.show_year)

        self.model = PlanTreeModel(self)
        self.proxy = PlanFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build_central()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        restored = self._restore_layout()
        self.reload()
        if not restored:
            self.tree.default_widths()
        self.tree.setFocus()  # keys move through the plan at once; Ctrl+F reaches the filter

    # --- building -----------------------------------------------------------------------

    def _build_central(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("筛选：输入序号、任务内容、领导或科室"))
        self.filter_edit.textChanged.connect(self._filter_changed)

        self.tree = PlanTreeView()
        self.tree.setModel(self.proxy)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)

        self.detail = DetailPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_report_action = self._action(
            self.tr("导入年度报告…"), self.report_import.choose_file, QKeySequence.StandardKey.Open)
        self.quit_action = self._action(self.tr("退出"), self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.find_action = self._action(self.tr("查找"), self.focus_filter, QKeySequence.StandardKey.Find)
        self.expand_all_action = self._action(self.tr("展开全部"), self.tree.expandAll)
        self.collapse_all_action = self._action(self.tr("折叠全部"), self.tree.collapseAll)
        self.refresh_action = self._action(self.tr("刷新"), self.reload, QKeySequence.StandardKey.Refresh)
        self.about_action = self._action(self.tr("关于"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("文件"))
        self.file_menu.addAction(self.import_report_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("编辑"))
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu(self.tr("视图"))
        self.view_menu.addAction(self.expand_all_action)
        self.view_menu.addAction(self.collapse_all_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)
        self.help_menu = bar.addMenu(self.tr("帮助"))
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = self.addToolBar(self.tr("工具栏"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.import_report_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.expand_all_action)
        self.toolbar.addAction(self.collapse_all_action)
        self.toolbar.addSeparator()
        year_box = QWidget()
        row = QVBoxLayout(year_box)
        row.setContentsMargins(6, 0, 6, 0)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setToolTip(self.tr("选择年度"))
        self.year_combo.activated.connect(self._year_chosen)
        row.addWidget(self.year_combo)
        self.year_action = self.toolbar.addWidget(year_box)
        self.year_action.setVisible(False)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress_label = QLabel()
        self.expected_label = QLabel()
        self.lights_label = QLabel()
        self.lights_label.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.progress_label, self.expected_label, self.lights_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    # --- loading ------------------------------------------------------------------------

    @property
    def view(self) -> PlanView | None:
        return self.model.view

    def reload(self) -> None:
        """Re-read the plan through the service, keeping the selection and the open areas."""
        selected = self.current_node_id()
        expanded = self._expanded_ids() if self.view is not None else None
        try:
            years = self.plans.years()
            year = self.year if self.year in years else (years[-1] if years else None)
            view = self.plans.view(year) if year is not None else None
        except UserError as exc:
            self.show_message(QMessageBox.Icon.Warning, self.tr("读取计划"), str(exc))
            return
        if view is None or self.view is None or view.plan.id != self.view.plan.id:
            expanded = None  # another plan: open all its areas
        self.year = year
        self.model.set_view(view)
        self._fill_years(years)
        if expanded is None:
            self.tree.expandAll()
        else:
            for node_id in expanded:
                self.tree.expand(self.proxy.mapFromSource(self.model.index_of(node_id)))
        if selected is None or not self.select_node(selected):
            self.detail.clear_node()
        self._update_totals()
        self._update_title()

    def show_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def _fill_years(self, years: list[int]) -> None:
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(self.tr("{0} 年").format(y), y)
        if self.year in years:
            self.year_combo.setCurrentIndex(years.index(self.year))
        self.year_action.setVisible(len(years) > 1)

    def _year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is not None and year != self.year:
            self.show_year(int(year))

    def _expanded_ids(self) -> list[int]:
        if self.view is None:
            return []
        ids = []
        for node in self.view.plan.walk():
            if node.children and self.tree.isExpanded(self.proxy.mapFromSource(self.model.index_of(node.id))):
                ids.append(node.id)
        return ids

    def _update_totals(self) -> None:
        view = self.view
        if view is None:
            for label in (self.progress_label, self.expected_label, self.lights_label):
                label.clear()
            return
        self.progress_label.setText(self.tr("总进度 {0}").format(words.percent(view.progress)))
        self.expected_label.setText(self.tr("序时进度 {0}").format(words.percent(view.expected)))
        self.expected_label.setToolTip(self.tr("按时间推算今天应达到的进度"))
        counts = rules.light_counts(view.plan, view.evaluations)
        parts = [f"<span style='color:{words.LIGHT_COLORS[light].name()}'>●</span>"
                 f"{words.light_short(light)} {counts[light]}" for light in words.LIGHT_ORDER]
        self.lights_label.setText("&nbsp;&nbsp;".join(parts))
        self.lights_label.setToolTip("\n".join(
            f"{words.light_name(light)}：{counts[light]}" for light in words.LIGHT_ORDER))

    def _update_title(self) -> None:
        parts = [self.tr("年度工作台账")]
        if self.year is not None:
            parts.append(self.tr("{0} 年").format(self.year))
        parts.append(self.db.path.name)
        self.setWindowTitle(" — ".join(parts))

    # --- selection and detail -----------------------------------------------------------

    def current_node_id(self) -> int | None:
        index = self.tree.currentIndex()
        if not index.isValid() or not self.tree.selectionModel().isSelected(index):
            return None
        value = index.siblingAtColumn(0).data(Role.NODE_ID)
        return int(value) if value is not None else None

    def select_node(self, node_id: int) -> bool:
        """Select a node by id (e.g. after a reload); False when it is not shown."""
        index = self.proxy.mapFromSource(self.model.index_of(node_id))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag
        self.tree.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.tree.scrollTo(index)
        self._show_detail(node_id)
        return True

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        node_id = self.current_node_id()
        if node_id is None:
            self.detail.clear_node()
        elif node_id != self.detail.node_id:
            self._show_detail(node_id)

    def _show_detail(self, node_id: int) -> None:
        view = self.view
        node = self.model.node(self.model.index_of(node_id)) if view is not None else None
        if view is None or node is None:
            self.detail.clear_node()
            return
        try:
            checkins = self.tracking.checkins(node_id)
            changes = self.tracking.changes(node_id)
        except UserError as exc:
            self.show_message(QMessageBox.Icon.Warning, self.tr("读取事项"), str(exc))
            return
        checkins.sort(key=lambda ci: (ci.date, ci.id), reverse=True)
        self.detail.show_node(view, node, checkins, changes)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        if text.strip():
            self.tree.expandAll()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # --- dialogs ------------------------------------------------------------------------

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A non-blocking message box (open(), not exec()), kept in `last_dialog` for tests."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()
        return box

    def show_about(self) -> QMessageBox:
        text = self.tr(
            "年度工作台账 {0}\n\n把年度报告中的工作目标变成台账：分解到责任领导和科室，"
            "按月或季度填报进展，红黄绿灯提示滞后事项，导出 Excel 台账上报。\n\n数据文件：{1}"
        ).format(__version__, self.db.path)
        box = self.show_message(QMessageBox.Icon.Information, self.tr("关于 年度工作台账"), text)
        if not self.windowIcon().isNull():
            box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        return box

    # --- layout persistence -------------------------------------------------------------

    def _restore_layout(self) -> bool:
        """Put back size, toolbars, splitter and columns from the last run; False on a first run."""
        s = self.settings
        s.beginGroup(SETTINGS_GROUP)
        try:
            geometry = s.value("geometry")
            if isinstance(geometry, QByteArray) and not geometry.isEmpty():
                self.restoreGeometry(geometry)
            else:
                self._default_size()
            state = s.value("state")
            if isinstance(state, QByteArray):
                self.restoreState(state)
            splitter = s.value("splitter")
            if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
                self.splitter.setSizes([self.width() * 7 // 10, self.width() * 3 // 10])
            header = s.value("header")
            return isinstance(header, QByteArray) and self.tree.header().restoreState(header)
        finally:
            s.endGroup()

    def save_layout(self) -> None:
        s = self.settings
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("geometry", self.saveGeometry())
        s.setValue("state", self.saveState())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("header", self.tree.header().saveState())
        s.endGroup()
        s.sync()

    def _default_size(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1400, 800
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
