"""`tracker server init|add-user|push|pull`: a bureau's database on a PostgreSQL server.

    tracker server init URL                  tables, roles and policies (an admin login)
    tracker server add-user NAME --role office|department|leader [--dept D] [--password PW] --db ADMIN_URL
    tracker server push FILE URL [--replace] copy a data file's plans, check-ins and change log up
    tracker server pull URL FILE             a new local data file with everything on the server
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from tracker.errors import UserError

Factory = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(command: Factory) -> None:
    p = command("server", "set up and fill a shared database on a PostgreSQL server (docs/server.md)")
    sub = p.add_subparsers(dest="server_command", metavar="ACTION", parser_class=type(p))
    sub.required = True
    q = sub.add_parser("init", help="create or upgrade the tables, roles and policies (admin login)")
    q.add_argument("url", metavar="URL", help="postgresql://admin:password@host:port/dbname")
    q = sub.add_parser("add-user", help="create a login for a person or a department (admin login)")
    q.add_argument("name", metavar="NAME", help="login name")
    q.add_argument("--role", required=True, choices=["office", "department", "leader"])
    q.add_argument("--dept", default="", help="the department of a department login, e.g. 法制科")
    q.add_argument("--password", help="the login's password (asked for when left out)")
    q.add_argument("--db", dest="admin_url", required=True, metavar="ADMIN_URL",
                   help="postgresql://admin:password@host:port/dbname")
    q = sub.add_parser("push", help="copy a data file's data to the server")
    q.add_argument("file", metavar="FILE")
    q.add_argument("url", metavar="URL")
    q.add_argument("--replace", action="store_true",
                   help="replace the server's data when it already holds some")
    q = sub.add_parser("pull", help="make a new local data file holding the server's data")
    q.add_argument("url", metavar="URL")
    q.add_argument("file", metavar="FILE")


def _password(args: argparse.Namespace) -> str:
    if args.password is not None:
        return str(args.password)
    if not sys.stdin.isatty():
        raise UserError("请用 --password 给出密码（没有终端可以输入密码）。")
    first = getpass.getpass(f"{args.name} 的密码：")
    if first != getpass.getpass("再输入一次："):
        raise UserError("两次输入的密码不一致，未创建登录。")
    return first


def cmd_server(_location: Path | str, args: argparse.Namespace) -> int:
    from tracker.services import server

    action = args.server_command
    if action == "init":
        print(server.init_server(args.url))
    elif action == "add-user":
        print(server.add_user(args.admin_url, args.name, args.role, args.dept, _password(args)))
    elif action == "push":
        moved = server.push(args.file, args.url, replace=args.replace)
        print(f"已复制到服务器：{moved.describe()}。")
    else:
        moved = server.pull(args.url, args.file)
        print(f"已从服务器复制到 {args.file}：{moved.describe()}。")
    return 0


COMMANDS: dict[str, Callable[..., int]] = {}
PATH_COMMANDS: dict[str, Callable[[Path | str, argparse.Namespace], int]] = {"server": cmd_server}
