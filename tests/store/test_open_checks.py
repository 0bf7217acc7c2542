"""Opening a damaged, foreign or newer file: refused with a clear message, left byte for byte."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.store.filedamage import PAGE, digest, overwrite, retarget_last_index_entry
from tracker.services import TrackingService, UserError, open_database
from tracker.store import DamagedFile, Database, NewerSchema, NotADataFile, StaleWal
from tracker.store.probe import connect_readonly, page_problems


@pytest.fixture
def sound(tmp_path: Path) -> Path:
    """A used data file (a few check-ins), closed, as a user leaves it."""
    path = tmp_path / "sound.db"
    with open_database(path) as db:
        tracking = TrackingService(db, who="test")
        for n in range(3):
            tracking.checkin("1.1", 10 * (n + 1), date="2018-06-30")
    return path


def damaged_copy(sound: Path, name: str = "damaged.db") -> Path:
    path = sound.with_name(name)
    shutil.copyfile(sound, path)
    return path


def refuse(path: Path, error: type[Exception]) -> str:
    """Open must raise `error` and leave the file exactly as it was; returns the message."""
    before = digest(path)
    with pytest.raises(error) as caught:
        Database(path)
    assert digest(path) == before
    assert isinstance(caught.value, UserError)  # the CLI and window show it as it is
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_a_text_file_is_not_a_data_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这是一份普通的文字笔记。\n", encoding="utf-8")
    assert "不是 SQLite 文件" in refuse(path, NotADataFile)


def test_a_zip_file_is_not_a_data_file(tmp_path):
    path = tmp_path / "ledger.db"
    path.write_bytes(b"PK\x03\x04" + bytes(2000))
    refuse(path, NotADataFile)


def test_another_programs_sqlite_file_is_not_ours(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE songs (title TEXT)")
    assert "不是年度工作台账的数据文件" in refuse(path, NotADataFile)


@pytest.mark.parametrize("keep", [0.5, 0.9, 50 / 8192])
def test_a_truncated_file_is_damaged(sound, keep):
    path = damaged_copy(sound)
    data = path.read_bytes()
    path.write_bytes(data[: max(20, int(len(data) * keep))])
    assert "已损坏" in refuse(path, DamagedFile)


def test_a_damaged_header_is_refused(sound):
    path = damaged_copy(sound)
    overwrite(path, 16, b"\x00\x03")  # page size 3: impossible
    with pytest.raises((DamagedFile, NotADataFile)):
        Database(path)


def test_every_damaged_page_is_found_at_open(sound):
    """Garbage over the start of any page (a b-tree header) is caught before anything is written."""
    pages = sound.stat().st_size // PAGE
    assert pages > 10
    for page in range(2, pages + 1):
        path = damaged_copy(sound, f"page{page}.db")
        overwrite(path, (page - 1) * PAGE, b"\xff" * 16)
        refuse(path, DamagedFile)
        path.unlink()


def test_a_damaged_index_is_found_at_open(sound):
    """An index entry pointing at a missing row passes quick_check; the full check at open finds it."""
    path = damaged_copy(sound)
    retarget_last_index_entry(path, "checkin_node", 99)
    conn, _ = connect_readonly(path)
    try:
        assert page_problems(conn, full=False) == []  # the cheaper check would miss it
    finally:
        conn.close()
    assert "已损坏" in refuse(path, DamagedFile)


def test_a_newer_schema_is_refused_untouched(sound):
    path = damaged_copy(sound)
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA user_version = 99")
    c.close()
    message = refuse(path, NewerSchema)
    assert "更新版本" in message and "99" in message


def test_a_stale_wal_is_named_and_neither_file_is_touched(tmp_path):
    """A -wal from a later state of the file beside an older copy: SQLite would replay it."""
    live = tmp_path / "live.db"
    with open_database(live) as db:
        tracking = TrackingService(db, who="test")
        tracking.checkin("1.1", 10, date="2018-03-31")
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        old = tmp_path / "old.db"
        shutil.copyfile(live, old)  # an older copy, as a user restores by hand
        for n in range(200):
            tracking.checkin("2.1", n % 100, note="进展" * 200, date="2018-06-30")
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for n in range(60):
            tracking.checkin("3.1", n, note="问题" * 100, date="2018-07-31")
        shutil.copyfile(f"{live}-wal", f"{old}-wal")  # the live -wal, left beside the old copy
    wal = Path(f"{old}-wal")
    wal_before = digest(wal)
    message = refuse(old, StaleWal)
    assert "-wal" in message and "完好" in message
    assert digest(wal) == wal_before
    wal.unlink()
    Path(f"{old}-shm").unlink(missing_ok=True)
    with Database(old) as db:  # as the message says: moved away, the file opens
        assert db.integrity_errors() == []


def test_an_empty_file_with_backups_is_not_taken_for_a_new_one(sound):
    with open_database(sound):
        pass  # the second open takes the daily backup
    sound.write_bytes(b"")
    message = refuse(sound, DamagedFile)
    assert "0 字节" in message
    assert sound.stat().st_size == 0


def test_an_empty_file_without_backups_becomes_a_data_file(tmp_path):
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    with Database(path) as db:
        assert db.created and db.schema_version >= 1


def test_a_crash_left_wal_is_recovered_not_refused(tmp_path):
    """A -wal that belongs to the file (process killed after commit) is simply replayed."""
    path = tmp_path / "t.db"
    with open_database(path) as db:
        TrackingService(db, who="test").checkin("1.1", 40, date="2018-06-30")
        copy = tmp_path / "copy.db"
        shutil.copyfile(path, copy)  # copied while open: the check-in lives only in the -wal
        shutil.copyfile(f"{path}-wal", f"{copy}-wal")
    with Database(copy) as db:
        assert db.read().execute("SELECT progress FROM checkin").fetchone()[0] == 40
