"""The scale table of docs/performance.md, in one command.

    .venv/bin/python benchmarks/scale.py [--sizes 1000,10000,100000] [--runs 5] [--big-runs 3]
                                         [--only start,session,cli,export] [--json out.json]

For each size a city-wide plan is built once (scale_data.py: N items in areas of 100, leaders,
departments and owners set, twelve monthly check-ins per item) and copied for the run. Every
figure is measured in fresh processes (scale_child.py), side by side with its reference in the
same run, alternating, and the median of the runs is printed (`--big-runs` for 100,000 items):

  window start → idle     the app's window on the file, spawn to the first idle moment of its
                          event loop; reference: a bare PySide6 window with an empty QTreeView
  keys, edits             inside one window session: a search key (the typing pause itself not
                          counted), a check-in from Enter to the repainted row, a field edit,
                          its undo, an added item, a check-in written by another program
  tracker checkin/assign  the command, spawn to exit; reference: a bare sqlite3 insert
  tracker export          the command, spawn to exit, with its peak memory; reference:
                          openpyxl's write-only dump of the same cells (read back from our file),
                          dump only
  import-ledger           our own export read back (--dry-run)

Wall times are quoted; each line also gives the CPU time of the processes (user+sys), which
other work on a shared machine disturbs less, and the load average around the size's runs.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale_data import plan_file  # noqa: E402

CHILD = HERE / "scale_child.py"


class Spawned:
    def __init__(self, wall: float, cpu: float, peak_mb: float, out: str, code: int) -> None:
        self.wall, self.cpu, self.peak_mb, self.out, self.code = wall, cpu, peak_mb, out, code


def spawn(args: list[str], env: dict[str, str], until: str | None = None) -> Spawned:
    """Run scale_child.py ARGS; the wall time ends at the line `until` (else at exit)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    wall = None
    out: list[str] = []
    assert proc.stdout is not None and proc.stderr is not None
    for line in proc.stdout:
        out.append(line)
        if until is not None and wall is None and line.startswith(until):
            wall = time.perf_counter() - start
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    if wall is None:
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code != 0:
        raise RuntimeError(f"{args[:2]} failed ({code}): {err[-2000:]}")
    # the child's own high-water mark (ru_maxrss would count this process's pages, which a
    # forked child maps until it execs)
    peak = next((float(line.split()[1]) for line in err.splitlines() if line.startswith("PEAK ")), 0.0)
    return Spawned(wall, usage.ru_utime + usage.ru_stime, peak, "".join(out), code)


def child_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(folder / "config")  # window settings of its own
    env["TRACKER_CONFIG"] = str(folder / "preferences.json")
    env.pop("TRACKER_DB", None)
    return env


def load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure_size(items: int, runs: int, only: set[str], work: Path) -> dict[str, object]:
    folder = work / f"n{items}"
    folder.mkdir()
    env = child_env(folder)
    db = folder / "plan.db"
    shutil.copyfile(plan_file(items), db)
    res: dict[str, object] = {"items": items, "runs": runs, "load_before": load()}
    spawn(["cli", "--db", str(db), "plans"], env)  # warm-up: bytecode, the daily backup, caches
    if "start" in only:
        ours, bare, cpu, peaks = [], [], [], []
        spawn(["start", str(db)], env, until="IDLE")
        for r in range(runs):
            jobs = [("ours", ["start", str(db)]), ("bare", ["bare", str(db)])]
            for name, args in jobs if r % 2 == 0 else reversed(jobs):
                got = spawn(args, env, until="IDLE")
                if name == "ours":
                    ours.append(got.wall)
                    cpu.append(got.cpu)
                    peaks.append(got.peak_mb)
                else:
                    bare.append(got.wall)
        res["start"] = {"ours": median(ours), "bare": median(bare), "cpu": median(cpu),
                        "peak_mb": max(peaks), "all": ours, "all_bare": bare}
    if "session" in only:
        sessions = []
        for _ in range(runs):
            copy = folder / "session.db"
            shutil.copyfile(db, copy)
            got = spawn(["session", str(copy)], env)
            line = next(x for x in got.out.splitlines() if x.startswith("RESULT "))
            sessions.append(json.loads(line[len("RESULT "):]))
        keys = [k for k, v in sessions[0].items() if isinstance(v, int | float)]
        res["session"] = {k: median([s[k] for s in sessions]) for k in keys}
        res["session"]["key_worst_s"] = max(s["key_worst_s"] for s in sessions)  # type: ignore[index]
        res["session_runs"] = sessions
    if "cli" in only:
        code = _an_item_code(db)
        out: dict[str, list[float]] = {"checkin": [], "assign": [], "insert": [], "cpu": []}
        for r in range(runs):
            order = ["ours", "bare"] if r % 2 == 0 else ["bare", "ours"]
            for who in order:
                if who == "bare":
                    out["insert"].append(spawn(["insert", str(db)], env).wall)
                    continue
                got = spawn(["cli", "--db", str(db), "checkin", code, "--progress", str(40 + r),
                             "--note", f"基准第{r}次", "--date", "2026-11-30"], env)
                out["checkin"].append(got.wall)
                out["cpu"].append(got.cpu)
                out["assign"].append(spawn(["cli", "--db", str(db), "assign", code, "--owner",
                                            f"王{r}"], env).wall)
        res["cli"] = {k: median(v) for k, v in out.items()} | {"all": out}
    if "export" in only:
        ledger = folder / "ours.xlsx"
        first = spawn(["cli", "--db", str(db), "export", "--out", str(ledger)], env)
        cells = folder / "cells.pickle"
        _pickle_cells(ledger, cells)
        ours, ref, peaks, cpu = [], [], [], []
        for r in range(runs):
            jobs = ["ours", "ref"] if r % 2 == 0 else ["ref", "ours"]
            for job in jobs:
                if job == "ours":
                    got = spawn(["cli", "--db", str(db), "export", "--out", str(folder / "o.xlsx")], env)
                    ours.append(got.wall)
                    cpu.append(got.cpu)
                    peaks.append(got.peak_mb)
                else:
                    got = spawn(["dump", str(cells), str(folder / "ref.xlsx")], env)
                    ref.append(float(got.out.split("DUMP ")[1].split()[0]))
        imported = spawn(["cli", "--db", str(db), "import-ledger", str(ledger), "--dry-run"], env)
        res["export"] = {"ours": median(ours), "ref": median(ref), "cpu": median(cpu),
                         "peak_mb": max(peaks), "first_peak_mb": first.peak_mb,
                         "file_mb": ledger.stat().st_size / 1e6, "all": ours, "all_ref": ref,
                         "import_s": imported.wall, "import_peak_mb": imported.peak_mb,
                         "import_said": imported.out.strip().splitlines()[:1]}
    res["load_after"] = load()
    return res


def _an_item_code(db: Path) -> str:
    """The 序号 of a leaf item in the middle of the big plan."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        year = conn.execute("SELECT max(year) FROM plan").fetchone()[0]
        plan_id = conn.execute("SELECT id FROM plan WHERE year = ?", (year,)).fetchone()[0]
        areas = conn.execute("SELECT count(*) FROM node WHERE plan_id = ? AND parent_id IS NULL",
                             (plan_id,)).fetchone()[0]
    finally:
        conn.close()
    return f"{areas // 2}.7"


def _pickle_cells(ledger: Path, out: Path) -> None:
    """Every sheet's cell values as our export wrote them, for the reference dump."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(ledger))
    sheets = {name: [[None if v == "" else v for v in row]
                     for row in wb.get_sheet_by_name(name).to_python()] for name in wb.sheet_names}
    with out.open("wb") as fh:
        pickle.dump(sheets, fh, protocol=pickle.HIGHEST_PROTOCOL)


def table(results: list[dict[str, object]]) -> str:
    """The figures as docs/performance.md shows them."""
    def cell(size: dict, *path: str, fmt: str = "{:.2f} s") -> str:  # type: ignore[type-arg]
        value: object = size
        for p in path:
            if not isinstance(value, dict) or p not in value:
                return "–"
            value = value[p]
        return fmt.format(value) if isinstance(value, int | float) else "–"

    sizes = [f"{r['items']:,}" for r in results]
    lines = ["| | " + " | ".join(sizes) + " |", "|---|" + "---|" * len(sizes)]

    def row(label: str, render) -> None:  # type: ignore[no-untyped-def]
        lines.append(f"| {label} | " + " | ".join(render(r) for r in results) + " |")

    row("window start → idle", lambda r: cell(r, "start", "ours") + " (" + cell(r, "start", "bare")
        + " bare, ×" + cell(r, "start", "ratio", fmt="{:.1f}") + ")")
    row("… its peak memory", lambda r: cell(r, "start", "peak_mb", fmt="{:.0f} MB"))
    row("search key: median / worst", lambda r: cell(r, "session", "key_median_s", fmt="{:.3f}")
        + " / " + cell(r, "session", "key_worst_s", fmt="{:.3f} s"))
    row("… Python parent() calls per key (median)",
        lambda r: cell(r, "session", "key_parent_calls_median", fmt="{:.0f}"))
    row("… words in all check-ins (background)", lambda r: cell(r, "session", "notes_search_s"))
    row("check-in in the window, Enter → repainted", lambda r: cell(r, "session", "checkin_median_s",
                                                                   fmt="{:.3f} s"))
    row("field edit / its undo", lambda r: cell(r, "session", "edit_median_s", fmt="{:.3f}") + " / "
        + cell(r, "session", "undo_median_s", fmt="{:.3f} s"))
    row("new item (structure)", lambda r: cell(r, "session", "add_item_median_s", fmt="{:.3f} s"))
    row("check-in by another program, found by the poll",
        lambda r: cell(r, "session", "outside_median_s", fmt="{:.3f} s"))
    row("window session peak memory", lambda r: cell(r, "session", "peak_mb", fmt="{:.0f} MB"))
    row("`tracker checkin` (bare sqlite3 insert)", lambda r: cell(r, "cli", "checkin") + " ("
        + cell(r, "cli", "insert") + ", ×" + cell(r, "cli", "ratio", fmt="{:.1f}") + ")")
    row("`tracker assign`", lambda r: cell(r, "cli", "assign"))
    row("`tracker export` (openpyxl write-only dump)", lambda r: cell(r, "export", "ours") + " ("
        + cell(r, "export", "ref") + ", ×" + cell(r, "export", "ratio", fmt="{:.2f}") + ")")
    row("… its peak memory / file", lambda r: cell(r, "export", "peak_mb", fmt="{:.0f} MB") + " / "
        + cell(r, "export", "file_mb", fmt="{:.0f} MB"))
    row("import-ledger of that export (--dry-run)", lambda r: cell(r, "export", "import_s"))
    row("load average before / after", lambda r: cell(r, "load_before", fmt="{:.1f}") + " / "
        + cell(r, "load_after", fmt="{:.1f}"))
    return "\n".join(lines)


def _ratios(res: dict[str, object]) -> None:
    pairs = (("start", "ours", "bare"), ("cli", "checkin", "insert"), ("export", "ours", "ref"))
    for key, ours, ref in pairs:
        part = res.get(key)
        if isinstance(part, dict) and part.get(ref):
            part["ratio"] = part[ours] / part[ref]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big-runs", type=int, default=3, help="runs at 100,000 items and more")
    parser.add_argument("--only", default="start,session,cli,export")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    only = set(args.only.split(","))
    results = []
    with tempfile.TemporaryDirectory(prefix="tracker-scale-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            runs = args.big_runs if size >= 100_000 else args.runs
            started = time.perf_counter()
            res = measure_size(size, runs, only, Path(tmp))
            _ratios(res)
            res["minutes"] = (time.perf_counter() - started) / 60
            results.append(res)
            print(f"{size:,} items done in {res['minutes']:.1f} min "
                  f"(load {res['load_before']:.1f} → {res['load_after']:.1f})", file=sys.stderr, flush=True)
            if args.json:
                args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(table(results))


if __name__ == "__main__":
    main()
