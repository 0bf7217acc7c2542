"""Shared fixtures: a fresh data file per test, Qt offscreen; a throw-away PostgreSQL server.

`location` is a new data file's path or, for the server half of a parametrised suite, the URL
of a fresh database copied from a template (schema, roles, policies and the default 2018 plan
made once per session), reached through an office login that is not the tables' owner, so
row-level security applies to the whole suite. The service and command-line suites take it
through `db_path`/`new_db` (tests/services/conftest.py, test_cli*.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TRACKER_DB", None)  # a developer's own data file is never touched by tests

from tests import pg_cluster
from tracker.services import open_database
from tracker.store import Store

SEED_DIR = Path(__file__).resolve().parent.parent / "resources" / "reports"


@pytest.fixture(autouse=True)
def _private_preferences(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test reads and writes its own preferences file, never the developer's."""
    path = tmp_path_factory.mktemp("config") / "preferences.json"
    monkeypatch.setenv("TRACKER_CONFIG", str(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tracker.db"


@pytest.fixture
def db(db_path: Path | str) -> Iterator[Store]:
    """A new data file (or server database) holding the default 2018 plan."""
    database = open_database(db_path)
    yield database
    database.close()


# --- the server ------------------------------------------------------------------------

TEMPLATE = "tracker_template"
OFFICE_LOGIN, OFFICE_PASSWORD = "office", "office-pw"


class Server:
    """The session's cluster: fresh databases from the template, logins, raw admin access.

    A CREATE DATABASE … TEMPLATE takes 0.5–0.9 s on these machines (it copies 8 MB of catalogs
    and waits for a checkpoint), so a test gets the working database with its rows put back as
    the template holds them (~10 ms): every table emptied and refilled in one transaction with
    the foreign-key triggers off, identity sequences set back, other connections ended.
    """

    def __init__(self, cluster: pg_cluster.Cluster) -> None:
        self.cluster = cluster
        self._count = 0
        self._rows: dict[str, tuple[list[str], list[tuple]]] = {}
        self._working: str | None = None

    def admin_url(self, dbname: str = "postgres") -> str:
        return self.cluster.url(dbname)

    def url(self, dbname: str, user: str = OFFICE_LOGIN, password: str = OFFICE_PASSWORD) -> str:
        return self.cluster.url(dbname, user, password)

    def admin(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.admin_url(dbname), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self, template: str = TEMPLATE) -> str:
        self._count += 1
        name = f"t{os.getpid()}_{self._count}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return name

    def drop(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def remember_template(self) -> None:
        import psycopg

        with psycopg.connect(self.admin_url(TEMPLATE), autocommit=True) as conn:
            tables = [r[0] for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")]
            for table in tables:
                cur = conn.execute(f'SELECT * FROM "{table}"')
                self._rows[table] = ([d.name for d in cur.description or []], cur.fetchall())

    def working_database(self) -> str:
        """The test database, as the template left it."""
        import psycopg

        if self._working is None:
            self._working = self.new_database()
            return self._working
        with psycopg.connect(self.admin_url(self._working), autocommit=True) as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                         " WHERE datname = current_database() AND pid <> pg_backend_pid()")
            with conn.transaction():
                conn.execute("SET LOCAL session_replication_role = replica")
                current = [r[0] for r in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
                for table in current:
                    conn.execute(f'DELETE FROM "{table}"')
                for table, (names, rows) in self._rows.items():
                    if rows:
                        cols = ", ".join(f'"{n}"' for n in names)
                        marks = ", ".join(["%s"] * len(names))
                        conn.cursor().executemany(
                            f'INSERT INTO "{table}" ({cols}) OVERRIDING SYSTEM VALUE VALUES ({marks})',
                            rows)
                    if "id" in names:
                        conn.execute(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                            f" (SELECT coalesce(max(id), 0) + 1 FROM \"{table}\"), false)")
        return self._working


def _server_required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("TRACKER_REQUIRE_SERVER"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """A PostgreSQL cluster for this test session (skipped only when none is installed)."""
    if pg_cluster.find_bin() is None:
        reason = ("PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH):"
                  " apt install postgresql-15")
        if _server_required():
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if _server_required():
            pytest.fail('psycopg is missing: pip install -e ".[test]" installs it')
        pytest.skip('psycopg is not installed (pip install -e ".[server]")')
    cluster = pg_cluster.start()
    server = Server(cluster)
    try:
        _make_template(server)
        server.remember_template()
        yield server
    finally:
        cluster.stop()


def _make_template(server: Server) -> None:
    from tracker.io.report import parse_report
    from tracker.services import server as admin
    from tracker.services.plans import default_report_text
    from tracker.store import open_server
    from tracker.store import repository as repo

    server.admin(f'CREATE DATABASE "{TEMPLATE}"')
    admin.init_server(server.admin_url(TEMPLATE))
    with open_server(server.admin_url(TEMPLATE)) as db, db.transaction() as c:
        repo.insert_plan(c, parse_report(default_report_text()))
    admin.add_user(server.admin_url(TEMPLATE), OFFICE_LOGIN, "office", "", OFFICE_PASSWORD)


@pytest.fixture
def server_db(pg_server: Server) -> str:
    """A database holding the default plan and nothing else; its URL for the office login."""
    return pg_server.url(pg_server.working_database())


STORES = ["file", pytest.param("server", marks=pytest.mark.server)]


@pytest.fixture(params=STORES)
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a command-line test keeps its data: a new file's path (created with the default
    plan on first use) or a fresh server database's URL (holding the default plan)."""
    if request.param == "file":
        return str(tmp_path / "t.db")
    return str(request.getfixturevalue("server_db"))
