"""Running the tracker on a PostgreSQL server: set it up, add logins, move data in and out, dump.

`tracker server init|add-user|push|pull` call these; each is one transaction on the server.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tracker.domain.access import Role
from tracker.services.backups import SERVER_BACKUPS
from tracker.services.errors import UserError
from tracker.store import Database, Store, Tx, is_server_location, open_server, transfer

ROLE_WORDS = {"office": Role.OFFICE, "department": Role.DEPARTMENT, "leader": Role.LEADER}


@dataclass(frozen=True)
class Moved:
    """Rows copied per table (plans, items, check-ins, change-log rows …)."""

    counts: dict[str, int]

    def describe(self) -> str:
        c = self.counts
        return (f"计划 {c.get('plan', 0)} 个，事项 {c.get('node', 0)} 项，进展填报 {c.get('checkin', 0)} 条，"
                f"科室 {c.get('department', 0)} 个，修改记录 {c.get('change_log', 0)} 条")


def _url(location: str) -> str:
    if not is_server_location(location):
        raise UserError(f"需要数据库服务器地址（postgresql://用户:密码@主机:端口/库名），而不是：{location}")
    return location.strip()


def init_server(url: str) -> str:
    """Create (or upgrade) the schema, the roles and the policies, from an admin login."""
    with open_server(_url(url), check=False) as db:
        before = db.schema_version
        if before < len(db.migrations):
            db.migrate()
        else:
            db.refresh_setup()
        after = db.schema_version
        where = db.location
    if before == 0:
        return f"已在 {where} 建立年度工作台账的表、角色和访问策略（架构版本 {after}）。"
    if before < after:
        return f"已把 {where} 升级到架构版本 {after}（原为 {before}），角色和访问策略已更新。"
    return f"{where} 已是架构版本 {after}；角色和访问策略已重新设置。"


def add_user(admin_url: str, login: str, role: str, department: str, password: str) -> str:
    from tracker.store.server.accounts import add_user as create

    if role not in ROLE_WORDS:
        raise UserError(f"角色只能是 office、department 或 leader，而不是：{role}")
    kind = ROLE_WORDS[role]
    if kind is not Role.DEPARTMENT and department:
        raise UserError("只有科室账号（--role department）需要 --dept。")
    with open_server(_url(admin_url)) as db:
        create(db, login.strip(), kind, department.strip(), password)
        where = db.location
    dept = f"（{department}）" if department else ""
    return f"已在 {where} 创建登录 {login}：{role}{dept}。"


def push(file: str | Path, url: str, replace: bool = False) -> Moved:
    """Copy a data file's rows to the server; a server that already holds data is refused
    unless `replace` (then its rows are deleted first, in the same transaction)."""
    path = Path(file)
    if not path.is_file():
        raise UserError(f"找不到数据文件：{path}")
    with Database(path, create=False) as source, open_server(_url(url)) as target, \
            source.snapshot() as src, target.transaction() as dst:
        empty = transfer.is_empty(dst)
        if not empty and not replace:
            raise UserError(
                f"服务器上的数据库已有数据（{target.location}）；未改动。"
                "确认要用本文件替换它的全部数据时，请加 --replace。")
        logins = _department_logins(dst)
        if not empty:
            transfer.clear(dst)
        counts = transfer.copy_all(src, dst)
        _relink(dst, logins)
    return Moved(counts)


def _department_logins(c: Tx) -> list[tuple[str, str]]:
    rows = c.execute(
        "SELECT a.login, d.name FROM account a JOIN department d ON d.id = a.dept_id")
    return [(str(r[0]), str(r[1])) for r in rows]


def _relink(c: Tx, logins: list[tuple[str, str]]) -> None:
    """Department logins follow their department by name across a --replace."""
    for login, name in logins:
        c.execute("UPDATE account SET dept_id = (SELECT id FROM department WHERE name = ?)"
                  " WHERE login = ?", (name, login))


def pull(url: str, file: str | Path) -> Moved:
    """A new data file holding everything on the server (a laptop copy, an archive)."""
    path = Path(file)
    if path.exists():
        raise UserError(f"文件已存在，未覆盖：{path}。请指定一个新文件名。")
    if not path.parent.is_dir():
        raise UserError(f"文件夹不存在：{path.parent}")
    with open_server(_url(url)) as source, source.snapshot() as src:
        counts = transfer.new_file(src, path)
    if counts is None:
        raise UserError(f"文件已存在，未覆盖：{path}")
    return Moved(counts)


def dump(db: Store, out: str | Path | None = None) -> tuple[str, Path | None]:
    """`tracker backup` on a server: say that backups are the server's job and, for an office
    login with pg_dump on PATH, write a dump (custom format) too."""
    account = getattr(db, "account", None)
    if account is None or account.role is not Role.OFFICE:
        return SERVER_BACKUPS, None
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        return SERVER_BACKUPS + "（本机没有 pg_dump，未导出副本。）", None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = Path(out) if out else Path.cwd() / f"tracker-{stamp}.dump"
    if target.exists():
        raise UserError(f"文件已存在，未覆盖：{target}")
    url = str(getattr(db, "url", ""))
    result = subprocess.run(
        [pg_dump, "--format=custom", "--enable-row-security", "--no-owner", f"--file={target}",
         f"--dbname={url}"],
        capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        detail = (result.stderr.strip().splitlines() or ["pg_dump 失败"])[-1]
        raise UserError(f"pg_dump 未能导出：{detail}")
    return SERVER_BACKUPS + f"已用 pg_dump 导出一份副本：{target}", target
