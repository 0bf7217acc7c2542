"""汇总's light chart counts items: its axis steps by whole items (a department with one item
read 0, 0.2, 0.4 … 1.2 items), and by few steps for a big department."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from tracker.services import Assignment, TrackingService
from tracker.services.ledger import LedgerService
from tracker.store import Database

CODES = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2"]


def _count_axis_step(path: Path) -> float | None:
    sheet = openpyxl.load_workbook(path)["汇总"]
    [chart] = [c for c in sheet._charts if c.grouping == "stacked"]
    return chart.y_axis.majorUnit


def test_the_light_chart_counts_whole_items(db: Database, tmp_path: Path) -> None:
    t = TrackingService(db, who="t")
    for code in CODES:
        t.assign(code, Assignment(lead_dept="法制科"))
    one, ten = tmp_path / "one.xlsx", tmp_path / "ten.xlsx"
    ledger, today = LedgerService(db), dt.date(2018, 6, 30)
    ledger.export(one, 2018, only=[t.find("1.1").id], today=today)
    ledger.export(ten, 2018, today=today)
    assert _count_axis_step(one) == 1
    assert _count_axis_step(ten) == 2
