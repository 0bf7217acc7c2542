"""The main window: the plan tree, the selected item's detail pane, and the plan's totals.

It holds one `Workspace` (the open data file's services) and reads through it only. Every edit
goes through `undo_stack` (see plan_editing.py); the workspace tells the window what each commit
changed, and once the undo stack's step has returned the window re-reads just those items
(`PlanService.refresh`): the model moves, inserts and removes rows to match and repaints the
rows that look different. Writes by the command line or another window arrive the same way,
found by the data file's poll (data_file.py) through the news they leave in the file. Only a
change of the plan itself or of the department names, or a write that left no news, reads the
whole plan again (`reload`), and even that keeps the model, the open areas and the selection.

Its helpers get what they need and nothing more: PlanEditing and StructureEdits a `PlanContext`
(the window's selection), DataFile and YearPlans the workspace and the dialog service,
WindowActions the functions its actions call, ShownPlan (which plan, read how) and ChangeNews
(when to refresh) the workspace, StatusBar what to show, SavedLayout the Qt parts it saves.
None of them sets anything on the window.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QSplitter, QTabWidget, QVBoxLayout, QWidget

from tracker.domain.model import Node
from tracker.services import Changed, PlanView, UserError, Workspace
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.models.plan_filter import PlanFilter
from tracker.ui.models.plan_tree import PlanTreeModel
from tracker.ui.settings import app_settings, language
from tracker.ui.views.actions import Handlers, Selection, WindowActions
from tracker.ui.views.change_news import ChangeNews
from tracker.ui.views.dashboard import Dashboard
from tracker.ui.views.data_file import DataFile
from tracker.ui.views.detail_pane import DetailPane
from tracker.ui.views.filter_bar import FilterBar
from tracker.ui.views.login_label import LoginLabel
from tracker.ui.views.open_areas import OpenAreas
from tracker.ui.views.periods import PeriodDesk
from tracker.ui.views.plan_editing import PlanEditing
from tracker.ui.views.plan_tree_view import PlanTreeView
from tracker.ui.views.saved_layout import SavedLayout
from tracker.ui.views.shown_plan import ShownPlan
from tracker.ui.views.status_bar import StatusBar
from tracker.ui.views.structure_edits import StructureEdits
from tracker.ui.views.window_extras import WindowExtras
from tracker.ui.views.year_plans import YearPlans


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: QSettings | None = None,
                 parent: QWidget | None = None, *, dialogs: Dialogs | None = None,
                 demo: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ws = workspace
        self.demo = demo  # a throw-away demo file: the title bar says so
        self.settings = settings if settings is not None else app_settings()
        self.dialogs = dialogs if dialogs is not None else Dialogs(self)
        self.shown = ShownPlan(workspace)
        self._selected_id: int | None = None

        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.model = PlanTreeModel(self)
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)

        # widgets
        self.filter_bar = FilterBar(self.proxy, workspace.search)
        self.tree = PlanTreeView()
        self.detail = DetailPane()
        self.dashboard = Dashboard(workspace.dashboard)
        self.tabs = QTabWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.left_layout = QVBoxLayout()
        self._build_central()
        self.status_bar = StatusBar(LoginLabel(workspace.account, workspace.location)
                                    if workspace.on_server else None)  # who, what the role allows
        self.setStatusBar(self.status_bar)
        self.open_areas = OpenAreas(self.tree, self._proxy_index, self._parent_of, self.proxy, self)
        self.saved_layout = SavedLayout(self.settings, self, self.splitter, self.tree.header(),
                                        language(self.settings))

        # helpers, each given only what it uses
        self.editing = PlanEditing(workspace, self.undo_stack, self.dialogs, self, self)
        self.structure = StructureEdits(workspace, self.dialogs, self, self.editing, self)
        self.data_file = DataFile(workspace, self.dialogs, self.settings, self)
        self.year_plans = YearPlans(workspace, self.undo_stack, self.dialogs, self.settings,
                                    lambda: self.year, self)
        self.extras = WindowExtras(self, self.settings, self.dialogs, workspace.path, demo)
        self.commands = WindowActions(self, self.undo_stack, self._handlers(), language(self.settings))
        self.period_desk = PeriodDesk(workspace, self.dialogs, self.settings, self.undo_stack, self,
                                      lambda: self.year)
        self.news = ChangeNews(workspace, self.undo_stack, self)
        self.menuBar().insertMenu(self.commands.view_menu.menuAction(), self.period_desk.menu)
        self.commands.insert_view_box(self.period_desk.as_of_combo)

        # wiring
        self.model.move_requested.connect(self.structure.drop)
        self.editing.focus_wanted.connect(self.news.focus)
        self.news.arrived.connect(self._news_arrived)
        self.year_plans.year_wanted.connect(self.show_year)
        self.year_plans.said.connect(lambda text: self.status_bar.showMessage(text, 10000))
        self.data_file.notices_changed.connect(self.status_bar.show_notices)
        self.data_file.status.connect(lambda text: self.status_bar.showMessage(text, 10000))
        self.data_file.restored.connect(self._restored)
        self.extras.thresholds_chosen.connect(self.editing.set_thresholds)
        self.commands.year_chosen.connect(self.show_year)
        self.period_desk.as_of_chosen.connect(self.show_as_of)
        self.period_desk.periods_changed.connect(self.reload)
        self.dashboard.area_chosen.connect(self._area_chosen)
        self.dashboard.dept_chosen.connect(self._dept_chosen)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_dashboard())

        welcome = self.extras.welcome_panel()
        if welcome is not None:
            self.left_layout.insertWidget(0, welcome)
        if self.extras.startup_warning():
            self.status_bar.showMessage(self.extras.startup_warning())
        restored = self.saved_layout.restore()
        self.reload()
        if not restored:
            self.tree.default_widths()
        self.tree.setFocus()  # keys move through the plan at once; Ctrl+F reaches the filter
        self.data_file.start()

    # --- building -----------------------------------------------------------------------

    def _handlers(self) -> Handlers:
        e, s, d, x, p = self.editing, self.structure, self.data_file, self.extras, self.year_plans
        return Handlers(
            import_report=p.choose_file, paste_report=p.paste_text,
            delete_plan=lambda: p.delete_plan(self.year), carry_over=lambda: p.carry_over(self.year),
            export_ledger=lambda: d.export_ledger(self.year, self._filtered_ids()),
            import_ledger=lambda: d.import_ledger(self.year, self.undo_stack),
            restore=d.open_restore,
            settings=self.open_settings,
            quit=self.close,
            edit_node=e.edit_node, checkin=e.add_checkin, add_area=s.add_area, add_item=s.add_item,
            add_subitem=s.add_subitem, delete=s.delete_node, move_up=s.move_up, move_down=s.move_down,
            outdent=s.outdent, indent=s.indent, extend=e.extend, toggle_lock=e.toggle_lock,
            thresholds=e.edit_thresholds, departments=e.edit_departments,
            find=self.filter_bar.focus_search, expand_all=lambda: self.open_areas.open_all(self.view, True),
            collapse_all=lambda: self.open_areas.open_all(self.view, False), refresh=self.reload,
            guide=x.open_guide, demo=x.open_demo, about=x.show_about, set_language=x.set_language,
        )

    def _build_central(self) -> None:
        self.filter_bar.changed.connect(self._filter_changed)
        # its combos would otherwise set the narrowest window; on a small screen they are clipped
        self.filter_bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.tree.setModel(self.proxy)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.doubleClicked.connect(lambda _index: self.commands.edit_node.trigger())

        left = QWidget()
        left.setLayout(self.left_layout)
        self.left_layout.setContentsMargins(0, 0, 0, 0)
        self.left_layout.addWidget(self.filter_bar)
        self.left_layout.addWidget(self.tree)
        self.detail.anchorClicked.connect(lambda url: self.editing.follow_link(url.toString()))
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(self.splitter, self.tr("台账"))
        self.tabs.addTab(self.dashboard, self.tr("总览"))
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)

    # --- PlanContext (what editing sees of the window) -----------------------------------

    @property
    def view(self) -> PlanView | None:
        return self.model.view

    def current_node(self) -> Node | None:
        node_id = self.current_node_id()
        return self.node_by_id(node_id) if node_id is not None else None

    def node_by_id(self, node_id: int) -> Node | None:
        return self.model.node(self.model.index_of(node_id))

    def say(self, text: str) -> None:
        self.status_bar.showMessage(text, 4000)

    # --- loading ------------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        """The year of the plan shown (None: the file holds no plan)."""
        return self.shown.year

    def reload(self) -> None:
        """Re-read the whole plan through the service, keeping the selection and the open areas
        (a reload of the same plan keeps the model too: see PlanTreeModel.set_view)."""
        selected = self.current_node_id() or self._selected_id
        try:
            years, view = self.shown.read()
        except UserError as exc:
            self.dialogs.message(Level.WARNING, self.tr("读取计划"), str(exc))
            return
        same_plan = view is not None and self.view is not None and view.plan.id == self.view.plan.id
        self.filter_bar.forget_notes()
        self.model.set_view(view)
        lights = self.period_desk.lights()
        self.model.set_period_lights(lights)
        self.tree.show_periods(bool(lights))
        self.period_desk.fill_as_of(self.shown.as_of)
        self.filter_bar.set_view(view, self.shown.department_names())
        self.commands.fill_years(years, self.year)
        self.open_areas.plan_read(view, same_plan)
        self.open_areas.follow()
        if selected is None or not self.select_node(selected):
            self.detail.clear_node()
        self.status_bar.show_totals(view)
        self._update_title()
        self.update_actions()
        self._refresh_dashboard()

    def show_as_of(self, key: object) -> None:
        """Show a closed period's frozen values (read-only), or today's again (None)."""
        self.shown.as_of = str(key) if key else None
        self.reload()
        if self.shown.as_of is not None:
            self.status_bar.showMessage(self.tr("按已关账的期查看（{0}）：只读").format(self.shown.as_of))

    def _refresh_dashboard(self) -> None:
        if self.tabs.currentWidget() is self.dashboard:
            self.dashboard.show_view(self.model.view)

    def _area_chosen(self, area_id: int, title: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_bar.show_area(area_id, title)

    def _dept_chosen(self, name: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_bar.show_department(name)

    def _refresh(self, changed: Changed) -> None:
        """Re-read only what `changed` names (the whole plan when that cannot be done: see
        ShownPlan.refresh); the model moves and repaints just the rows that changed."""
        view = self.view
        refreshed = self.shown.refresh(view, changed)
        if view is None or refreshed is None:
            self.reload()
            return
        if not (refreshed.changed or refreshed.structure):
            return
        selected = self._selected_id
        self.filter_bar.notes_changed(view, refreshed.changed | refreshed.added)
        self.model.apply(refreshed)
        if refreshed.names:
            self.filter_bar.fill_names(view, self.shown.department_names())
        if refreshed.removed:
            self.open_areas.forget(refreshed.removed)
        if refreshed.structure or self.filter_bar.is_active():
            self.open_areas.follow()
        if self.current_node_id() is None and selected is not None and selected in view.nodes:
            self.select_node(selected)
        elif self.detail.node_id is not None and self.detail.node_id in refreshed.changed:
            self._show_detail(self.detail.node_id)
        self.status_bar.show_totals(view)
        self._refresh_dashboard()

    def _news_arrived(self, changed: Changed | None, focus: int | None) -> None:
        """Apply what changed since the last refresh, then select the row the step was about."""
        if changed is not None:
            self._refresh(changed)
        if focus is not None:
            self.select_node(focus, fresh_detail=False)  # the refresh read it if it changed
        if changed is not None and changed.outside:
            self.status_bar.showMessage(self.tr("数据文件已被其他窗口或命令行修改，已重新读取。"), 8000)
        self.update_actions()

    def _restored(self) -> None:
        """A backup replaced the file: old undo steps no longer apply; reload now, so the
        restore's own status message is not replaced by the "changed elsewhere" one."""
        self.undo_stack.clear()
        self.news.drop()
        self.reload()

    def update_actions(self) -> None:
        node = self.current_node()
        view = self.view
        account = self.ws.account
        self.commands.update(Selection(
            writable=not self.ws.read_only and view is not None and self.shown.as_of is None,
            selected=node is not None,
            item=node is not None and node.parent_id is not None,
            leaf=node is not None and not node.children,
            locked=view is not None and view.plan.locked_at is not None,
            can_import=not self.ws.read_only and account.edits_plan,
            plan_edits=account.edits_plan,
            may_check_in=self._may_check_in(node),
            restorable=not self.ws.on_server,
        ))

    def _may_check_in(self, node: Node | None) -> bool:
        """The login's role allows a check-in on `node` (the server enforces the same rule)."""
        view = self.view
        if node is None or view is None:
            return False
        return self.ws.account.may_check_in(view.departments_up(node))

    def show_year(self, year: int) -> None:
        if year != self.shown.year:
            self.shown.year = year
            self.reload()

    def _update_title(self) -> None:
        parts = [self.tr("年度工作台账")]
        if self.year is not None:
            parts.append(self.tr("{0} 年").format(self.year))
        parts.append(self.tr("演示数据") if self.demo else self.ws.name)
        self.setWindowTitle(" — ".join(parts))

    # --- open areas and selection, kept across filtering ---------------------------------

    def _proxy_index(self, node_id: int) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(node_id))

    def _parent_of(self, node_id: int) -> int | None:
        node = self.view.nodes.get(node_id) if self.view is not None else None
        return node.parent_id if node is not None else None

    def _filter_changed(self) -> None:
        """Matching items keep their areas, opened so they show; clearing the filter gives back
        the tree as the user left it, with the same row selected."""
        selected = self._selected_id
        self.open_areas.follow()
        if selected is not None and not self.select_node(selected):
            self.detail.clear_node()
        self.status_bar.show_filter(self.filter_bar.summary() if self.filter_bar.is_active() else "")

    def _filtered_ids(self) -> list[int] | None:
        return self.proxy.visible_node_ids() if self.proxy.is_active() else None

    def current_node_id(self) -> int | None:
        return self.tree.current_node_id()

    def select_node(self, node_id: int, *, fresh_detail: bool = True) -> bool:
        """Select a node by id (e.g. after a reload) and show it in the detail pane, read anew
        unless `fresh_detail` is False (the pane is up to date); False when it is not shown."""
        index = self._proxy_index(node_id)
        if not index.isValid():
            return False
        before = self.detail.node_id
        self.tree.select_row(index)
        shown_now = before != node_id and self.detail.node_id == node_id  # by the selection change
        if self.detail.node_id != node_id or fresh_detail and not shown_now:
            self._show_detail(node_id)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        node_id = self.current_node_id()
        if node_id is None:
            if self.tree.model().rowCount() > 0 and not self.filter_bar.is_active():
                self._selected_id = None
            self.detail.clear_node()
        else:
            self._selected_id = node_id
            if node_id != self.detail.node_id:
                self._show_detail(node_id)
        self.update_actions()

    def _show_detail(self, node_id: int) -> None:
        view = self.view
        node = self.node_by_id(node_id) if view is not None else None
        if view is None or node is None:
            self.detail.clear_node()
            return
        try:
            node, checkins, changes, extensions = self.shown.item(node)
        except UserError as exc:
            self.dialogs.message(Level.WARNING, self.tr("读取事项"), str(exc))
            return
        editable = not self.ws.read_only and (self.ws.account.edits_plan or self._may_check_in(node))
        self.detail.show_node(view, node, checkins, changes, extensions, editable=editable,
                              edits_item=self.ws.account.edits_plan)

    # --- dialogs ------------------------------------------------------------------------

    def open_settings(self) -> None:
        view = self.view
        thresholds = (view.plan.thresholds.green_max, view.plan.thresholds.yellow_max) if view else None
        self.extras.open_settings(thresholds, lambda: self.view is not None and not self.ws.read_only)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.saved_layout.save()
        self.news.stop()
        self.data_file.stop()
        self.filter_bar.stop()
        super().closeEvent(event)

