"""Backups: the daily one taken at open, one on demand, the list to restore from, restoring.

Restoring never loses the current state: a healthy file is backed up first (before-restore)
and then overwritten through SQLite; a file too damaged to open is moved aside, not deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from tracker.services.errors import UserError
from tracker.store import (
    DamagedFile,
    Database,
    NotADataFile,
    ReadOnlyFile,
    Store,
    StoreError,
    default_db_path,
)
from tracker.store import backup as store
from tracker.store.migrations import MIGRATIONS

DAILY = dt.timedelta(days=1)
REASON_LABELS = {"auto": "每日自动", "manual": "手动", "before-restore": "恢复前", "external": "外部文件"}


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the restore list shows it."""

    path: Path
    taken: dt.datetime
    reason: str
    size: int
    items: int
    checkins: int
    years: tuple[int, ...]
    version: int
    problems: tuple[str, ...]  # filled only when the backup was checked
    ours: bool

    @property
    def sound(self) -> bool:
        return self.ours and not self.problems and self.version <= len(MIGRATIONS)

    @property
    def label(self) -> str:
        """The reason in words (Chinese; the window translates its own copy)."""
        if self.reason.startswith("before-v"):
            return f"升级前（版本 {self.reason.removeprefix('before-v')}）"
        return REASON_LABELS.get(self.reason, self.reason)

    def describe(self) -> str:
        return (f"{self.path}（{self.taken:%Y-%m-%d %H:%M}，{self.items} 项工作，"
                f"{self.checkins} 条进展填报）")


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    kept: Path | None  # the state before the restore: a backup, or the damaged file moved aside
    damaged: bool  # the data file could not be opened and was moved aside


def backup_folder(db_path: str | Path) -> Path:
    """Where the data file's backups go (beside it, or in the folder chosen in the settings)."""
    return store.folder(Path(db_path))


def default_data_file() -> Path:
    """The data file used when none is named (see tracker.store.location)."""
    return default_db_path()


def describe(file: store.BackupFile, check: bool = False) -> BackupInfo:
    contents = store.inspect(file.path, check=check)
    try:
        size = file.path.stat().st_size
    except OSError:
        size = 0
    return BackupInfo(file.path, file.taken, file.reason, size, contents.items, contents.checkins,
                      contents.years, contents.version, contents.problems, contents.ours)


def list_backups(db_path: str | Path, check: bool = False) -> list[BackupInfo]:
    """Backups of the data file, newest first; works when the data file itself cannot be opened."""
    return [describe(f, check) for f in store.list_backups(Path(db_path))]


def newest_good_backup(db_path: str | Path) -> BackupInfo | None:
    for file in store.list_backups(Path(db_path)):
        info = describe(file, check=True)
        if info.sound:
            return info
    return None


def backup_offer(db_path: str | Path) -> str:
    """The sentence that follows "your file is damaged": which backup to restore, and how."""
    good = newest_good_backup(db_path)
    if good is None:
        return "没有找到可用的备份。"
    return (f"最新的完好备份：{good.describe()}；可运行 tracker restore 恢复，"
            "当前文件会被保留。")


SERVER_BACKUPS = ("数据在数据库服务器上：备份由服务器负责（pg_dump、流复制），"
                  "请与管理服务器的同事确认；本程序不在本机保存服务器数据的备份。")


class BackupService:
    def __init__(self, db: Store) -> None:
        self.db = db

    def _file(self) -> Database:
        """The data file; a server's backups are the server's job (SERVER_BACKUPS)."""
        if not isinstance(self.db, Database):
            raise UserError(SERVER_BACKUPS)
        return self.db

    def backups(self, check: bool = False) -> list[BackupInfo]:
        if not isinstance(self.db, Database):
            return []
        return list_backups(self.db.path, check)

    def take(self, out: str | Path | None = None) -> Path:
        """A backup on demand: into the backups folder (rotated), or to `out` (must not exist)."""
        db = self._file()
        if out is None:
            path = store.take(db.conn, db.path, store.MANUAL).path
            store.prune(db.path)
            return path
        out = Path(out)
        if out.exists() and out.resolve() == db.path.resolve():
            raise UserError(f"备份不能写到数据文件本身：{out}")
        if out.is_dir():
            raise UserError(f"--out 需要一个文件名，而不是文件夹：{out}")
        if not out.parent.is_dir():
            raise UserError(f"文件夹不存在：{out.parent}")
        store.write(db.conn, out)
        return out

    def take_if_due(self, now: dt.datetime | None = None) -> Path | None:
        """The daily backup at open: when the newest backup is over a day old (or none exists).

        A backup that cannot be made never stops the user from working; it becomes a notice.
        """
        db = self.db
        if db.read_only or not isinstance(db, Database):  # a server is backed up by the server
            return None
        now = now or dt.datetime.now()
        existing = store.list_backups(db.path)
        if existing and dt.timedelta(0) <= now - existing[0].taken < DAILY:
            return None
        try:
            path = store.take(db.conn, db.path, store.AUTO, now).path
        except StoreError as exc:
            db.notices.append(f"今日自动备份未完成：{exc}")
            return None
        store.prune(db.path)
        return path

    def restore(self, source: str | Path) -> RestoreResult:
        """Make the open file hold the backup; the current state is backed up first."""
        db = self._file()
        info = _checked(Path(source), db.path)
        if db.read_only:
            raise ReadOnlyFile(f"数据文件是只读的，无法恢复：{db.path}")
        kept = store.take(db.conn, db.path, store.BEFORE_RESTORE).path
        store.restore_into(db.conn, info.path)
        db.upgrade()  # an older backup is brought up to this program's schema
        return RestoreResult(info, kept, damaged=False)


def restore_backup(db_path: str | Path, source: str | Path) -> RestoreResult:
    """Restore whatever state the data file is in: healthy, damaged, or missing."""
    db_path = Path(db_path)
    info = _checked(Path(source), db_path)
    if not db_path.exists():
        _copy_in(info.path, db_path)
        Database(db_path).close()
        return RestoreResult(info, None, damaged=False)
    try:
        db = Database(db_path, create=False)
    except (DamagedFile, NotADataFile):
        kept = _move_aside_and_copy_in(db_path, info.path)
        Database(db_path).close()  # upgrade an older backup now, with its own backup first
        return RestoreResult(info, kept, damaged=True)
    with db:
        return BackupService(db).restore(info.path)


def _checked(source: Path, db_path: Path) -> BackupInfo:
    if not source.is_file():
        raise UserError(f"找不到备份文件：{source}")
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise UserError(f"不能用数据文件自身来恢复：{source}")
    resolved = source.resolve()
    file = next((f for f in store.list_backups(db_path) if f.path.resolve() == resolved), None)
    if file is None:  # a copy from elsewhere: its modification time is its date
        taken = dt.datetime.fromtimestamp(source.stat().st_mtime).replace(microsecond=0)
        file = store.BackupFile(source, taken, "external")
    info = describe(file, check=True)
    if not info.ours:
        reason = f"（{info.problems[0]}）" if info.problems else ""
        raise UserError(f"这不是年度工作台账的备份文件，或已损坏{reason}：{source}")
    if info.version > len(MIGRATIONS):
        raise UserError(f"备份由更新版本的程序创建（版本 {info.version}），请升级程序后再恢复：{source}")
    if info.problems:
        raise UserError(f"备份文件已损坏（{info.problems[0]}），未恢复：{source}")
    return info


def _copy_in(source: Path, db_path: Path) -> None:
    """Copy a backup to `db_path` atomically: complete and synced before it takes the name."""
    tmp = db_path.with_name(f".restore-{os.getpid()}-{db_path.name}")
    try:
        shutil.copyfile(source, tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)


def _move_aside_and_copy_in(db_path: Path, source: Path) -> Path:
    """Keep the damaged file (and its -wal) under a new name; the data file's name is never
    left empty, so an interrupted restore cannot make the next start create a fresh file."""
    stamp = dt.datetime.now().strftime(store.STAMP)
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
    tmp = db_path.with_name(f".restore-{os.getpid()}-{db_path.name}")
    try:
        shutil.copyfile(source, tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        try:
            os.link(db_path, aside)
        except OSError:
            shutil.copy2(db_path, aside)
        for suffix in ("-wal", "-shm", "-journal"):
            side = Path(f"{db_path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))
        os.replace(tmp, db_path)
    except OSError as exc:
        raise UserError(f"恢复失败：{exc.strerror or exc}；数据文件未改动：{db_path}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return aside
