"""Backups as a user meets them: one a day at open, `tracker backup`, `tracker restore`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.store.filedamage import PAGE, digest, overwrite
from tracker.cli import main
from tracker.io.report import parse_report
from tracker.services import TrackingService, UserError, open_database
from tracker.services.backups import (
    BackupService,
    list_backups,
    newest_good_backup,
    restore_backup,
)
from tracker.services.plans import default_report_text
from tracker.store import Database, FileBusy
from tracker.store import backup as store
from tracker.store import repository as repo
from tracker.store.migrations import IDENTITY_VERSION, MIGRATIONS
from tracker.store.probe import file_id


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def checkins(path: Path) -> int:
    with Database(path) as db:
        return int(db.read().execute("SELECT count(*) FROM checkin").fetchone()[0])


def test_a_new_file_has_no_backup_and_the_next_open_takes_one(db_path):
    open_database(db_path).close()
    assert list_backups(db_path) == []
    open_database(db_path).close()
    backups = list_backups(db_path)
    assert [b.reason for b in backups] == ["auto"]
    open_database(db_path).close()
    assert len(list_backups(db_path)) == 1  # not again the same day


def test_the_daily_backup_follows_the_calendar_and_rotates(db):
    service = BackupService(db)
    start = dt.datetime(2018, 1, 1, 8, 30)
    assert service.take_if_due(start) is not None
    assert service.take_if_due(start + dt.timedelta(hours=23)) is None
    assert service.take_if_due(start + dt.timedelta(hours=25)) is not None
    for day in range(2, 60):
        service.take_if_due(start + dt.timedelta(days=day))
    autos = [b for b in list_backups(db.path) if b.reason == "auto"]
    assert autos[0].taken.date() == dt.date(2018, 3, 1)
    assert len(autos) <= 7 + 4 + 12
    assert len({b.taken.date() for b in autos if b.taken.date() > dt.date(2018, 2, 22)}) == 7


def test_a_backup_that_cannot_be_made_is_a_notice_not_a_failure(db):
    db.backups.folder.write_text("a file where the folder should be")
    assert BackupService(db).take_if_due() is None
    assert any("自动备份未完成" in n for n in db.notices)


def test_tracker_backup_and_out(capsys, db, db_path, tmp_path):
    db.close()
    code, out, _ = run(capsys, "--db", str(db_path), "backup")
    assert code == 0 and "已备份并校验" in out
    assert [b.reason for b in list_backups(db_path) if b.reason == "manual"] == ["manual"]
    target = tmp_path / "copy.db"
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--out", str(target))
    assert code == 0 and str(target) in out
    assert newest_good_backup(db_path) is not None
    code, _, err = run(capsys, "--db", str(db_path), "backup", "--out", str(target))
    assert code == 1 and "已存在" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", str(db_path), "backup", "--out", str(db_path))
    assert code == 1 and "数据文件本身" in err


def test_restore_keeps_the_current_state_as_a_backup_first(capsys, db, db_path):
    tracking = TrackingService(db, who="test")
    tracking.checkin("1.1", 10)
    first = BackupService(db).take()
    tracking.checkin("1.2", 20)
    db.close()
    code, out, _ = run(capsys, "--db", str(db_path), "restore", str(first))
    assert code == 0 and "恢复前的数据已备份到" in out
    assert checkins(db_path) == 1
    kept = [b for b in list_backups(db_path) if b.reason == "before-restore"]
    assert len(kept) == 1 and kept[0].checkins == 2  # the undone check-in is not lost


def test_restore_from_the_window_while_it_holds_the_file_open(db, db_path):
    """The dialog restores through its own connection; the window's sees the new content."""
    backup = BackupService(db).take()
    TrackingService(db, who="test").checkin("1.1", 10)
    before = db.data_version()
    result = restore_backup(db_path, backup)
    assert not result.damaged and result.kept is not None
    assert db.data_version() != before
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0


def test_restore_of_a_damaged_file_moves_it_aside_byte_for_byte(capsys, db, db_path):
    TrackingService(db, who="test").checkin("1.1", 10)
    BackupService(db).take()
    db.close()
    overwrite(db_path, 2 * PAGE, b"\xff" * 32)
    damaged = digest(db_path)
    code, _, err = run(capsys, "--db", str(db_path), "tasks")
    assert code == 1 and "tracker restore" in err and "manual" in err
    code, out, _ = run(capsys, "--db", str(db_path), "restore")
    assert code == 0 and "损坏的文件已保留为" in out
    aside = [p for p in db_path.parent.iterdir() if ".damaged-" in p.name and p.suffix != ".db-wal"]
    assert any(digest(p) == damaged for p in aside)
    assert checkins(db_path) == 1
    code, out, _ = run(capsys, "--db", str(db_path), "check")
    assert code == 0


def test_restore_of_a_missing_file(capsys, db, db_path):
    backup = BackupService(db).take()
    db.close()
    db_path.unlink()
    Path(f"{db_path}-wal").unlink(missing_ok=True)
    code, _, _ = run(capsys, "--db", str(db_path), "restore", str(backup))
    assert code == 0 and checkins(db_path) == 0


def test_a_bad_backup_is_refused_and_nothing_changes(capsys, db, db_path, tmp_path):
    db.close()
    before = digest(db_path)
    bad = tmp_path / "bad.db"
    bad.write_text("not a backup")
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(bad))
    assert code == 1 and "不是年度工作台账的备份文件" in err
    damaged = tmp_path / "damaged-backup.db"
    shutil.copyfile(db_path, damaged)
    overwrite(damaged, 2 * PAGE, b"\xff" * 32)
    with pytest.raises(UserError, match="备份文件已损坏"):
        restore_backup(db_path, damaged)
    assert digest(db_path) == before
    assert list_backups(db_path) == []


def test_restore_list_shows_date_items_and_state(capsys, db, db_path):
    BackupService(db).take()
    db.close()
    code, out, _ = run(capsys, "--db", str(db_path), "restore", "--list")
    assert code == 0 and "手动" in out and "10 项工作" in out and "完好" in out


def test_restore_without_any_backup_says_so(capsys, db_path):
    open_database(db_path).close()
    code, _, err = run(capsys, "--db", str(db_path), "restore")
    assert code == 1 and "没有找到可用的备份" in err


def test_two_offices_files_sharing_one_backup_folder_keep_their_own_backups(capsys, tmp_path):
    """Two `tracker.db` (two offices, one network share for backups): each gets its daily backup,
    `restore` picks its own, and a backup of the other file is refused."""
    shared = tmp_path / "备份盘"
    shared.mkdir()
    office_a, office_b = tmp_path / "a" / "tracker.db", tmp_path / "b" / "tracker.db"
    day = dt.datetime(2018, 6, 30, 9, 0)
    with open_database(office_a, backup_dir=shared) as a:
        TrackingService(a, who="a").checkin("1.1", 10, date="2018-06-30")
        made_a = BackupService(a).take_if_due(day)
    with open_database(office_b, backup_dir=shared) as b:
        TrackingService(b, who="b").checkin("2.1", 90, date="2018-06-30")
        made_b = BackupService(b).take_if_due(day + dt.timedelta(minutes=5))
    assert made_a is not None and made_b is not None  # b is not skipped for a's fresh backup
    assert made_a.parent == made_b.parent == shared / "tracker.db.backups"
    assert [x.path for x in list_backups(office_b, backup_dir=shared)] == [made_b]
    with pytest.raises(UserError, match="属于另一个数据文件"):
        restore_backup(office_b, made_a, backup_dir=shared)
    assert restore_backup(office_b, made_b, backup_dir=shared).restored.path == made_b
    with Database(office_b) as b:
        assert [r[0] for r in b.read().execute("SELECT progress FROM checkin")] == [90]


def test_restore_keeps_the_file_identity_and_upgrades_an_old_backup_in_one_step(db, db_path):
    """A backup from before files had an identity restores, and the file keeps its id."""
    old = db_path.with_name("old-backup.db")
    with Database(old, migrations=MIGRATIONS[:IDENTITY_VERSION - 1], seed=_default_plan) as legacy:
        legacy.conn.execute("PRAGMA journal_mode = DELETE")
    identity = db.file_id
    BackupService(db).restore(old)
    assert db.schema_version == len(MIGRATIONS)
    assert file_id(db.read()) == identity
    assert db.integrity_errors() == []
    assert db.read().execute("SELECT count(*) FROM plan").fetchone()[0] == 1


def _default_plan(c) -> None:
    repo.insert_plan(c, parse_report(default_report_text()))


def test_writers_wait_while_the_state_before_a_restore_is_kept_and_the_backup_restored(db, db_path):
    """One write lock from the before-restore copy to the end of the restore: a check-in cannot
    land between the two (before: 4 of 231 saved check-ins were in neither)."""
    backup = BackupService(db).take()
    TrackingService(db, who="window").checkin("1.1", 10, date="2018-06-30")
    attempts = []
    with Database(db_path) as other:  # the command line, say
        other.conn.execute("PRAGMA busy_timeout = 0")

        def keep(reader):
            try:
                TrackingService(other, who="cli").checkin("1.2", 50, date="2018-06-30")
            except FileBusy as exc:
                attempts.append(exc)
            return db.backups.take(reader, store.BEFORE_RESTORE).path

        kept = db.restore(backup, keep)
    assert len(attempts) == 1  # the writer had to wait
    with Database(kept, read_only=True) as before:
        assert [r[0] for r in before.read().execute("SELECT progress FROM checkin")] == [10]
    assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 0
