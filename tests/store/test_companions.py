"""-wal and -shm deleted (or the file swapped) under an open data file: writing stops, loudly.

Before: SQLite went on writing into the unlinked -wal, check-ins were reported as saved and
were gone once the file was reopened, and `tracker check` passed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tracker.cli_tracking import cmd_check
from tracker.services import TrackingService, Workspace, open_database
from tracker.store import FilesChanged


def _remove(path: Path, *suffixes: str) -> None:
    for suffix in suffixes:
        Path(f"{path}{suffix}").unlink()


@pytest.mark.parametrize("suffixes", [("-wal", "-shm"), ("-wal",), ("-shm",)])
def test_deleted_wal_or_shm_stops_the_next_save_with_a_sentence(db, suffixes):
    tracking = TrackingService(db, who="test")
    tracking.checkin("1.1", 10, date="2018-06-30")
    _remove(db.path, *suffixes)
    with pytest.raises(FilesChanged) as caught:
        tracking.checkin("1.1", 20, date="2018-06-30")
    message = str(caught.value)
    assert "被删除或替换" in message and "没有保存" in message and "\n" not in message
    with pytest.raises(FilesChanged):  # and every later one, even if the files come back
        tracking.checkin("1.1", 30, date="2018-06-30")


def test_the_data_file_swapped_under_an_open_connection_is_noticed(db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(db.path, copy)
    os.replace(copy, db.path)
    with pytest.raises(FilesChanged):
        TrackingService(db, who="test").checkin("1.1", 20, date="2018-06-30")


def test_check_reports_the_deleted_files(capsys, db_path):
    with Workspace.open(db_path) as ws:
        _remove(db_path, "-wal", "-shm")
        assert cmd_check(ws, None) == 1  # type: ignore[arg-type]
    assert "被删除或替换" in capsys.readouterr().err


def test_what_was_saved_before_the_fault_is_still_there(db_path):
    with open_database(db_path) as db:
        TrackingService(db, who="test").checkin("1.1", 10, date="2018-06-30")
        _remove(db_path, "-wal", "-shm")
        with pytest.raises(FilesChanged):
            TrackingService(db, who="test").checkin("1.1", 20, date="2018-06-30")
    with open_database(db_path) as again:
        assert [r[0] for r in again.read().execute("SELECT progress FROM checkin")] == [10]
