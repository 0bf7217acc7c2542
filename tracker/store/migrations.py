"""Schema steps, oldest first. Step N takes a file from `user_version` N-1 to N (on a server:
the `schema_version` table; the same steps run there, see store/server/connection.py).

Never edit a released step: append a new one (tests upgrade a fixture of every version).
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.store.sql import Tx


def _v1(c: Tx) -> None:
    """The first schema: plans, their node tree, departments, check-ins and the change log."""
    for statement in V1_SCHEMA.split(";\n"):
        if statement.strip():
            c.execute(statement)


V1_SCHEMA = """
CREATE TABLE plan (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1900 AND 2999),
    title       TEXT NOT NULL,
    source_text TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    green_max   REAL NOT NULL DEFAULT 10,
    yellow_max  REAL NOT NULL DEFAULT 30,
    locked_at   TEXT
);
CREATE TABLE department (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE person (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    dept_id INTEGER REFERENCES department(id) ON DELETE SET NULL,
    role    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE node (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    parent_id      INTEGER REFERENCES node(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('area', 'task', 'subtask')),
    title          TEXT NOT NULL,
    detail         TEXT NOT NULL DEFAULT '',
    source_excerpt TEXT NOT NULL DEFAULT '',
    leader         TEXT NOT NULL DEFAULT '',
    lead_dept_id   INTEGER REFERENCES department(id) ON DELETE SET NULL,
    owner          TEXT NOT NULL DEFAULT '',
    start          TEXT,
    due            TEXT,
    baseline_due   TEXT,
    weight         REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
    status         TEXT NOT NULL DEFAULT 'not_started'
                   CHECK (status IN ('not_started', 'in_progress', 'done', 'suspended'))
);
CREATE INDEX node_tree ON node(plan_id, parent_id, position);
CREATE TABLE node_co_dept (
    node_id  INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
    dept_id  INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, dept_id)
);
CREATE TABLE checkin (
    id            INTEGER PRIMARY KEY,
    node_id       INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    progress      REAL NOT NULL CHECK (progress BETWEEN 0 AND 100),
    progress_text TEXT NOT NULL DEFAULT '',
    problems      TEXT NOT NULL DEFAULT '',
    next_steps    TEXT NOT NULL DEFAULT '',
    reporter      TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
CREATE INDEX checkin_node ON checkin(node_id, date, id);
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    who       TEXT NOT NULL DEFAULT '',
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    field     TEXT NOT NULL,
    old       TEXT,
    new       TEXT
);
CREATE INDEX change_log_entity ON change_log(entity, entity_id, at)
"""


def _v2(c: Tx) -> None:
    """Extensions (延期): after a plan is locked, each deadline move keeps its reason and dates."""
    c.execute(
        """
        CREATE TABLE extension (
            id       INTEGER PRIMARY KEY,
            node_id  INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
            at       TEXT NOT NULL,
            who      TEXT NOT NULL DEFAULT '',
            old_due  TEXT,
            new_due  TEXT,
            reason   TEXT NOT NULL CHECK (reason <> '')
        )
        """
    )
    c.execute("CREATE INDEX extension_node ON extension(node_id, at, id)")


def _v3(c: Tx) -> None:
    """The bureau's own order of its departments (NULL until the user arranges the list once)."""
    c.execute("ALTER TABLE department ADD COLUMN position INTEGER")


def _v4(c: Tx) -> None:
    """Carry-over: an item copied into the next year's plan remembers the item it came from."""
    c.execute("ALTER TABLE node ADD COLUMN origin_id INTEGER REFERENCES node(id) ON DELETE SET NULL")
    c.execute("CREATE INDEX node_origin ON node(origin_id)")


def _v5(c: Tx) -> None:
    """Reporting periods: each plan's cadence and report-by day, closed periods with their
    frozen values and a log of closes and reopens, and the office's own settings (unit name,
    the ledger's footer)."""
    for statement in V5_SCHEMA.split(";\n"):
        if statement.strip():
            c.execute(statement)


V5_SCHEMA = """
ALTER TABLE plan ADD COLUMN period_kind TEXT NOT NULL DEFAULT 'month'
    CHECK (period_kind IN ('month', 'quarter'));
ALTER TABLE plan ADD COLUMN report_day INTEGER NOT NULL DEFAULT 25 CHECK (report_day BETWEEN 1 AND 31);
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL DEFAULT ''
);
CREATE TABLE period_close (
    plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    period     TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    closed_at  TEXT NOT NULL,
    who        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, period)
);
CREATE TABLE period_item (
    plan_id          INTEGER NOT NULL,
    period           TEXT NOT NULL,
    node_id          INTEGER NOT NULL,
    parent_id        INTEGER,
    position         INTEGER NOT NULL,
    kind             TEXT NOT NULL,
    code             TEXT NOT NULL,
    area             TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL,
    detail           TEXT NOT NULL DEFAULT '',
    leader           TEXT NOT NULL DEFAULT '',
    lead_dept        TEXT NOT NULL DEFAULT '',
    co_depts         TEXT NOT NULL DEFAULT '',
    owner            TEXT NOT NULL DEFAULT '',
    due              TEXT NOT NULL,
    weight           REAL NOT NULL DEFAULT 1,
    progress         REAL NOT NULL,
    expected         REAL NOT NULL,
    status           TEXT NOT NULL,
    light            TEXT NOT NULL,
    checkin_id       INTEGER,
    checkin_date     TEXT,
    checkin_progress REAL,
    progress_text    TEXT NOT NULL DEFAULT '',
    problems         TEXT NOT NULL DEFAULT '',
    next_steps       TEXT NOT NULL DEFAULT '',
    reporter         TEXT NOT NULL DEFAULT '',
    seq              INTEGER NOT NULL,
    PRIMARY KEY (plan_id, period, node_id),
    FOREIGN KEY (plan_id, period) REFERENCES period_close(plan_id, period) ON DELETE CASCADE
);
CREATE TABLE period_log (
    id      INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    period  TEXT NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
    at      TEXT NOT NULL,
    who     TEXT NOT NULL DEFAULT '',
    reason  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX period_log_plan ON period_log(plan_id, period, at)
"""


def _v6(c: Tx) -> None:
    """A file identity, kept for life and carried by every backup: a restore can then refuse
    another file's backup (two offices' `tracker.db` sharing one backup folder). Not an office
    setting (table `setting`): it is never edited, exported or copied to another file."""
    import uuid  # only an old file's upgrade: not loaded by every open

    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    c.execute("INSERT INTO meta (key, value) VALUES ('file_id', ?)", (uuid.uuid4().hex,))


def _v7(c: Tx) -> None:
    """News of each commit (which items, whether the tree's shape, the plans or the department
    list changed), so another window on the file refreshes only what changed (store/news.py);
    and indexes for the departments' item counts, which scanned every item per department."""
    c.execute("CREATE INDEX node_lead_dept ON node(lead_dept_id)")
    c.execute("CREATE INDEX node_co_dept_dept ON node_co_dept(dept_id)")
    c.execute(
        "CREATE TABLE change_news (seq INTEGER PRIMARY KEY, node_id INTEGER, kind TEXT NOT NULL"
        " CHECK (kind IN ('node', 'shape', 'plans', 'departments')))"
    )


MIGRATIONS: list[Callable[[Tx], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7]
IDENTITY_VERSION = 6  # files from this version on carry their identity (table meta, key file_id)
