"""What an export hands back, and how it stops: kept apart from the writer so the window can
name these without loading openpyxl."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Progress = Callable[[int, int], bool]
"""Called with (work done, work in all); returning False cancels the export."""


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


class LedgerWriteError(Exception):
    """The workbook could not be saved; the message tells the user what to do."""


@dataclass
class ExportResult:
    path: Path
    items: int
    checkins: int
    sheets: list[str]
    warnings: list[str] = field(default_factory=list)
