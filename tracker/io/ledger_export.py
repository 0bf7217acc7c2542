"""Write a plan as the Excel ledger (台账) the office sends upward and round the departments.

The workbook is written as a stream (openpyxl's write-only mode: every sheet goes to its own
temporary file row by row, see ledger/sheet.py), so a city-wide plan of 100,000 items with a
year of check-ins is written in bounded memory. The sheets, in order:

    汇总 (ledger/summary.py) · 台账 (ledger/ledger_sheet.py) · 进展记录 (ledger/history.py)
    · 进度月报表 (ledger/matrix.py) · the period's 通报 (ledger/period_sheet.py)
    · one read-only copy of 台账 per lead department, when asked for
    and every sheet's footer (ledger/footer.py).

A new sheet is a module with a `write_…(sheet, data, …)` function over a `SheetWriter`,
called from `build_workbook` in the place it should take. The file is put together under a
temporary name beside the target, which it replaces only when complete: a failure or a cancel
never leaves half a file (nor the sheets' temporary files).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from tracker.domain.model import CheckIn, Node, Plan
from tracker.domain.period_report import PeriodReport
from tracker.domain.rules import Evaluation
from tracker.io.ledger import styles
from tracker.io.ledger.footer import FooterFields, apply_footer
from tracker.io.ledger.history import write_history
from tracker.io.ledger.layout import HISTORY_SHEET, LEDGER_SHEET, NO_DEPT, SUMMARY_SHEET, sheet_name
from tracker.io.ledger.ledger_sheet import count_rows, write_ledger_sheet
from tracker.io.ledger.matrix import MATRIX_SHEET, QUARTER_SHEET, MatrixColumn, write_matrix
from tracker.io.ledger.outcome import (
    ExportCancelled,
    ExportResult,
    LedgerWriteError,
    Progress,
    refuse_target,
)
from tracker.io.ledger.period_sheet import Lookup, period_sheet_name, write_period_sheet
from tracker.io.ledger.sheet import Counter, SheetWriter, new_sheet
from tracker.io.ledger.summary import write_summary

__all__ = ["ExportCancelled", "ExportResult", "LedgerData", "LedgerWriteError", "Progress",
           "write_ledger"]

KEYWORD = "annual-plan-tracker"
History = Callable[[Sequence[int]], Iterable[CheckIn]]
Texts = Callable[[Sequence[int]], Iterable[tuple[str, CheckIn | None]]]


def _no_history(_ids: Sequence[int]) -> Iterable[CheckIn]:
    return ()


@dataclass
class LedgerData:
    """Everything a ledger shows, read from the data file in one snapshot.

    `history(ids)` gives every check-in of those items, item by item in that order, oldest
    first, as the file is read (the snapshot stays open while the ledger is written);
    `history_count` is how many that is, `history_longest` the longest text of each check-in
    column (progress_text, problems, next_steps, reporter), for the widths. `texts(ids)`, when
    the plan was read without its long texts, gives each item's detail and latest check-in in
    full, in that order; `longest` then holds the longest detail and latest-check-in texts.
    `checkins(ids)` gives those check-ins in full, in that order, when the period report was
    built without the words of its items.
    """

    plan: Plan
    evaluations: dict[int, Evaluation]
    today: dt.date
    history: History = _no_history
    history_count: int = 0
    history_longest: dict[str, int] = field(default_factory=dict)
    only: frozenset[int] | None = None  # items to show (the window's filter); None: all
    author: str = ""
    footer: FooterFields | None = None  # the office's footer line (None: left blank to fill by hand)
    matrix: list[MatrixColumn] | None = None  # 1月…12月 (or Q1…Q4) progress per period
    period_report: PeriodReport | None = None  # the current period's 通报 as a sheet
    texts: Texts | None = None
    longest: dict[str, int] = field(default_factory=dict)
    checkins: Lookup | None = None  # check-ins in full by id, in order (the period sheet's words)

    def items(self) -> list[Node]:
        return [n for n in self.plan.walk()
                if n.parent_id is not None and (self.only is None or n.id in self.only)]


def build_workbook(data: LedgerData, *, by_dept: bool = False,
                   progress: Progress | None = None) -> tuple[Workbook, ExportResult, Counter]:
    """The whole ledger written into a write-only workbook (not yet put together as a file),
    and the counter that reports the saving."""
    items = data.items()
    warnings: list[str] = []
    wb = Workbook(write_only=True)
    try:
        style_arrays = styles.register_styles(wb)
        year = data.plan.year
        wb.properties.title = f"{year}年度工作台账"
        wb.properties.subject = data.plan.title
        wb.properties.creator = data.author or "年度工作台账"
        wb.properties.keywords = f"{KEYWORD} plan={year}"
        wb.properties.description = "由“年度工作台账”导出；隐藏的 ID 列用于导回，请勿删除。"

        depts: dict[str, list[Node]] = {}
        if by_dept:
            for node in items:
                if not node.children:
                    depts.setdefault(node.lead_dept or NO_DEPT, []).append(node)
        rows = count_rows(data, items) + sum(count_rows(data, nodes) for nodes in depts.values())
        counter = Counter(rows + data.history_count, progress)
        taken: set[str] = set()

        def sheet(wanted: str) -> SheetWriter:
            name = sheet_name(wanted, taken)
            taken.add(name)
            return new_sheet(wb, name, warnings, style_arrays)

        write_summary(sheet(SUMMARY_SHEET), data.plan, data.evaluations, items, data.today)
        write_ledger_sheet(sheet(LEDGER_SHEET), data, items, f"{year}年度工作台账", counter)
        n_checkins = write_history(sheet(HISTORY_SHEET), data, items, counter)
        unit = data.footer.unit if data.footer else ""
        if data.matrix:
            matrix = sheet(MATRIX_SHEET if len(data.matrix) == 12 else QUARTER_SHEET)
            write_matrix(matrix, year, [n for n in items if not n.children], data.matrix, unit)
        if data.period_report is not None:
            write_period_sheet(sheet(period_sheet_name(data.period_report)), data.period_report,
                               data.checkins)
        for dept, nodes in depts.items():
            copy = sheet(dept)
            write_ledger_sheet(copy, data, nodes,
                               f"{year}年度工作台账（{dept}，仅供查看，请在“台账”表中填写）", counter)
            # only 台账 is read back: a protected copy cannot collect edits that would be lost
            copy.ws.protection.sheet = True
            copy.ws.protection.autoFilter = False  # filtering and sorting stay allowed
            copy.ws.protection.sort = False
        footer = data.footer or FooterFields(day=data.today)
        for ws in wb.worksheets:
            apply_footer(ws, footer)
        wb.active = 1  # open on 台账
        for i, ws in enumerate(wb.worksheets):
            ws.sheet_view.tabSelected = i == 1
        counter.built()
    except BaseException:
        discard(wb)
        raise
    result = ExportResult(Path(), len(items), n_checkins, [ws.title for ws in wb.worksheets],
                          list(dict.fromkeys(warnings)))
    return wb, result, counter


def discard(wb: Workbook) -> None:
    """Close a write-only workbook's sheets and remove their temporary files."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        rows = getattr(ws, "_rows", None)
        with suppress(Exception):
            if rows is not None:
                rows.close()
            writer.close()
        with suppress(Exception):
            writer.cleanup()


def write_ledger(path: str | Path, data: LedgerData, *, by_dept: bool = False,
                 progress: Progress | None = None) -> ExportResult:
    """Save the ledger at `path`; on any failure the target is left as it was."""
    target = Path(path)
    refuse_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    clean_stale_temporaries(folder)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except PermissionError as exc:
        raise LedgerWriteError(f"没有在 {folder} 中写文件的权限，请另选保存位置。") from exc
    except OSError as exc:
        raise LedgerWriteError(_write_error(folder, exc)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            wb, result, counter = build_workbook(data, by_dept=by_dept, progress=progress)
            try:
                _save(wb, fh)
            finally:
                discard(wb)
            fh.flush()
            os.fsync(fh.fileno())
        _keep_mode(target, tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise LedgerWriteError(
            f"无法写入 {target}：文件可能正在 Excel 或 WPS 中打开，或没有写入权限。"
            "请关闭该文件后重试，或另存为其他文件名。"
        ) from exc
    except OSError as exc:
        raise LedgerWriteError(_write_error(target, exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    counter.saved()
    result.path = target
    return result


TEMP_PREFIX, TEMP_SUFFIX = ".~", ".xlsx.tmp"
STALE_TEMP_SECONDS = 3600.0  # an export writes its file in seconds; one this old was killed
DISK_FULL = "磁盘空间不足，台账没有导出：{path}。请腾出空间或另选保存位置。"


def _write_error(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DISK_FULL.format(path=path)
    return f"无法写入 {path}：{exc.strerror or exc}"


def clean_stale_temporaries(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> None:
    """Remove what an export killed half-way left in `folder` (`.~*.xlsx.tmp`)."""
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()


def _save(wb: Workbook, fh: BinaryIO) -> None:
    """openpyxl's save into a zip we hold: the sheets stream from their temporary files into
    the target's folder, never a whole workbook in memory. When a write fails (a full disk)
    the zip is closed here, quietly, so it does not try again from its `__del__` (which
    printed "Exception ignored … OSError 28" after the one-line message)."""
    archive = ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True)
    wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)  # as wb.save does
    try:
        ExcelWriter(wb, archive).save()  # writes every part, then closes the zip
    except BaseException:
        with suppress(Exception):
            archive.close()
        raise


def _keep_mode(target: Path, tmp: Path) -> None:
    """mkstemp makes 0600; the ledger gets the mode a normal new file (or the old one) had.

    A read-only target is refused here on POSIX, as Windows refuses a file Excel holds open.
    """
    if os.name != "posix":
        return
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    if not mode & 0o200:
        raise PermissionError(target)
    tmp.chmod(mode)
