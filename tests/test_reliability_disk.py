"""A full disk, for real: a small tmpfs mounted for the test (as root; skipped otherwise).

Item 12: an export into a full disk is one line, without Python's "Exception ignored … OSError
28" traceback after it. Item 14: with under 32 KB free, SQLite cannot make the -shm it needs to
read a WAL file; every command said "damaged" and offered to restore a backup over a sound file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.filedamage import digest
from tracker.services import TrackingService, open_database

ROOT = Path(__file__).resolve().parent.parent
KB = 1024


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB filesystem of its own, unmounted afterwards."""
    if getattr(os, "geteuid", lambda: 1)() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small filesystem needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(disk: Path, leave: int) -> None:
    """Take all but about `leave` bytes of the disk's free space."""
    free = shutil.disk_usage(disk).free
    with (disk / "filler").open("ab") as fh:
        fh.write(bytes(max(0, free - leave)))
    assert shutil.disk_usage(disk).free <= leave + 4 * KB


def tracker(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in its own process (so interpreter-exit noise is seen)."""
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)


def test_an_export_into_a_full_disk_is_one_line_and_leaves_nothing(db, db_path, small_disk):
    db.close()
    fill(small_disk, 8 * KB)
    before = sorted(p.name for p in small_disk.iterdir())
    done = tracker("--db", str(db_path), "export", "--out", str(small_disk / "台账.xlsx"))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr
    assert "磁盘空间不足" in done.stderr and "Exception ignored" not in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == before  # no ledger, no temporary file


@pytest.mark.parametrize("command", [["tasks"], ["check"], ["checkin", "1.1", "--progress", "50"]])
def test_under_32_kb_free_is_a_full_disk_never_damage(small_disk, command):
    path = small_disk / "tracker.db"
    with open_database(path) as db:
        TrackingService(db, who="test").checkin("1.1", 30, date="2018-06-30")
    open_database(path).close()  # a daily backup exists: a damaged file would be offered it
    fill(small_disk, 16 * KB)
    before = digest(path)
    done = tracker("--db", str(path), *command)
    assert done.returncode == 1
    assert done.stderr.startswith("tracker: ") and done.stderr.count("\n") == 1, done.stderr
    assert "磁盘空间不足" in done.stderr
    assert "损坏" not in done.stderr.replace("没有损坏", "") and "restore" not in done.stderr
    assert digest(path) == before


def test_a_save_that_fills_the_disk_says_so_and_saves_nothing(small_disk):
    path = small_disk / "tracker.db"
    open_database(path).close()
    fill(small_disk, 40 * KB)  # room to open (the -shm), not for a long check-in
    done = tracker("--db", str(path), "checkin", "1.1", "--progress", "50", "--note", "进展" * 15_000)
    assert done.returncode == 1 and "磁盘空间不足" in done.stderr, done.stderr
    (small_disk / "filler").unlink()
    with open_database(path) as db:
        assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0
        assert db.integrity_errors() == []
