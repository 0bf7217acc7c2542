"""What the careful open costs on a big file: quick_check vs integrity_check, open, backup.

Builds a file of 10,000 items with 12 monthly check-ins each (far more than a bureau's year),
then times each step a few times and prints the best (warm cache) and the first (cold-ish).

    python benchmarks/open_check_cost.py [--items 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tracker.domain.model import CheckIn, Kind, NodeDraft, PlanDraft
from tracker.services import open_database
from tracker.store import Database
from tracker.store import backup as store
from tracker.store import repository as repo
from tracker.store.probe import page_problems


def build(path: Path, items: int) -> None:
    per_area = 1000
    areas = [NodeDraft(Kind.AREA, f"方面{a + 1}", children=[
        NodeDraft(Kind.TASK, f"推进第{a + 1}方面第{i + 1}项工作，完善制度建设", detail="具体内容" * 20)
        for i in range(min(per_area, items - a * per_area))]) for a in range(-(-items // per_area))]
    with open_database(path) as db, db.transaction() as c:
        plan_id = repo.insert_plan(c, PlanDraft(2019, "2019年工作目标", areas=areas))
        ids = [r[0] for r in c.execute("SELECT id FROM node WHERE plan_id = ? AND kind = 'task'", (plan_id,))]
        for node_id in ids:
            for month in range(1, 13):
                repo.add_checkin(c, CheckIn(0, node_id, dt.date(2019, month, 28), month * 8,
                                            progress_text="本月完成了相关工作" * 5, problems="存在问题" * 3,
                                            next_steps="下步措施" * 3))


def timed(label: str, action: Callable[[], object], runs: int = 5) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    print(f"  {label:<42} first {times[0] * 1000:7.1f} ms   best {min(times) * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tracker-open-"))
    try:
        path = folder / "big.db"
        build(path, args.items)
        with sqlite3.connect(path) as c:
            checkins = c.execute("SELECT count(*) FROM checkin").fetchone()[0]
        c.close()
        print(f"{args.items} items, {checkins} check-ins, {path.stat().st_size / 1e6:.1f} MB, "
              f"SQLite {sqlite3.sqlite_version}")

        def check(full: bool) -> None:
            conn = sqlite3.connect(path)
            try:
                assert page_problems(conn, full=full) == []
            finally:
                conn.close()

        timed("PRAGMA quick_check", lambda: check(False))
        timed("PRAGMA integrity_check", lambda: check(True))
        timed("Database(path) (probe + full check + open)", lambda: Database(path).close())
        out = folder / "out"

        def backup() -> None:
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            with Database(path) as db:
                store.write(db.conn, out / "b.db")

        timed("backup with check (store.write)", backup, runs=3)
        small = folder / "small.db"
        open_database(small).close()
        timed(f"Database(path), default plan ({small.stat().st_size // 1024} KB)",
              lambda: Database(small).close())
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
