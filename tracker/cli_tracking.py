"""The first sub-commands: the plans, their items, a check-in, the file's check. Registered by
tracker.cli, first, so `tracker --help` lists them in this order:

    tracker plans [--json]
    tracker tasks [--year Y] [--as-of P] [--json]
    tracker assign CODE [--year Y] [--leader X] [--lead-dept X] [--co-depts "A,B"] [--owner X] [--due D]
    tracker checkin CODE [--year Y] [--progress N] [--note T] [--problems T] [--next T] [--date D]
    tracker check

Imported to build the parser, so it loads nothing but argparse at import: each command asks
the Workspace for the one service it uses (docs/performance.md, `tracker checkin`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tracker.cli_terminal import EXIT_DATA, UsageError, print_json

if TYPE_CHECKING:
    from tracker.services import PlanView, Workspace

Factory = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(command: Factory) -> None:
    """Add this capability's sub-commands; `command(name, help)` makes one with --db."""
    p = command("plans", "list the plans in the data file")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("tasks", "list a plan's items with owners, progress and lights")
    _year_option(p)
    p.add_argument("--as-of", metavar="P", help='the values frozen when period P was closed, e.g. "2018-06"')
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("assign", "set an item's leader, departments and deadline")
    p.add_argument("code", metavar="CODE", help='item number, e.g. "2.3"')
    _year_option(p)
    p.add_argument("--leader", help="责任领导")
    p.add_argument("--lead-dept", help="牵头科室")
    p.add_argument("--co-depts", help='配合科室, comma separated: "A,B"')
    p.add_argument("--owner", help="责任人")
    p.add_argument("--due", help="完成时限 YYYY-MM-DD")
    p.add_argument("--reason", help="延期理由: required to move a deadline once the plan is locked")

    p = command("checkin", "record a progress report for an item")
    p.add_argument("code", metavar="CODE", help='item number, e.g. "2.3"')
    _year_option(p)
    p.add_argument("--progress", help="进度 0–100 (default: the item's latest progress)")
    p.add_argument("--note", default="", help="进展情况")
    p.add_argument("--problems", default="", help="存在问题")
    p.add_argument("--next", default="", help="下步措施")
    p.add_argument("--date", help="date YYYY-MM-DD (default: today)")
    p.add_argument("--reporter", help="填报人 (default: the name in the settings, else the OS user)")

    command("check", "check the data file's integrity; exit 0 when sound")


def _year_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, help="plan year (default: the newest plan)")


def _task_row(view: PlanView, node: Any) -> dict[str, Any]:
    ev = view.evaluations[node.id]
    return {
        "id": node.id,
        "code": node.code,
        "area": view.area_of(node).title,
        "title": node.title,
        "detail": node.detail,
        "leader": node.leader,
        "lead_dept": node.lead_dept,
        "co_depts": list(node.co_depts),
        "owner": node.owner,
        "due": ev.due.isoformat(),
        "progress": round(ev.progress, 1),
        "status": node.status.value,
        "light": ev.light.value,
    }


def cmd_plans(ws: Workspace, args: argparse.Namespace) -> int:
    infos = ws.plans.summaries()
    if args.json:
        print_json([
            {"id": p.id, "year": p.year, "title": p.title, "tasks": p.tasks, "progress": p.progress}
            for p in infos
        ])
    else:
        for p in infos:
            print(f"{p.year}  {p.title}  事项 {p.tasks}  进度 {p.progress:.1f}%")
    return 0


def cmd_tasks(ws: Workspace, args: argparse.Namespace) -> int:
    if args.as_of is not None:
        from tracker.cli_periods import print_as_of

        return print_as_of(ws, args.as_of, args.year, args.json)
    view = ws.plans.view(args.year)
    rows = [_task_row(view, n) for n in view.items()]
    if args.json:
        print_json(rows)
        return 0
    print(f"{view.plan.year} {view.plan.title}   总进度 {view.progress:.1f}%  序时进度 {view.expected:.1f}%")
    for r in rows:
        print(f"{r['code']:<6} {r['light']:<6} {r['progress']:>5.1f}%  {r['due']}  "
              f"{r['lead_dept'] or '-'}  {r['title'][:40]}")
    return 0


def cmd_assign(ws: Workspace, args: argparse.Namespace) -> int:
    from tracker.services.tracking import Assignment

    change = Assignment(
        leader=args.leader, lead_dept=args.lead_dept, co_depts=args.co_depts,
        owner=args.owner, due=args.due, reason=args.reason,
    )
    if all(v is None for k, v in vars(change).items() if k != "reason"):
        raise UsageError("assign 需要至少一个选项：--leader --lead-dept --co-depts --owner --due")
    node = ws.tracking.assign(args.code, change, args.year)
    co = "、".join(node.co_depts) or "-"
    print(f"{node.code} {node.title}：责任领导 {node.leader or '-'}，牵头科室 {node.lead_dept or '-'}，"
          f"配合科室 {co}，完成时限 {node.due.isoformat() if node.due else '年底前'}")
    return 0


def cmd_checkin(ws: Workspace, args: argparse.Namespace) -> int:
    if args.progress is None and not (args.note or args.problems or args.next):
        raise UsageError("checkin 需要 --progress，或至少一段文字（--note --problems --next）")
    ci = ws.tracking.checkin(
        args.code, args.progress, note=args.note, problems=args.problems,
        next_steps=args.next, date=args.date, reporter=args.reporter, year=args.year,
    )
    print(f"已保存进展填报 #{ci.id}：{args.code} {ci.date.isoformat()} 进度 {ci.progress:g}%")
    return 0


def cmd_check(ws: Workspace, args: argparse.Namespace) -> int:
    """Full integrity check; a damaged file names the newest good backup to restore."""
    from tracker.services.backups import backup_offer

    db = ws.db
    problems = db.integrity_errors()
    if problems:
        for line in problems[:20]:
            print(line, file=sys.stderr)
        offer = "" if ws.on_server else backup_offer(db.path, ws.backup_dir)
        print(f"数据文件有 {len(problems)} 处问题：{ws.location}。{offer}", file=sys.stderr)
        return EXIT_DATA
    years = ws.plans.years()
    mode = "，只读" if db.read_only else ""
    if ws.on_server:
        print(f"服务器上的数据库完好：{ws.location}（架构版本 {db.schema_version}，计划 {len(years)} 个，"
              f"登录 {ws.account.describe()}）")
        return 0
    print(f"数据文件完好：{db.path}（架构版本 {db.schema_version}，计划 {len(years)} 个{mode}）")
    return 0


COMMANDS: dict[str, Callable[[Workspace, argparse.Namespace], int]] = {
    "plans": cmd_plans,
    "tasks": cmd_tasks,
    "assign": cmd_assign,
    "checkin": cmd_checkin,
    "check": cmd_check,
}
