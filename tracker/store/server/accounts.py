"""Logins: a PostgreSQL role per person or department, a member of one of the tracker's roles."""

from __future__ import annotations

import psycopg
from psycopg import sql

from tracker.domain.access import Role
from tracker.store.errors import NotAllowed, StoreError
from tracker.store.server import setup
from tracker.store.server.connection import first_line
from tracker.store.server.database import ServerDatabase

_GROUP = {Role.OFFICE: setup.OFFICE, Role.DEPARTMENT: setup.DEPARTMENT, Role.LEADER: setup.LEADER}


def add_user(db: ServerDatabase, login: str, role: Role, department: str, password: str) -> None:
    """Create (or update) the login `login` with `password`, in `role`; a department login is
    tied to `department` (which must exist). One transaction, run from an admin login."""
    if not login or len(login) > 63:
        raise StoreError("登录名不能为空，且不超过 63 个字符。")
    if not password:
        raise StoreError("密码不能为空。")
    tx = db.tx
    dept_id = None
    if role is Role.DEPARTMENT:
        if not department:
            raise StoreError("科室账号需要 --dept 指定科室。")
        row = tx.execute("SELECT id FROM department WHERE name = ?", (department,)).fetchone()
        if row is None:
            known = "、".join(r[0] for r in tx.execute("SELECT name FROM department ORDER BY name"))
            raise StoreError(f"没有名为“{department}”的科室（已有：{known or '无'}）。")
        dept_id = int(row[0])
    name = sql.Identifier(login)
    verifier = tx.conn.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    dbname = str(tx.raw("SELECT current_database()").fetchone()[0])
    exists = tx.raw("SELECT 1 FROM pg_roles WHERE rolname = %s", [login]).fetchone() is not None

    def run(template: str, *parts: sql.Composable) -> None:
        tx.raw(sql.SQL(template).format(*parts).as_string(tx.conn))

    try:
        tx.raw("BEGIN")
        if exists:
            run("ALTER ROLE {} WITH LOGIN PASSWORD {}", name, sql.Literal(verifier.decode()))
        else:
            run("CREATE ROLE {} WITH LOGIN PASSWORD {}", name, sql.Literal(verifier.decode()))
        for group in _GROUP.values():  # one role at a time
            if group != _GROUP[role]:
                run("REVOKE {} FROM {}", sql.Identifier(group), name)
        run("GRANT {} TO {}", sql.Identifier(_GROUP[role]), name)
        run("GRANT CONNECT ON DATABASE {} TO {}", sql.Identifier(dbname), name)
        tx.raw("INSERT INTO account (login, role, dept_id) VALUES (%s, %s, %s) ON CONFLICT (login)"
               " DO UPDATE SET role = excluded.role, dept_id = excluded.dept_id",
               [login, role.value, dept_id])
        tx.raw("COMMIT")
    except psycopg.errors.InsufficientPrivilege as exc:
        db._rollback()
        raise NotAllowed(
            f"该账号无权创建登录（需要数据库管理员账号，--db ADMIN_URL）：{first_line(exc)}") from exc
    except psycopg.Error as exc:
        db._rollback()
        raise StoreError(f"无法创建登录 {login}：{first_line(exc)}") from exc
