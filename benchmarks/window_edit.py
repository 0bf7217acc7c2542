"""How long one edit takes in the window on a 1,000-item plan (edit + reload + reselect).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/window_edit.py

Every window edit re-reads the plan and keeps the selection and open areas; this prints the
time of a plain reload, a field edit, its undo, and a move, each the median of a few runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from tracker.app import application
from tracker.domain.model import Kind, NodeDraft, PlanDraft
from tracker.services import PlanService, TrackingService, Workspace, open_database
from tracker.ui.views.main_window import MainWindow


def big_draft(areas: int = 10, items: int = 100) -> PlanDraft:
    return PlanDraft(2025, "大计划", areas=[
        NodeDraft(Kind.AREA, f"方面{a}", children=[
            NodeDraft(Kind.TASK, f"事项{a}.{i}", detail="具体内容" * 5) for i in range(items)])
        for a in range(areas)])


def timed(fn, runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> int:
    application()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "tracker.db")
        PlanService(db).import_draft(big_draft())
        tracking = TrackingService(db, who="bench")
        for a in range(10):
            for i in range(1, 101, 3):
                tracking.checkin(f"{a + 1}.{i}", 40, date="2025-03-31", year=2025)
        win = MainWindow(Workspace(db, who="bench"),
                         QSettings(str(Path(tmp) / "t.ini"), QSettings.Format.IniFormat))
        win.show_year(2025)
        win.show()
        items = len(win.view.items())
        node = win.view.plan.find("5.50")
        win.select_node(node.id)
        print(f"plan: {items} items")
        print(f"reload (keep selection and open areas): {timed(win.reload):.0f} ms")
        n = iter(range(1000))
        print(f"field edit through the undo stack: "
              f"{timed(lambda: win.editing.update(win.current_node(), {'leader': f'L{next(n)}'})):.0f} ms")
        print(f"undo: {timed(win.undo_stack.undo):.0f} ms")
        print(f"redo: {timed(win.undo_stack.redo):.0f} ms")
        print(f"move up: {timed(win.commands.move_up.trigger):.0f} ms")
        win.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
