"""How the import preview and the year-plan steps behave on a ~300-page report.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/report_preview.py [--runs 5]

The report is the one of benchmarks/report_import.py (30 areas, 780 items, ~300 pages). Prints
the time to open the preview, one edit (merge) and its undo as the user sees them (draft copy,
tree and source marks refreshed), marking an item's passage, the memory one undo step keeps,
and on a data file shaped like a real year (owners on every item, twelve monthly check-ins
each): saving the plan as one undoable step, undoing that save, and deleting the plan after
its backup, with that deletion's undo.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_import import big_report

from tracker.app import application
from tracker.domain import draft_edits
from tracker.services import Workspace, open_database
from tracker.ui.dialog_service import Dialogs
from tracker.ui.preview.window import ReportPreview


def ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.0f} ms (max {max(samples) * 1000:.0f} ms)"


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def realistic_year(ws: Workspace, year: int) -> None:
    """Owners on every item and a check-in at the end of each month."""
    with ws.db.transaction() as c:
        ids = [r[0] for r in c.execute(
            "SELECT n.id FROM node n JOIN plan p ON p.id = n.plan_id"
            " WHERE p.year = ? AND n.parent_id IS NOT NULL", (year,))]
        c.executemany("UPDATE node SET owner = ?, leader = ? WHERE id = ?",
                      [(f"责任人{i % 40}", f"副局长{i % 5}", node) for i, node in enumerate(ids)])
        c.executemany(
            "INSERT INTO checkin (node_id, date, progress, progress_text, problems, next_steps, reporter,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(node, f"{year}-{m:02d}-28", m * 8, f"第{m}月推进情况：按计划完成阶段任务。" * 3, "人手紧张",
              "下月继续推进", "办公室", f"{year}-{m:02d}-28T17:00:00") for node in ids for m in range(1, 13)])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args(argv).runs
    app = application()
    text = big_report()
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(open_database(Path(tmp) / "t.db"), who="bench")
        draft = ws.reports.read_text(text)
        print(f"report: {len(text):,} characters, {len(draft.areas)} areas, {draft.item_count} items")

        def open_preview() -> ReportPreview:
            preview = ReportPreview(draft, "big.txt", Dialogs(), ws.reports, lambda _d: False)
            preview.show()
            app.processEvents()
            return preview

        opened: list[ReportPreview] = []
        print(f"open the preview (tree, report text, marks): "
              f"{ms(timed(lambda: opened.append(open_preview()), runs))}")
        preview = opened[-1]
        for other in opened[:-1]:
            other.close()
        preview.select_path((14, 10))
        print(f"mark an item's passage: {ms(timed(lambda: preview.select_path((14, 11)), runs))}")

        def merge_and_undo() -> tuple[float, float]:
            preview.select_path((14, 10))
            start = time.perf_counter()
            preview.merge()
            app.processEvents()
            merged = time.perf_counter()
            preview.stack.undo()
            app.processEvents()
            return merged - start, time.perf_counter() - merged

        pairs = [merge_and_undo() for _ in range(runs)]
        print(f"merge (a step: draft copy, tree and marks refreshed): {ms([p[0] for p in pairs])}")
        print(f"its undo: {ms([p[1] for p in pairs])}")
        tracemalloc.start()
        kept = draft_edits.rename(draft, (0, 0), "新标题")
        size = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        print(f"memory one preview step keeps (a copy of the draft's tree): {size / 1e6:.1f} MB")
        del kept
        preview.close()

        save = timed(lambda: ws.reports.import_plan(draft), 1)
        print(f"save the plan as one undoable step: {ms(save)}")
        realistic_year(ws, draft.year)
        deleted = []
        print(f"delete it (checked backup first, {draft.item_count * 12:,} check-ins): "
              f"{ms(timed(lambda: deleted.append(ws.reports.delete_plan(draft.year)), 1))}")
        back = timed(lambda: ws.reports.undo(deleted[0]), 1)
        print(f"undo the deletion (plan and check-ins back): {ms(back)}")
        ws.reports.redo(deleted[0])
        with ws.db.transaction() as c:  # a fresh import of the same report, to undo its save
            c.execute("DELETE FROM checkin")
        again = ws.reports.import_plan(draft)
        print(f"undo a save (the new plan deleted again): {ms(timed(lambda: ws.reports.undo(again), 1))}")
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
