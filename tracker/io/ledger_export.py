"""Write a plan as the Excel ledger (台账) the office sends upward and round the departments.

The workbook is saved to a temporary file beside the target that replaces it only when
complete, so a failure or a cancel never leaves half a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tracker.domain.model import CheckIn, Node, Plan
from tracker.domain.period_report import PeriodReport
from tracker.domain.rules import Evaluation
from tracker.io.ledger import styles
from tracker.io.ledger.footer import FooterFields, apply_footer
from tracker.io.ledger.layout import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    HISTORY_COLUMNS,
    HISTORY_SHEET,
    LAST_VISIBLE,
    LEDGER_COLUMNS,
    LEDGER_INDEX,
    LEDGER_SHEET,
    LIGHT_LABELS,
    NO_DEPT,
    SUMMARY_SHEET,
    cell_text,
    sheet_name,
)
from tracker.io.ledger.matrix import MATRIX_SHEET, QUARTER_SHEET, MatrixColumn, write_matrix
from tracker.io.ledger.period_sheet import period_sheet_name, write_period_sheet
from tracker.io.ledger.sheet import Counter, ExportCancelled, Progress, SheetWriter
from tracker.io.ledger.summary import write_summary

__all__ = ["ExportCancelled", "ExportResult", "LedgerData", "LedgerWriteError", "Progress",
           "write_ledger"]

KEYWORD = "annual-plan-tracker"


class LedgerWriteError(Exception):
    """The workbook could not be saved; the message tells the user what to do."""


@dataclass
class LedgerData:
    """Everything a ledger shows, read from the data file in one snapshot."""

    plan: Plan
    evaluations: dict[int, Evaluation]
    checkins: list[CheckIn]
    today: dt.date
    only: frozenset[int] | None = None  # items to show (the window's filter); None: all
    author: str = ""
    footer: FooterFields | None = None  # the office's footer line (None: left blank to fill by hand)
    matrix: list[MatrixColumn] | None = None  # 1月…12月 (or Q1…Q4) progress per period
    period_report: PeriodReport | None = None  # the current period's 通报 as a sheet

    def items(self) -> list[Node]:
        return [n for n in self.plan.walk()
                if n.parent_id is not None and (self.only is None or n.id in self.only)]


@dataclass
class ExportResult:
    path: Path
    items: int
    checkins: int
    sheets: list[str]
    warnings: list[str] = field(default_factory=list)


def _clean(value: str, what: str, warnings: list[str]) -> str:
    text, cut = cell_text(value)
    if cut:
        warnings.append(f"{what}超过 Excel 单元格上限 32,767 字，已截断。")
    return text


def _ledger_rows(data: LedgerData, items: list[Node], warnings: list[str]) -> list[list[Any]]:
    """Area rows and item rows in plan order; areas appear only when they hold shown items."""
    shown = {n.id for n in items}
    by_id = {n.id: n for n in data.plan.walk()}
    areas = {_area(by_id, n).id for n in items}
    rows: list[list[Any]] = []
    for node in data.plan.walk():
        ev = data.evaluations[node.id]
        light = LIGHT_LABELS[ev.light]
        if node.parent_id is None:
            if node.id in areas:
                rows.append([node.code, _clean(node.title, f"{node.code} 方面名称", warnings),
                             None, None, None, None, None, ev.progress / 100, None, None, None,
                             light, None, node.id])
            continue
        if node.id not in shown:
            continue
        latest = node.latest
        label = f"{node.code} "
        rows.append([
            node.code,
            _clean(node.title, label + "工作任务", warnings),
            _clean(node.detail, label + "具体内容", warnings),
            _clean(node.leader, label + "责任领导", warnings),
            _clean(node.lead_dept, label + "牵头科室", warnings),
            _clean("、".join(node.co_depts), label + "配合科室", warnings),
            ev.due,
            ev.progress / 100,
            _clean(latest.progress_text, label + "进展情况", warnings) if latest else "",
            _clean(latest.problems, label + "存在问题", warnings) if latest else "",
            _clean(latest.next_steps, label + "下步措施", warnings) if latest else "",
            light,
            latest.date if latest else None,
            node.id,
        ])
    return rows


def _is_area(row: list[Any]) -> bool:
    """Area rows leave 具体内容 None (an item's empty detail is ""): they are merged across B:G."""
    return row[_DETAIL_COL] is None


def _area(by_id: dict[int, Node], node: Node) -> Node:
    while node.parent_id is not None:
        node = by_id[node.parent_id]
    return node


_ITEM_STYLES = (
    styles.CENTER, styles.TEXT, styles.TEXT, styles.CENTER, styles.CENTER, styles.TEXT,
    styles.DATE, styles.PERCENT, styles.TEXT, styles.TEXT, styles.TEXT, "", styles.DATE,
)
_AREA_STYLES = (
    styles.AREA_CENTER, styles.AREA, styles.AREA, styles.AREA, styles.AREA, styles.AREA,
    styles.AREA, styles.AREA_PERCENT, styles.AREA, styles.AREA, styles.AREA, "", styles.AREA,
)
_WRAPPED = tuple(i for i, s in enumerate(_ITEM_STYLES) if s == styles.TEXT)
_LIGHT_BY_LABEL = {label: styles.LIGHT_STYLE[light] for light, label in LIGHT_LABELS.items()}
_LIGHT_COL = LEDGER_INDEX["light"]
_DETAIL_COL = LEDGER_INDEX["detail"]
_ID_COL = LEDGER_INDEX["id"]


def _write_ledger_sheet(sheet: SheetWriter, data: LedgerData, rows: list[list[Any]], title: str,
                        counter: Counter) -> None:
    ws = sheet.ws
    n_cols = len(LEDGER_COLUMNS)
    texts: list[list[str]] = [[] for _ in LEDGER_COLUMNS]
    for row in rows:
        if _is_area(row):  # area titles span B:G; they do not size column B
            texts[0].append(row[0])
            continue
        for i, value in enumerate(row):
            if isinstance(value, str):
                texts[i].append(value)
    sheet.widths(LEDGER_COLUMNS, texts)
    id_letter = get_column_letter(n_cols)
    ws.column_dimensions[id_letter].hidden = True
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    styles.setup_page(ws, header_row=HEADER_ROW, title=title)

    plan = data.plan
    n_items = sum(1 for r in rows if not _is_area(r))
    subtitle = (f"{plan.title}　截至 {data.today.isoformat()}　共 {n_items} 项"
                + ("（按筛选导出）" if data.only is not None else ""))
    sheet.title_rows(title, subtitle, LAST_VISIBLE)
    ws.append([sheet.cell(col.header, styles.HEADER) for col in LEDGER_COLUMNS])
    ws.row_dimensions[HEADER_ROW].height = 24
    row_no = FIRST_DATA_ROW
    for row in rows:
        is_area = _is_area(row)
        style_of = _AREA_STYLES if is_area else _ITEM_STYLES
        if is_area:
            sheet.fit_height(row_no, [(row[1], sum(sheet.col_widths[1:7]))])
        else:
            sheet.fit_height(row_no, [(row[i], sheet.col_widths[i]) for i in _WRAPPED])
        cells: list[object] = []
        for i, value in enumerate(row[:_ID_COL]):
            style = _LIGHT_BY_LABEL[value] if i == _LIGHT_COL else style_of[i]
            cells.append(sheet.cell(value, style))
        cells.append(row[_ID_COL])  # the hidden id: a plain number, no border to print
        ws.append(cells)
        if is_area:
            ws.merged_cells.add(f"B{row_no}:G{row_no}")
        row_no += 1
        counter.step()
    last = max(row_no - 1, FIRST_DATA_ROW)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{id_letter}{last}"
    # No data bar on 进度: LibreOffice and WPS drew Excel's fixed-range bar wrongly; the 亮灯 cell
    # beside it carries the judgement, in colours every spreadsheet draws.


def _write_history(sheet: SheetWriter, data: LedgerData, items: list[Node], counter: Counter) -> int:
    """进展记录: every check-in of the shown items, item by item, oldest first."""
    ws = sheet.ws
    order = {n.id: i for i, n in enumerate(items)}
    nodes = {n.id: n for n in items}
    checkins = sorted((ci for ci in data.checkins if ci.node_id in order),
                      key=lambda ci: (order[ci.node_id], ci.date, ci.id))
    warnings = sheet.warnings
    rows: list[list[Any]] = []
    for ci in checkins:
        node = nodes[ci.node_id]
        label = f"{node.code} {ci.date.isoformat()} "
        rows.append([node.code, _clean(node.title, label + "工作任务", warnings), ci.date,
                     ci.progress / 100, _clean(ci.progress_text, label + "进展情况", warnings),
                     _clean(ci.problems, label + "存在问题", warnings),
                     _clean(ci.next_steps, label + "下步措施", warnings),
                     _clean(ci.reporter, label + "填报人", warnings),
                     ci.created_at.replace("T", " ")])
    texts: list[list[str]] = [[v for r in rows if isinstance(v := r[i], str)]
                              for i in range(len(HISTORY_COLUMNS))]
    sheet.widths(HISTORY_COLUMNS, texts)
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    title = f"{data.plan.year}年度工作进展记录"
    styles.setup_page(ws, header_row=HEADER_ROW, title=title)
    sheet.title_rows(title, f"{data.plan.title}　共 {len(rows)} 条进展填报", len(HISTORY_COLUMNS))
    ws.append([sheet.cell(col.header, styles.HEADER) for col in HISTORY_COLUMNS])
    row_styles = (styles.CENTER, styles.TEXT, styles.DATE, styles.PERCENT, styles.TEXT,
                  styles.TEXT, styles.TEXT, styles.CENTER, styles.CENTER)
    wrapped = [i for i, s in enumerate(row_styles) if s == styles.TEXT]
    for row_no, row in enumerate(rows, start=FIRST_DATA_ROW):
        sheet.fit_height(row_no, [(row[i], sheet.col_widths[i]) for i in wrapped])
        ws.append([sheet.cell(v, s) for v, s in zip(row, row_styles, strict=True)])
        counter.step()
    last = max(FIRST_DATA_ROW + len(rows) - 1, FIRST_DATA_ROW)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(HISTORY_COLUMNS))}{last}"
    return len(rows)


def build_workbook(data: LedgerData, *, by_dept: bool = False,
                   progress: Progress | None = None) -> tuple[Workbook, ExportResult, Counter]:
    """The whole ledger as an unsaved workbook, and the counter that reports the save."""
    items = data.items()
    warnings: list[str] = []
    wb = Workbook()
    wb.remove(wb.active)
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
    ledger_rows = _ledger_rows(data, items, warnings)
    dept_rows = {d: _ledger_rows(data, nodes, warnings) for d, nodes in depts.items()}
    n_history = sum(1 for ci in data.checkins if data.only is None or ci.node_id in data.only)
    total = len(ledger_rows) + n_history + sum(len(r) for r in dept_rows.values())
    counter = Counter(total, progress)

    taken: set[str] = set()

    def new_sheet(wanted: str) -> SheetWriter:
        name = sheet_name(wanted, taken)
        taken.add(name)
        return SheetWriter(wb.create_sheet(name), warnings, style_arrays)

    summary = new_sheet(SUMMARY_SHEET)
    ledger = new_sheet(LEDGER_SHEET)
    history = new_sheet(HISTORY_SHEET)
    write_summary(summary.ws, summary.cell, data.plan, data.evaluations, items, data.today)
    _write_ledger_sheet(ledger, data, ledger_rows, f"{year}年度工作台账", counter)
    n_checkins = _write_history(history, data, items, counter)
    unit = data.footer.unit if data.footer else ""
    if data.matrix:
        matrix = new_sheet(MATRIX_SHEET if len(data.matrix) == 12 else QUARTER_SHEET)
        write_matrix(matrix, year, [n for n in items if not n.children], data.matrix, unit)
    if data.period_report is not None:
        write_period_sheet(new_sheet(period_sheet_name(data.period_report)), data.period_report)
    for dept, rows in dept_rows.items():
        sheet = new_sheet(dept)
        _write_ledger_sheet(sheet, data, rows, f"{year}年度工作台账（{dept}，仅供查看，请在“台账”表中填写）",
                            counter)
        # only 台账 is read back: a protected copy cannot collect edits that would be lost
        sheet.ws.protection.sheet = True
        sheet.ws.protection.autoFilter = False  # filtering and sorting stay allowed
        sheet.ws.protection.sort = False
    footer = data.footer or FooterFields(day=data.today)
    for ws in wb.worksheets:
        apply_footer(ws, footer)
    wb.active = 1  # open on 台账
    for i, ws in enumerate(wb.worksheets):
        ws.sheet_view.tabSelected = i == 1
    counter.built()
    result = ExportResult(Path(), len(items), n_checkins, [ws.title for ws in wb.worksheets],
                          list(dict.fromkeys(warnings)))
    return wb, result, counter


def write_ledger(path: str | Path, data: LedgerData, *, by_dept: bool = False,
                 progress: Progress | None = None) -> ExportResult:
    """Save the ledger at `path`; on any failure the target is left as it was."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise LedgerWriteError(f"导出文件名须以 .xlsx 结尾：{target}")
    if target.is_dir():
        raise LedgerWriteError(f"{target} 是一个文件夹，请指定文件名，例如 台账.xlsx。")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise LedgerWriteError(f"文件夹不存在：{folder}")
    wb, result, counter = build_workbook(data, by_dept=by_dept, progress=progress)
    # The zip is built in memory and written out by us: written straight to a full disk,
    # openpyxl's half-closed zip raised again from its __del__ ("Exception ignored … OSError 28").
    content = io.BytesIO()
    wb.save(content)
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
            fh.write(content.getbuffer())
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
