"""A short command loads only what it uses (docs/performance.md, `tracker checkin`).

Importing the whole app cost `tracker checkin` about 100 ms, more than the check-in itself:
every service, the ledger's and the report's libraries. This counts the modules a fresh
process holds after the command, so a new eager import on the path fails here (a count, not
a time: timings belong in benchmarks/).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import main

# What `checkin` and `tasks --json` never need: the window, the file formats, the other services.
NEVER = (
    "PySide6", "shiboken6", "openpyxl", "docx", "pypdf", "psycopg", "lxml",
    "tracker.app", "tracker.ui", "tracker.io", "tracker.cli_ledger", "tracker.cli_periods",
    "tracker.cli_plans", "tracker.cli_server", "tracker.cli_backup",
    "tracker.services.baseline", "tracker.services.dashboard", "tracker.services.demo",
    "tracker.services.departments", "tracker.services.editing", "tracker.services.ledger",
    "tracker.services.office", "tracker.services.period_report", "tracker.services.periods",
    "tracker.services.reports", "tracker.services.search", "tracker.services.server",
)
# tracker's own modules each command loaded when this test was written, and a little room
MOST_TRACKER_MODULES = {"checkin": 43 + 2, "tasks": 35 + 2}

CHILD = """
import json, sys
from tracker.cli import main
code = main(sys.argv[1:])
print("MODULES " + json.dumps(sorted(sys.modules)), flush=True)
sys.exit(code)
"""


def modules_after(args: list[str], config: Path) -> list[str]:
    env = dict(os.environ, TRACKER_CONFIG=str(config))
    env.pop("TRACKER_DB", None)
    done = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES "))
    return list(json.loads(line[len("MODULES "):]))


@pytest.mark.parametrize("command", [
    ["checkin", "1.1", "--progress", "40", "--note", "按计划推进"],
    ["tasks", "--json"],
], ids=["checkin", "tasks"])
def test_a_short_command_loads_only_what_it_uses(tmp_path: Path, capsys, command: list[str]) -> None:
    db = tmp_path / "t.db"
    assert main(["--db", str(db), "plans"]) == 0  # made with the default plan (loads the importer)
    capsys.readouterr()

    loaded = modules_after(["--db", str(db), *command], tmp_path / "preferences.json")

    heavy = [m for m in loaded if any(m == n or m.startswith(n + ".") for n in NEVER)]
    assert heavy == []
    ours = [m for m in loaded if m == "tracker" or m.startswith("tracker.")]
    assert len(ours) <= MOST_TRACKER_MODULES[command[0]], ours
    used = "tracker.services.tracking" if command[0] == "checkin" else "tracker.services.plans"
    assert used in ours


def test_every_command_is_found_in_the_module_that_registers_it() -> None:
    """cli.COMMAND_MODULES lets a command import only its own module: it must name each one."""
    from importlib import import_module

    from tracker import cli

    for module_name, names in cli.COMMAND_MODULES.items():
        module = import_module(module_name)
        handled = set(module.COMMANDS) | set(getattr(module, "PATH_COMMANDS", {}))
        assert handled == set(names), module_name
    full = cli.build_parser()
    listed = next(a for a in full._actions if a.dest == "command").choices
    assert list(listed) == [n for names in cli.COMMAND_MODULES.values() for n in names]


@pytest.mark.parametrize(("argv", "named"), [
    (["checkin", "1.1", "--progress", "40"], "checkin"),
    (["--db", "checkin", "tasks", "--json"], "tasks"),
    (["--db=x.db", "--demo", "server", "init", "u"], "server"),
    (["--d", "x.db", "checkin"], None),  # an abbreviation: argparse decides, with every command
    (["-h"], None),
    (["nosuch"], None),
    ([], None),
])
def test_the_command_is_named_before_parsing_only_when_certain(argv: list[str], named: str | None) -> None:
    from tracker.cli import named_command

    assert named_command(argv) == named
