"""What the ledger import's caps let through and what they stop, with time and peak memory.

    .venv/bin/python benchmarks/import_limits.py [--items 100000] [--checkins 12] [--keep DIR]

1. Builds a plan of `--items` items, each assigned and checked in `--checkins` times (a year
   of monthly reports), exports it with one sheet per department — the app's own ledger —
   and prints each part's unpacked size next to its cap (tracker/io/limits.py).
2. Reads that ledger back (read_ledger) in a fresh process: rows, seconds, peak RSS.
3. Makes each bomb of issue 12 from a small export (tests/io/crafted.py) and reads it in a
   fresh process: the refusal, seconds, peak RSS (aim: under 5 s and 200 MB each), plus the
   shared-strings bomb written with namespace-prefixed tags (<x:si>).
Building and exporting 100,000 items takes several minutes; `--keep DIR` reuses a build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.io import crafted  # noqa: E402
from tests.io.test_ledger_limits import BOMBS  # noqa: E402
from tracker.domain.model import Kind, NodeDraft, PlanDraft  # noqa: E402
from tracker.io import limits  # noqa: E402
from tracker.services import TrackingService, open_database  # noqa: E402
from tracker.services.ledger import LedgerService  # noqa: E402
from tracker.store import repository as repo  # noqa: E402

YEAR = 2018
DEPTS = [f"第{i}科" for i in range(1, 21)]
_READ = """
import json, sys, time
from tracker.io.ledger_import import LedgerReadError, read_ledger
start = time.perf_counter()
try:
    outcome = f"read {len(read_ledger(sys.argv[1]).rows):,} rows"
except LedgerReadError as exc:
    outcome = str(exc)
seconds = time.perf_counter() - start
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak / 1024}))
"""


def build(db_path: Path, items: int, checkins: int) -> None:
    """`items` items in areas of 100, assigned, each with `checkins` monthly reports."""
    from tracker.domain.model import CheckIn

    areas = [NodeDraft(Kind.AREA, f"第{a + 1}方面：加强科技创新平台建设与成果转化",
                       children=[NodeDraft(Kind.TASK, f"推进第{a + 1}-{i + 1}项重点工作，完善制度，落实责任",
                                           detail="具体内容：组织调研、制定方案、推进实施、总结验收。")
                                 for i in range(min(100, items - a * 100))])
             for a in range(-(-items // 100))]
    with open_database(db_path) as db, db.transaction() as c:
        plan_id = repo.insert_plan(c, PlanDraft(YEAR + 12, f"{YEAR + 12}年工作目标和重点", areas=areas))
        for n, node in enumerate(repo.load_plan(c, plan_id).walk()):
            if node.parent_id is None:
                continue
            repo.update_node(c, node.id, leader="张局长", owner="王五")
            repo.set_lead_dept(c, node.id, DEPTS[n % len(DEPTS)])
            for m in range(checkins):
                note = f"第{m + 1}月：已完成调研{n}，形成初步方案，正在征求意见。"
                repo.add_checkin(c, CheckIn(0, node.id, dt.date(YEAR + 12, m + 1, 1 + n % 28),
                                            min(100, m * 8 + n % 5), progress_text=note,
                                            problems="人手紧张" if n % 3 else "",
                                            next_steps=f"按计划推进{n}-{m}，月底前完成。"))


def read_in_child(path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _READ, str(path)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return json.loads(done.stdout)


def show(label: str, figures: dict[str, object]) -> None:
    outcome = str(figures["outcome"])
    print(f"  {label:<24} {figures['seconds']:6.2f} s {figures['peak_mb']:6.0f} MB  {outcome[:70]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--checkins", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="folder to build in and reuse")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tracker-limits-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path, ledger = folder / "big.db", folder / "big.xlsx"
    if not ledger.exists():
        started = time.perf_counter()
        build(db_path, args.items, args.checkins)
        with open_database(db_path) as db:
            LedgerService(db).export(ledger, YEAR + 12, by_dept=True, today=dt.date(YEAR + 12, 12, 1))
        print(f"built and exported {args.items:,} items in {time.perf_counter() - started:.0f} s")
    print(f"the app's own ledger: {ledger.stat().st_size / limits.MB:.0f} MB "
          f"(cap {limits.MAX_LEDGER_FILE_BYTES // limits.MB} MB)")
    with zipfile.ZipFile(ledger) as zf:
        sizes = {i.filename: i.file_size for i in zf.infolist()}
        sheet = zf.read(crafted.SHEET).decode("utf-8")
    rows = len(re.findall(r"<row ", sheet))
    print(f"  台账 sheet {sizes[crafted.SHEET] / limits.MB:.0f} MB unpacked, {rows:,} rows "
          f"(cap {limits.MAX_LEDGER_ROWS:,}); largest part {max(sizes.values()) / limits.MB:.0f} MB "
          f"(sheet cap {limits.MAX_SHEET_PART_BYTES // limits.MB} MB)")
    show("read back", read_in_child(ledger))

    print("bombs (each made from a small export):")
    small_db, small = folder / "small.db", folder / "small.xlsx"
    with open_database(small_db) as db:
        TrackingService(db, who="bench").checkin("1.1", 40, note="已沟通", date="2018-05-10")
        LedgerService(db).export(small, YEAR)
    for kind, (maker, size, _words) in BOMBS.items():
        bomb = maker(small, folder / "bomb.xlsx", size)
        show(f"{kind} ({bomb.stat().st_size // 1024} KB)", read_in_child(bomb))
    prefixed = crafted.shared_strings_bomb(small, folder / "bomb.xlsx", limits.MAX_SHARED_STRINGS + 1)
    with zipfile.ZipFile(prefixed) as zf:
        sst = zf.read("xl/sharedStrings.xml").decode("utf-8")
    sst = sst.replace("<sst xmlns=", "<x:sst xmlns:x=").replace("</sst>", "</x:sst>")
    sst = sst.replace("<si>", "<x:si>").replace("</si>", "</x:si>")
    sst = sst.replace("<t>", "<x:t>").replace("</t>", "</x:t>")
    crafted.rezip(prefixed, folder / "prefixed.xlsx", {"xl/sharedStrings.xml": sst.encode()})
    show("shared strings, x:si", read_in_child(folder / "prefixed.xlsx"))


if __name__ == "__main__":
    main()
