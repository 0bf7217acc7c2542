"""Read a ledger (台账) a department filled in and sent back: its rows, checked cell by cell.

The file comes from outside, so it is treated as hostile: it is read once into memory (a
regular file, within its size cap), every part openpyxl will parse is checked against the
caps of tracker.io.limits before it does (archive.py), XML is parsed through defusedxml, and
every cell is bounded. Every row is read whatever the sheet's stale <dimension> declares; a
formula or an error value (#VALUE!) where a value is read is refused with the cell named.
Any problem is a `LedgerReadError` naming the row, raised before anything is written.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from tracker.domain.text import TextTooLong, clean_text
from tracker.io.intake import LEDGER, FileRefused, read_file
from tracker.io.ledger.archive import UnsafeWorkbook, check_xlsx
from tracker.io.ledger.layout import CELL_LIMIT, ID_HEADER_PREFIX, LEDGER_SHEET
from tracker.io.limits import MAX_LEDGER_FILE_BYTES, MAX_LEDGER_ROWS

MAX_ROWS = MAX_LEDGER_ROWS
MAX_COLUMNS = 60  # columns read; cells further right are ignored (their number is capped by limits)
# each sentence worded once, for the later translation
FORMULA_CELL = ("第 {row} 行“{header}”列的单元格 {cell} 是公式（{formula}），台账中只能填写数值或文字；"
                "请在表格程序中复制该列并“选择性粘贴为数值”后再导入。")
ERROR_CELL = "第 {row} 行“{header}”列的单元格 {cell} 是错误值 {value}，请改正后再导入。"
NOT_THE_CHECKED_SHEET = "{name} 的工作表结构无法核对，无法导入。"
_HEADER_SEARCH_ROWS = 20
_HEADERS = {
    "序号": "code",
    "工作任务": "title",
    "进度": "progress",
    "进展情况": "progress_text",
    "存在问题": "problems",
    "下步措施": "next_steps",
    "更新日期": "date",
    # read only to warn: the assignment is the office's to change, in the program
    "责任领导": "leader",
    "牵头科室": "lead_dept",
    "配合科室": "co_depts",
    "完成时限": "due",
}
ASSIGNMENT_FIELDS = ("leader", "lead_dept", "co_depts", "due")
_REQUIRED = ("code", "title", "progress")
TEXT_FIELDS = ("progress_text", "problems", "next_steps")
_TEXT_HEADERS = {"progress_text": "进展情况", "problems": "存在问题", "next_steps": "下步措施"}


class LedgerReadError(ValueError):
    """The file cannot be imported; the message is a full sentence for the user."""


@dataclass(frozen=True)
class LedgerRow:
    """One filled-in line. Text fields are None when the sheet has no such column."""

    row: int
    node_id: int | None
    code: str
    title: str
    progress: float | None  # percent, 0–100; None when the cell is blank
    progress_text: str | None
    problems: str | None
    next_steps: str | None
    date: dt.date | None
    # the assignment columns as the sheet shows them (field → text, dates as YYYY-MM-DD)
    assignment: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        title = self.title if len(self.title) <= 20 else self.title[:20] + "…"
        return f"第 {self.row} 行（{self.code} {title}）".replace("（ ", "（")


@dataclass
class LedgerFile:
    path: Path
    year: int | None  # the plan year the workbook says it holds
    rows: list[LedgerRow]


def read_ledger(path: str | Path) -> LedgerFile:
    path = Path(path)
    try:
        data = read_file(path, MAX_LEDGER_FILE_BYTES, kind=LEDGER)
        checked = check_xlsx(data, path.name, LEDGER_SHEET)
    except (FileRefused, UnsafeWorkbook) as exc:
        raise LedgerReadError(str(exc)) from exc
    with warnings.catch_warnings():  # openpyxl's notes on odd files mean nothing to a user
        warnings.simplefilter("ignore")
        return _read(path, data, checked.sheet_part)


def _read(path: Path, data: bytes, sheet_part: str | None) -> LedgerFile:
    """openpyxl on the bytes that were checked (never the path again). Formulas are read as
    formulas (data_only=False), so a formula cell is seen as one rather than as its cached
    value (or as nothing, when no program ever calculated it)."""
    broken = f"{path.name} 已损坏或不是有效的 .xlsx 工作簿，无法导入。"
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises anything on malformed parts
        raise LedgerReadError(_unsafe_xml(exc) or broken) from exc
    try:
        year = _year(getattr(wb.properties, "keywords", None))
        if LEDGER_SHEET not in wb.sheetnames:
            shown = "、".join(wb.sheetnames[:8])
            raise LedgerReadError(
                f"{path.name} 中没有名为“{LEDGER_SHEET}”的工作表（现有：{shown}），"
                "请导入由本程序导出、各科室填写后的台账。"
            )
        ws = wb[LEDGER_SHEET]
        if not hasattr(ws, "iter_rows"):
            raise LedgerReadError(f"{path.name} 的“{LEDGER_SHEET}”不是普通工作表，无法导入。")
        if getattr(ws, "_worksheet_path", sheet_part) != sheet_part:  # not the part the checks read
            raise LedgerReadError(NOT_THE_CHECKED_SHEET.format(name=path.name))
        ws.reset_dimensions()  # a stale <dimension> (A1:N16 with data in row 17) must not hide rows
        rows = _read_rows(ws, path.name)
    except LedgerReadError:
        raise
    except Exception as exc:  # a sheet is parsed lazily, while its rows are read
        raise LedgerReadError(_unsafe_xml(exc) or broken) from exc
    finally:
        wb.close()
    return LedgerFile(path, year, rows)


def _unsafe_xml(exc: BaseException) -> str | None:
    """defusedxml refuses entity tricks (billion laughs, external entities): say so plainly."""
    seen: BaseException | None = exc
    while seen is not None:  # openpyxl wraps the parser's error in its own
        if type(seen).__module__.startswith("defusedxml"):
            return "文件中含有不安全的 XML 内容（实体声明），可能是恶意文件，已拒绝导入。"
        seen = seen.__cause__ or seen.__context__
    return None


def _year(keywords: str | None) -> int | None:
    match = re.search(r"\bplan=(\d{4})\b", keywords or "")
    return int(match.group(1)) if match else None


def _read_rows(ws, name: str) -> list[LedgerRow]:  # type: ignore[no-untyped-def]
    columns: dict[str, int] | None = None
    rows: list[LedgerRow] = []
    for idx, cells in enumerate(ws.iter_rows(), start=1):
        if idx > MAX_ROWS:
            raise LedgerReadError(f"{name} 的台账超过 {MAX_ROWS:,} 行，不像是一份台账，已拒绝。")
        cells = cells[:MAX_COLUMNS]
        values = tuple(getattr(c, "value", None) for c in cells)
        if columns is None:
            if idx > _HEADER_SEARCH_ROWS:
                break
            columns = _header(values, idx, name)
            continue
        _refuse_formulas(idx, cells, columns)
        row = _row(idx, values, columns)
        if row is not None:
            rows.append(row)
    if columns is None:
        raise LedgerReadError(
            f"{name} 的“{LEDGER_SHEET}”工作表中找不到表头（序号、工作任务、进度），无法导入。"
        )
    return rows


_HEADER_OF = {key: header for header, key in _HEADERS.items()} | {"id": "ID"}


def _refuse_formulas(idx: int, cells: tuple[object, ...], columns: dict[str, int]) -> None:
    """A formula has no value of its own here (none at all when never calculated, and a copy
    saved elsewhere may cache #VALUE!): refuse it, and error values, in every column read."""
    for key, col in columns.items():
        if col >= len(cells):
            continue
        kind = getattr(cells[col], "data_type", "n")
        if kind not in ("f", "e"):
            continue
        cell = f"{get_column_letter(col + 1)}{idx}"
        value = str(getattr(cells[col], "value", ""))
        shown = value if len(value) <= 30 else value[:30] + "…"
        message = FORMULA_CELL if kind == "f" else ERROR_CELL
        raise LedgerReadError(message.format(row=idx, header=_HEADER_OF.get(key, key), cell=cell,
                                             formula=shown, value=shown))


def _header(values: tuple[object, ...], idx: int, name: str) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for col, value in enumerate(values):
        if not isinstance(value, str):
            continue
        text = "".join(value.split())
        key = "id" if text.startswith(ID_HEADER_PREFIX) else _HEADERS.get(text)
        if key and key not in found:
            found[key] = col
    if "code" not in found or "title" not in found:
        return None
    missing = [h for h, key in _HEADERS.items() if key in _REQUIRED and key not in found]
    if missing:
        raise LedgerReadError(f"{name} 的台账第 {idx} 行表头缺少“{'、'.join(missing)}”列，无法导入。")
    return found


def _row(idx: int, values: tuple[object, ...], columns: dict[str, int]) -> LedgerRow | None:
    def get(key: str) -> object:
        col = columns.get(key)
        return values[col] if col is not None and col < len(values) else None

    if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
        return None
    code = _code(get("code"))
    title = _text(get("title"), idx, "工作任务", single_line=True)
    node_id = _node_id(get("id"), idx)
    if node_id is None and not title:
        return None  # a note or signature under the table, not an item
    draft = LedgerRow(idx, node_id, code, title, None, None, None, None, None)
    texts = {
        key: (_text(get(key), idx, _TEXT_HEADERS[key], draft=draft) if key in columns else None)
        for key in TEXT_FIELDS
    }
    return LedgerRow(
        row=idx,
        node_id=node_id,
        code=code,
        title=title,
        progress=_progress(get("progress"), draft),
        date=_date(get("date"), draft) if "date" in columns else None,
        assignment=tuple((key, _as_text(get(key))) for key in ASSIGNMENT_FIELDS if key in columns),
        **texts,
    )


def _as_text(value: object) -> str:
    """A cell as comparable text: dates as YYYY-MM-DD, blanks as ""."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else " ".join(str(value).split())


def _code(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "" if value is None else str(value)
    return "".join(text.split()).rstrip("、.．")


def _node_id(value: object, idx: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise LedgerReadError(f"第 {idx} 行的 ID“{value}”无效：ID 列由程序生成，请勿修改。")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        shown = text if len(text) <= 20 else text[:20] + "…"
        raise LedgerReadError(f"第 {idx} 行的 ID“{shown}”无效：ID 列由程序生成，请勿修改。")
    return int(text)


def _text(value: object, idx: int, header: str, *, single_line: bool = False,
          draft: LedgerRow | None = None) -> str:
    where = draft.label if draft else f"第 {idx} 行"
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    if len(text) > CELL_LIMIT:
        raise LedgerReadError(f"{where}的“{header}”有 {len(text):,} 字，超过单元格上限 32,767 字。")
    try:
        return clean_text(text, single_line=single_line, limit=CELL_LIMIT)
    except TextTooLong as exc:  # cannot happen after the check above; kept for safety
        raise LedgerReadError(f"{where}的“{header}”{exc}") from exc


def _progress(value: object, row: LedgerRow) -> float | None:
    """进度 as percent. A number is the cell's value (0.6 shows as 60%); text may say "60" or "60%"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise LedgerReadError(f"{row.label}的进度“{_shown(value)}”不是数字，请填 0–100%。")
    if isinstance(value, str):
        text = value.strip().rstrip("%％").strip()
        try:
            percent = float(text)
        except ValueError:
            raise LedgerReadError(
                f"{row.label}的进度“{_shown(value)}”不是数字，请填 0–100%。"
            ) from None
    else:
        percent = float(value) * 100
    if not math.isfinite(percent) or not -1e-9 <= percent <= 100 + 1e-9:
        shown = _shown(value) if isinstance(value, str) else f"{percent:g}%"
        raise LedgerReadError(f"{row.label}的进度“{shown}”超出范围，请填 0–100%。")
    return min(max(percent, 0.0), 100.0)


def _date(value: object, row: LedgerRow) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    day: dt.date | None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        text = value.strip().replace("/", "-").replace(".", "-")
        match = re.fullmatch(r"(\d{4})\s*[-年]\s*(\d{1,2})\s*[-月]\s*(\d{1,2})\s*日?", text)
        try:
            day = dt.date(*(int(g) for g in match.groups())) if match else None
        except ValueError:
            day = None
    else:
        day = None
    if day is None:
        raise LedgerReadError(f"{row.label}的更新日期“{_shown(value)}”不是日期，请写成 2018-06-30。")
    if not 1900 <= day.year <= 2999:
        raise LedgerReadError(f"{row.label}的更新日期“{day.isoformat()}”超出范围。")
    return day


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 20 else text[:20] + "…"
