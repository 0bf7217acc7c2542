"""The main window: the plan tree, the selected item's detail pane, and the plan's totals.

It holds one `Workspace` (the open data file's services) and reads through it only. Every edit
goes through `undo_stack` (see plan_editing.py); the workspace tells the window what each commit
changed, and once the undo stack's step has returned the window re-reads just those items
(`PlanService.refresh`): the model moves, inserts and removes rows to match and repaints the
rows that look different. Writes by the command line or another window arrive the same way,
found by the data file's poll (data_file.py) through the news they leave in the file. Only a
change of the plan itself or of the department names, or a write that left no news, reads the
whole plan again (`reload`), and even that keeps the model, the open areas and the selection.

Its helpers get what they need and nothing more: PlanEditing a `PlanContext` (the window's
selection), DataFile and YearPlans the workspace and the dialog service, WindowActions the
functions its actions call. None of them sets anything on the window.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QSplitter, QTabWidget, QVBoxLayout, QWidget

from tracker import __version__
from tracker.domain.model import Department, Node
from tracker.services import Changed, PlanView, UserError, Workspace
from tracker.ui import theme, words
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.models.plan_filter import PlanFilter
from tracker.ui.models.plan_tree import PlanTreeModel, Role
from tracker.ui.ordering import departments_in_order
from tracker.ui.settings import app_settings, language
from tracker.ui.views.actions import Handlers, Selection, WindowActions
from tracker.ui.views.dashboard import Dashboard
from tracker.ui.views.data_file import DataFile
from tracker.ui.views.detail_pane import DetailPane
from tracker.ui.views.filter_bar import FilterBar
from tracker.ui.views.login_label import LoginLabel
from tracker.ui.views.open_areas import OpenAreas
from tracker.ui.views.periods import PeriodDesk
from tracker.ui.views.plan_editing import PlanEditing
from tracker.ui.views.plan_tree_view import PlanTreeView
from tracker.ui.views.window_extras import WindowExtras
from tracker.ui.views.year_plans import YearPlans

SETTINGS_GROUP = "main_window"
# A plan up to this size opens with every area open; a bigger one (a city's plan) opens with its
# areas closed, as a list to open from: its rows are laid out only when their area is opened.
OPEN_ALL_ITEMS = 3_000


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
        self.year: int | None = None
        self._pending: Changed | None = None  # what changed since the last refresh
        self._pending_focus: int | None = None  # the row the last undo step was about
        self._selected_id: int | None = None
        self.as_of: str | None = None  # a closed period whose frozen values the tree shows

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
        self.notice_label, self.filter_label, self.progress_label, self.expected_label, \
            self.lights_label = self._build_status_bar()
        self.open_areas = OpenAreas(self.tree, self._proxy_index, self._parent_of, self)

        # helpers, each given only what it uses
        self.editing = PlanEditing(workspace, self.undo_stack, self.dialogs, self, self)
        self.data_file = DataFile(workspace, self.dialogs, self.settings, self)
        self.year_plans = YearPlans(workspace, self.undo_stack, self.dialogs, self.settings,
                                    lambda: self.year, self)
        self.extras = WindowExtras(self, self.settings, self.dialogs, workspace.path, demo)
        self.commands = WindowActions(self, self.undo_stack, self._handlers(), language(self.settings))
        self.period_desk = PeriodDesk(workspace, self.dialogs, self.settings, self.undo_stack, self,
                                      lambda: self.year)
        self.menuBar().insertMenu(self.commands.view_menu.menuAction(), self.period_desk.menu)
        self.commands.insert_view_box(self.period_desk.as_of_combo)

        # wiring
        self.model.move_requested.connect(self._move_requested)
        self.editing.focus_wanted.connect(self._focus_wanted)
        self.undo_stack.indexChanged.connect(lambda _index: self._flush())
        self.year_plans.year_wanted.connect(self.show_year)
        self.year_plans.said.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.data_file.notices_changed.connect(self._show_notices)
        self.data_file.status.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.data_file.restored.connect(self._restored)
        self.extras.thresholds_chosen.connect(self.editing.set_thresholds)
        self.commands.year_chosen.connect(self.show_year)
        self.period_desk.as_of_chosen.connect(self.show_as_of)
        self.period_desk.periods_changed.connect(self.reload)
        self.dashboard.area_chosen.connect(self._area_chosen)
        self.dashboard.dept_chosen.connect(self._dept_chosen)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_dashboard())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._flush)
        self._unsubscribe = workspace.subscribe(self._changed)

        welcome = self.extras.welcome_panel()
        if welcome is not None:
            self.left_layout.insertWidget(0, welcome)
        if self.extras.startup_warning():
            self.statusBar().showMessage(self.extras.startup_warning())
        restored = self._restore_layout()
        self.reload()
        if not restored:
            self.tree.default_widths()
        self.tree.setFocus()  # keys move through the plan at once; Ctrl+F reaches the filter
        self.data_file.start()

    # --- building -----------------------------------------------------------------------

    def _handlers(self) -> Handlers:
        e, d, x, p = self.editing, self.data_file, self.extras, self.year_plans
        return Handlers(
            import_report=p.choose_file, paste_report=p.paste_text,
            delete_plan=lambda: p.delete_plan(self.year), carry_over=lambda: p.carry_over(self.year),
            export_ledger=lambda: d.export_ledger(self.year, self._filtered_ids()),
            import_ledger=lambda: d.import_ledger(self.year, self.undo_stack),
            restore=d.open_restore,
            settings=self.open_settings,
            quit=self.close,
            edit_node=e.edit_node, checkin=e.add_checkin, add_area=e.add_area, add_item=e.add_item,
            add_subitem=e.add_subitem, delete=e.delete_node, move_up=e.move_up, move_down=e.move_down,
            outdent=e.outdent, indent=e.indent, extend=e.extend, toggle_lock=e.toggle_lock,
            thresholds=e.edit_thresholds, departments=e.edit_departments,
            find=self.filter_bar.focus_search, expand_all=lambda: self._open_all(True),
            collapse_all=lambda: self._open_all(False), refresh=self.reload,
            guide=x.open_guide, demo=x.open_demo, about=self.show_about, set_language=x.set_language,
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
        self.detail.anchorClicked.connect(self._detail_link)
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

    def _build_status_bar(self) -> tuple[QLabel, QLabel, QLabel, QLabel, QLabel]:
        bar = self.statusBar()
        notice = QLabel()
        notice.setObjectName("noticeLabel")
        bar.addWidget(notice, 1)
        # the filter in words, kept in view while it is on (a passing message would be replaced
        # by the next menu hint or notice, leaving a filtered tree that looks like the whole plan)
        filtered = QLabel()
        filtered.setObjectName("filterLabel")
        filtered.setContentsMargins(8, 0, 8, 0)
        filtered.hide()
        bar.addPermanentWidget(filtered)
        progress, expected, lights = QLabel(), QLabel(), QLabel()
        progress.setObjectName("progressLabel")
        expected.setObjectName("expectedLabel")
        lights.setObjectName("lightsLabel")
        lights.setTextFormat(Qt.TextFormat.RichText)
        for label in (progress, expected, lights):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        if self.ws.on_server:  # who is logged in, and what the role allows (tooltip)
            bar.addPermanentWidget(LoginLabel(self.ws.account, self.ws.location))
        return notice, filtered, progress, expected, lights

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
        self.statusBar().showMessage(text, 4000)

    # --- loading ------------------------------------------------------------------------

    @property
    def _open_ids(self) -> set[int]:
        """The areas (and items with sub-items) the user opened, kept across filters."""
        return self.open_areas.ids

    def reload(self) -> None:
        """Re-read the whole plan through the service, keeping the selection and the open areas
        (a reload of the same plan keeps the model too: see PlanTreeModel.set_view)."""
        selected = self.current_node_id() or self._selected_id
        try:
            years = self.ws.plans.years()
            year = self.year if self.year in years else (years[-1] if years else None)
            view = self.ws.plans.view(year, texts=False) if year is not None else None
            if view is not None and self.as_of is not None:
                view = self._frozen_view(year)
        except UserError as exc:
            self.dialogs.message(Level.WARNING, self.tr("读取计划"), str(exc))
            return
        same_plan = view is not None and self.view is not None and view.plan.id == self.view.plan.id
        self.year = year
        self.filter_bar.forget_notes()
        self.model.set_view(view)
        lights = self.period_desk.lights()
        self.model.set_period_lights(lights)
        self.tree.show_periods(bool(lights))
        self.period_desk.fill_as_of(self.as_of)
        self.filter_bar.set_view(view, [d.name for d in self._departments()])
        self.commands.fill_years(years, self.year)
        if view is None:
            self.open_areas.reset(())
        elif not same_plan:  # another plan: open all its areas, unless there are very many
            small = len(view.nodes) <= OPEN_ALL_ITEMS
            self.open_areas.reset(n.id for n in view.nodes.values() if n.children and small)
        else:
            self.open_areas.forget(self.open_areas.ids - view.nodes.keys())
        self._show_open()
        if selected is None or not self.select_node(selected):
            self.detail.clear_node()
        self._update_totals()
        self._update_title()
        self.update_actions()
        self._refresh_dashboard()

    def _frozen_view(self, year: int | None) -> PlanView | None:
        """The tree as the chosen closed period froze it (back to today's if it was reopened)."""
        assert self.as_of is not None
        try:
            return self.ws.periods.view_as_of(self.as_of, year)
        except UserError:
            self.as_of = None
            return self.ws.plans.view(year, texts=False) if year is not None else None

    def show_as_of(self, key: object) -> None:
        """Show a closed period's frozen values (read-only), or today's again (None)."""
        self.as_of = str(key) if key else None
        self.reload()
        if self.as_of is not None:
            self.statusBar().showMessage(self.tr("按已关账的期查看（{0}）：只读").format(self.as_of))

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
        """Re-read only what `changed` names; the whole plan when the plan itself, the department
        names, or anything at all (a write that left no news) may have changed."""
        view = self.view
        if view is None or changed.whole or self.as_of is not None:
            self.reload()  # (a closed period's frozen values are read again whole)
            return
        try:
            refreshed = self.ws.plans.refresh(view, changed.node_ids, structure=changed.structure)
        except (UserError, KeyError):  # the plan went away, or the news was incomplete
            self.reload()
            return
        if not (refreshed.changed or refreshed.structure):
            return
        selected = self._selected_id
        self.filter_bar.notes_changed(view, refreshed.changed | refreshed.added)
        self.model.apply(refreshed)
        if refreshed.names:
            self.filter_bar.fill_names(view, [d.name for d in self._departments()])
        if refreshed.removed:
            self.open_areas.forget(refreshed.removed)
        if refreshed.structure or self.filter_bar.is_active():
            self._show_open()
        if self.current_node_id() is None and selected is not None and selected in view.nodes:
            self.select_node(selected)
        elif self.detail.node_id is not None and self.detail.node_id in refreshed.changed:
            self._show_detail(self.detail.node_id)
        self._update_totals()
        self._refresh_dashboard()

    def _departments(self) -> list[Department]:
        try:
            return departments_in_order(self.ws.departments.listed())
        except UserError:
            return []

    def _changed(self, changed: Changed) -> None:
        """The session's news: refresh once the current undo step (if any) has returned."""
        self._pending = changed if self._pending is None else self._pending | changed
        self._refresh_timer.start(0)

    def _focus_wanted(self, node_id: int) -> None:
        self._pending_focus = node_id

    def _flush(self) -> None:
        """Apply what changed since the last refresh, then select the row the step was about."""
        changed, focus = self._pending, self._pending_focus
        self._pending, self._pending_focus = None, None
        if changed is None and focus is None:
            return
        if changed is not None:
            self._refresh(changed)
        if focus is not None:
            self.select_node(focus, fresh_detail=False)  # the refresh read it if it changed
        if changed is not None and changed.outside:
            self.statusBar().showMessage(self.tr("数据文件已被其他窗口或命令行修改，已重新读取。"), 8000)
        self.update_actions()

    def _restored(self) -> None:
        """A backup replaced the file: old undo steps no longer apply; reload now, so the
        restore's own status message is not replaced by the "changed elsewhere" one."""
        self.undo_stack.clear()
        self._pending = None
        self.reload()

    def update_actions(self) -> None:
        node = self.current_node()
        view = self.view
        account = self.ws.account
        self.commands.update(Selection(
            writable=not self.ws.read_only and view is not None and self.as_of is None,
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
        if year != self.year:
            self.year = year
            self.reload()

    def _update_totals(self) -> None:
        view = self.view
        if view is None:
            for label in (self.progress_label, self.expected_label, self.lights_label):
                label.clear()
            return
        self.progress_label.setText(self.tr("总进度 {0}").format(words.percent(view.progress)))
        self.expected_label.setText(self.tr("序时进度 {0}").format(words.percent(view.expected)))
        self.expected_label.setToolTip(self.tr("按时间推算今天应达到的进度"))
        counts = view.light_counts
        parts = [f"<span style='color:{theme.light_color(light, self.palette()).name()}'>●</span>"
                 f"{words.light_short(light)} {counts[light]}" for light in words.LIGHT_ORDER]
        self.lights_label.setText("&nbsp;&nbsp;".join(parts))
        self.lights_label.setToolTip("\n".join(
            f"{words.light_name(light)}：{counts[light]}" for light in words.LIGHT_ORDER))

    def _show_notices(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setToolTip(text.replace("；", "\n"))
        self.notice_label.setStyleSheet(f"color:{theme.warning_text(self.palette()).name()}")

    def _update_title(self) -> None:
        parts = [self.tr("年度工作台账")]
        if self.year is not None:
            parts.append(self.tr("{0} 年").format(self.year))
        parts.append(self.tr("演示数据") if self.demo else self.ws.name)
        self.setWindowTitle(" — ".join(parts))

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (the desktop switched to dark): recolour what we colour ourselves."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the detail pane recolours itself
            self._update_totals()
            self._show_notices(self.notice_label.text())

    # --- open areas and selection, kept across filtering ---------------------------------

    def _proxy_index(self, node_id: int) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(node_id))

    def _parent_of(self, node_id: int) -> int | None:
        node = self.view.nodes.get(node_id) if self.view is not None else None
        return node.parent_id if node is not None else None

    def _open_all(self, is_open: bool) -> None:
        """视图 → 全部展开 / 全部折叠: every branch (one layout pass, however big the plan)."""
        view = self.view
        ids = {n.id for n in view.nodes.values() if n.children} if view and is_open else set()
        if self.filter_bar.is_active():
            self.open_areas.show(ids)
        else:
            self.open_areas.ids = ids
            self._show_open()

    def _show_open(self) -> None:
        """Open the areas the user had open; under a filter with few matches, also the ones
        holding them (the filter's own openings are given back when it is cleared)."""
        active = self.filter_bar.is_active()
        self.open_areas.following_user = not active
        self.open_areas.show(self.proxy.parents_to_open() if active else ())

    def _filter_changed(self) -> None:
        """Matching items keep their areas, opened so they show; clearing the filter gives back
        the tree as the user left it, with the same row selected."""
        selected = self._selected_id
        self._show_open()
        if selected is not None and not self.select_node(selected):
            self.detail.clear_node()
        summary = self.filter_bar.summary() if self.filter_bar.is_active() else ""
        self.filter_label.setText(summary)
        self.filter_label.setToolTip(summary)
        self.filter_label.setStyleSheet(f"color:{theme.warning_text(self.palette()).name()}")
        self.filter_label.setVisible(bool(summary))

    def _filtered_ids(self) -> list[int] | None:
        return self.proxy.visible_node_ids() if self.proxy.is_active() else None

    def current_node_id(self) -> int | None:
        index = self.tree.currentIndex()
        if not index.isValid() or not self.tree.selectionModel().isSelected(index):
            return None
        value = index.siblingAtColumn(0).data(Role.NODE_ID)
        return int(value) if value is not None else None

    def select_node(self, node_id: int, *, fresh_detail: bool = True) -> bool:
        """Select a node by id (e.g. after a reload) and show it in the detail pane, read anew
        unless `fresh_detail` is False (the pane is up to date); False when it is not shown."""
        index = self.proxy.mapFromSource(self.model.index_of(node_id))
        if not index.isValid():
            return False
        before = self.detail.node_id
        flags = QItemSelectionModel.SelectionFlag
        self.tree.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.tree.scrollTo(index)
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
            node = self.ws.plans.full_node(node)
            checkins = self.ws.tracking.checkins(node_id)
            changes = self.ws.tracking.changes(node_id)
            extensions = self.ws.baseline.extensions(node_id)
        except UserError as exc:
            self.dialogs.message(Level.WARNING, self.tr("读取事项"), str(exc))
            return
        checkins.sort(key=lambda ci: (ci.date, ci.id), reverse=True)
        editable = not self.ws.read_only and (self.ws.account.edits_plan or self._may_check_in(node))
        self.detail.show_node(view, node, checkins, changes, extensions, editable=editable,
                              edits_item=self.ws.account.edits_plan)

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

    def _move_requested(self, node_id: int, parent_id: int | None, position: int) -> None:
        """A drop in the tree (see PlanTreeModel.dropMimeData); runs after the drop finishes."""
        if not self.ws.read_only and self.ws.account.edits_plan:
            self.editing.move(node_id, parent_id, position)

    # --- dialogs ------------------------------------------------------------------------

    def open_settings(self) -> None:
        view = self.view
        thresholds = (view.plan.thresholds.green_max, view.plan.thresholds.yellow_max) if view else None
        self.extras.open_settings(thresholds, lambda: self.view is not None and not self.ws.read_only)

    def show_about(self) -> None:
        text = self.tr(
            "年度工作台账 {0}\n\n把年度报告中的工作目标变成台账：分解到责任领导和科室，"
            "按月或季度填报进展，红黄绿灯提示滞后事项，导出 Excel 台账上报。\n\n数据文件：{1}"
        ).format(__version__, self.ws.path)
        self.dialogs.message(Level.INFO, self.tr("关于 年度工作台账"), text)

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
                self.splitter.setSizes([self.width() * 3 // 4, self.width() // 4])  # as the stretch
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
        self._unsubscribe()
        self.data_file.stop()
        self.filter_bar.stop()
        super().closeEvent(event)

