"""Time the 台账 export of a 10,000-item plan against openpyxl's own write-only dump.

    .venv/bin/python benchmarks/ledger_export.py [--items 10000] [--runs 3]

Builds a plan in a temporary data file (100 areas × 100 items, every item assigned and
checked in once), then, in the same run and alternating, times
  ours:     LedgerService.export (read the plan, lights, styles, widths, charts, save)
  baseline: openpyxl Workbook(write_only=True) appending exactly the same cell values
            (read back from our file) to the same sheets, unstyled, and saving.
Peak memory of each is the high-water RSS (VmHWM) of a fresh child process doing only that
job (ru_maxrss would carry the parent's peak across fork/exec on Linux).
Aim: ours ≤ 2× the baseline, peak < 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from tracker.domain.model import CheckIn, Kind, NodeDraft, PlanDraft
from tracker.services import open_database
from tracker.services.ledger import LedgerService
from tracker.store import repository as repo

YEAR = 2030
TODAY = dt.date(YEAR, 7, 1)
DEPTS = [f"第{i}科" for i in range(1, 21)]


def build(db_path: Path, items: int) -> None:
    """A plan of `items` items in areas of 100, each assigned and checked in once."""
    per_area = 100
    areas = [
        NodeDraft(Kind.AREA, f"第{a + 1}方面：加强科技创新平台建设与成果转化",
                  children=[NodeDraft(Kind.TASK,
                                      f"推进第{a + 1}-{i + 1}项重点工作，完善制度，落实责任，确保按期完成",
                                      detail="具体内容：组织调研、制定方案、推进实施、总结验收。" * 2)
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
            repo.add_checkin(c, CheckIn(0, node.id, dt.date(YEAR, 5, 1 + n % 28), n % 101,
                                        progress_text="已完成调研，形成初步方案，正在征求意见。",
                                        problems="人手紧张" if n % 3 else "",
                                        next_steps="按计划推进，六月底前完成。"))
    db.close()


def ours(db_path: Path, out: Path) -> float:
    start = time.perf_counter()
    with open_database(db_path) as db:
        LedgerService(db).export(out, YEAR, today=TODAY)
    return time.perf_counter() - start


def same_cells(ledger: Path) -> dict[str, list[list[object]]]:
    """Every sheet's cell values as our export wrote them."""
    wb = CalamineWorkbook.from_path(str(ledger))
    return {name: [[None if v == "" else v for v in row]
                   for row in wb.get_sheet_by_name(name).to_python()]
            for name in wb.sheet_names}


def baseline(cells: dict[str, list[list[object]]], out: Path) -> float:
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    for name, rows in cells.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(out)
    return time.perf_counter() - start


def peak_mb(job: str, db_path: Path, ledger: Path, out: Path) -> float:
    """Peak RSS of a child process that runs only `job`."""
    done = subprocess.run([sys.executable, __file__, "--child", job, str(db_path), str(ledger),
                           str(out)], capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def child(job: str, db_path: Path, ledger: Path, out: Path) -> None:
    if job == "ours":
        ours(db_path, out)
    else:
        baseline(same_cells(ledger), out)
    print(_peak_rss_mb())


def _peak_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=4, metavar=("JOB", "DB", "LEDGER", "OUT"))
    args = parser.parse_args()
    if args.child:
        job, *paths = args.child
        child(job, *(Path(p) for p in paths))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "bench.db"
        t0 = time.perf_counter()
        build(db_path, args.items)
        print(f"built a {args.items:,}-item plan in {time.perf_counter() - t0:.1f} s")
        ledger = folder / "ours.xlsx"
        ours(db_path, ledger)  # warm-up, and the cells the baseline will write
        cells = same_cells(ledger)
        n_cells = sum(sum(v is not None for v in row) for rows in cells.values() for row in rows)
        times: dict[str, list[float]] = {"ours": [], "baseline": []}
        for _ in range(args.runs):
            times["ours"].append(ours(db_path, folder / "o.xlsx"))
            times["baseline"].append(baseline(cells, folder / "b.xlsx"))
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"cells written: {n_cells:,} in {len(cells)} sheets; file {ledger.stat().st_size / 1e6:.1f} MB")
        for k in ("ours", "baseline"):
            runs = ", ".join(f"{t:.2f}" for t in times[k])
            print(f"{k:<9} median {med[k]:.2f} s   (runs: {runs})")
        print(f"ratio ours/baseline: {med['ours'] / med['baseline']:.2f}×  (aim ≤ 2×)")
        for job in ("ours", "baseline"):
            mb = peak_mb(job, db_path, ledger, folder / f"peak-{job}.xlsx")
            print(f"peak RSS {job:<9} {mb:.0f} MB  (aim < 300 MB)")


if __name__ == "__main__":
    main()
