"""What the ledger looks like on paper: its columns, words and the rules for cell text.

The writer and the reader both use these names, so a copy that went round the
departments is read back by the same headers it was written with.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.domain.model import Light

# Excel refuses longer cell text (and LibreOffice silently cuts it).
CELL_LIMIT = 32_767
SHEET_NAME_LIMIT = 31

SUMMARY_SHEET = "汇总"
LEDGER_SHEET = "台账"
HISTORY_SHEET = "进展记录"
NO_DEPT = "未分配科室"

TITLE_ROW = 1
SUBTITLE_ROW = 2
HEADER_ROW = 3
FIRST_DATA_ROW = 4


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    min_width: float
    max_width: float


# 台账 columns, in DESIGN.md order; the last one is hidden and carries the node id.
LEDGER_COLUMNS: tuple[Column, ...] = (
    Column("code", "序号", 5, 7),
    Column("title", "工作任务", 12, 24),
    Column("detail", "具体内容", 10, 26),
    Column("leader", "责任领导", 8, 10),
    Column("lead_dept", "牵头科室", 8, 12),
    Column("co_depts", "配合科室", 8, 14),
    Column("due", "完成时限", 11, 11),
    Column("progress", "进度", 7, 7),
    Column("progress_text", "进展情况", 12, 28),
    Column("problems", "存在问题", 10, 20),
    Column("next_steps", "下步措施", 10, 20),
    Column("light", "亮灯", 6, 6),
    Column("date", "更新日期", 11, 11),
    Column("id", "ID（系统编号，请勿修改）", 8, 8),
)
LEDGER_INDEX = {col.key: i for i, col in enumerate(LEDGER_COLUMNS)}
LAST_VISIBLE = len(LEDGER_COLUMNS) - 1  # columns before the hidden id
ID_HEADER_PREFIX = "ID"

HISTORY_COLUMNS: tuple[Column, ...] = (
    Column("code", "序号", 5, 7),
    Column("title", "工作任务", 12, 30),
    Column("date", "填报日期", 11, 11),
    Column("progress", "进度", 7, 7),
    Column("progress_text", "进展情况", 12, 36),
    Column("problems", "存在问题", 10, 24),
    Column("next_steps", "下步措施", 10, 24),
    Column("reporter", "填报人", 6, 10),
    Column("created_at", "录入时间", 17, 17),
)

LIGHT_LABELS: dict[Light, str] = {
    Light.GREEN: "绿灯",
    Light.YELLOW: "黄灯",
    Light.RED: "红灯",
    Light.BLUE: "蓝灯",
    Light.GRAY: "灰灯",
}

# The fields a department fills in, as (key, header); what the import reads back.
FILLED_FIELDS: tuple[tuple[str, str], ...] = (
    ("progress", "进度"),
    ("progress_text", "进展情况"),
    ("problems", "存在问题"),
    ("next_steps", "下步措施"),
)

_FORMULA_START = ("=", "+", "-", "@")
_UNSAFE = {"Cc", "Cf", "Cs", "Co", "Cn"}


def cell_text(value: str) -> tuple[str, bool]:
    """Text as it may stand in a cell: control characters dropped, cut at Excel's limit.

    Returns the text and whether it was cut, so the writer can warn.
    """
    if not value.isprintable():
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        value = "".join(
            ch for ch in value
            if ch in "\n\t" or ch.isprintable() or unicodedata.category(ch) not in _UNSAFE
        )
    if len(value) > CELL_LIMIT:
        return value[:CELL_LIMIT], True
    return value, False


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would run as a formula if it were typed in (CSV/formula injection)."""
    return text.startswith(_FORMULA_START)


_WIDEST_COLUMN = 40  # no column is wider; longer lines need no exact count


def display_width(text: str) -> int:
    """Columns a line takes on screen: CJK and other wide characters count double."""
    line = max(text.split("\n"), key=len) if "\n" in text else text
    if line.isascii() or len(line) >= _WIDEST_COLUMN:
        return len(line)
    return len(line) + sum(
        1 for ch in line if unicodedata.east_asian_width(ch) in "WF"
    )


def line_count(text: str, width: float) -> int:
    """Lines a wrapped cell needs at `width`: an estimate that errs on the tall side.

    A CJK character of 10-point 宋体 takes about 1.85 width units in Excel.
    """
    usable = max(width - 0.5, 1.0)
    if "\n" not in text and len(text) * 1.85 <= usable:
        return 1
    lines = 0
    for part in text.split("\n"):
        # UTF-8 spends 3 bytes on a CJK character and 1 on ASCII: a quick wide-character count
        wide = (len(part.encode("utf-8", "replace")) - len(part)) // 2
        lines += max(1, math.ceil((len(part) + 0.85 * wide) / usable))
    return lines


def fit_width(texts: Iterable[str], column: Column) -> float:
    """A column width that fits its longest line, kept within the column's bounds."""
    widest = display_width(column.header.split("（")[0])
    for text in texts:
        if text and len(text) * 2 > widest:  # a shorter text cannot be wider
            widest = max(widest, display_width(text))
            if widest + 2 >= column.max_width:
                break
    return float(min(max(widest + 2, column.min_width), column.max_width))


class WidthMeter:
    """`fit_width` for every column at once, fed row by row (one pass over a long sheet)."""

    def __init__(self, columns: tuple[Column, ...]) -> None:
        self.columns = columns
        self.widest = [display_width(c.header.split("（")[0]) for c in columns]
        self.full = [w + 2 >= c.max_width for w, c in zip(self.widest, columns, strict=True)]

    def add(self, row: list[object]) -> None:
        widest, full = self.widest, self.full
        for i, value in enumerate(row):
            if not full[i] and isinstance(value, str) and value and len(value) * 2 > widest[i]:
                widest[i] = max(widest[i], display_width(value))
                full[i] = widest[i] + 2 >= self.columns[i].max_width

    def widths(self) -> list[float]:
        return [float(min(max(w + 2, c.min_width), c.max_width))
                for w, c in zip(self.widest, self.columns, strict=True)]


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_RESERVED = {"history"}


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, no leading/trailing quote, at most 31 chars."""
    name, _ = cell_text(wanted)
    name = _SHEET_FORBIDDEN.sub("_", " ".join(name.split())).strip("'") or "工作表"
    if name.lower() in _RESERVED:
        name += "_"
    name = name[:SHEET_NAME_LIMIT]
    lowered = {t.lower() for t in taken}
    candidate, n = name, 2
    while candidate.lower() in lowered:
        suffix = f"({n})"
        candidate = name[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        n += 1
    return candidate


def normalise_title(text: str) -> str:
    """A title compared without spacing or punctuation width, so a retyped cell still matches."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split())
