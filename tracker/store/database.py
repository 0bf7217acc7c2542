"""One SQLite data file: a careful open, transactions and schema migrations.

A `Database` is created once per file and passed in; there is no global connection, so
tests and a second window can each open their own file.

Opening looks before it touches: a read-only connection checks the header, the owner
(application_id), the schema version and every page before anything is written, so a
damaged, foreign or newer file is reported and left exactly as it was (a read-write close
would fold a mismatched -wal into the file). Only then is the file opened for writing.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NoReturn

from tracker.store import backup
from tracker.store.errors import (
    BackupFailed,
    DamagedFile,
    DiskFull,
    FileBusy,
    MigrationFailed,
    NewerSchema,
    NotADataFile,
    ReadOnlyFile,
    StaleWal,
    StoreError,
    translate,
)
from tracker.store.migrations import MIGRATIONS
from tracker.store.probe import (
    APPLICATION_ID,
    FULL_CHECK_MAX_BYTES,
    SQLITE_HEADER,
    check_header,
    connect_readonly,
    identity,
    page_problems,
)

Migration = Callable[[sqlite3.Connection], None]

__all__ = [
    "APPLICATION_ID", "SQLITE_HEADER", "BackupFailed", "DamagedFile", "Database", "DiskFull",
    "FileBusy", "MigrationFailed", "NewerSchema", "NotADataFile", "ReadOnlyFile", "StaleWal",
    "StoreError",
]


class Database:
    """A data file. `transaction()` is the only way to write; it commits or rolls back whole.

    `read_only` is True when asked for or when the file or its folder cannot be written;
    then reads work and `transaction()` raises ReadOnlyFile. `notices` holds sentences the
    window shows in its status bar (read-only, backup taken before an upgrade …).
    """

    is_server = False  # the other kind of Store is store.server.database.ServerDatabase

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        read_only: bool = False,
        migrations: Sequence[Migration] | None = None,
    ) -> None:
        self.path = Path(path)
        self.migrations: list[Migration] = list(MIGRATIONS if migrations is None else migrations)
        self.notices: list[str] = []
        self.created = False
        self.read_only = False
        self.backup_before_migration: Path | None = None
        # what the current transaction wrote, for the listeners once it commits (see on_commit)
        self._uncommitted: list[object] = []
        self._listeners: list[Callable[[list[object]], None]] = []
        if self.path.exists():
            check_header(self.path)
            if self.path.stat().st_size == 0:
                if backup.list_backups(self.path):
                    raise DamagedFile(
                        f"数据文件是空的（0 字节），但旁边有它的备份：{self.path}。"
                        "文件可能在保存时被截断；文件未被改动。"
                    )
                self.created = True
        elif not create:
            raise StoreError(f"数据文件不存在：{self.path}")
        elif read_only:
            raise StoreError(f"数据文件不存在，无法以只读方式打开：{self.path}")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.created = True
        self.read_only = read_only or not self.created and not _writable(self.path)
        self.conn = self._connect_new() if self.created else self._connect_checked()
        try:
            self._migrate()
        except BaseException:
            self.conn.close()
            raise

    # --- opening ---------------------------------------------------------------------

    def _connect_new(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=5.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"无法创建数据文件 {self.path}：{exc}") from exc
        try:
            _configure(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"无法创建数据文件 {self.path}：{exc}") from exc
        conn.row_factory = sqlite3.Row
        return conn

    def _connect_checked(self) -> sqlite3.Connection:
        """Check through a read-only connection; keep it when read-only, else reopen for writing."""
        try:
            probe, immutable = connect_readonly(self.path)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK" and not self.read_only:
                return self._connect_recovering()
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
            _raise_translated(exc, self.path)
        try:
            _configure(conn)
        except sqlite3.Error as exc:
            conn.close()
            if str(getattr(exc, "sqlite_errorname", "")).startswith("SQLITE_READONLY"):
                self.read_only = True  # writable by its modes, refused by SQLite: read it
                return self._connect_checked()
            _raise_translated(exc, self.path)
        conn.row_factory = sqlite3.Row
        return conn

    def _connect_recovering(self) -> sqlite3.Connection:
        """A rollback journal left by a crash: only a writer may roll it back, then we check."""
        conn = sqlite3.connect(str(self.path), timeout=5.0, isolation_level=None,
                               check_same_thread=False)
        try:
            self._inspect(conn)
            _configure(conn)
        except sqlite3.Error as exc:
            conn.close()
            _raise_translated(exc, self.path)
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
            self._raise_damaged([str(exc)])
        full = self.path.stat().st_size <= FULL_CHECK_MAX_BYTES
        problems = page_problems(conn, full=full)
        if problems:
            self._raise_damaged(problems)
        if not who.is_ours and not who.is_blank:
            raise NotADataFile(f"这不是年度工作台账的数据文件：{self.path}")
        if who.version > len(self.migrations):
            raise NewerSchema(
                f"数据文件由更新版本的程序创建（版本 {who.version}，本程序支持到 "
                f"{len(self.migrations)}），请升级程序后再打开。文件未被改动。"
            )

    def _raise_damaged(self, problems: list[str]) -> NoReturn:
        wal = Path(f"{self.path}-wal")
        if wal.exists() and wal.stat().st_size > 0 and _sound_without_wal(self.path):
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

    def another_connection(self) -> Database:
        """A second connection to this already checked file, for work on another thread (an
        export, a backup) that must not share this connection's transactions. No checks are
        repeated and no migration runs; it is read-only when this one is."""
        other = object.__new__(Database)
        other.path = self.path
        other.migrations = self.migrations
        other.notices = []
        other.created = False
        other.read_only = self.read_only
        other.backup_before_migration = None
        other._uncommitted = []
        other._listeners = []
        if self.read_only:
            conn, _ = connect_readonly(self.path)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
        else:
            try:
                conn = sqlite3.connect(str(self.path), timeout=5.0, isolation_level=None,
                                       check_same_thread=False)
                _configure(conn)
            except sqlite3.Error as exc:
                _raise_translated(exc, self.path)
            conn.row_factory = sqlite3.Row
        other.conn = conn
        return other

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # --- migrations ------------------------------------------------------------------

    def upgrade(self) -> None:
        """Bring the file to this program's schema (after a restore put an older one in)."""
        self._migrate()

    def _migrate(self) -> None:
        version = self.schema_version
        target = len(self.migrations)
        if version >= target:
            return
        if self.read_only:
            raise ReadOnlyFile(
                f"数据文件需要升级到新版本格式（{version} → {target}），但它是只读的：{self.path}。"
                "请使用可写的副本。"
            )
        if version > 0:  # existing data: keep a copy of it as it was
            self.backup_before_migration = backup.take(
                self.conn, self.path, backup.before_migration(target)
            ).path
            self.notices.append(
                f"数据文件已升级到版本 {target}，升级前的备份：{self.backup_before_migration}"
            )
        for number, step in enumerate(self.migrations[version:], start=version + 1):
            self._apply(step, number)

    def _apply(self, step: Migration, target: int) -> None:
        """One migration step in one exclusive transaction: data and version move together."""
        c = self.conn
        try:
            c.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            _raise_translated(exc, self.path)
        try:
            if self.schema_version >= target:  # another process upgraded it meanwhile
                c.execute("ROLLBACK")
                return
            step(c)
            c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            c.execute(f"PRAGMA user_version = {target}")
            c.execute("COMMIT")
        except Exception as exc:
            _rollback(c)
            kept = f"升级前的备份：{self.backup_before_migration}" if self.backup_before_migration else ""
            raise MigrationFailed(
                f"升级数据文件失败（版本 {target - 1} → {target}：{exc}），数据与版本均未改动。{kept}"
            ) from exc
        except BaseException:
            _rollback(c)
            raise

    # --- reading and writing -----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (nothing half-written).

        SQLite failures a user can act on (read-only, disk full, busy, damaged) come out as
        StoreError with a full sentence; constraint and programming errors pass unchanged.
        """
        c = self.conn
        if c.in_transaction:  # nested: join the outer transaction
            yield c
            return
        if self.read_only:
            raise ReadOnlyFile(f"数据文件是只读的，修改没有保存：{self.path}。请检查文件或文件夹的写入权限。")
        try:
            c.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            _raise_translated(exc, self.path)
        self._uncommitted = []
        try:
            yield c
            c.execute("COMMIT")
        except sqlite3.Error as exc:
            self._uncommitted = []
            _rollback(c)
            _raise_translated(exc, self.path)
        except BaseException:
            self._uncommitted = []
            _rollback(c)
            raise
        committed, self._uncommitted = self._uncommitted, []
        if committed:
            for listener in list(self._listeners):
                try:
                    listener(committed)
                except Exception:  # the data is saved; a failing view must not undo that news
                    logging.getLogger(__name__).exception("commit listener failed")

    def note_committed(self, change: object) -> None:
        """Inside a transaction: hand `change` to the listeners once it commits (dropped on
        rollback). The services note each edit's rows, so a window repaints only those."""
        self._uncommitted.append(change)

    def on_commit(self, listener: Callable[[list[object]], None]) -> Callable[[], None]:
        """Call `listener(changes)` after each commit of this connection that noted changes;
        returns the function that stops it. Writes by other connections are not seen here
        (poll `data_version` for those)."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction, so several queries see one consistent state of the file."""
        c = self.conn
        if c.in_transaction:
            yield c
            return
        c.execute("BEGIN")
        try:
            yield c
        finally:
            c.execute("COMMIT")

    def read(self) -> sqlite3.Connection:
        """The connection for reads (autocommit: each statement sees the latest commit)."""
        return self.conn

    def data_version(self) -> int:
        """Changes whenever another connection (window, command line) commits to the file;
        poll it to notice outside edits. Our own commits do not change it."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def integrity_errors(self) -> list[str]:
        """`PRAGMA integrity_check` and `foreign_key_check`; empty when the file is sound."""
        problems = page_problems(self.conn, full=True)
        try:
            for row in self.conn.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"外键错误：表 {row[0]} 行 {row[1]} 引用 {row[2]}")
        except sqlite3.DatabaseError as exc:
            problems.append(str(exc))
        return problems

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit reported as saved survives a power cut, not only a killed process.
    conn.execute("PRAGMA synchronous = FULL")


def _raise_translated(exc: sqlite3.Error, path: Path) -> NoReturn:
    """Re-raise as the StoreError a user can act on, or unchanged when it is not one."""
    error = translate(exc, path)
    if error is None:
        raise exc
    raise error from exc


def _rollback(c: sqlite3.Connection) -> None:
    """Roll back if SQLite has not already done so (it does on some I/O errors)."""
    if c.in_transaction:
        with suppress(sqlite3.Error):
            c.execute("ROLLBACK")


def _writable(path: Path) -> bool:
    """Both the file and its folder: WAL mode creates -wal and -shm files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _sound_without_wal(path: Path) -> bool:
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
