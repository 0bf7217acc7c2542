"""Check-in latency and window refresh time: a PostgreSQL server beside a data file.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/server_vs_file.py [--items 10000]

A year shaped like a real one: 10,000 items in areas of 100, each with a leader, an owner, a
lead and a cooperating department and twelve monthly check-ins (120,000). The file is built
first and pushed to a throw-away server (tests/pg_cluster.py: initdb/pg_ctl on a free port,
as the `postgres` user when run as root). For each store it prints, side by side:

- check-in: one `add_checkin` by a second session, on the server a department login under
  row-level security (one transaction: writer lock, checks, insert, status, change log),
  median and 90th percentile of 40; the window's session is an office login;
- news: how long after that commit the window's session hears of it (file: the 2 s poll of
  `data_version`, so 1 s on average by design; server: the NOTIFY socket, measured);
- refresh: from the news to the window showing the new progress (re-read the whole plan,
  roll-ups, lights, tree model), median of 5;
- plan load: `plans.view()` alone, median of 5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests import pg_cluster
from tracker.app import application
from tracker.domain.model import CheckIn, Kind, NodeDraft, PlanDraft
from tracker.services import Workspace, open_database
from tracker.services import server as admin
from tracker.store import repository as repo
from tracker.ui.views.main_window import MainWindow

YEAR = 2025
DEPTS = [f"第{i}科" for i in range(1, 21)]


def build(path: Path, items: int) -> None:
    per_area = 100
    areas = [
        NodeDraft(Kind.AREA, f"第{a + 1}方面：加强科技创新平台建设与成果转化", children=[
            NodeDraft(Kind.TASK, f"推进第{a + 1}-{i + 1}项重点工作，完善制度，落实责任，确保按期完成",
                      detail="具体内容：组织调研、制定方案、推进实施、总结验收。" * 2)
            for i in range(min(per_area, items - a * per_area))])
        for a in range(-(-items // per_area))
    ]
    with open_database(path) as db, db.transaction() as c:
        plan_id = repo.insert_plan(c, PlanDraft(YEAR, f"{YEAR}年工作目标和重点", areas=areas))
        plan = repo.load_plan(c, plan_id)
        next_checkin = 1
        rows = []
        for n, node in enumerate(plan.walk()):
            if node.parent_id is None:
                continue
            repo.update_node(c, node.id, leader="张局长", owner="王五", status="in_progress")
            repo.set_lead_dept(c, node.id, DEPTS[n % len(DEPTS)])
            repo.set_co_depts(c, node.id, [DEPTS[(n + 1) % len(DEPTS)]])
            for month in range(1, 13):
                rows.append((next_checkin, node.id, dt.date(YEAR - 1, month, 28).isoformat(),
                             min(100, month * 8), "已完成调研，形成初步方案，正在征求意见。",
                             "人手紧张" if n % 3 else "", "按计划推进，月底前完成。", "王五",
                             f"{YEAR - 1}-{month:02d}-28T09:00:00"))
                next_checkin += 1
        c.executemany(
            "INSERT INTO checkin (id, node_id, date, progress, progress_text, problems, next_steps,"
            " reporter, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    assert CheckIn  # the rows above are check-ins, written in bulk


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(location: str, writer: str, settings_dir: Path, label: str) -> dict[str, str]:
    """`location` for the window (the office), `writer` for a department reporting beside it."""
    application()
    with Workspace.open(location, who="窗口") as shown, Workspace.open(writer, who="科室") as other:
        leaves = [n for n in other.plans.view(YEAR).items() if not n.children and n.lead_dept == DEPTS[0]]
        latency = []
        for i in range(40):
            node = leaves[(i * 97) % len(leaves)]
            start = time.perf_counter()
            other.tracking.add_checkin(node.id, 50 + i % 50, note=f"{label}{i}", date=dt.date(YEAR, 1, 31))
            latency.append(time.perf_counter() - start)
        win = MainWindow(shown, QSettings(str(settings_dir / f"{label}.ini"), QSettings.Format.IniFormat))
        win.show_year(YEAR)
        win.show()
        win.data_file.poll_timer.stop()  # we drive the news ourselves, to time each part
        if win.data_file.notifier is not None:
            win.data_file.notifier.setEnabled(False)
        shown.poll()
        news, refresh, load = [], [], []
        for i in range(5):
            node = leaves[(i * 131 + 7) % len(leaves)]
            progress = 1 + i
            other.tracking.add_checkin(node.id, progress, note=f"r{label}{i}", date=dt.date(YEAR, 2, 1 + i))
            committed = time.perf_counter()
            handle = shown.wait_handle()
            if handle is not None:  # the server: wait for the NOTIFY to arrive on the socket
                select.select([handle], [], [], 5)
                news.append(time.perf_counter() - committed)
            start = time.perf_counter()
            assert win.data_file.check_outside_change()
            while (win.node_by_id(node.id) is None or win.node_by_id(node.id).latest is None
                   or win.node_by_id(node.id).latest.progress != progress):
                QApplication.processEvents()
            refresh.append(time.perf_counter() - start)
        for _ in range(5):
            start = time.perf_counter()
            shown.plans.view(YEAR)
            load.append(time.perf_counter() - start)
        win.close()
    ordered = sorted(latency)
    return {
        "check-in (median)": f"{median_ms(latency):.1f} ms",
        "check-in (90th pct)": f"{ordered[int(len(ordered) * 0.9)] * 1000:.1f} ms",
        "news of a commit": (f"{median_ms(news):.2f} ms (NOTIFY)" if news else "≤ 2000 ms (poll, 1 s avg)"),
        "window refresh": f"{median_ms(refresh):.0f} ms",
        "plan load alone": f"{median_ms(load):.0f} ms",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "tracker.db"
        start = time.perf_counter()
        build(source, args.items)
        print(f"built {args.items} items × 12 check-ins in {time.perf_counter() - start:.0f} s")
        cluster = pg_cluster.start()
        try:
            import psycopg

            with psycopg.connect(cluster.url(), autocommit=True) as conn:
                conn.execute("CREATE DATABASE bench")
            url = cluster.url("bench")
            admin.init_server(url)
            start = time.perf_counter()
            moved = admin.push(source, url)
            print(f"pushed to the server in {time.perf_counter() - start:.0f} s: {moved.describe()}")
            admin.add_user(url, "office", "office", "", "office-pw")
            admin.add_user(url, "dept1", "department", DEPTS[0], "dept-pw")
            results = {"file": measure(str(source), str(source), folder, "file"),
                       "server": measure(cluster.url("bench", "office", "office-pw"),
                                         cluster.url("bench", "dept1", "dept-pw"), folder, "server")}
        finally:
            cluster.stop()
    print(f"\n{'':24}{'file (SQLite)':>28}{'server (PostgreSQL)':>30}")
    for key in results["file"]:
        print(f"{key:24}{results['file'][key]:>28}{results['server'][key]:>30}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
