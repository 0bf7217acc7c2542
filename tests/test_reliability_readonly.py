"""A read-only file or folder: the command line reads it, refuses edits in one sentence, writes nothing.

Root ignores file modes, so as root the commands run with the capabilities that override
them dropped (setpriv); that is how an ordinary user meets the file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.filedamage import folder_state
from tracker.services import TrackingService, open_database

DROP = "-dac_override,-dac_read_search,-fowner"


def _prefix() -> list[str]:
    if getattr(os, "geteuid", lambda: 1)() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root ignores file modes and setpriv is not installed")
    prefix = [setpriv, "--bounding-set", DROP, "--inh-caps", DROP]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("cannot drop root's file-mode override here")
    return prefix


def tracker(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_prefix(), sys.executable, "-m", "tracker", "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a used data file; permissions are given back afterwards for cleanup."""
    here = tmp_path / "data"
    here.mkdir()
    with open_database(here / "t.db") as db:
        TrackingService(db, who="test").checkin("1.1", 30, date="2018-06-30")
    yield here
    here.chmod(0o755)
    for p in here.iterdir():
        p.chmod(0o644)


def assert_read_only_behaviour(path: Path) -> None:
    before = folder_state(path.parent)
    shown = tracker(path, "tasks", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)[0]["progress"] == 30
    edit = tracker(path, "checkin", "1.1", "--progress", "80")
    assert edit.returncode == 1
    assert edit.stderr.startswith("tracker: ") and edit.stderr.count("\n") == 1
    assert "只读" in edit.stderr and "Traceback" not in edit.stderr
    check = tracker(path, "check")
    assert check.returncode == 0 and "只读" in check.stdout
    after = folder_state(path.parent)
    for name, digest in before.items():  # -shm is SQLite's scratch index, rebuilt at will
        assert name.endswith("-shm") or after.get(name) == digest, f"{name} was changed"
    for name in set(after) - set(before):  # at most SQLite's empty read-only companions
        assert name.endswith("-shm") or (path.parent / name).stat().st_size == 0, name


def test_a_read_only_file(folder):
    path = folder / "t.db"
    path.chmod(0o444)
    assert_read_only_behaviour(path)


def test_a_read_only_folder(folder):
    path = folder / "t.db"
    folder.chmod(0o555)
    assert_read_only_behaviour(path)


def test_a_read_only_folder_and_file_with_unmerged_changes_in_the_wal(folder):
    """Copied while open: the check-in is only in the -wal; it must still be shown."""
    src = folder / "t.db"
    with open_database(src) as db:
        TrackingService(db, who="test").checkin("1.1", 30, date="2018-07-01")
        for name in ("t.db", "t.db-wal", "t.db-shm"):
            shutil.copyfile(folder / name, folder / f"copy{name[1:]}")
    path = folder / "copy.db"
    src.unlink()
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)
    assert_read_only_behaviour(path)
