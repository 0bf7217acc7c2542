"""One SQLite data file: a careful open, transactions, schema migrations and restores.

A `Database` is created once per file and passed in; there is no global connection, so
tests and a second window can each open their own file. Opening looks before it touches
(tracker/store/file_open.py); a new file is made whole and exclusively (`Database.create`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from tracker.store import backup, newfile
from tracker.store.companions import Companions, owned_by
from tracker.store.errors import (
    BackupFailed,
    DamagedFile,
    DiskFull,
    FileBusy,
    FilesChanged,
    MigrationFailed,
    NewerSchema,
    NotADataFile,
    ReadOnlyFile,
    StaleWal,
    StoreError,
    translate,
)
from tracker.store.file_open import Opening, configure, raise_translated, rollback, writable
from tracker.store.migrations import MIGRATIONS
from tracker.store.probe import (
    APPLICATION_ID,
    SQLITE_HEADER,
    check_header,
    connect_readonly,
    exists_as_regular_file,
    file_id,
    page_problems,
)
from tracker.store.restore import restore_content
from tracker.store.values import value_problems

Migration = Callable[[sqlite3.Connection], None]
# Fills a brand-new file inside the transaction that creates its schema (e.g. the default plan).
Seed = Callable[[sqlite3.Connection], object]
T = TypeVar("T")

__all__ = [
    "APPLICATION_ID", "SQLITE_HEADER", "BackupFailed", "DamagedFile", "Database", "DiskFull",
    "FileBusy", "FilesChanged", "MigrationFailed", "NewerSchema", "NotADataFile", "ReadOnlyFile", "StaleWal",
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
        backup_dir: Path | None = None,
        seed: Seed | None = None,
    ) -> None:
        """`backup_dir`: the backup folder chosen by the user (None: beside the file), passed in
        by the caller. `seed` fills the file when this open is the one that creates its schema."""
        self.path = Path(path)
        self.migrations: list[Migration] = list(MIGRATIONS if migrations is None else migrations)
        self.seed = seed
        self.notices: list[str] = []
        self.created = False
        self.read_only = False
        self.backup_before_migration: Path | None = None
        self.backups = backup.Backups(self.path, backup_dir)
        self._files: Companions | None = None
        self._broken: str | None = None  # set once the files changed under us: no more writes
        # what the current transaction wrote, for the listeners once it commits (see on_commit)
        self._uncommitted: list[object] = []
        self._listeners: list[Callable[[list[object]], None]] = []
        if exists_as_regular_file(self.path):
            check_header(self.path)
            if self.path.stat().st_size == 0:
                if self.backups.files():
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
        opening = Opening(self.path, read_only=read_only or not self.created and not writable(self.path),
                          supported=len(self.migrations))
        self.conn = opening.connect_new() if self.created else opening.connect_checked()
        self.read_only = opening.read_only
        self.notices += opening.notices
        try:
            self._migrate()
            self.file_id = file_id(self.conn)
            self.backups = self.backups.with_id(self.file_id)
            if not self.read_only:
                self._files = Companions(self.path)
        except BaseException:
            self.conn.close()
            raise

    @classmethod
    def create(cls, path: str | Path, seed: Seed, *, backup_dir: Path | None = None,
               migrations: Sequence[Migration] | None = None) -> Database:
        """Open `path`, making it first when it does not exist yet: built complete under a
        temporary name (schema and `seed` in one transaction) and hard-linked to its name only
        if that name is still free. When another process made it first, theirs is opened and
        ours discarded; an existing file is never replaced. `created` says whether we made it.
        """
        path = Path(path)
        made = False
        if not os.path.lexists(path):
            try:
                made = newfile.place_new(path, lambda tmp: cls._build(tmp, seed, migrations))
            except newfile.NoHardLinks:
                pass  # created in place below, under SQLite's own exclusive lock
            except OSError as exc:
                raise StoreError(f"无法创建数据文件 {path}：{exc.strerror or exc}") from exc
        db = cls(path, migrations=migrations, backup_dir=backup_dir, seed=seed)
        db.created = db.created or made
        return db

    @classmethod
    def _build(cls, tmp: Path, seed: Seed, migrations: Sequence[Migration] | None) -> None:
        """A complete new file at `tmp`, in one piece: everything checkpointed into it (its -wal
        goes when it closes), and already in WAL mode, so the processes that open it at once
        need not switch its journal mode (which takes a lock a busy timeout does not wait for)."""
        with cls(tmp, migrations=migrations, seed=seed) as fresh:
            fresh.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

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
        other.seed = None
        other.backups = self.backups
        other.file_id = self.file_id
        other._files = self._files if self._files is None else Companions(self.path)
        other._broken = self._broken
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
                configure(conn)
            except sqlite3.Error as exc:
                raise_translated(exc, self.path)
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
        if version == 0 and not self.read_only:
            if self._build_schema():
                return
            version = self.schema_version  # another process made the schema meanwhile
            if version >= target:
                return
        if self.read_only:
            raise ReadOnlyFile(
                f"数据文件需要升级到新版本格式（{version} → {target}），但它是只读的：{self.path}。"
                "请使用可写的副本。"
            )
        if version > 0:  # existing data: keep a copy of it as it was
            self.backup_before_migration = self.backups.take(
                self.conn, backup.before_migration(target)
            ).path
            self.notices.append(
                f"数据文件已升级到版本 {target}，升级前的备份：{self.backup_before_migration}"
            )
        for number, step in enumerate(self.migrations[version:], start=version + 1):
            self._apply(step, number)

    def _build_schema(self) -> bool:
        """A blank file: every step and the seed in one exclusive transaction, so a second process
        starting on the same blank file waits, then finds it made (and does not seed it again).
        False when another process got there first (then the file is migrated as usual)."""
        c = self.conn
        target = len(self.migrations)
        try:
            c.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            raise_translated(exc, self.path)
        try:
            if self.schema_version != 0:
                c.execute("ROLLBACK")
                return False
            for step in self.migrations:
                step(c)
            c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            c.execute(f"PRAGMA user_version = {target}")
            if self.seed is not None:
                self.seed(c)
            c.execute("COMMIT")
        except sqlite3.Error as exc:
            rollback(c)
            error = translate(exc, self.path)
            if error is not None:
                raise error from exc
            raise MigrationFailed(f"创建数据文件失败（{exc}），文件中没有写入任何内容：{self.path}") from exc
        except BaseException:
            rollback(c)
            raise
        self.created = True
        return True

    def _apply(self, step: Migration, target: int) -> None:
        """One migration step in one exclusive transaction: data and version move together."""
        c = self.conn
        try:
            c.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            raise_translated(exc, self.path)
        try:
            if self.schema_version >= target:  # another process upgraded it meanwhile
                c.execute("ROLLBACK")
                return
            step(c)
            c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            c.execute(f"PRAGMA user_version = {target}")
            c.execute("COMMIT")
        except Exception as exc:
            rollback(c)
            kept = f"升级前的备份：{self.backup_before_migration}" if self.backup_before_migration else ""
            raise MigrationFailed(
                f"升级数据文件失败（版本 {target - 1} → {target}：{exc}），数据与版本均未改动。{kept}"
            ) from exc
        except BaseException:
            rollback(c)
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
        self.check_files()
        try:
            c.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise_translated(exc, self.path)
        self._uncommitted = []
        try:
            yield c
            self.check_files()
            c.execute("COMMIT")
        except sqlite3.Error as exc:
            self._uncommitted = []
            rollback(c)
            raise_translated(exc, self.path)
        except BaseException:
            self._uncommitted = []
            rollback(c)
            raise
        self.check_files(after_commit=True)
        committed, self._uncommitted = self._uncommitted, []
        if committed:
            for listener in list(self._listeners):
                try:
                    listener(committed)
                except Exception:  # the data is saved; a failing view must not undo that news
                    import logging  # only here: a short command does not load logging

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

    def check_files(self, after_commit: bool = False) -> None:
        """Raise FilesChanged (and refuse every later write) when the data file, its -wal or its
        -shm is no longer the one we opened: writing on would go to a file nobody will read."""
        if self._broken is None and self._files is not None:
            suffix = self._files.changed()
            if suffix is not None:
                self._broken = self._files.message(suffix, after_commit)
        if self._broken is not None:
            raise FilesChanged(self._broken)

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
        """Pages (`integrity_check`), references (`foreign_key_check`) and values (dates,
        ranges, UTF-8 text); empty when the file is sound."""
        try:
            self.check_files()
        except FilesChanged as exc:
            return [str(exc)]
        problems = page_problems(self.conn, full=True)
        try:
            for row in self.conn.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"外键错误：表 {row[0]} 行 {row[1]} 引用 {row[2]}")
            problems += value_problems(self.conn)
        except sqlite3.DatabaseError as exc:
            problems.append(str(exc))
        return problems

    def owns(self, path: str | Path) -> bool:
        """Is `path` this data file, its -wal/-shm/-journal, or in its backup folder? A file
        written there (an export, a backup --out) would destroy what we keep."""
        return owned_by(self.path, self.backups.folder, Path(path))

    def restore(self, source: Path, keep: Callable[[sqlite3.Connection], T]) -> T:
        """Make this file hold `source`'s content under one write lock (see store/restore.py);
        `keep(reader)` saves the state before it, with that lock held."""
        return restore_content(self, source, keep)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
