"""A tracker database on a PostgreSQL server, with the same interface as a data file's Database.

Transactions behave as on a file: `transaction()` first takes one transaction-scoped advisory
lock (the writer lock), as SQLite's BEGIN IMMEDIATE takes the file's write lock, so the
services' read-check-write steps (ids chosen with max + 1, positions, duplicate check-ins) stay
correct with many writers; readers never wait. Other writers are noticed through LISTEN/NOTIFY
(`data_version()` counts their commits; `wait_handle()` is the socket to watch).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NoReturn

import psycopg
from psycopg import errors as pg_errors

from tracker.domain.access import Account, Role
from tracker.store.errors import (
    MigrationFailed,
    NewerSchema,
    NotAllowed,
    ReadOnlyFile,
    ServerNotReady,
    StoreError,
)
from tracker.store.migrations import MIGRATIONS
from tracker.store.server import setup
from tracker.store.server.connection import ServerTx, connect, display_url, first_line, user_error
from tracker.store.sql import Tx

Migration = Callable[[Tx], None]
WRITER_LOCK = 0x41505431  # "APT1": the writer lock every write transaction takes first


class ServerDatabase:
    """One login's connection to the tracker database at `url`."""

    is_server = True

    def __init__(self, url: str, *, migrations: Sequence[Migration] | None = None,
                 token: str | None = None, check: bool = True, password: str | None = None) -> None:
        self.url = url
        self._password = password  # asked by the window; never written anywhere
        self.location = display_url(url)
        self.path = Path(self.location)  # for messages only; a server has no file
        self.migrations: list[Migration] = list(MIGRATIONS if migrations is None else migrations)
        self.notices: list[str] = []
        self.created = False
        self.backup_before_migration: Path | None = None
        self.token = token or uuid.uuid4().hex
        self._uncommitted: list[object] = []
        self._listeners: list[Callable[[list[object]], None]] = []
        self._listen: psycopg.Connection[Any] | None = None
        self._outside = 0
        self.tx = ServerTx(connect(url, self.token, password))
        try:
            self.account = self._account()
            self.read_only = self.account.role is Role.LEADER
            if check:
                self._check_schema()
        except BaseException:
            self.tx.conn.close()
            raise

    # --- who, and which schema ---------------------------------------------------------

    def _account(self) -> Account:
        row = self.tx.raw(
            "SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
            " pg_has_role(current_user, 'tracker_office', 'MEMBER') AS office,"
            " pg_has_role(current_user, 'tracker_department', 'MEMBER') AS department,"
            " pg_has_role(current_user, 'tracker_leader', 'MEMBER') AS leader"
            " FROM pg_roles WHERE rolname = 'tracker_office'"
        ).fetchone()
        login = str(self.tx.raw("SELECT current_user").fetchone()[0])
        if row is None:  # no roles yet: only an admin gets here (server init)
            return Account(login, Role.OFFICE)
        if row["rolsuper"] or row["office"]:
            return Account(login, Role.OFFICE)
        if row["department"]:
            dept = self.tx.raw(
                "SELECT d.name FROM account a LEFT JOIN department d ON d.id = a.dept_id"
                " WHERE a.login = current_user").fetchone()
            return Account(login, Role.DEPARTMENT, str(dept[0] or "") if dept else "")
        if row["leader"]:
            return Account(login, Role.LEADER)
        if self._owns_tables():
            return Account(login, Role.OFFICE)
        raise NotAllowed(
            f"账号 {login} 没有使用年度工作台账的权限：请管理员用 tracker server add-user 添加。")

    def _owns_tables(self) -> bool:
        row = self.tx.raw("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                          " AND tableowner = current_user AND tablename = 'schema_version'").fetchone()
        return bool(row[0])

    @property
    def schema_version(self) -> int:
        try:
            row = self.tx.raw("SELECT max(version) FROM schema_version").fetchone()
        except pg_errors.UndefinedTable:
            return 0
        return int(row[0] or 0)

    def _check_schema(self) -> None:
        version, target = self.schema_version, len(self.migrations)
        if version == 0:
            raise ServerNotReady(
                f"服务器上的数据库还没有年度工作台账的表：{self.location}。"
                "请管理员先运行 tracker server init。")
        if version > target:
            raise NewerSchema(
                f"服务器上的数据库由更新版本的程序创建（版本 {version}，本程序支持到 {target}），"
                "请升级程序后再连接。数据未被改动。")
        if version < target:
            if not self._owns_tables():
                raise ServerNotReady(
                    f"服务器上的数据库需要升级到新版本格式（{version} → {target}）："
                    "请管理员运行 tracker server init 升级。数据未被改动。")
            self.migrate()

    def migrate(self) -> None:
        """Create or upgrade the schema, then (re)apply roles, grants, policies and triggers.
        Each step is one transaction; an admin login (the tables' owner) runs it."""
        tx = self.tx
        dbname = str(tx.raw("SELECT current_database()").fetchone()[0])
        try:
            tx.raw("BEGIN")
            tx.raw("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
            setup.create_roles(tx)
            setup.create_version_table(tx)
            tx.raw("COMMIT")
        except psycopg.Error as exc:
            self._rollback()
            raise MigrationFailed(f"无法在服务器上创建表或角色（{first_line(exc)}）；"
                                  "请用有建表和建角色权限的管理员账号运行。") from exc
        target = len(self.migrations)
        for number in range(1, target + 1):
            try:
                tx.raw("BEGIN")
                tx.raw("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
                if self.schema_version >= number:
                    tx.raw("COMMIT")
                    continue
                self.migrations[number - 1](tx)
                tx.raw("UPDATE schema_version SET version = %s", [number])
                if number == target:
                    setup.apply(tx, dbname)
                tx.raw("COMMIT")
            except psycopg.Error as exc:
                self._rollback()
                raise MigrationFailed(
                    f"升级服务器上的数据库失败（版本 {number - 1} → {number}：{first_line(exc)}），"
                    "数据与版本均未改动。") from exc
        self.created = True

    def refresh_setup(self) -> None:
        """Grants, policies and triggers again (server init on a database already up to date)."""
        tx = self.tx
        dbname = str(tx.raw("SELECT current_database()").fetchone()[0])
        try:
            tx.raw("BEGIN")
            setup.create_roles(tx)
            setup.apply(tx, dbname)
            tx.raw("COMMIT")
        except psycopg.Error as exc:
            self._rollback()
            raise MigrationFailed(f"无法设置服务器上的角色和权限（{first_line(exc)}）。") from exc

    def upgrade(self) -> None:
        self._check_schema()

    # --- the connection --------------------------------------------------------------------

    def _live(self) -> ServerTx:
        """The connection, opened again when the last one was lost (outside a transaction)."""
        conn = self.tx.conn
        if conn.closed or conn.broken:
            with suppress(psycopg.Error):
                conn.close()
            self.tx = ServerTx(connect(self.url, self.token, self._password))
            self._outside += 1  # we may have missed news while away: reload
        return self.tx

    def _rollback(self) -> None:
        with suppress(psycopg.Error):
            if self.tx.in_transaction and not self.tx.conn.broken:
                self.tx.raw("ROLLBACK")

    def _raise(self, exc: psycopg.Error, saving: bool) -> NoReturn:
        raise user_error(exc, self.location, self.account, saving) from exc

    # --- reading and writing (the interface of store.Database) -------------------------

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        tx = self._live()
        if tx.in_transaction:
            yield tx
            return
        if self.read_only:
            raise ReadOnlyFile(f"{self.account.describe()}只能查看，不能修改；修改没有保存。")
        try:
            tx.raw("BEGIN")
            tx.raw("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
        except psycopg.Error as exc:
            self._raise(exc, saving=True)
        self._uncommitted = []
        try:
            yield tx
            tx.raw("COMMIT")
        except psycopg.Error as exc:
            self._uncommitted = []
            self._rollback()
            self._raise(exc, saving=True)
        except BaseException:
            self._uncommitted = []
            self._rollback()
            raise
        committed, self._uncommitted = self._uncommitted, []
        if committed:
            for listener in list(self._listeners):
                try:
                    listener(committed)
                except Exception:
                    logging.getLogger(__name__).exception("commit listener failed")

    def note_committed(self, change: object) -> None:
        self._uncommitted.append(change)

    def on_commit(self, listener: Callable[[list[object]], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @contextmanager
    def snapshot(self) -> Iterator[Tx]:
        """One consistent view for several queries (REPEATABLE READ, read only)."""
        tx = self._live()
        if tx.in_transaction:
            yield tx
            return
        try:
            tx.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        except psycopg.Error as exc:
            self._raise(exc, saving=False)
        try:
            yield tx
            tx.raw("COMMIT")
        except psycopg.Error as exc:
            self._rollback()
            self._raise(exc, saving=False)
        except BaseException:
            self._rollback()
            raise

    def read(self) -> Tx:
        return _Reading(self)

    # --- news from other writers ---------------------------------------------------------

    def _listener(self) -> psycopg.Connection[Any] | None:
        if self._listen is not None and not (self._listen.closed or self._listen.broken):
            return self._listen
        try:
            conn = connect(self.url, password=self._password)
            conn.add_notify_handler(self._heard)
            conn.execute(f"LISTEN {setup.CHANNEL}")
        except (StoreError, psycopg.Error):
            return None
        if self._listen is not None:
            self._outside += 1  # reconnected: anything may have changed meanwhile
        self._listen = conn
        return conn

    def _heard(self, note: psycopg.Notify) -> None:
        if note.payload != self.token:
            self._outside += 1

    def data_version(self) -> int:
        """Grows with every commit by another session (NOTIFY from the tables' triggers). One
        round trip on the listening connection: a commit that returned before this call has
        been heard when it returns."""
        conn = self._listener()
        if conn is None:
            return self._outside
        try:
            conn.execute("SELECT 1")  # notifications arrive with (at latest) its answer
        except psycopg.Error:
            self._outside += 1
        return self._outside

    def wait_handle(self) -> int | None:
        """The socket that becomes readable when another session commits (for a QSocketNotifier)."""
        conn = self._listener()
        return None if conn is None else int(conn.pgconn.socket)

    # --- the rest of the interface -------------------------------------------------------

    def another_connection(self) -> ServerDatabase:
        """A second connection for a job on another thread; its writes are ours, not news."""
        return ServerDatabase(self.url, migrations=self.migrations, token=self.token, check=False,
                              password=self._password)

    def integrity_errors(self) -> list[str]:
        """The server keeps its pages and foreign keys itself; what we check is our schema."""
        problems = []
        version = self.schema_version
        if version != len(self.migrations):
            problems.append(f"数据库架构版本 {version}，本程序为 {len(self.migrations)}")
        missing = self.tx.raw(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
            " AND tablename IN ('plan', 'node', 'checkin') AND NOT rowsecurity").fetchone()[0]
        if missing:
            problems.append("部分表未启用行级安全策略：请管理员运行 tracker server init")
        return problems

    def close(self) -> None:
        for conn in (self.tx.conn, self._listen):
            if conn is not None:
                with suppress(psycopg.Error):
                    conn.close()

    def __enter__(self) -> ServerDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Reading:
    """`read()`: each statement on the live connection (reopened after a loss), errors as
    sentences."""

    def __init__(self, db: ServerDatabase) -> None:
        self._db = db

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        try:
            return self._db._live().execute(sql, parameters)
        except psycopg.Error as exc:
            self._db._raise(exc, saving=False)

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        try:
            return self._db._live().executemany(sql, parameters)
        except psycopg.Error as exc:
            self._db._raise(exc, saving=False)
