"""A new data file appears under its name once, complete; an existing one is never replaced.

Several processes starting on a missing or empty file at the same moment are run for real by
the crash harness ("race" mode, tests/test_reliability_crash.py); these tests pin the rules.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tracker.services import TrackingService, open_database
from tracker.store import Database
from tracker.store.newfile import BUILD_PREFIX, STALE_BUILD_SECONDS

ROOT = Path(__file__).resolve().parents[2]


def test_create_opens_a_file_another_process_made_first_and_never_replaces_it(db_path):
    with open_database(db_path) as first:
        TrackingService(first, who="a").checkin("1.1", 40, date="2018-06-30")
        first_id = first.file_id
    inode = db_path.stat().st_ino
    with open_database(db_path) as second:  # what a process that lost the race does
        assert not second.created
        assert second.file_id == first_id
        assert second.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 1
    assert db_path.stat().st_ino == inode


def test_a_new_file_is_complete_when_it_appears_and_leaves_no_build_behind(db_path):
    with open_database(db_path) as db:
        assert db.created
        assert db.read().execute("SELECT count(*) FROM plan").fetchone()[0] == 1
        assert len(db.file_id) == 32
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(BUILD_PREFIX)) == []


def test_builds_left_by_killed_runs_are_cleaned_up_when_stale(db_path):
    db_path.parent.mkdir(exist_ok=True)
    old = db_path.with_name(f"{BUILD_PREFIX}dead.db")
    young = db_path.with_name(f"{BUILD_PREFIX}busy.db")
    for leftover in (old, Path(f"{old}-journal"), young):
        leftover.write_bytes(b"half a file")
    past = time.time() - STALE_BUILD_SECONDS - 60
    for leftover in (old, Path(f"{old}-journal")):
        os.utime(leftover, (past, past))
    open_database(db_path).close()
    assert not old.exists() and not Path(f"{old}-journal").exists()
    assert young.exists()  # may be another process's build in progress


RACER = """
import sys, time
from tracker.cli import main
db, start_at = sys.argv[1], float(sys.argv[2])
time.sleep(max(0, start_at - time.time()))
code = main(["--db", db, "checkin", "1.1", "--progress", "5", "--note", sys.argv[3], "--date", "2018-06-30"])
print("saved" if code == 0 else f"exit {code}", flush=True)
"""


def test_processes_starting_on_an_empty_file_seed_it_once(tmp_path):
    """A touched (0-byte) file is seeded in place, under SQLite's exclusive lock: one plan, and
    every process's check-in kept (the same path serves a filesystem without hard links)."""
    path = tmp_path / "touched.db"
    path.touch()
    start_at = time.time() + 1.5
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(path), repr(start_at), f"note{n}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for n in range(4)]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [out.strip().splitlines()[-1] for out, _ in outputs] == ["saved"] * 4, outputs
    with Database(path) as db:
        assert db.read().execute("SELECT count(*) FROM plan").fetchone()[0] == 1
        notes = {r[0] for r in db.read().execute("SELECT progress_text FROM checkin")}
    assert notes == {f"note{n}" for n in range(4)}
