"""The `tracker` command: sub-commands print to the terminal; no sub-command opens the window.

Contract (DESIGN.md): every command takes --db; errors are one line on stderr with exit
1 (data) or 2 (usage), never a traceback, and nothing half-written.
"""

from __future__ import annotations

import signal
import sys

INTERRUPTED = "已中断，未完成的操作没有写入。"
EXIT_DATA = 1
EXIT_USAGE = 2


def _interrupted_while_starting(signum: int, frame: object) -> None:
    """Ctrl-C while the modules below load (a few tenths of a second): nothing has been
    opened yet, so leave at once with the one line, not a KeyboardInterrupt traceback."""
    try:
        print(f"tracker: {INTERRUPTED}", file=sys.stderr, flush=True)
    finally:
        import os

        os._exit(EXIT_DATA)


_QUIET_START = signal.getsignal(signal.SIGINT) is signal.default_int_handler
if _QUIET_START:  # the program's own start; a test runner or the window keeps its handler
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import argparse  # noqa: E402  (after the Ctrl-C guard, on purpose)
import contextlib  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sqlite3  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, NoReturn  # noqa: E402

from tracker import __version__  # noqa: E402
from tracker.preferences import (  # noqa: E402
    Preferences,
    PreferencesError,
    backup_dir_setting,
    data_file_path,
    preferences_path,
)
from tracker.services import Assignment, PlanView, UserError, Workspace  # noqa: E402
from tracker.store import is_server_location  # noqa: E402

# each sentence worded once, for the later translation
UNDECODABLE_ARGUMENT = "参数 {name} 中有无法识别的字符（不是 UTF-8 编码）：“{shown}”。"
OUTPUT_FAILED = "注意：结果无法输出（{reason}），但命令已完成。"
UNDECODABLE_TEXT = "数据文件中有无法读取的文字（可能已损坏）：{path}。请运行 tracker check 检查。"
INTERNAL = "内部错误：{kind}: {detail}（可运行 tracker check 检查数据文件）"


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line (exit 2) instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: 用法错误：{message}（见 {self.prog} --help）\n")


def _db_option(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--db", metavar="PATH|URL", default=default,
        help="data file, or a server's postgresql://user:password@host:port/dbname (default: "
             "$TRACKER_DB, else the one chosen in 设置, else the user data folder)",
    )


def _year_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, help="plan year (default: the newest plan)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tracker", description="年度工作台账 — Annual Plan Tracker")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _db_option(parser, None)
    parser.add_argument("--demo", action="store_true",
                        help="open a temporary demo file with sample owners and check-ins (演示数据)")
    parser.add_argument("--install-desktop", action="store_true",
                        help="Linux: add the app to the applications menu and the desktop")
    parser.add_argument("--uninstall-desktop", action="store_true",
                        help="Linux: remove what --install-desktop added")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _db_option(p, argparse.SUPPRESS)
        return p

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
    for module in _command_modules():
        module.add_parsers(command)
    return parser


def _command_modules() -> list[Any]:
    """Sub-commands that live beside their capability (plans, ledger, backups) register here."""
    from tracker import cli_backup, cli_ledger, cli_periods, cli_plans, cli_server

    return [cli_plans, cli_ledger, cli_backup, cli_periods, cli_server]


# --- commands -------------------------------------------------------------------------

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
        _print_json([
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
        _print_json(rows)
        return 0
    print(f"{view.plan.year} {view.plan.title}   总进度 {view.progress:.1f}%  序时进度 {view.expected:.1f}%")
    for r in rows:
        print(f"{r['code']:<6} {r['light']:<6} {r['progress']:>5.1f}%  {r['due']}  "
              f"{r['lead_dept'] or '-'}  {r['title'][:40]}")
    return 0


def cmd_assign(ws: Workspace, args: argparse.Namespace) -> int:
    change = Assignment(
        leader=args.leader, lead_dept=args.lead_dept, co_depts=args.co_depts,
        owner=args.owner, due=args.due, reason=args.reason,
    )
    if all(v is None for k, v in vars(change).items() if k != "reason"):
        raise _Usage("assign 需要至少一个选项：--leader --lead-dept --co-depts --owner --due")
    node = ws.tracking.assign(args.code, change, args.year)
    co = "、".join(node.co_depts) or "-"
    print(f"{node.code} {node.title}：责任领导 {node.leader or '-'}，牵头科室 {node.lead_dept or '-'}，"
          f"配合科室 {co}，完成时限 {node.due.isoformat() if node.due else '年底前'}")
    return 0


def cmd_checkin(ws: Workspace, args: argparse.Namespace) -> int:
    if args.progress is None and not (args.note or args.problems or args.next):
        raise _Usage("checkin 需要 --progress，或至少一段文字（--note --problems --next）")
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


Command = Callable[[Workspace, argparse.Namespace], int]

COMMANDS: dict[str, Command] = {
    "plans": cmd_plans,
    "tasks": cmd_tasks,
    "assign": cmd_assign,
    "checkin": cmd_checkin,
    "check": cmd_check,
}


class _Usage(Exception):
    """A usage mistake found after parsing (exit 2)."""


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _fail(message: str, code: int) -> int:
    _say(message)
    return code


def _say(message: str) -> None:
    """One line on stderr; a stderr that cannot be written (a full disk) is not a reason to crash."""
    with contextlib.suppress(OSError, ValueError):
        print(f"tracker: {message}", file=sys.stderr, flush=True)


class _Output(io.TextIOBase):
    """stdout for one command. The command's work is done before it prints, so a write that
    fails (a full disk, /dev/full, a reader that left) must not turn it into a failure: the
    failure is remembered, the rest of the output dropped, and the command goes on."""

    def __init__(self, stream: Any) -> None:
        super().__init__()
        self.stream = stream
        self.failed: OSError | None = None

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.stream, "encoding", "utf-8"))

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.failed is None:
            try:
                self.stream.write(text)
            except OSError as exc:
                self._give_up(exc)
        return len(text)

    def flush(self) -> None:
        if self.failed is None:
            try:
                self.stream.flush()
            except OSError as exc:
                self._give_up(exc)

    def _give_up(self, exc: OSError) -> None:
        """Point the descriptor at the null device, so the interpreter's flush at exit writes
        the rest there instead of printing "Exception ignored … OSError" and exiting 120."""
        self.failed = exc
        try:
            fd = self.stream.fileno()
        except (OSError, ValueError, io.UnsupportedOperation):
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fd)
        finally:
            os.close(devnull)


def _handler(name: str) -> Command:
    if name in COMMANDS:
        return COMMANDS[name]
    for module in _command_modules():
        if name in module.COMMANDS:
            return module.COMMANDS[name]  # type: ignore[no-any-return]
    raise _Usage(f"未知命令：{name}")


def _path_handler(name: str) -> Callable[[Path | str, argparse.Namespace], int] | None:
    for module in _command_modules():
        handler = getattr(module, "PATH_COMMANDS", {}).get(name)
        if handler is not None:
            return handler  # type: ignore[no-any-return]
    return None


def _desktop(install: bool) -> int:
    from tracker import desktop

    if not sys.platform.startswith("linux"):
        return _fail("--install-desktop 仅适用于 Linux；Windows 请使用打包版本（见 README）创建快捷方式。",
                     EXIT_USAGE)
    try:
        files = desktop.install().files if install else desktop.uninstall()
    except OSError as exc:
        return _fail(f"无法写入桌面菜单文件：{exc}", EXIT_DATA)
    verb = "已安装" if install else "已删除"
    for path in files:
        print(f"{verb} {path}")
    return 0


def _open_window(db_path: Path | str, demo: bool) -> int:
    """The double-click path: check the machine can show a window, then open it."""
    from tracker.preflight import window_problem

    problem = window_problem()
    if problem:
        return _fail(problem, EXIT_DATA)
    if demo:
        from tracker.services.demo import build_demo

        db_path = build_demo()
    from tracker.app import run  # Qt is imported only when a window is wanted

    smoke_ms = os.environ.get("TRACKER_SMOKE_EXIT_MS", "")
    if smoke_ms.isdigit():
        _report_window_then_quit(int(smoke_ms))
    return run(db_path, demo=demo)


def _report_window_then_quit(delay_ms: int) -> None:
    """For packaging checks: print the visible windows' titles once shown, then quit."""
    from PySide6.QtCore import QTimer

    from tracker.app import application

    app = application()

    def report() -> None:
        titles = [w.windowTitle() for w in app.topLevelWidgets() if w.isVisible()]
        print("windows: " + " | ".join(titles), flush=True)
        app.quit()

    QTimer.singleShot(delay_ms, report)


_TEXT_ARGUMENTS = {
    "code": "CODE", "progress": "--progress", "note": "--note", "problems": "--problems",
    "next": "--next", "date": "--date", "reporter": "--reporter", "leader": "--leader",
    "lead_dept": "--lead-dept", "co_depts": "--co-depts", "owner": "--owner", "due": "--due",
    "reason": "--reason",
}


def _undecodable_text(args: argparse.Namespace) -> str | None:
    """Bytes that are not UTF-8 reach Python as lone surrogates, which text cleaning would
    silently drop (a name stored as empty). Paths may hold them (a GBK file name); text may not."""
    for key, name in _TEXT_ARGUMENTS.items():
        value = getattr(args, key, None)
        if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
            shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            return UNDECODABLE_ARGUMENT.format(name=name, shown=shown[:40])
    return None


def main(argv: Sequence[str] | None = None) -> int:
    if _QUIET_START and signal.getsignal(signal.SIGINT) is _interrupted_while_starting:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # handled below from here on
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # a GBK console never crashes us
    out = _Output(sys.stdout)
    saved_stdout, sys.stdout = sys.stdout, out
    try:
        code = _run(argv)
        out.flush()
    except KeyboardInterrupt:
        code = _fail(INTERRUPTED, EXIT_DATA)
    finally:
        sys.stdout = saved_stdout
    if out.failed is not None and not isinstance(out.failed, BrokenPipeError):
        _say(OUTPUT_FAILED.format(reason=out.failed.strerror or out.failed))
    return code


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.install_desktop or args.uninstall_desktop:
        return _desktop(install=args.install_desktop)
    undecodable = _undecodable_text(args)
    if undecodable:
        return _fail(undecodable, EXIT_USAGE)
    try:
        preferences_path()  # a bad TRACKER_CONFIG is named here, once, before anything opens
        db_path = data_file_path(args.db)
    except PreferencesError as exc:
        return _fail(str(exc), EXIT_USAGE)
    backup_dir, notice = backup_dir_setting()
    if notice:
        _say(notice)
    if args.command is None:
        return _open_window(db_path, demo=args.demo)
    try:
        path_command = _path_handler(args.command)
        if path_command is not None:  # e.g. restore: must work when the file cannot be opened
            if is_server_location(db_path) and args.command == "restore":
                raise UserError("服务器上的数据由服务器恢复（pg_restore、时间点恢复），"
                                "请与管理服务器的同事联系；restore 只用于本机数据文件。")
            args.backup_dir = backup_dir
            return path_command(db_path, args)
        with Workspace.open(db_path, who=Preferences.load().who(), backup_dir=backup_dir) as ws:
            return _handler(args.command)(ws, args)
    except _Usage as exc:
        return _fail(f"用法错误：{exc}", EXIT_USAGE)
    except UserError as exc:
        return _fail(str(exc), EXIT_DATA)
    except sqlite3.OperationalError as exc:
        if "Could not decode" in str(exc):
            return _fail(UNDECODABLE_TEXT.format(path=db_path), EXIT_DATA)
        if "locked" in str(exc) or "busy" in str(exc):
            return _fail(f"数据文件正被其他程序写入，请稍后再试：{db_path}", EXIT_DATA)
        return _fail(f"数据文件无法读写（{exc}）：{db_path}；可运行 tracker check 检查。", EXIT_DATA)
    except sqlite3.DatabaseError as exc:
        return _fail(f"数据文件已损坏（{exc}）：{db_path}；可运行 tracker check 检查。", EXIT_DATA)
    except Exception as exc:  # last resort: one line, never a traceback
        if os.environ.get("TRACKER_DEBUG"):
            raise
        return _fail(INTERNAL.format(kind=type(exc).__name__, detail=exc), EXIT_DATA)
