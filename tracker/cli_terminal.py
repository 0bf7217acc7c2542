"""What every sub-command shares with the terminal: exit codes, a usage mistake, JSON, stdout.

Kept apart from tracker.cli so the command modules (cli_tracking, cli_plans, …) can raise a
usage error and print without importing the entry point, and stays light: a short command
loads this and its own module, nothing else of the command line.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from typing import Any

EXIT_DATA = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A usage mistake found after parsing (exit 2)."""


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def say(message: str) -> None:
    """One line on stderr; a stderr that cannot be written (a full disk) is not a reason to crash."""
    with contextlib.suppress(OSError, ValueError):
        print(f"tracker: {message}", file=sys.stderr, flush=True)


class Output(io.TextIOBase):
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
