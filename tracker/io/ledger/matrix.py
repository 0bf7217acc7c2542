"""进度月报表: one row per item, one column per month (1月…12月) or quarter (Q1…Q4), each cell the
item's progress at that period's end, filled in the light it showed — the sheet offices keep
by hand to follow the year. A closed period's column shows its frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from tracker.domain.model import Light, Node
from tracker.io.ledger import styles
from tracker.io.ledger.layout import FIRST_DATA_ROW, HEADER_ROW, Column
from tracker.io.ledger.sheet import SheetWriter

MATRIX_SHEET = "进度月报表"
QUARTER_SHEET = "进度季报表"


@dataclass(frozen=True)
class MatrixColumn:
    """A period: its header (6月 / Q2), whether it is closed, each node's (progress, light)."""

    label: str
    closed: bool
    values: dict[int, tuple[float, Light]]


def write_matrix(
    sheet: SheetWriter, year: int, items: list[Node], columns: list[MatrixColumn], unit: str = ""
) -> None:
    ws = sheet.ws
    fixed = (
        Column("code", "序号", 5, 7),
        Column("title", "工作任务", 14, 30),
        Column("dept", "牵头科室", 8, 12),
    )
    periods = [Column(c.label, c.label + ("" if c.closed else "*"), 7, 7) for c in columns]
    texts: list[list[str]] = [[n.code for n in items], [n.title for n in items], [n.lead_dept for n in items]]
    sheet.widths((*fixed, *periods), texts + [[] for _ in periods])
    title = f"{unit}{year}年度重点工作进度{'月' if len(columns) == 12 else '季'}报表"
    styles.setup_page(ws, header_row=HEADER_ROW, title=title)
    sheet.title_rows(
        title,
        "各期期末进度，颜色为当期亮灯；* 表示该期尚未关账（数据可能变动），空白为尚未到期",
        len(fixed) + len(periods),
    )
    ws.append([sheet.cell(c.header, styles.HEADER) for c in (*fixed, *periods)])
    ws.freeze_panes = f"D{FIRST_DATA_ROW}"
    for node in items:
        row: list[Any] = [
            sheet.cell(node.code, styles.CENTER),
            sheet.cell(node.title, styles.TEXT),
            sheet.cell(node.lead_dept, styles.CENTER),
        ]
        for column in columns:
            found = column.values.get(node.id)
            if found is None:
                row.append(sheet.cell(None, styles.CENTER))
            else:
                progress, light = found
                row.append(sheet.cell(progress / 100, styles.LIGHT_PERCENT[light]))
        ws.append(row)
    last = get_column_letter(len(fixed) + len(periods))
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(FIRST_DATA_ROW, FIRST_DATA_ROW + len(items) - 1)}"
