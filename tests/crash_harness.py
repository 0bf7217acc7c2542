"""Kill processes that are saving check-ins (kill -9 at random moments), then check the file.

Each trial starts writers on a copy of a base data file (or on no file at all, so the first
start is interrupted too), kills them with SIGKILL after a random delay, and checks that
  - the data file opens and passes PRAGMA integrity_check (and foreign_key_check),
  - every check-in a writer reported as saved is in the file (each carries a unique token in
    its note; in "restore" mode, in the file or in one of the before-restore backups),
  - every backup in the backups folder passes integrity_check (none is half-written).
Modes: "service" (one open file, TrackingService.checkin in a loop), "cli" (the real
`tracker checkin` code path, tracker.cli.main, once per check-in: open, daily backup, write,
close), "fresh" (like cli, but starting without a data file), "race" (four cli writers start
at the same instant on a missing file: one creates it, the others must use that one),
"restore" (two cli writers while a third process restores a backup again and again).

    python benchmarks/crash_harness.py [--trials 200] [--seed N] [--max-delay 1.0]

(This file is run by that script and by tests/test_reliability_crash.py; it lives in tests/.)

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

MODES = ("service", "cli", "fresh", "race", "restore")
CODES = ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "4.1", "4.2")
RACERS = 4  # writers starting together in "race" mode
_SAVED = re.compile(r"^saved (\S+)$")
_STARTUP = 1.5  # seconds for the writers' interpreters to load before a common start


def writer(mode: str, db: str, start_at: float) -> None:
    """The process that gets killed: saves check-ins forever, reporting each one once saved.

    Each note starts with a token unique to this process and check-in, so a saved check-in
    can be found in any file (ids repeat once a restore rolls the file back)."""
    rng = random.Random(os.getpid())
    tokens = (f"p{os.getpid()}n{n}" for n in range(1 << 30))
    if mode == "restorer":
        restorer(db, start_at)
        return
    if mode == "service":
        from tracker.services import TrackingService, open_database

        database = open_database(db)
        service = TrackingService(database, who="harness")
        while True:
            token = next(tokens)
            service.checkin(rng.choice(CODES), rng.randint(0, 100),
                            note=f"{token} " + "进展" * rng.randint(1, 200), date="2018-06-30")
            print(f"saved {token}", flush=True)
    from tracker.cli import main

    _wait_until(start_at)
    while True:
        token = next(tokens)
        code = main(["--db", db, "checkin", rng.choice(CODES), "--progress", str(rng.randint(0, 100)),
                     "--note", f"{token} " + "进展" * rng.randint(1, 200), "--date", "2018-06-30"])
        sys.stdout.flush()
        if code == 0:
            print(f"saved {token}", flush=True)
        else:
            print(f"exit {code}", flush=True)


def restorer(db: str, start_at: float) -> None:
    """Restores the file's first backup again and again while the writers save."""
    from tracker.services.backups import list_backups, restore_backup

    _wait_until(start_at)
    while True:
        backups = list_backups(db)
        if backups:
            restore_backup(db, backups[-1].path)
            print("restored", flush=True)
        time.sleep(0.05)


def _wait_until(start_at: float) -> None:
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)


@dataclass
class TrialResult:
    mode: str
    delay: float
    reported: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # integrity, open or backup failures
    file_exists: bool = True
    backups: int = 0
    restores: int = 0
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
    """Writers killed `delay` seconds after they start saving; `folder` must be empty and is
    left for inspection.

    With `after_first_save` the delay counts from the first save any writer reports, so a kill
    lands among the writes however slowly a loaded machine starts the writers."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "tracker.db"
    if mode not in ("fresh", "race"):
        if base is None:
            raise ValueError("modes other than 'fresh' and 'race' need a base file")
        shutil.copyfile(base, db)
    if mode == "restore":
        _first_backup(db)
    roles = {"race": ["cli"] * RACERS, "restore": ["cli", "cli", "restorer"]}.get(mode, [mode])
    start_at = time.time() + (_STARTUP if len(roles) > 1 else 0)
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    procs = [subprocess.Popen([sys.executable, __file__, "--writer", role, str(db), repr(start_at)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
             for role in roles]
    first_save = threading.Event()
    outputs: list[list[bytes]] = [[] for _ in procs]
    errors: list[list[bytes]] = [[] for _ in procs]

    def read(proc: subprocess.Popen[bytes], lines: list[bytes]) -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            lines.append(raw)
            if _SAVED.match(raw.decode("utf-8", "replace").strip()):
                first_save.set()

    def drain(proc: subprocess.Popen[bytes], lines: list[bytes]) -> None:
        assert proc.stderr is not None
        lines.extend(proc.stderr)

    readers = [threading.Thread(target=fn, args=(proc, lines), daemon=True)
               for proc, out, err in zip(procs, outputs, errors, strict=True)
               for fn, lines in ((read, out), (drain, err))]
    for reader in readers:
        reader.start()
    if after_first_save:
        first_save.wait(timeout=60)
    else:
        time.sleep(max(0.0, start_at - time.time()))
    time.sleep(delay)
    for proc in procs:
        proc.send_signal(signal.SIGKILL)
    for proc in procs:
        proc.wait()
    for reader in readers:
        reader.join(timeout=10)
    result = TrialResult(mode, delay)
    for out, err in zip(outputs, errors, strict=True):
        for line in b"".join(out).decode("utf-8", "replace").splitlines(keepends=True):
            if not line.endswith("\n"):
                continue  # cut off by the kill: not reported
            m = _SAVED.match(line.strip())
            if m:
                result.reported.append(m.group(1))
            elif line.startswith("restored"):
                result.restores += 1
            elif line.startswith("exit"):
                result.writer_errors.append(line.strip())
        stderr = b"".join(err).decode("utf-8", "replace").strip()
        if stderr:  # each distinct line once (the same refusal repeated is one kind)
            result.writer_errors += sorted(set(stderr.splitlines()))
    check(db, result)
    return result


def _first_backup(db: Path) -> None:
    from tracker.services import open_database
    from tracker.services.backups import BackupService

    with open_database(db) as database:
        BackupService(database).take()


def _tokens(path: Path, read_only: bool = False) -> set[str]:
    from tracker.store import Database

    with Database(path, read_only=read_only) as database:
        notes = database.read().execute("SELECT progress_text FROM checkin").fetchall()
    return {str(n[0]).split(" ", 1)[0] for n in notes}


def check(db: Path, result: TrialResult) -> None:
    from tracker.store import Database, StoreError
    from tracker.store.backup import Backups
    from tracker.store.probe import connect_readonly, page_problems

    if not db.exists():
        result.file_exists = False
        if result.reported:
            result.problems.append("data file missing although check-ins were reported")
        return
    try:
        with Database(db) as database:
            result.problems += database.integrity_errors()
            if not database.read().execute("SELECT count(*) FROM plan").fetchone()[0]:
                result.problems.append("data file holds no plan (re-seeded or half-made)")
        present = _tokens(db)
    except (StoreError, sqlite3.Error) as exc:
        result.problems.append(f"open failed: {exc}")
        return
    for b in Backups(db).files():
        result.backups += 1
        conn, _ = connect_readonly(b.path)
        try:
            bad = page_problems(conn)
        finally:
            conn.close()
        if bad:
            result.problems.append(f"bad backup {b.path.name}: {bad[0]}")
        elif b.reason == "before-restore":
            present |= _tokens(b.path, read_only=True)
    result.missing = sorted(set(result.reported) - present)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay", type=float, default=1.0, help="seconds; kills land in [0, this)")
    parser.add_argument("--writer", nargs=3, metavar=("MODE", "DB", "START"), help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the trial folders")
    args = parser.parse_args(argv)
    if args.writer:
        writer(args.writer[0], args.writer[1], float(args.writer[2]))
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
        counts["restores during writes"] += result.restores
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
                "fresh: killed before the file existed", "backups checked", "restores during writes",
                "writer errors"):
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
