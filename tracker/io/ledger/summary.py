"""汇总: totals per area and per lead department, light counts, and two bar charts.

The first thing a leader reads; the numbers are the ones the window shows for the same day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from openpyxl.chart import BarChart, Reference

from tracker.domain.model import Light, Node, Plan
from tracker.domain.rules import Evaluation, weighted_mean
from tracker.io.ledger import styles
from tracker.io.ledger.layout import HEADER_ROW, LIGHT_LABELS, NO_DEPT
from tracker.io.ledger.sheet import SheetWriter

LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED, Light.BLUE, Light.GRAY)
HEADERS = ("序号", "{group}", "事项数", "已完成", "平均进度", *(LIGHT_LABELS[x] for x in LIGHT_ORDER))
WIDTHS = (6.0, 30.0, 8.0, 8.0, 10.0, 7.0, 7.0, 7.0, 7.0, 7.0)


@dataclass
class Group:
    """One line of a summary table: an area or a lead department."""

    name: str
    progress: float | None = None  # None: the weighted mean of its items
    items: list[tuple[float, float]] = field(default_factory=list)  # (progress, weight)
    done: int = 0
    lights: dict[Light, int] = field(default_factory=lambda: dict.fromkeys(Light, 0))

    def add(self, node: Node, ev: Evaluation) -> None:
        self.items.append((ev.progress, node.weight))
        self.done += ev.light is Light.BLUE
        self.lights[ev.light] += 1

    @property
    def average(self) -> float:
        if self.progress is not None:
            return self.progress
        return weighted_mean(self.items) if self.items else 0.0


def summarise(plan: Plan, evaluations: dict[int, Evaluation], items: list[Node],
              filtered: bool) -> tuple[list[Group], list[Group]]:
    """Per-area and per-lead-department groups over the leaf items shown."""
    by_id = {n.id: n for n in plan.walk()}
    areas = {a.id: Group(a.title, None if filtered else evaluations[a.id].progress)
             for a in plan.areas}
    depts: dict[str, Group] = {}
    for node in items:
        if node.children:
            continue
        area = node
        while area.parent_id is not None:
            area = by_id[area.parent_id]
        ev = evaluations[node.id]
        areas[area.id].add(node, ev)
        dept = node.lead_dept or NO_DEPT
        depts.setdefault(dept, Group(dept)).add(node, ev)
    shown_areas = [g for g in areas.values() if g.items]
    return shown_areas, sorted(depts.values(), key=lambda g: (g.name == NO_DEPT, -len(g.items)))


def write_summary(sheet: SheetWriter, plan: Plan, evaluations: dict[int, Evaluation],
                  items: list[Node], today: dt.date) -> None:
    """Fill the 汇总 sheet: title, two tables with totals, two charts."""
    ws = sheet.ws
    filtered = len(items) != sum(1 for n in plan.walk() if n.parent_id is not None)
    areas, depts = summarise(plan, evaluations, items, filtered)
    total = Group("合计", None)
    for group in areas:
        total.items += group.items
        total.done += group.done
        for light, n in group.lights.items():
            total.lights[light] += n
    if not filtered:
        total.progress = weighted_mean([(evaluations[a.id].progress, a.weight) for a in plan.areas])

    sheet.set_widths(WIDTHS)
    title = f"{plan.year}年度工作目标完成情况汇总"
    styles.setup_page(ws, header_row=None, title=title)
    sheet.title_rows(title, f"{plan.title}　截至 {today.isoformat()}：共 {len(total.items)} 项，"
                            f"已完成 {total.done} 项，总进度 {total.average:.0f}%"
                     + ("（按筛选导出）" if filtered else ""), len(HEADERS))

    row = HEADER_ROW
    area_first = row + 1
    row = _table(sheet, "方面", areas, total, row)
    area_last = row - 2  # the line above 合计
    sheet.append([])
    row += 1
    dept_first = row + 1
    row = _table(sheet, "牵头科室", depts, None, row)
    dept_last = row - 1

    if areas:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "各方面平均进度"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.legend = None
        chart.x_axis.scaling.orientation = "maxMin"  # first area on top, as in the table
        chart.add_data(Reference(ws, min_col=5, min_row=area_first - 1, max_row=area_last),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, min_row=area_first, max_row=area_last))
        chart.width, chart.height = 16, max(6, 1.2 * len(areas) + 3)
        ws.add_chart(chart, "L3")
    if depts:
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "各牵头科室亮灯情况"
        chart.add_data(Reference(ws, min_col=6, max_col=10, min_row=dept_first - 1,
                                 max_row=dept_last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, min_row=dept_first, max_row=dept_last))
        chart.x_axis.scaling.orientation = "maxMin"
        chart.y_axis.scaling.min = 0
        chart.y_axis.majorUnit = count_step(max(sum(g.lights.values()) for g in depts))
        chart.y_axis.number_format = "0"
        for series, light in zip(chart.series, LIGHT_ORDER, strict=True):
            series.graphicalProperties.solidFill = styles.LIGHT_COLOURS[light][1]
        chart.width, chart.height = 16, max(6, 0.8 * len(depts) + 4)
        ws.add_chart(chart, f"L{max(area_last + 6, 22)}")


def count_step(biggest: int, ticks: int = 6) -> int:
    """A whole step of 1, 2 or 5 × 10ⁿ items giving at most about `ticks` steps: left to
    itself a chart of small counts steps by 0.2 of an item."""
    scale = 1
    while True:
        for unit in (1, 2, 5):
            if unit * scale * ticks >= biggest:
                return unit * scale
        scale *= 10


def _table(sheet: SheetWriter, group: str, groups: list[Group], total: Group | None,
           header_row: int) -> int:
    """A header, one line per group and an optional total; returns the next free row."""
    sheet.values([h.format(group=group) for h in HEADERS], [styles.HEADER] * len(HEADERS))
    row = header_row + 1
    for no, g in enumerate(groups, start=1):
        sheet.values(*_line(str(no), g, styles.CENTER, styles.TEXT, styles.PERCENT))
        row += 1
    if total is not None:
        sheet.values(*_line("", total, styles.AREA_CENTER, styles.AREA, styles.AREA_PERCENT))
        row += 1
    return row


def _line(no: str, g: Group, centre: str, text: str, percent: str) -> tuple[list[object], list[str]]:
    values: list[object] = [no, g.name, len(g.items), g.done, g.average / 100,
                            *(g.lights[x] for x in LIGHT_ORDER)]
    return values, [centre, text, centre, centre, percent, *([centre] * len(LIGHT_ORDER))]
