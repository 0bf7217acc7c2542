"""What a period report (月报/季报, laid out as a 通报) says, computed once for every format.

The PDF (ui/report_pdf.py), the Word file (io/period_report/docx.py) and the ledger sheet
(io/ledger/period_sheet.py) only lay out a `PeriodReport`; the numbers come from here, from
the values a closed period froze (or, for an open period, from the check-ins dated up to its
end), compared with the period before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain.model import Light
from tracker.domain.periods import Period, previous
from tracker.domain.snapshot import FrozenItem, overall
from tracker.domain.rules import expected_progress, year_end, year_start
from tracker.services.office import Office, OfficeService
from tracker.services.periods import MissingItem, PeriodService
from tracker.store import Database

BEHIND = (Light.YELLOW, Light.RED)


@dataclass(frozen=True)
class AreaLine:
    title: str
    progress: float
    expected: float
    items: int
    done: int


@dataclass
class PeriodReport:
    """Everything a 通报 shows; `pages` is filled in by the PDF writer."""

    office: Office
    plan_title: str
    period: Period
    closed: bool
    closed_at: str
    made: dt.date
    progress: float
    expected: float
    items: list[FrozenItem]  # every item (not areas), plan order
    areas: list[AreaLine]
    lights: dict[Light, int]
    done: int
    overdue: list[FrozenItem]
    behind: list[FrozenItem]  # yellow and red, worst first
    missing: list[MissingItem]
    finished: list[FrozenItem] = field(default_factory=list)  # since the period before
    fell_behind: list[FrozenItem] = field(default_factory=list)
    newly_overdue: list[FrozenItem] = field(default_factory=list)
    previous: Period | None = None
    pages: int = 0

    @property
    def leaves(self) -> list[FrozenItem]:
        """Items without sub-items: the ones that report and are counted."""
        parents = {i.parent_id for i in self.items}
        return [i for i in self.items if i.node_id not in parents]

    @property
    def title(self) -> str:
        """关于孝感市科技局2018年6月重点工作推进情况的通报"""
        return f"关于{self.office.unit}{self.period.label}重点工作推进情况的通报"

    @property
    def state(self) -> str:
        return (f"已关账（{self.closed_at[:10]}），数据为冻结值" if self.closed
                else "本期尚未关账，数据截至期末并可能变动")


class PeriodReportService:
    def __init__(self, db: Database, who: str | None = None) -> None:
        self.db = db
        self.periods = PeriodService(db, who)
        self.office = OfficeService(db, who)

    def build(self, text: str, year: int | None = None, today: dt.date | None = None) -> PeriodReport:
        info = self.periods.info(text, year)
        period = info.period
        values, _closed = self.periods.values_at(period.key, period.year)
        items = [i for i in values if i.is_item]
        parents = {i.parent_id for i in items}
        leaves = [i for i in items if i.node_id not in parents]
        areas = []
        for area in (i for i in values if not i.is_item):
            inside = [i for i in leaves if i.area == area.title]
            areas.append(AreaLine(area.title, area.progress, area.expected, len(inside),
                                  sum(1 for i in inside if i.light is Light.BLUE)))
        lights = {light: sum(1 for i in leaves if i.light is light) for light in Light}
        day = period.end
        overdue = [i for i in leaves if i.overdue(day)]
        behind = sorted((i for i in leaves if i.light in BEHIND),
                        key=lambda i: (-i.light.severity, _code_key(i.code)))
        report = PeriodReport(
            office=self.office.details(), plan_title=self._title(period.year), period=period,
            closed=info.closed is not None, closed_at=info.closed.closed_at if info.closed else "",
            made=today or dt.date.today(), progress=overall(values),
            expected=expected_progress(year_start(period.year), year_end(period.year), day),
            items=items, areas=areas, lights=lights, done=lights[Light.BLUE], overdue=overdue,
            behind=behind, missing=self.periods.missing(period.key, period.year),
        )
        before = previous(period)
        if before is not None:
            old_values, _ = self.periods.values_at(before.key, before.year)
            old = {i.node_id: i for i in old_values}
            report.previous = before
            report.finished = [i for i in leaves if i.light is Light.BLUE
                               and (i.node_id not in old or old[i.node_id].light is not Light.BLUE)]
            report.fell_behind = [i for i in behind if i.node_id not in old
                                  or old[i.node_id].light.severity < i.light.severity]
            report.newly_overdue = [i for i in overdue if i.node_id not in old
                                    or not old[i.node_id].overdue(before.end)]
        return report

    def _title(self, year: int) -> str:
        return self.periods.plan_title(year)


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split(".") if p.isdigit())
