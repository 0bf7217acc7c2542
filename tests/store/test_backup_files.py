"""Backup files: complete and checked or absent, one file each, rotated 7 daily / 4 weekly / 12 monthly."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest

from tests.store.filedamage import PAGE, overwrite
from tracker.services import TrackingService
from tracker.store import BackupFailed, Database
from tracker.store import backup as store


def test_a_backup_is_one_checked_file_with_the_same_content(db):
    TrackingService(db, who="test").checkin("1.1", 40)
    made = db.backups.take(db.conn, store.MANUAL)
    assert made.path.parent == db.path.with_name("tracker.db.backups")
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name]  # no -wal, no temp file
    with sqlite3.connect(made.path) as c:
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.close()
    contents = store.inspect(made.path)
    assert (contents.items, contents.checkins, contents.years, contents.problems) == (10, 1, (2018,), ())
    assert db.backups.files() == [made]


def test_two_backups_in_one_second_keep_both(db):
    now = dt.datetime(2018, 6, 30, 9, 0, 0)
    first = db.backups.take(db.conn, store.AUTO, now)
    second = db.backups.take(db.conn, store.AUTO, now)
    assert first.path != second.path
    assert {b.path for b in db.backups.files()} == {first.path, second.path}


def test_a_backup_is_never_written_over_an_existing_file(db, tmp_path):
    out = tmp_path / "mine.db"
    out.write_bytes(b"keep me")
    with pytest.raises(BackupFailed, match="已存在"):
        store.write(db.conn, out)
    assert out.read_bytes() == b"keep me"


def test_a_damaged_file_gives_no_backup_at_all(db):
    """Pages damaged under an open file: the copy fails its check and nothing is left behind."""
    db.close()
    overwrite(db.path, 3 * PAGE, b"\xff" * 64)
    conn = sqlite3.connect(db.path)  # opened without the checks, as a long-running window would be
    try:
        with pytest.raises(BackupFailed):
            db.backups.take(conn, store.AUTO)
    finally:
        conn.close()
    assert list(db.backups.folder.iterdir()) == []


def test_leftovers_of_a_killed_backup_are_cleaned_when_old(db):
    folder = db.backups.folder
    folder.mkdir()
    old, young = folder / ".partial-1-aaaa.db", folder / ".partial-2-bbbb.db"
    old.write_bytes(b"half")
    young.write_bytes(b"half")
    hour_ago = time.time() - 7200
    os.utime(old, (hour_ago, hour_ago))
    db.backups.take(db.conn, store.AUTO)
    assert not old.exists()
    assert young.exists()  # may be another process's backup in progress
    assert len(db.backups.files()) == 1


def _daily(start: dt.date, days: int, reason: str = store.AUTO) -> list[store.BackupFile]:
    out = []
    for n in range(days):
        day = start + dt.timedelta(days=n)
        taken = dt.datetime.combine(day, dt.time(9, 0))
        out.append(store.BackupFile(Path(f"t-{taken:%Y%m%d-%H%M%S}-{reason}.db"), taken, reason))
    return out


def test_rotation_keeps_7_days_4_weeks_12_months():
    backups = _daily(dt.date(2023, 5, 28), 400)  # up to Sunday 2024-06-30
    kept = {b.taken.date() for b in backups} - {b.taken.date() for b in store.to_prune(backups)}
    days = {dt.date(2024, 6, d) for d in range(24, 31)}
    weeks = {dt.date(2024, 6, 23), dt.date(2024, 6, 16), dt.date(2024, 6, 9)}  # and 6-30
    months = {dt.date(2024, 5, 31), dt.date(2024, 4, 30), dt.date(2024, 3, 31), dt.date(2024, 2, 29),
              dt.date(2024, 1, 31), dt.date(2023, 12, 31), dt.date(2023, 11, 30), dt.date(2023, 10, 31),
              dt.date(2023, 9, 30), dt.date(2023, 8, 31), dt.date(2023, 7, 31)}  # and 2024-06
    assert kept == days | weeks | months
    assert len(kept) == 21


def test_rotation_never_removes_backups_a_person_or_an_upgrade_asked_for():
    backups = _daily(dt.date(2020, 1, 1), 30, store.MANUAL) + _daily(dt.date(2020, 1, 1), 3, "before-v2")
    backups += _daily(dt.date(2020, 1, 1), 3, store.BEFORE_RESTORE) + _daily(dt.date(2024, 1, 1), 10)
    pruned = store.to_prune(backups)
    assert {b.reason for b in pruned} == {store.AUTO}
    assert len(pruned) == 3  # of ten daily: seven days kept


def test_restoring_through_sqlite_is_seen_by_another_open_connection(db, db_path):
    made = db.backups.take(db.conn, store.MANUAL)
    with Database(db_path) as window:
        TrackingService(window, who="window").checkin("1.1", 70)
        version = window.data_version()
        db.restore(made.path, lambda reader: None)
        assert window.data_version() != version  # the window can notice and reload
        assert window.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0
    with Database(db_path) as again:
        assert again.integrity_errors() == []
        assert again.read().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
