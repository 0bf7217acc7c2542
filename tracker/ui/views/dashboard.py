"""The 总览 tab: overall progress against 序时进度 through the year, progress per area, a table
per lead department and the light counts (Qt Charts). A click on an area's bar or on a
department asks the window to filter the tree to it (`area_chosen`, `dept_chosen`).

It reads through the dashboard service only, and only while it is shown: the window calls
`show_view` after a reload when this tab is current, and again when the tab is opened.
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.services import PlanView, UserError
from tracker.services.dashboard import DashboardService, Overview
from tracker.ui import charts, words
from tracker.ui.models.dashboard import DEPT_ROLE, DepartmentStatsModel


class Dashboard(QWidget):
    area_chosen = Signal(int, str)  # the area's node id and title
    dept_chosen = Signal(str)  # a lead department ("" : items with none)

    def __init__(self, service: DashboardService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.service = service
        self.overview: Overview | None = None
        self._area_ids: list[tuple[int, str]] = []
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        self.summary.setWordWrap(True)
        self.line_view = self._chart_view("dashboardLine")
        self.area_view = self._chart_view("dashboardAreas")
        self.area_view.setToolTip(self.tr("单击某一方面的进度条：在台账中只看该方面的事项"))
        self.lights_view = self._chart_view("dashboardLights")
        self.dept_model = DepartmentStatsModel(self)
        self.dept_table = QTableView()
        self.dept_table.setObjectName("dashboardDepartments")
        self.dept_table.setModel(self.dept_model)
        self.dept_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dept_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dept_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dept_table.verticalHeader().hide()
        self.dept_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.dept_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.dept_table.clicked.connect(self._dept_clicked)
        self.dept_table.activated.connect(self._dept_clicked)

        grid = QGridLayout()
        grid.addWidget(self._titled(self.tr("总进度与序时进度"), self.line_view), 0, 0)
        grid.addWidget(self._titled(self.tr("各方面进度（单击筛选）"), self.area_view), 0, 1)
        grid.addWidget(self._titled(self.tr("各牵头科室（单击筛选）"), self.dept_table), 1, 0)
        grid.addWidget(self._titled(self.tr("亮灯情况"), self.lights_view), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView()
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(120)
        return view

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"<b>{title}</b>")
        column.addWidget(label)
        column.addWidget(widget, 1)
        return box

    # --- content ----------------------------------------------------------------------

    def show_view(self, view: PlanView | None) -> None:
        """Recompute from the window's loaded plan (nothing shown when there is none)."""
        if view is None:
            self.overview = None
            self.summary.clear()
            self.dept_model.set_lines([])
            return
        try:
            overview = self.service.overview(view=view, today=view.today)
        except UserError as exc:
            self.summary.setText(str(exc))
            return
        self.overview = overview
        missing = sum(d.missing for d in overview.depts)
        self.summary.setText(
            self.tr("{0} 年：总进度 {1}，序时进度 {2}；本期（{3}）尚有 {4} 项未报送。").format(
                overview.year,
                words.percent(overview.progress),
                words.percent(overview.expected),
                overview.period,
                missing,
            )
        )
        self._set_chart(self.line_view, charts.progress_line_chart(overview.line, overview.year))
        chart, bars = charts.area_chart(
            [(f"{a.code} {a.title}", a.progress, a.expected) for a in overview.areas]
        )
        self._area_ids = [(a.area_id, a.title) for a in reversed(overview.areas)]
        bars.clicked.connect(self._area_clicked)
        self.area_bars = bars
        self._set_chart(self.area_view, chart)
        order = words.LIGHT_ORDER
        self._set_chart(
            self.lights_view,
            charts.light_counts_chart(overview.lights, order, [words.light_short(x) for x in order]),
        )
        self.dept_model.set_lines(overview.depts)

    def _set_chart(self, view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()

    # --- clicks -----------------------------------------------------------------------

    def _area_clicked(self, index: int) -> None:
        if 0 <= index < len(self._area_ids):
            self.area_chosen.emit(*self._area_ids[index])

    def _dept_clicked(self, index: QModelIndex) -> None:
        name = index.siblingAtColumn(0).data(DEPT_ROLE)
        if name is not None:
            self.dept_chosen.emit(str(name))

    def click_area(self, area_id: int) -> None:
        """What a click on that area's bar does (menus, keyboard, tests)."""
        for index, (found, _title) in enumerate(self._area_ids):
            if found == area_id:
                self._area_clicked(index)
