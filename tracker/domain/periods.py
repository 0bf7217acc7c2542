"""Reporting periods (月/季): their keys, date ranges and report-by dates. No Qt, no SQL.

A plan reports monthly ("2018-06") or quarterly ("2018Q2"); periods are calendar months or
quarters of the plan's year, and the report-by day is the day of the period's last month by
which departments send their check-in (a 31 in a 30-day month means its last day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_REPORT_DAY = 25


class Cadence(StrEnum):
    MONTHLY = "month"
    QUARTERLY = "quarter"


@dataclass(frozen=True)
class Period:
    """One reporting period of a plan year."""

    key: str  # "2018-06" or "2018Q2"
    year: int
    number: int  # month 1–12 or quarter 1–4
    cadence: Cadence
    start: dt.date
    end: dt.date

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def report_by(self, report_day: int) -> dt.date:
        """The day check-ins for this period are due: `report_day` of its last month."""
        last = self.end
        return dt.date(last.year, last.month, min(report_day, last.day))

    @property
    def label(self) -> str:
        """How a 通报 names it: 2018年6月 / 2018年第二季度."""
        if self.cadence is Cadence.MONTHLY:
            return f"{self.year}年{self.number}月"
        return f"{self.year}年第{'一二三四'[self.number - 1]}季度"

    @property
    def short(self) -> str:
        """Column and dot labels: 6月 / Q2."""
        return f"{self.number}月" if self.cadence is Cadence.MONTHLY else f"Q{self.number}"

    @property
    def kind_name(self) -> str:
        return "月报" if self.cadence is Cadence.MONTHLY else "季报"


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})\s*[Qq]([1-4])$")


def month(year: int, number: int) -> Period:
    last = calendar.monthrange(year, number)[1]
    return Period(
        f"{year}-{number:02d}",
        year,
        number,
        Cadence.MONTHLY,
        dt.date(year, number, 1),
        dt.date(year, number, last),
    )


def quarter(year: int, number: int) -> Period:
    first, final = 3 * number - 2, 3 * number
    last = calendar.monthrange(year, final)[1]
    return Period(
        f"{year}Q{number}",
        year,
        number,
        Cadence.QUARTERLY,
        dt.date(year, first, 1),
        dt.date(year, final, last),
    )


def periods_of(year: int, cadence: Cadence) -> list[Period]:
    """Every period of a plan year, in order."""
    if cadence is Cadence.MONTHLY:
        return [month(year, m) for m in range(1, 13)]
    return [quarter(year, q) for q in range(1, 5)]


def parse_period(text: str) -> Period | None:
    """A period key as typed: "2018-06", "2018-6" or "2018Q2" (None when it is neither)."""
    text = text.strip()
    found = _MONTH.match(text)
    if found and 1 <= int(found.group(2)) <= 12:
        return month(int(found.group(1)), int(found.group(2)))
    found = _QUARTER.match(text)
    if found:
        return quarter(int(found.group(1)), int(found.group(2)))
    return None


def period_at(year: int, cadence: Cadence, day: dt.date) -> Period:
    """The period of the plan year holding `day`; before the year the first, after it the last."""
    periods = periods_of(year, cadence)
    if day < periods[0].start:
        return periods[0]
    return next((p for p in periods if p.contains(day)), periods[-1])


def previous(period: Period) -> Period | None:
    """The period before, within the same plan year (None for the first)."""
    if period.number == 1:
        return None
    make = month if period.cadence is Cadence.MONTHLY else quarter
    return make(period.year, period.number - 1)
