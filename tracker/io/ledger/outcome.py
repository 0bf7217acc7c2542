"""What an export hands back, and how it stops: kept apart from the writer so the window can
name these without loading openpyxl."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Progress = Callable[[int, int], bool]
"""Called with (work done, work in all); returning False cancels the export."""


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


class LedgerWriteError(Exception):
    """The workbook could not be saved; the message tells the user what to do."""


def refuse_target(target: Path, *, try_writing: bool = False) -> None:
    """Refuse, before anything is written, a target the ledger cannot go to. `try_writing` also
    makes (and drops) an empty file in the folder, so the window can ask for another place
    before the export starts rather than fail half-way."""
    if target.suffix.lower() != ".xlsx":
        raise LedgerWriteError(f"导出文件名须以 .xlsx 结尾：{target}")
    if target.is_dir():
        raise LedgerWriteError(f"{target} 是一个文件夹，请指定文件名，例如 台账.xlsx。")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise LedgerWriteError(f"文件夹不存在：{folder}")
    if not try_writing:
        return
    try:
        with tempfile.TemporaryFile(prefix=".~", dir=folder):
            pass
    except PermissionError as exc:
        raise LedgerWriteError(f"没有在 {folder} 中写文件的权限，请另选保存位置。") from exc
    except OSError as exc:
        raise LedgerWriteError(f"无法写入 {folder}：{exc.strerror or exc}") from exc


@dataclass
class ExportResult:
    path: Path
    items: int
    checkins: int
    sheets: list[str]
    warnings: list[str] = field(default_factory=list)
