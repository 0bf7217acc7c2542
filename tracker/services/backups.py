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
    Store,
    StoreError,
    default_db_path,
)
from tracker.store import backup as store
from tracker.store.migrations import MIGRATIONS
from tracker.store.newfile import place_new

# each sentence worded once, so it can be translated in one place
NOT_OURS = "这不是年度工作台账的备份文件，或已损坏{reason}：{source}"
ANOTHER_FILES_BACKUP = (
    "这份备份属于另一个数据文件（可能是共用同一备份文件夹的另一份 {name}），不能恢复到 {db_path}：{source}"
)
OWN_FILE_TARGET = "不能写到数据文件本身、它的 -wal/-shm 文件或备份文件夹中：{out}"

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
    file_id: str = ""  # the identity of the file it was taken from ("" in older backups)

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


def backup_folder(db_path: str | Path, backup_dir: Path | None = None) -> Path:
    """Where the data file's backups go: beside it, or in `backup_dir` (chosen in the settings,
    read by the caller)."""
    return store.folder(Path(db_path), backup_dir)


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
                      contents.years, contents.version, contents.problems, contents.ours,
                      contents.file_id)


def backups_of(db_path: str | Path, backup_dir: Path | None = None) -> store.Backups:
    """The data file's backups, told apart from others in a shared folder by its identity
    (read from the file when it can be; a missing or damaged file lists them all)."""
    path = Path(db_path)
    return store.Backups(path, backup_dir, store.read_file_id(path) if path.is_file() else "")


def list_backups(db_path: str | Path, check: bool = False,
                 backup_dir: Path | None = None) -> list[BackupInfo]:
    """Backups of the data file, newest first; works when the data file itself cannot be opened.
    `backup_dir`: the backup folder chosen in the settings (None: beside the data file)."""
    return [describe(f, check) for f in backups_of(db_path, backup_dir).files()]


def newest_good_backup(db_path: str | Path, backup_dir: Path | None = None) -> BackupInfo | None:
    backups = backups_of(db_path, backup_dir)
    for file in backups.files():
        info = describe(file, check=True)
        if info.sound and _same_file(info, backups):
            return info
    return None


def backup_offer(db_path: str | Path, backup_dir: Path | None = None) -> str:
    """The sentence that follows "your file is damaged": which backup to restore, and how."""
    good = newest_good_backup(db_path, backup_dir)
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
        return [describe(f, check) for f in self.db.backups.files()]

    def take(self, out: str | Path | None = None) -> Path:
        """A backup on demand: into the backups folder (rotated), or to `out` (must not exist)."""
        db = self._file()
        if out is None:
            path = db.backups.take(db.conn, store.MANUAL).path
            db.backups.prune()
            return path
        out = Path(out)
        if db.owns(out):
            raise UserError(OWN_FILE_TARGET.format(out=out))
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
        existing = db.backups.files()
        if existing and dt.timedelta(0) <= now - existing[0].taken < DAILY:
            return None
        try:
            path = db.backups.take(db.conn, store.AUTO, now).path
        except StoreError as exc:
            db.notices.append(f"今日自动备份未完成：{exc}")
            return None
        db.backups.prune()
        return path

    def restore(self, source: str | Path) -> RestoreResult:
        """Make the open file hold the backup. The current state is backed up first, under the
        same write lock as the restore: a check-in saved meanwhile is in one or the other."""
        db = self._file()
        info = _checked(Path(source), db.path, db.backups)
        kept = db.restore(info.path, lambda reader: db.backups.take(reader, store.BEFORE_RESTORE).path)
        return RestoreResult(info, kept, damaged=False)


def restore_backup(db_path: str | Path, source: str | Path,
                   backup_dir: Path | None = None) -> RestoreResult:
    """Restore whatever state the data file is in: healthy, damaged, or missing."""
    db_path = Path(db_path)
    backups = backups_of(db_path, backup_dir)
    info = _checked(Path(source), db_path, backups)
    # a missing file gets a copy; one another process created meanwhile is restored into below
    if not db_path.exists() and _copy_in(info.path, db_path):
        Database(db_path, backup_dir=backup_dir).close()  # an older backup is upgraded now
        return RestoreResult(info, None, damaged=False)
    try:
        db = Database(db_path, create=False, backup_dir=backup_dir)
    except (DamagedFile, NotADataFile):
        kept = _move_aside_and_copy_in(db_path, info.path)
        Database(db_path, backup_dir=backup_dir).close()  # upgrade an older backup, its own backup first
        return RestoreResult(info, kept, damaged=True)
    with db:
        return BackupService(db).restore(info.path)


def _same_file(info: BackupInfo, backups: store.Backups) -> bool:
    """A backup of this data file, as far as can be told (older backups carry no identity)."""
    return not (info.file_id and backups.file_id and info.file_id != backups.file_id)


def _checked(source: Path, db_path: Path, backups: store.Backups) -> BackupInfo:
    if not source.is_file():
        raise UserError(f"找不到备份文件：{source}")
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise UserError(f"不能用数据文件自身来恢复：{source}")
    resolved = source.resolve()
    file = next((f for f in backups.files() if f.path.resolve() == resolved), None)
    if file is None:  # a copy from elsewhere: its modification time is its date
        taken = dt.datetime.fromtimestamp(source.stat().st_mtime).replace(microsecond=0)
        file = store.BackupFile(source, taken, "external")
    info = describe(file, check=True)
    if not info.ours:
        reason = f"（{info.problems[0]}）" if info.problems else ""
        raise UserError(NOT_OURS.format(reason=reason, source=source))
    if info.version > len(MIGRATIONS):
        raise UserError(f"备份由更新版本的程序创建（版本 {info.version}），请升级程序后再恢复：{source}")
    if info.problems:
        raise UserError(f"备份文件已损坏（{info.problems[0]}），未恢复：{source}")
    if not _same_file(info, backups):
        raise UserError(ANOTHER_FILES_BACKUP.format(name=db_path.name, db_path=db_path, source=source))
    return info


def _copy_in(source: Path, db_path: Path) -> bool:
    """Put a copy of a backup at a missing `db_path`, complete and synced before it takes the
    name; False when another process created the file meanwhile (it is not replaced)."""
    try:
        return place_new(db_path, lambda tmp: shutil.copyfile(source, tmp))
    except OSError as exc:
        raise UserError(f"恢复失败：{exc.strerror or exc}；数据文件未改动：{db_path}") from exc


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
