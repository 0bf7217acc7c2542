"""What a short command costs to start: this tree against another commit, side by side.

    .venv/bin/python benchmarks/cli_start.py [--before main] [--sizes 1000,10000] [--runs 5]

The other commit is unpacked (`git archive`) into a temporary folder and put first on
PYTHONPATH; both trees run the same `benchmarks/scale_child.py cli …` on private copies of the
cached city plans (scale_data.py), the jobs alternating run by run, medians printed:

  import       the app's imports for `tracker checkin` and `tracker tasks --json` (-X importtime:
               modules a bare `python -c pass` does not load, their count and summed own time)
  wall         `tracker checkin`, `tracker tasks --json`, spawn to exit; reference: a bare
               sqlite3 insert (scale_child.py insert)
  page check   the open's integrity_check/quick_check alone on the same file, in-process
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scale_data import plan_file  # noqa: E402

CHILD = HERE / "scale_child.py"
PAGE_CHECK = """
import sys, time
from pathlib import Path
from tracker.store.probe import FULL_CHECK_MAX_BYTES, connect_readonly, page_problems
path = Path(sys.argv[1])
conn, _immutable = connect_readonly(path)
t = time.perf_counter()
page_problems(conn, full=path.stat().st_size <= FULL_CHECK_MAX_BYTES)
print(time.perf_counter() - t)
"""


def unpack(ref: str, into: Path) -> Path:
    """The tree of `ref` (committed files only) in a folder of its own."""
    archive = into / "before.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", ref], stdout=fh, check=True)
    tree = into / "before"
    with tarfile.open(archive) as tar:
        tar.extractall(tree, filter="data")
    return tree


def environment(tree: Path | None, folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("TRACKER_DB", None)
    env["TRACKER_CONFIG"] = str(folder / "preferences.json")
    env["XDG_CONFIG_HOME"] = str(folder / "config")
    env["PYTHONPATH"] = str(tree) if tree is not None else ""
    return env


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(CHILD), *args], env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{args[:4]} failed ({done.returncode}): {done.stderr[-1000:]}")
    return took


def startup_modules() -> set[str]:
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "pass"],
                          capture_output=True, text=True, check=True)
    return {name for name, _own in _importtime(done.stderr)}


def _importtime(text: str) -> list[tuple[str, int]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            own, _cumulative, name = line[len("import time:"):].split("|")
            rows.append((name.strip(), int(own)))
    return rows


def imports(args: list[str], env: dict[str, str], bare: set[str]) -> tuple[int, float]:
    """(modules, seconds) the command imports beyond a bare interpreter."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "tracker", *args],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{args[:4]} failed: {done.stderr[-1000:]}")
    rows = [(n, us) for n, us in _importtime(done.stderr) if n not in bare]
    return len(rows), sum(us for _n, us in rows) / 1e6


def code_in(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        areas = conn.execute("SELECT count(*) FROM node WHERE parent_id IS NULL AND plan_id = "
                             "(SELECT id FROM plan ORDER BY year DESC LIMIT 1)").fetchone()[0]
    finally:
        conn.close()
    return f"{areas // 2}.7"


def measure(items: int, runs: int, trees: dict[str, Path | None], work: Path) -> dict[str, dict]:
    folder = work / f"n{items}"
    folder.mkdir()
    bare = startup_modules()
    dbs, envs = {}, {}
    for name, tree in trees.items():
        dbs[name] = folder / f"{name}.db"
        shutil.copyfile(plan_file(items), dbs[name])
        envs[name] = environment(tree, folder / name)
        wall(["cli", "--db", str(dbs[name]), "plans"], envs[name])  # bytecode, daily backup
    code = code_in(dbs["after"])
    got: dict[str, dict[str, list[float]]] = {
        name: {k: [] for k in ("checkin", "tasks", "insert", "imp_checkin", "n_checkin",
                               "imp_tasks", "n_tasks", "page_check")} for name in trees}
    names = list(trees)
    for r in range(runs):
        for name in names if r % 2 == 0 else reversed(names):
            db, env, out = str(dbs[name]), envs[name], got[name]
            out["insert"].append(wall(["insert", db], env))
            out["checkin"].append(wall(["cli", "--db", db, "checkin", code, "--progress", str(40 + r),
                                        "--note", f"基准第{r}次", "--date", "2026-11-30"], env))
            out["tasks"].append(wall(["cli", "--db", db, "tasks", "--json"], env))
            n, s = imports(["--db", db, "checkin", code, "--progress", str(60 + r), "--note", "x"], env, bare)
            out["n_checkin"].append(n)
            out["imp_checkin"].append(s)
            n, s = imports(["--db", db, "tasks", "--json"], env, bare)
            out["n_tasks"].append(n)
            out["imp_tasks"].append(s)
            check = subprocess.run([sys.executable, "-c", PAGE_CHECK, db], env=env,
                                   capture_output=True, text=True, check=True)
            out["page_check"].append(float(check.stdout))
    return {name: {k: statistics.median(v) for k, v in values.items()} for name, values in got.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="the commit to compare with (default: main)")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cli-start-") as tmp:
        work = Path(tmp)
        os.chdir(work)  # `-m tracker` looks in the current folder first
        trees: dict[str, Path | None] = {"before": unpack(args.before, work), "after": None}
        print(f"before = {args.before}, after = this tree; median of {args.runs}; "
              f"load {Path('/proc/loadavg').read_text().split()[0]}")
        print("| | size | before | after |\n|---|---|---|---|")
        for items in (int(s) for s in args.sizes.split(",")):
            res = measure(items, args.runs, trees, work)
            b, a = res["before"], res["after"]
            rows = [
                ("`tracker checkin` imports", "{n:.0f} modules, {s:.3f} s", "n_checkin", "imp_checkin"),
                ("`tracker tasks --json` imports", "{n:.0f} modules, {s:.3f} s", "n_tasks", "imp_tasks"),
                ("`tracker checkin` wall (bare insert)", "{s:.3f} s ({i:.3f} s, ×{x:.1f})", "", "checkin"),
                ("`tracker tasks --json` wall", "{s:.3f} s", "", "tasks"),
                ("open's page check alone", "{s:.3f} s", "", "page_check"),
            ]
            for label, fmt, n_key, s_key in rows:
                cells = [fmt.format(n=r.get(n_key, 0), s=r[s_key], i=r["insert"],
                                    x=r[s_key] / r["insert"]) for r in (b, a)]
                print(f"| {label} | {items:,} | {cells[0]} | {cells[1]} |", flush=True)
            print(f"load {Path('/proc/loadavg').read_text().split()[0]}", flush=True)


if __name__ == "__main__":
    main()
