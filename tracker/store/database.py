"""One SQLite data file: connection settings, transactions and schema migrations.

A `Database` is created once per file and passed in; there is no global connection, so
tests and a second window can each open their own file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tracker.store.migrations import MIGRATIONS

# "APT1" — lets `tracker check` and `file(1)` tell our data files from other SQLite files.
APPLICATION_ID = 0x41505431
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A data-file problem a user can act on; the message is shown as it is."""


class NotADataFile(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class DamagedFile(StoreError):
    pass


class Database:
    """A data file. `transaction()` is the only way to write; it commits or rolls back whole."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.created = False
        if self.path.exists():
            _check_header(self.path)
            self.created = self.path.stat().st_size == 0
        elif not create:
            raise StoreError(f"数据文件不存在：{self.path}")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.created = True
        try:
            self.conn = sqlite3.connect(
                str(self.path), timeout=5.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"无法打开数据文件 {self.path}：{exc}") from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self._check_identity()  # before any PRAGMA that writes: a foreign file stays untouched
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise DamagedFile(f"数据文件已损坏或不是本程序的文件：{self.path}（{exc}）") from exc
        except StoreError:
            self.conn.close()
            raise

    def _configure(self) -> None:
        c = self.conn
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("PRAGMA busy_timeout = 5000")
        if c.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            c.execute("PRAGMA journal_mode = WAL")
        c.execute("PRAGMA synchronous = NORMAL")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _check_identity(self) -> None:
        """Refuse SQLite files of other programs (they have tables but not our application_id)."""
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == APPLICATION_ID:
            return
        has_tables = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table'"
        ).fetchone()[0]
        if app_id != 0 or has_tables:
            raise NotADataFile(f"这不是年度工作台账的数据文件：{self.path}")

    def _migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise NewerSchema(
                f"数据文件由更新版本的程序创建（版本 {version}，本程序支持到 {len(MIGRATIONS)}），"
                "请升级程序后再打开。"
            )
        for target, step in enumerate(MIGRATIONS[version:], start=version + 1):
            self._apply(step, target)

    def _apply(self, step: Callable[[sqlite3.Connection], None], target: int) -> None:
        """One migration step in one exclusive transaction: data and version move together."""
        c = self.conn
        c.execute("BEGIN EXCLUSIVE")
        try:
            step(c)
            c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            c.execute(f"PRAGMA user_version = {target}")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        c.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (nothing half-written)."""
        c = self.conn
        if c.in_transaction:  # nested: join the outer transaction
            yield c
            return
        c.execute("BEGIN IMMEDIATE")
        try:
            yield c
        except BaseException:
            c.execute("ROLLBACK")
            raise
        c.execute("COMMIT")

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

    def integrity_errors(self) -> list[str]:
        """`PRAGMA integrity_check` and `foreign_key_check`; empty when the file is sound."""
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if rows == ["ok"] else rows
        for row in self.conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"外键错误：表 {row[0]} 行 {row[1]} 引用 {row[2]}")
        return problems

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before sqlite3 touches it (it would never write to it,
    but the message would be cryptic)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"无法读取数据文件 {path}：{exc.strerror}") from exc
    if head and head != SQLITE_HEADER:  # an empty file is a new database
        raise NotADataFile(f"这不是年度工作台账的数据文件（不是 SQLite 文件）：{path}")
