"""Kill a process that is saving check-ins (kill -9 at random moments), then check the file.

Each trial starts a writer on a copy of a base data file (or on no file at all, so the first
start is interrupted too), kills it with SIGKILL after a random delay, and checks that
  - the data file opens and passes PRAGMA integrity_check (and foreign_key_check),
  - every check-in id the writer reported as saved is in the file,
  - every backup in the backups folder passes integrity_check (none is half-written).
Writers: "service" (one open file, TrackingService.checkin in a loop), "cli" (the real
`tracker checkin` code path, tracker.cli.main, once per check-in: open, daily backup, write,
close), "fresh" (like cli, but starting without a data file).

    python benchmarks/crash_harness.py [--trials 200] [--seed N] [--max-delay 1.0]

Exit status 0 when every trial passed. The tests import `run_trial` for a few trials.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MODES = ("service", "cli", "fresh")
CODES = ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "4.1", "4.2")
_SAVED = re.compile(r"(?:saved |已保存进展填报 #)(\d+)")


def writer(mode: str, db: str) -> None:
    """The process that gets killed: saves check-ins forever, reporting each id once saved."""
    rng = random.Random(os.getpid())
    if mode == "service":
        from tracker.services import TrackingService, open_database

        database = open_database(db)
        service = TrackingService(database, who="harness")
        while True:
            ci = service.checkin(rng.choice(CODES), rng.randint(0, 100),
                                 note="进展" * rng.randint(1, 200), date="2018-06-30")
            print(f"saved {ci.id}", flush=True)
    from tracker.cli import main

    while True:
        code = main(["--db", db, "checkin", rng.choice(CODES), "--progress", str(rng.randint(0, 100)),
                     "--note", "进展" * rng.randint(1, 200), "--date", "2018-06-30"])
        sys.stdout.flush()
        if code != 0:
            print(f"exit {code}", flush=True)


@dataclass
class TrialResult:
    mode: str
    delay: float
    reported: list[int] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # integrity, open or backup failures
    file_exists: bool = True
    backups: int = 0
    writer_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.problems and not self.writer_errors


def make_base(folder: Path) -> Path:
    """A data file with the default plan, made the way a user's first start makes it."""
    from tracker.services import open_database

    base = folder / "base.db"
    open_database(base).close()
    return base


def run_trial(folder: Path, mode: str, delay: float, base: Path | None = None, *,
              after_first_save: bool = False) -> TrialResult:
    """One writer, killed after `delay` seconds; `folder` must be empty and is left for inspection.

    With `after_first_save` the delay counts from the writer's first reported save, so a kill
    lands among the writes however slowly a loaded machine starts the writer."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "tracker.db"
    if mode != "fresh":
        if base is None:
            raise ValueError("modes other than 'fresh' need a base file")
        shutil.copyfile(base, db)
    proc = subprocess.Popen(
        [sys.executable, __file__, "--writer", mode, str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "0"},
    )
    lines: list[bytes] = []
    first_save = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            lines.append(raw)
            if _SAVED.search(raw.decode("utf-8", "replace")):
                first_save.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if after_first_save:
        first_save.wait(timeout=60)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    err = proc.stderr.read() if proc.stderr is not None else b""
    proc.wait()
    reader.join(timeout=10)
    out = b"".join(lines)
    result = TrialResult(mode, delay)
    for line in out.decode("utf-8", "replace").splitlines(keepends=True):
        if not line.endswith("\n"):
            continue  # cut off by the kill: not reported
        m = _SAVED.search(line)
        if m:
            result.reported.append(int(m.group(1)))
        elif line.startswith("exit"):
            result.writer_errors.append(line.strip())
    stderr = err.decode("utf-8", "replace").strip()
    if stderr:
        result.writer_errors.append(stderr.splitlines()[-1])
    check(db, result)
    return result


def check(db: Path, result: TrialResult) -> None:
    from tracker.store import Database, StoreError
    from tracker.store.backup import list_backups
    from tracker.store.probe import connect_readonly, page_problems

    if not db.exists():
        result.file_exists = False
        if result.reported:
            result.problems.append("data file missing although check-ins were reported")
        return
    try:
        with Database(db) as database:
            result.problems += database.integrity_errors()
            present = {r[0] for r in database.read().execute("SELECT id FROM checkin")}
            if not database.read().execute("SELECT count(*) FROM plan").fetchone()[0]:
                result.problems.append("data file holds no plan (re-seeded or half-made)")
    except (StoreError, sqlite3.Error) as exc:
        result.problems.append(f"open failed: {exc}")
        return
    result.missing = sorted(set(result.reported) - present)
    for b in list_backups(db):
        result.backups += 1
        conn, _ = connect_readonly(b.path)
        try:
            bad = page_problems(conn)
        finally:
            conn.close()
        if bad:
            result.problems.append(f"bad backup {b.path.name}: {bad[0]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay", type=float, default=1.0, help="seconds; kills land in [0, this)")
    parser.add_argument("--writer", nargs=2, metavar=("MODE", "DB"), help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the trial folders")
    args = parser.parse_args(argv)
    if args.writer:
        writer(*args.writer)
        return 0
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    root = Path(tempfile.mkdtemp(prefix="tracker-crash-"))
    base = make_base(root)
    counts: Counter[str] = Counter()
    failures: list[tuple[int, TrialResult]] = []
    started = time.perf_counter()
    for n in range(args.trials):
        mode = MODES[n % len(MODES)]
        result = run_trial(root / f"trial-{n:04d}", mode, rng.uniform(0, args.max_delay), base)
        counts["trials"] += 1
        counts[f"trials {mode}"] += 1
        counts["check-ins reported saved"] += len(result.reported)
        counts["reported but missing"] += len(result.missing)
        counts["integrity/open failures"] += len(result.problems)
        counts["killed before any check-in"] += not result.reported
        counts["fresh: killed before the file existed"] += not result.file_exists
        counts["backups checked"] += result.backups
        counts["writer errors"] += len(result.writer_errors)
        if not result.ok:
            failures.append((n, result))
        if not args.keep and result.ok:
            shutil.rmtree(root / f"trial-{n:04d}")
    elapsed = time.perf_counter() - started
    print(f"crash harness: seed {seed}, {elapsed:.0f} s, Python {sys.version.split()[0]}, "
          f"SQLite {sqlite3.sqlite_version}")
    for key in ("trials", *(f"trials {m}" for m in MODES), "check-ins reported saved",
                "reported but missing", "integrity/open failures", "killed before any check-in",
                "fresh: killed before the file existed", "backups checked", "writer errors"):
        print(f"  {key:<40} {counts[key]}")
    for n, result in failures[:10]:
        print(f"  FAILED trial {n} ({result.mode}, {result.delay:.3f} s): missing {result.missing[:5]} "
              f"{result.problems[:2]} {result.writer_errors[:2]}")
    if failures:
        print(f"  trial folders kept in {root}")
    elif not args.keep:
        shutil.rmtree(root)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
