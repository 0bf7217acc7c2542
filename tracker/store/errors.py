"""What can go wrong with a data file, each with a message the user can act on.

All are `UserError`s, so the command line prints them in one line and the window shows them.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tracker.errors import UserError


class StoreError(UserError):
    """A data-file problem a user can act on; the message is shown as it is."""


class NotADataFile(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class DamagedFile(StoreError):
    pass


class StaleWal(DamagedFile):
    """The data file is sound but the -wal beside it belongs to another state of it."""


class ReadOnlyFile(StoreError):
    pass


class DiskFull(StoreError):
    pass


class FileBusy(StoreError):
    pass


class MigrationFailed(StoreError):
    pass


class FilesChanged(StoreError):
    """The data file, its -wal or -shm was deleted or replaced while the file was open."""


class BackupFailed(StoreError):
    pass


def translate(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """The user's view of an SQLite failure during a write, or None for a programming error."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_READONLY"):
        return ReadOnlyFile(f"数据文件是只读的，修改没有保存：{path}。请检查文件或文件夹的写入权限。")
    if name.startswith("SQLITE_FULL"):
        return DiskFull(f"磁盘空间不足，修改没有保存：{path}。请腾出空间后再试。")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return FileBusy(f"数据文件正被其他程序写入，修改没有保存，请稍后再试：{path}")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DamagedFile(f"数据文件已损坏，修改没有保存：{path}。可运行 tracker check 检查。")
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return StoreError(f"读写数据文件时出错，修改没有保存：{path}（{exc}）")
    return None


# Below this much free space SQLite cannot even make the -shm index (32 KB) to read a WAL file.
LOW_SPACE_BYTES = 1024 * 1024
DISK_FULL_AT_OPEN = (
    "磁盘空间不足（剩余 {free}），无法打开数据文件：{path}。文件未被改动，也没有损坏；"
    "请腾出磁盘空间后再试。"
)
IO_ERROR_AT_OPEN = "读取数据文件时出现磁盘读写错误（{detail}）：{path}。文件未被改动；请检查磁盘后再试。"


def free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def open_fault(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """An open that failed for the disk's sake, not the file's: a full disk is never "damaged"
    (that would offer to restore a backup over a sound file). None: judge the file itself."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if not name.startswith(("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return None
    free = free_bytes(path.parent)
    if name.startswith("SQLITE_FULL") or (free is not None and free < LOW_SPACE_BYTES):
        shown = "未知" if free is None else f"{free // 1024} KB"
        return DiskFull(DISK_FULL_AT_OPEN.format(free=shown, path=path))
    return StoreError(IO_ERROR_AT_OPEN.format(detail=exc, path=path))


class ConnectionLost(StoreError):
    """The server went away (network, restart): nothing of the step was saved."""


class LoginFailed(ConnectionLost):
    """The server wants a password for this login, or refused the one given. `login` is the
    login name (for the question the window asks), `password_given` tells the two apart."""

    def __init__(self, message: str, login: str = "", password_given: bool = False) -> None:
        super().__init__(message)
        self.login = login
        self.password_given = password_given


class NotAllowed(StoreError):
    """The server refused the step for this login's role (a department on another's item …)."""


class ServerNotReady(StoreError):
    """The server's database has no tracker schema yet, or an older one this login may not upgrade."""
