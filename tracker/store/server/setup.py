"""The server's own part of the schema: version table, roles, grants, row-level security, news.

The tables themselves come from the same migration list as a data file's (store/migrations.py).
What only a server has is (re)applied after every migration, for every table there is, so a
table added by a later migration is readable by every role, writable by the office, and its
writes reach the other windows with no extra work:

- roles `tracker_office`, `tracker_department`, `tracker_leader` (no login; a login is a member
  of one, made by `tracker server add-user`), and the `account` table naming a department
  login's department;
- row-level security: everybody reads everything; the office writes everything (the change log
  only grows); a department writes check-ins of the items its department leads or cooperates
  on (or of their sub-items), the status of those items (a check-in moves it), and change-log
  rows; a leader writes nothing;
- a statement trigger on every table that sends NOTIFY tracker_changes with the writer's
  session token, so windows refresh when anyone (even psql) commits.
"""

from __future__ import annotations

from psycopg import sql

from tracker.store.server.connection import ServerTx

ROLES = ("tracker_office", "tracker_department", "tracker_leader")
OFFICE, DEPARTMENT, LEADER = ROLES
CHANNEL = "tracker_changes"
# Tables that are the server's bookkeeping, not data: no news, no writes by the roles.
BOOKKEEPING = ("schema_version", "account")

_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION tracker_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', coalesce(current_setting('tracker.session', true), ''));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION tracker_may_report(item integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up(id, parent_id, lead_dept_id) AS (
        SELECT id, parent_id, lead_dept_id FROM node WHERE id = item
        UNION ALL
        SELECT n.id, n.parent_id, n.lead_dept_id FROM node n JOIN up ON n.id = up.parent_id
    )
    SELECT EXISTS (
        SELECT 1 FROM account a, up
        WHERE a.login = current_user AND a.role = 'department' AND a.dept_id IS NOT NULL
          AND (up.lead_dept_id = a.dept_id OR EXISTS (
              SELECT 1 FROM node_co_dept cd WHERE cd.node_id = up.id AND cd.dept_id = a.dept_id))
    )
$$;
"""


def create_version_table(tx: ServerTx) -> None:
    tx.raw("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    if tx.raw("SELECT count(*) FROM schema_version").fetchone()[0] == 0:
        tx.raw("INSERT INTO schema_version (version) VALUES (0)")


def create_roles(tx: ServerTx) -> None:
    """The three group roles, cluster-wide (a cluster may hold several bureaus' databases: a
    login can only connect to the databases it was added to, see accounts.add_user)."""
    existing = {r[0] for r in tx.raw("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", [list(ROLES)])}
    for role in ROLES:
        if role not in existing:
            tx.raw(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)).as_string(tx.conn))


def apply(tx: ServerTx, dbname: str) -> None:
    """Grants, policies, functions and triggers for every table there is now."""
    tx.raw(sql.SQL(
        """CREATE TABLE IF NOT EXISTS account (
            login   TEXT COLLATE "C" PRIMARY KEY,
            role    TEXT NOT NULL CHECK (role IN ('office', 'department', 'leader')),
            dept_id INTEGER REFERENCES department(id) ON DELETE SET NULL
        )""").as_string(tx.conn))
    tx.raw(_FUNCTIONS)
    schema = tx.raw("SELECT current_schema()").fetchone()[0]
    ident = sql.Identifier
    roles = sql.SQL(", ").join(ident(r) for r in ROLES)

    def run(template: str, *parts: sql.Composable) -> None:
        tx.raw(sql.SQL(template).format(*parts).as_string(tx.conn))

    # the roles are cluster-wide: a login connects only to the databases it was added to
    run("REVOKE CONNECT ON DATABASE {} FROM PUBLIC", ident(dbname))
    run("GRANT USAGE ON SCHEMA {} TO {}", ident(schema), roles)
    run("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}", ident(schema), roles)
    run("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {} TO {}, {}", ident(schema),
        ident(OFFICE), ident(DEPARTMENT))
    run("GRANT EXECUTE ON FUNCTION tracker_may_report(integer) TO {}", roles)
    tables = [r[0] for r in tx.raw(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")]
    for table in tables:
        t = ident(table)
        run("ALTER TABLE {} ENABLE ROW LEVEL SECURITY", t)
        for policy in ("read_all", "office_all", "office_log", "department_checkin",
                       "department_status", "department_log"):
            run("DROP POLICY IF EXISTS {} ON {}", ident(policy), t)
        run("CREATE POLICY read_all ON {} FOR SELECT TO {} USING (true)", t, roles)
        if table in BOOKKEEPING:
            continue
        run("DROP TRIGGER IF EXISTS tracker_notify ON {}", t)
        run("CREATE TRIGGER tracker_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {}"
            " FOR EACH STATEMENT EXECUTE FUNCTION tracker_notify()", t)
        if table == "change_log":  # history only grows, whoever writes
            run("GRANT INSERT ON change_log TO {}, {}", ident(OFFICE), ident(DEPARTMENT))
            run("CREATE POLICY office_log ON change_log FOR INSERT TO {} WITH CHECK (true)", ident(OFFICE))
            run("CREATE POLICY department_log ON change_log FOR INSERT TO {} WITH CHECK (true)",
                ident(DEPARTMENT))
            continue
        run("GRANT INSERT, UPDATE, DELETE ON {} TO {}", t, ident(OFFICE))
        run("CREATE POLICY office_all ON {} FOR ALL TO {} USING (true) WITH CHECK (true)", t, ident(OFFICE))
    run("GRANT INSERT, UPDATE, DELETE ON checkin TO {}", ident(DEPARTMENT))
    run("CREATE POLICY department_checkin ON checkin FOR ALL TO {}"
        " USING (tracker_may_report(node_id)) WITH CHECK (tracker_may_report(node_id))", ident(DEPARTMENT))
    run("GRANT UPDATE (status) ON node TO {}", ident(DEPARTMENT))
    run("CREATE POLICY department_status ON node FOR UPDATE TO {}"
        " USING (tracker_may_report(id)) WITH CHECK (tracker_may_report(id))", ident(DEPARTMENT))
