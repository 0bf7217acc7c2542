"""The processes benchmarks/scale.py measures, one job each (run by it, not by hand).

    scale_child.py start DB        the real window on DB; prints "IDLE" once the event loop is idle
    scale_child.py bare DB         the reference: a bare PySide6 window with an empty QTreeView
    scale_child.py session DB      the window on DB, then keys, check-ins, edits, outside writes
    scale_child.py cli ARGS…       `tracker ARGS…` in this process (tracker.cli.main)
    scale_child.py insert DB       the reference: a bare sqlite3 insert of one check-in
    scale_child.py dump CELLS OUT  the reference: openpyxl's write-only dump of pickled cells

Every job ends with a line "PEAK <MB>" on stderr (the process's high-water RSS).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _report_peak() -> None:
    print(f"PEAK {peak_mb():.1f}", file=sys.stderr, flush=True)


def _run_until_idle(app) -> None:
    """Run the event loop to its first idle moment: print IDLE and the peak memory, then quit."""
    from PySide6.QtCore import QTimer

    def idle() -> None:
        app.processEvents()
        print("IDLE", flush=True)
        _report_peak()
        app.quit()

    QTimer.singleShot(0, idle)
    app.exec()


# --- window start -----------------------------------------------------------------------

def start(db: Path) -> None:
    """As tracker.app.run does it, up to the first idle moment of the event loop."""

    from tracker.app import application, install_translation
    from tracker.preferences import Preferences
    from tracker.services import Workspace
    from tracker.ui import settings as ui_settings
    from tracker.ui.views.main_window import MainWindow

    app = application()
    settings = ui_settings.app_settings()
    install_translation(app, ui_settings.language(settings))
    workspace = Workspace.open(db, who=Preferences.load().who())
    window = MainWindow(workspace, settings)
    window.show()

    _run_until_idle(app)
    workspace.close()


def bare(_db: Path) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tree = QTreeView()
    tree.setModel(QStandardItemModel())
    window.setCentralWidget(tree)
    window.show()

    _run_until_idle(app)


# --- a working session in the window -------------------------------------------------------

SEARCHES = [  # (what is done, how): typed words come whole from an input method
    ("ime", "执法"), ("clear", ""), ("ime", "城市"), ("ime", "更新"), ("key", " "), ("ime", "王"),
    ("clear", ""), ("key", "2"), ("key", "0"), ("key", "2"), ("key", "6"), ("clear", ""),
    ("dept", ""), ("light", ""), ("all", ""),
]


def session(db: Path) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from tracker.app import application
    from tracker.services import Workspace
    from tracker.ui.models.plan_tree import PlanTreeModel
    from tracker.ui.views.main_window import MainWindow

    calls = {"parent": 0}
    parent = PlanTreeModel.parent

    def counting_parent(self, index=None):  # type: ignore[no-untyped-def]
        if index is not None:
            calls["parent"] += 1
        return parent(self, index)

    PlanTreeModel.parent = counting_parent  # type: ignore[method-assign]
    app = application()
    folder = db.parent
    ws = Workspace.open(db, who="bench")
    win = MainWindow(ws, QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat))
    win.resize(1400, 800)
    win.show()
    app.processEvents()
    out: dict[str, object] = {"items": len(win.view.items()) if win.view else 0}

    def settle() -> None:
        """Lay out and paint what is pending, as the event loop would next."""
        win.tree.executeDelayedItemsLayout()
        win.tree.viewport().repaint()

    bar = win.filter_bar
    times: list[float] = []
    parents: list[int] = []

    def answered() -> None:
        """Let the data file's answers on the words (background) arrive, uncounted."""
        deadline = time.perf_counter() + 120
        while bar.proxy.missing_note_words() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()

    for kind, text in SEARCHES:
        answered()
        calls["parent"] = 0
        start_t = time.perf_counter()
        if kind == "ime":
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(bar.search_edit, event)
        elif kind == "key":
            QTest.keyClicks(bar.search_edit, text)
        elif kind == "clear":
            bar.search_edit.clear()
        elif kind == "dept":
            bar.dept_combo.setCurrentIndex(min(3, bar.dept_combo.count() - 1))
        elif kind == "light":
            bar.light_combo.setCurrentIndex(3)
        elif kind == "all":
            bar.clear()
        bar._typing.stop()  # the pause in typing is the user's, not the program's: apply now
        bar._apply()
        settle()
        times.append(time.perf_counter() - start_t)
        parents.append(calls["parent"])
    out["key_median_s"] = statistics.median(times)
    out["key_worst_s"] = max(times)
    out["key_parent_calls_median"] = statistics.median(parents)
    out["key_times_s"] = [round(t, 4) for t in times]
    out["key_parent_calls"] = parents

    # a word found only in the check-ins' text: its hits come from the data file in the background
    start_t = time.perf_counter()
    event = QInputMethodEvent()
    event.setCommitString("调度")
    QApplication.sendEvent(bar.search_edit, event)
    bar._typing.stop()
    bar._apply()
    answered()
    settle()
    out["notes_search_s"] = time.perf_counter() - start_t
    out["notes_search_rows"] = len(bar.proxy.visible_node_ids())
    bar.clear()
    settle()
    app.processEvents()

    view = win.view
    assert view is not None
    leaves = [n for n in view.items() if not n.children]
    picks = [leaves[len(leaves) * k // 9] for k in range(1, 8)]

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        """From the action to the window idle again: the changed rows repainted (what the
        event loop paints: the rows marked dirty, not the whole tree)."""
        start_t = time.perf_counter()
        action()
        app.processEvents()
        while win.news.pending:  # an outside change: the refresh waits for the loop
            app.processEvents()
        win.tree.executeDelayedItemsLayout()
        app.processEvents()
        return time.perf_counter() - start_t

    checkins, edits, undos = [], [], []
    for n, node in enumerate(picks):
        win.select_node(node.id)
        dialog = win.editing.add_checkin()
        assert dialog is not None
        settle()  # the tree scrolled to the item and the dialog is up before the user types
        app.processEvents()
        dialog.progress_spin.setValue(100)  # not lower than before: saved without a question
        dialog.progress_text_edit.setPlainText(f"第 {n} 次调度，按计划推进")
        checkins.append(timed(dialog.accept))
        assert not (isValid(dialog) and dialog.isVisible()), "the check-in was not saved"
        current = win.current_node()
        assert current is not None
        edits.append(timed(lambda c=current, n=n: win.editing.update(c, {"leader": f"测试领导{n}"})))
        undos.append(timed(win.undo_stack.undo))
    out["checkin_median_s"] = statistics.median(checkins)
    out["checkin_worst_s"] = max(checkins)
    out["checkin_times_s"] = [round(t, 4) for t in checkins]
    out["edit_times_s"] = [round(t, 4) for t in edits]
    out["edit_median_s"] = statistics.median(edits)
    out["undo_median_s"] = statistics.median(undos)

    adds = [timed(win.commands.add_item.trigger) for _ in range(3)]
    out["add_item_median_s"] = statistics.median(adds)

    # a check-in written by another program, found by the window's poll
    outside = []
    for n, node in enumerate(picks[:5]):
        with Workspace.open(db, who="cli") as other:
            other.tracking.add_checkin(node.id, 90 + n, note="命令行填报")
        outside.append(timed(win.data_file.check_outside_change))
    out["outside_median_s"] = statistics.median(outside)
    out["peak_mb"] = peak_mb()
    print("RESULT " + json.dumps(out), flush=True)
    del Qt
    win.close()
    ws.close()


# --- the command line and the export reference ---------------------------------------------

def cli(args: list[str]) -> None:
    from tracker.cli import main

    code = main(args)
    _report_peak()
    sys.exit(code)


def insert(db: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO checkin (node_id, date, progress, progress_text, created_at)"
        " VALUES ((SELECT max(id) FROM node), '2026-11-30', 50, '进展', '2026-11-30T12:00:00')")
    conn.commit()
    conn.close()
    _report_peak()


def dump(cells: Path, out: Path) -> None:
    import pickle

    from openpyxl import Workbook

    with cells.open("rb") as fh:
        sheets = pickle.load(fh)
    start_t = time.perf_counter()
    wb = Workbook(write_only=True)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(out)
    print(f"DUMP {time.perf_counter() - start_t:.3f}", flush=True)
    _report_peak()


if __name__ == "__main__":
    job, *rest = sys.argv[1:]
    if job == "cli":
        cli(rest)
    elif job == "dump":
        dump(Path(rest[0]), Path(rest[1]))
    else:
        {"start": start, "bare": bare, "session": session, "insert": insert}[job](Path(rest[0]))
