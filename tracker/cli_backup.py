"""Sub-commands of the backup capability, registered by tracker.cli."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from tracker.store import Database

Factory = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(command: Factory) -> None:
    """Add this capability's sub-commands; `command(name, help)` makes one with --db."""


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {}
