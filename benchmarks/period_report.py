"""Time the office's month on a realistic plan: the 月报 as PDF and Word, closing a period, the
dashboard's numbers, and what the period sheets add to the ledger export.

    .venv/bin/python benchmarks/period_report.py [--items 1000] [--runs 3]

Builds a plan in a temporary data file (areas of 50 items; every item has a leader, owner, lead
and cooperating department and twelve monthly check-ins with problems and next steps), closes
January to May, then prints the median of `--runs` runs of each step, each on a fresh open of the
file, as a user (or `tracker report`) would start it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tracker.domain.model import CheckIn, Kind, NodeDraft, PlanDraft
from tracker.services import Workspace, open_database
from tracker.services.office import Office
from tracker.store import repository as repo

YEAR = 2030
TODAY = dt.date(YEAR, 7, 10)
DEPTS = [f"第{i}科" for i in range(1, 21)]


def build(db_path: Path, items: int) -> None:
    per_area = 50
    areas = [
        NodeDraft(Kind.AREA, f"第{a + 1}方面：加强科技创新平台建设与成果转化",
                  children=[NodeDraft(Kind.TASK, f"推进第{a + 1}-{i + 1}项重点工作，完善制度，落实责任",
                                      detail="组织调研、制定方案、推进实施、总结验收。")
                            for i in range(min(per_area, items - a * per_area))])
        for a in range(-(-items // per_area))
    ]
    db = open_database(db_path)
    with db.transaction() as c:
        plan_id = repo.insert_plan(c, PlanDraft(YEAR, f"{YEAR}年工作目标和重点", areas=areas))
        plan = repo.load_plan(c, plan_id)
        for n, node in enumerate(plan.walk()):
            if node.parent_id is None:
                continue
            repo.update_node(c, node.id, leader="张局长", owner="王五")
            repo.set_lead_dept(c, node.id, DEPTS[n % len(DEPTS)])
            repo.set_co_depts(c, node.id, [DEPTS[(n + 1) % len(DEPTS)]])
            pace = 4 + n % 9  # points a month: some items fall behind, some finish
            for month in range(1, 13):
                repo.add_checkin(c, CheckIn(0, node.id, dt.date(YEAR, month, 20), min(100, pace * month),
                                            progress_text=f"{month}月：已完成调研，形成初步方案，正在征求意见。",
                                            problems="人手紧张，经费未到位" if n % 3 == 0 else "",
                                            next_steps="按计划推进，月底前完成阶段任务。"))
    db.close()
    with Workspace.open(db_path, who="办公室") as ws:
        ws.office.save(Office(unit="某市科学技术局", reviewer="李华", phone="0712-1234567"))
        for month in range(1, 6):
            ws.periods.close(f"{YEAR}-{month:02d}", today=TODAY)


def median(runs: int, step: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from tracker.ui.report_files import ensure_app, write_report

    ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "bench.db"
        started = time.perf_counter()
        build(db_path, args.items)
        print(f"plan: {args.items} items × 12 check-ins, Jan–May closed (built in "
              f"{time.perf_counter() - started:.1f} s)")

        def report(suffix: str) -> Callable[[], object]:
            def run() -> object:
                with Workspace.open(db_path) as ws:
                    built = ws.period_reports.build(f"{YEAR}-06", YEAR, TODAY)
                    write_report(built, folder / f"r{suffix}")
                    return built

            return run

        pdf = median(args.runs, report(".pdf"))
        pages = report(".pdf")()
        docx = median(args.runs, report(".docx"))

        def close_june() -> None:
            with Workspace.open(db_path) as ws:
                ws.periods.close(f"{YEAR}-06", today=TODAY)
                ws.periods.reopen(f"{YEAR}-06", "基准测试")

        def dashboard() -> None:
            with Workspace.open(db_path) as ws:
                ws.dashboard.overview(YEAR, TODAY)

        def export() -> None:
            with Workspace.open(db_path) as ws:
                ws.ledger.export(folder / "l.xlsx", YEAR, today=TODAY)

        close = median(args.runs, close_june)
        board = median(args.runs, dashboard)
        ledger = median(args.runs, export)
        size = (folder / "r.pdf").stat().st_size / 1e6
        print(f"report --out .pdf   {pdf:6.2f} s  ({getattr(pages, 'pages', 0)} pages, {size:.1f} MB)")
        print(f"report --out .docx  {docx:6.2f} s")
        print(f"close + reopen June {close:6.2f} s")
        print(f"dashboard numbers   {board:6.2f} s")
        print(f"ledger export       {ledger:6.2f} s  (with the matrix and the period sheet)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
