"""What a period report (月报/季报, laid out as a 通报) says, computed once for every format.

The PDF (ui/report_pdf.py), the Word file (io/period_report/docx.py) and the ledger sheet
(io/ledger/period_sheet.py) only lay out a `PeriodReport`; the numbers come from here, from
the values a closed period froze (or, for an open period, from the check-ins dated up to its
end), compared with the period before.
"""

from __future__ import annotations

import datetime as dt

from tracker.domain.model import Light
from tracker.domain.period_report import AreaLine, PeriodReport
from tracker.domain.periods import previous
from tracker.domain.rules import expected_progress, year_end, year_start
from tracker.domain.snapshot import overall
from tracker.services.office import OfficeService
from tracker.services.periods import PeriodService
from tracker.store import Store

BEHIND = (Light.YELLOW, Light.RED)

__all__ = ["AreaLine", "PeriodReport", "PeriodReportService"]


class PeriodReportService:
    def __init__(self, db: Store, who: str | None = None) -> None:
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
            areas.append(
                AreaLine(
                    area.title,
                    area.progress,
                    area.expected,
                    len(inside),
                    sum(1 for i in inside if i.light is Light.BLUE),
                )
            )
        lights = {light: sum(1 for i in leaves if i.light is light) for light in Light}
        day = period.end
        overdue = [i for i in leaves if i.overdue(day)]
        behind = sorted(
            (i for i in leaves if i.light in BEHIND), key=lambda i: (-i.light.severity, _code_key(i.code))
        )
        report = PeriodReport(
            office=self.office.details(),
            plan_title=self._title(period.year),
            period=period,
            closed=info.closed is not None,
            closed_at=info.closed.closed_at if info.closed else "",
            made=today or dt.date.today(),
            progress=overall(values),
            expected=expected_progress(year_start(period.year), year_end(period.year), day),
            items=items,
            areas=areas,
            lights=lights,
            done=lights[Light.BLUE],
            overdue=overdue,
            behind=behind,
            missing=self.periods.missing(period.key, period.year),
        )
        before = previous(period)
        if before is not None:
            old_values, _ = self.periods.values_at(before.key, before.year)
            old = {i.node_id: i for i in old_values}
            report.previous = before
            report.finished = [
                i
                for i in leaves
                if i.light is Light.BLUE and (i.node_id not in old or old[i.node_id].light is not Light.BLUE)
            ]
            report.fell_behind = [
                i for i in behind if i.node_id not in old or old[i.node_id].light.severity < i.light.severity
            ]
            report.newly_overdue = [
                i for i in overdue if i.node_id not in old or not old[i.node_id].overdue(before.end)
            ]
        return report

    def _title(self, year: int) -> str:
        return self.periods.plan_title(year)


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split(".") if p.isdigit())
