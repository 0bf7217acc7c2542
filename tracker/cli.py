"""The `tracker` command: sub-commands print to the terminal; no sub-command opens the window.

Contract (DESIGN.md): every command takes --db; errors are one line on stderr with exit
1 (data) or 2 (usage), never a traceback, and nothing half-written.
"""

from __future__ import annotations

import signal
import sys

INTERRUPTED = "已中断，未完成的操作没有写入。"
_EXIT_STARTING = 1  # EXIT_DATA (tracker.cli_terminal), needed before anything is imported


def _interrupted_while_starting(signum: int, frame: object) -> None:
    """Ctrl-C while the modules below load (a few tenths of a second): nothing has been
    opened yet, so leave at once with the one line, not a KeyboardInterrupt traceback."""
    try:
        print(f"tracker: {INTERRUPTED}", file=sys.stderr, flush=True)
    finally:
        import os

        os._exit(_EXIT_STARTING)


_QUIET_START = signal.getsignal(signal.SIGINT) is signal.default_int_handler
if _QUIET_START:  # the program's own start; a test runner or the window keeps its handler
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import argparse  # noqa: E402  (after the Ctrl-C guard, on purpose)
import os  # noqa: E402
import sqlite3  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from importlib import import_module  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import TYPE_CHECKING, Any, NoReturn  # noqa: E402

from tracker import __version__  # noqa: E402
from tracker.cli_terminal import EXIT_DATA, EXIT_USAGE, Output, UsageError, say  # noqa: E402
from tracker.errors import UserError  # noqa: E402

if TYPE_CHECKING:
    from tracker.services.workspace import Workspace

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


# Each sub-command's module, in the order `--help` lists them. A command builds the parser of
# its own module only and imports no other (each is light to import; its services load when it
# runs: docs/performance.md, `tracker checkin`); --help and anything unclear build them all.
# tests/test_cli_imports.py checks this table against what the modules register.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "tracker.cli_tracking": ("plans", "tasks", "assign", "checkin", "check"),
    "tracker.cli_plans": ("import-report", "delete-plan", "carry-over"),
    "tracker.cli_ledger": ("export", "import-ledger"),
    "tracker.cli_backup": ("backup", "restore"),
    "tracker.cli_periods": ("periods", "missing", "close-period", "reopen-period", "report"),
    "tracker.cli_server": ("server",),
}
_GLOBAL_FLAGS = ("--demo", "--install-desktop", "--uninstall-desktop")


def build_parser(command_name: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; given a sub-command's name, only that command's module's sub-commands."""
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

    for module in _command_modules(command_name):
        module.add_parsers(command)
    return parser


def _command_modules(command_name: str | None = None) -> list[ModuleType]:
    """Every command module, or the one that registers `command_name`."""
    return [import_module(module) for module, names in COMMAND_MODULES.items()
            if command_name is None or command_name in names]


def named_command(argv: Sequence[str]) -> str | None:
    """The sub-command `argv` names, when that is certain before parsing: only the global
    options spelled out in full may come before it. None otherwise (then argparse decides)."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--db":
            next(tokens, None)
        elif not (token.startswith("--db=") or token in _GLOBAL_FLAGS):
            known = any(token in names for names in COMMAND_MODULES.values())
            return token if known else None
    return None


def _open_workspace(db_path: Path | str, who: str, backup_dir: Path | None) -> Workspace:
    """Open the data file or connect to the server. On a terminal, a server that wants a
    password (none in the address or the pgpass file) or refuses the one typed asks for it,
    three times at most, as psql does; a script without a terminal gets the one-line error."""
    from tracker.services.errors import LoginFailed
    from tracker.services.workspace import Workspace

    password: str | None = None
    for attempt in range(3):
        try:
            return Workspace.open(db_path, who=who, backup_dir=backup_dir, password=password)
        except LoginFailed as exc:
            if attempt == 2 or not sys.stdin.isatty():
                raise
            if exc.password_given:
                print(f"tracker: {exc}", file=sys.stderr)
            import getpass

            password = getpass.getpass(f"{exc.login} 的密码：")
    raise AssertionError("unreachable")


def _fail(message: str, code: int) -> int:
    say(message)
    return code


Command = Callable[[Any, argparse.Namespace], int]


def _handler(name: str) -> Command:
    for module in _command_modules(name):
        if name in module.COMMANDS:
            return module.COMMANDS[name]  # type: ignore[no-any-return]
    raise UsageError(f"未知命令：{name}")


def _path_handler(name: str) -> Callable[[Path | str, argparse.Namespace], int] | None:
    for module in _command_modules(name):
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
    out = Output(sys.stdout)
    saved_stdout, sys.stdout = sys.stdout, out
    try:
        code = _run(argv)
        out.flush()
    except KeyboardInterrupt:
        code = _fail(INTERRUPTED, EXIT_DATA)
    finally:
        sys.stdout = saved_stdout
    if out.failed is not None and not isinstance(out.failed, BrokenPipeError):
        say(OUTPUT_FAILED.format(reason=out.failed.strerror or out.failed))
    return code


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser(named_command(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.install_desktop or args.uninstall_desktop:
        return _desktop(install=args.install_desktop)
    undecodable = _undecodable_text(args)
    if undecodable:
        return _fail(undecodable, EXIT_USAGE)
    from tracker.preferences import (
        Preferences,
        PreferencesError,
        backup_dir_setting,
        data_file_path,
        preferences_path,
    )

    try:
        preferences_path()  # a bad TRACKER_CONFIG is named here, once, before anything opens
        db_path = data_file_path(args.db)
    except PreferencesError as exc:
        return _fail(str(exc), EXIT_USAGE)
    backup_dir, notice = backup_dir_setting()
    if notice:
        say(notice)
    if args.command is None:
        return _open_window(db_path, demo=args.demo)
    from tracker.store import is_server_location

    try:
        path_command = _path_handler(args.command)
        if path_command is not None:  # e.g. restore: must work when the file cannot be opened
            if is_server_location(db_path) and args.command == "restore":
                raise UserError("服务器上的数据由服务器恢复（pg_restore、时间点恢复），"
                                "请与管理服务器的同事联系；restore 只用于本机数据文件。")
            args.backup_dir = backup_dir
            return path_command(db_path, args)
        with _open_workspace(db_path, Preferences.load().who(), backup_dir) as ws:
            return _handler(args.command)(ws, args)
    except UsageError as exc:
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
        if _caused_by_ctrl_c(exc):
            raise KeyboardInterrupt from exc  # said as an interruption by main()
        if os.environ.get("TRACKER_DEBUG"):
            raise
        return _fail(INTERNAL.format(kind=type(exc).__name__, detail=exc), EXIT_DATA)


def _caused_by_ctrl_c(exc: BaseException) -> bool:
    """Ctrl-C while a module is still being imported (services load when a command runs) can
    come back wrapped, e.g. as RuntimeError("Error calling __set_name__ …") from a dataclass
    being built: it is still the user's interruption, not an internal error."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False
