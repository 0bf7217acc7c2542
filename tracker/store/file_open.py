"""Opening a data file: look before touching.

A read-only connection checks the header, the owner (application_id), the schema version and
every page before anything is written, so a damaged, foreign or newer file is reported and left
exactly as it was (a read-write close would fold a mismatched -wal into the file). Only then is
the file opened for writing. A full disk or a disk error is told apart from a damaged file: it
must never lead to the advice to restore a backup over a sound file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import NoReturn

from tracker.store.errors import (
    DamagedFile,
    NewerSchema,
    NotADataFile,
    StaleWal,
    StoreError,
    open_fault,
    translate,
)
from tracker.store.probe import FULL_CHECK_MAX_BYTES, connect_readonly, identity, page_problems


class Opening:
    """One careful open of `path`. `read_only` may turn True on the way (a folder that refuses
    an -shm, SQLite refusing to write); `notices` collects what the user should be told."""

    def __init__(self, path: Path, *, read_only: bool, supported: int) -> None:
        self.path = path
        self.read_only = read_only
        self.supported = supported  # the newest schema version this program knows
        self.notices: list[str] = []

    def connect_new(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=5.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"无法创建数据文件 {self.path}：{exc}") from exc
        try:
            configure(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"无法创建数据文件 {self.path}：{exc}") from exc
        conn.row_factory = sqlite3.Row
        return conn

    def connect_checked(self) -> sqlite3.Connection:
        """Check through a read-only connection; keep it when read-only, else reopen for writing."""
        try:
            probe, immutable = connect_readonly(self.path)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK" and not self.read_only:
                return self._connect_recovering()
            fault = open_fault(exc, self.path)
            if fault is not None:
                raise fault from exc
            self._raise_damaged([str(exc)])
        try:
            self._inspect(probe)
        except BaseException:
            probe.close()
            raise
        if immutable and not self.read_only:  # the folder refused an -shm: read it as it is
            self.read_only = True
        if self.read_only:
            self.notices.append(self._read_only_notice(immutable))
            probe.row_factory = sqlite3.Row
            probe.execute("PRAGMA foreign_keys = ON")
            return probe
        probe.close()
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=5.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise_translated(exc, self.path)
        try:
            configure(conn)
        except sqlite3.Error as exc:
            conn.close()
            if str(getattr(exc, "sqlite_errorname", "")).startswith("SQLITE_READONLY"):
                self.read_only = True  # writable by its modes, refused by SQLite: read it
                return self.connect_checked()
            raise_translated(exc, self.path)
        conn.row_factory = sqlite3.Row
        return conn

    def _connect_recovering(self) -> sqlite3.Connection:
        """A rollback journal left by a crash: only a writer may roll it back, then we check."""
        conn = sqlite3.connect(str(self.path), timeout=5.0, isolation_level=None,
                               check_same_thread=False)
        try:
            self._inspect(conn)
            configure(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise_translated(exc, self.path)
        except BaseException:
            conn.close()
            raise
        conn.row_factory = sqlite3.Row
        return conn

    def _inspect(self, conn: sqlite3.Connection) -> None:
        """Damaged, foreign or newer: raise before anything is written."""
        try:
            who = identity(conn)
        except sqlite3.DatabaseError as exc:
            fault = open_fault(exc, self.path)
            if fault is not None:
                raise fault from exc
            self._raise_damaged([str(exc)])
        full = self.path.stat().st_size <= FULL_CHECK_MAX_BYTES
        problems = page_problems(conn, full=full)
        if problems:
            self._raise_damaged(problems)
        if not who.is_ours and not who.is_blank:
            raise NotADataFile(f"这不是年度工作台账的数据文件：{self.path}")
        if who.version > self.supported:
            raise NewerSchema(
                f"数据文件由更新版本的程序创建（版本 {who.version}，本程序支持到 "
                f"{self.supported}），请升级程序后再打开。文件未被改动。"
            )

    def _raise_damaged(self, problems: list[str]) -> NoReturn:
        wal = Path(f"{self.path}-wal")
        if wal.exists() and wal.stat().st_size > 0 and sound_without_wal(self.path):
            raise StaleWal(
                f"数据文件旁的日志文件与它不匹配（可能是复制或恢复文件时留下的旧日志）：{wal}。"
                "数据文件本身完好；请把该 -wal 文件（及 -shm 文件）移到别处后再打开。文件未被改动。"
            )
        raise DamagedFile(
            f"数据文件已损坏，无法打开：{self.path}（{problems[0]}）。文件未被改动。"
        )

    def _read_only_notice(self, immutable: bool) -> str:
        notice = f"数据文件是只读的，只能查看，不能修改：{self.path}"
        wal = Path(f"{self.path}-wal")
        if immutable and wal.exists() and wal.stat().st_size > 0:
            notice += "（文件夹只读，最近一次未合并的修改无法读取）"
        return notice

def configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit reported as saved survives a power cut, not only a killed process.
    conn.execute("PRAGMA synchronous = FULL")


def raise_translated(exc: sqlite3.Error, path: Path) -> NoReturn:
    """Re-raise as the StoreError a user can act on, or unchanged when it is not one."""
    error = translate(exc, path)
    if error is None:
        raise exc
    raise error from exc


def rollback(c: sqlite3.Connection) -> None:
    """Roll back if SQLite has not already done so (it does on some I/O errors)."""
    if c.in_transaction:
        with suppress(sqlite3.Error):
            c.execute("ROLLBACK")


def writable(path: Path) -> bool:
    """Both the file and its folder: WAL mode creates -wal and -shm files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def sound_without_wal(path: Path) -> bool:
    """Is the main file alone sound? Checked on a copy, so the -wal is never applied to it."""
    with tempfile.TemporaryDirectory(prefix="tracker-check-") as tmp:
        copy = Path(tmp) / "main.db"
        try:
            shutil.copyfile(path, copy)
            conn, _ = connect_readonly(copy)
        except (OSError, sqlite3.Error):
            return False
        try:
            return not page_problems(conn)
        finally:
            conn.close()
