"""Writing: read-only files refuse with a sentence, busy and other processes' edits are noticed."""

from __future__ import annotations

import sqlite3

import pytest

from tests.store.filedamage import digest
from tracker.services import PlanService, TrackingService, UserError, open_database
from tracker.store import Database, DiskFull, FileBusy, ReadOnlyFile


@pytest.fixture
def closed_file(db_path):
    open_database(db_path).close()
    return db_path


def test_read_only_database_reads_and_refuses_the_first_edit(closed_file):
    before = digest(closed_file)
    with Database(closed_file, read_only=True) as db:
        assert db.read_only
        assert any("只读" in n for n in db.notices)
        assert len(PlanService(db).view().items()) == 10
        with pytest.raises(ReadOnlyFile) as caught:
            TrackingService(db, who="test").checkin("1.1", 50)
        assert isinstance(caught.value, UserError) and "只读" in str(caught.value)
        with pytest.raises(ReadOnlyFile), db.transaction():  # any write, however it is made
            pass
        assert len(PlanService(db).view().items()) == 10  # still readable after the refusals
    assert digest(closed_file) == before


def test_a_write_sqlite_refuses_becomes_a_read_only_error(db):
    """However SQLite finds out (here: query_only), the user gets a sentence, not SQLITE_READONLY."""
    db.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(ReadOnlyFile, match="修改没有保存"):
        TrackingService(db, who="test").checkin("1.1", 50)
    db.conn.execute("PRAGMA query_only = OFF")
    TrackingService(db, who="test").checkin("1.1", 50)  # the connection was left clean
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 1


def test_a_locked_file_is_reported_as_busy_and_nothing_is_written(db, db_path):
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        db.conn.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(FileBusy, match="正被其他程序写入"):
            TrackingService(db, who="test").checkin("1.1", 50)
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert not db.conn.in_transaction
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0


def test_data_version_tells_outside_changes_from_our_own(db, db_path):
    with Database(db_path) as other:
        start = db.data_version()
        TrackingService(db, who="window").checkin("1.1", 10)
        assert db.data_version() == start  # our own commit
        TrackingService(other, who="cli").checkin("1.2", 20)
        assert db.data_version() != start  # the command line's commit
        seen = db.data_version()
        assert db.data_version() == seen


def test_two_connections_lose_neither_ones_edits(db, db_path):
    with Database(db_path) as other:
        a, b = TrackingService(db, who="a"), TrackingService(other, who="b")
        for n in range(10):
            a.checkin("1.1", n)
            b.checkin("2.1", n)
    with Database(db_path) as check:
        rows = check.read().execute("SELECT reporter, count(*) FROM checkin GROUP BY reporter").fetchall()
    assert {r[0]: r[1] for r in rows} == {"a": 10, "b": 10}


def test_a_failed_transaction_writes_nothing(db):
    with pytest.raises(RuntimeError), db.transaction() as c:
        c.execute("INSERT INTO department (name) VALUES ('法制科')")
        raise RuntimeError("boom")
    assert db.read().execute("SELECT count(*) FROM department").fetchone()[0] == 0
    assert not db.conn.in_transaction


def test_a_full_disk_is_a_sentence_and_nothing_is_half_written(db):
    """SQLite reports SQLITE_FULL the same way when the file may not grow (max_page_count)."""
    pages = db.read().execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull, match="磁盘空间不足"):
        TrackingService(db, who="test").checkin("1.1", 50, note="很长的进展" * 2000)
    assert not db.conn.in_transaction
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0
