"""The main window: the plan tree, the selected item's detail pane, and the plan's totals.

It reads through the services only. Every edit goes through `undo_stack` (see plan_editing.py);
after each step `refresh()` re-reads the plan in bulk; the model repaints only the rows whose
values changed when the tree kept its shape (a 1,000-item plan: ~45 ms per edit with its write,
~110 ms for a move, which resets the model: see benchmarks/window_edit.py). A timer
notices writes by the command line or another window (`Database.data_version`) and reloads;
the undo stack is kept then, because the services refuse an undo whose rows changed (STALE).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    QUrl,
)
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tracker import __version__
from tracker.domain import rules
from tracker.domain.model import Node
from tracker.services import BaselineService, PlanService, PlanView, TrackingService, UserError
from tracker.services.search import SearchService
from tracker.store import Database
from tracker.ui import words
from tracker.ui.models.plan_filter import PlanFilter
from tracker.ui.models.plan_tree import PlanTreeModel, Role
from tracker.ui.settings import app_settings
from tracker.ui.views.actions import ActionSlots, WindowActions
from tracker.ui.views.data_file import DataFile
from tracker.ui.views.detail_pane import DetailPane
from tracker.ui.views.filter_bar import FilterBar
from tracker.ui.views.plan_editing import PlanEditing
from tracker.ui.views.plan_tree_view import PlanTreeView
from tracker.ui.views.report_import import ReportImport
from tracker.ui.views.window_extras import WindowExtras

SETTINGS_GROUP = "main_window"


class MainWindow(QMainWindow, ActionSlots):
    def __init__(self, db: Database, settings: QSettings | None = None,
                 parent: QWidget | None = None, demo: bool = False) -> None:
        super().__init__(parent)
        self.db = db
        self.demo = demo  # a throw-away demo file: the title bar says so
        self.plans = PlanService(db)
        self.tracking = TrackingService(db)
        self.baseline = BaselineService(db)
        self.settings = settings if settings is not None else app_settings()
        self.year: int | None = None
        self.last_dialog: QMessageBox | QDialog | QObject | None = None
        self.seen_version = db.data_version()
        self.setObjectName("mainWindow")
        self.report_import = ReportImport(self.plans, self)
        self.report_import.imported.connect(self.show_year)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.undo_stack.indexChanged.connect(self._stack_moved)

        self.model = PlanTreeModel(self)
        self.model.move_requested.connect(self._move_requested)
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_central()
        self.editing = PlanEditing(self)
        self.data_file = DataFile(self)
        self.actions_ = WindowActions(self)
        self._build_status_bar()
        self.extras = WindowExtras(self)
        restored = self._restore_layout()
        self.reload()
        if not restored:
            self.tree.default_widths()
        self.tree.setFocus()  # keys move through the plan at once; Ctrl+F reaches the filter
        self.data_file.start()

    # --- building -----------------------------------------------------------------------

    def _build_central(self) -> None:
        self.filter_bar = FilterBar(self.proxy, SearchService(self.db))
        self.filter_bar.changed.connect(self._filter_changed)
        self.filter_edit = self.filter_bar.search_edit  # the search box (Ctrl+F)
        # its combos would otherwise set the narrowest window; on a small screen they are clipped
        self.filter_bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        self.tree = PlanTreeView()
        self.tree.setModel(self.proxy)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.doubleClicked.connect(lambda _index: self.editing.edit_node())

        left = QWidget()
        self.left_layout = layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tree)

        self.detail = DetailPane()
        self.detail.anchorClicked.connect(self._detail_link)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def add_banner(self, widget: QWidget) -> None:
        """A panel above the filter bar (the first-run welcome)."""
        self.left_layout.insertWidget(0, widget)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.notice_label = QLabel()
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setStyleSheet("color:#8a5a00")
        bar.addWidget(self.notice_label, 1)
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
        self.filter_bar.set_view(view)
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
        self.update_actions()
        self.seen_version = self.db.data_version()

    def refresh(self, focus: int | None = None) -> None:
        """After an edit or its undo: re-read, then select the node the step was about."""
        self.reload()
        if focus is not None:
            self.select_node(focus)
        self.update_actions()

    def update_actions(self) -> None:
        """Enable what applies to the selection; read-only mode switches every edit off."""
        node = self.current_node()
        view = self.view
        writable = not self.db.read_only and view is not None
        leaf = node is not None and not node.children
        locked = view is not None and view.plan.locked_at is not None
        for action in self.edit_actions:
            action.setEnabled(writable)
        if not writable:
            self.import_report_action.setEnabled(not self.db.read_only)
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            return
        selected = node is not None
        item = node is not None and node.parent_id is not None  # not an area
        for action in (self.edit_node_action, self.add_item_action, self.delete_action,
                       self.move_up_action, self.move_down_action, self.indent_action):
            action.setEnabled(selected)
        self.add_subitem_action.setEnabled(item)
        self.outdent_action.setEnabled(item)
        self.checkin_action.setEnabled(leaf and item)
        self.extend_action.setEnabled(locked and item)
        self.lock_action.setText(self.tr("解除计划锁定…") if locked else self.tr("锁定计划（定稿）…"))

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
        parts.append(self.tr("演示数据") if self.demo else self.db.path.name)
        self.setWindowTitle(" — ".join(parts))

    # --- selection and detail -----------------------------------------------------------

    def current_node(self) -> Node | None:
        node_id = self.current_node_id()
        return self.model.node(self.model.index_of(node_id)) if node_id is not None else None

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
        self.update_actions()

    def _show_detail(self, node_id: int) -> None:
        view = self.view
        node = self.model.node(self.model.index_of(node_id)) if view is not None else None
        if view is None or node is None:
            self.detail.clear_node()
            return
        try:
            checkins = self.tracking.checkins(node_id)
            changes = self.tracking.changes(node_id)
            extensions = self.baseline.extensions(node_id)
        except UserError as exc:
            self.show_message(QMessageBox.Icon.Warning, self.tr("读取事项"), str(exc))
            return
        checkins.sort(key=lambda ci: (ci.date, ci.id), reverse=True)
        self.detail.show_node(view, node, checkins, changes, extensions,
                              editable=not self.db.read_only)

    def _detail_link(self, url: QUrl) -> None:
        """The pane's links: 编辑 and 填报进展 for the item, 修改 / 删除 beside each check-in."""
        kind, _, number = url.toString().partition(":")
        if not number.isdigit():
            return
        if kind == "edit-node":
            self.editing.edit_node()
        elif kind == "add-checkin":
            self.editing.add_checkin()
        elif kind == "edit-checkin":
            self.editing.edit_checkin(int(number))
        elif kind == "delete-checkin":
            self.editing.delete_checkin(int(number))

    def _stack_moved(self, _index: int) -> None:
        """Refresh after an undo/redo step; commands from elsewhere (the ledger import) leave
        nothing pending, so the window simply re-reads."""
        if not self.editing.flush():
            self.reload()

    def _move_requested(self, node_id: int, parent_id: int | None, position: int) -> None:
        """A drop in the tree (see PlanTreeModel.dropMimeData); runs after the drop finishes."""
        if self.db.read_only:
            return
        self.editing.move(node_id, parent_id, position)

    def _filter_changed(self) -> None:
        """Matching items keep their areas, opened so they show; the status bar says what is on."""
        if self.filter_bar.is_active():
            self.tree.expandAll()
            self.statusBar().showMessage(self.filter_bar.summary())
        else:
            self.statusBar().clearMessage()

    def focus_filter(self) -> None:
        self.filter_bar.focus_search()

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
