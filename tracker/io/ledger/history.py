"""进展记录: every check-in of the shown items, item by item, oldest first, streamed.

A year of monthly check-ins on 100,000 items is 1.2 million rows: they come from the data file
as they are written (`LedgerData.history`), never as one list. Column widths come before the
rows, so the texts' widths are taken from the longest text of each column (`history_longest`)
rather than from the rows themselves.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from tracker.domain.model import Node
from tracker.io.ledger import styles
from tracker.io.ledger.layout import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    HISTORY_COLUMNS,
    WidthMeter,
)
from tracker.io.ledger.ledger_sheet import clean
from tracker.io.ledger.sheet import Counter, SheetWriter

if TYPE_CHECKING:
    from tracker.io.ledger_export import LedgerData

EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (past its leap-year bug)

_LONGEST = {4: "progress_text", 5: "problems", 6: "next_steps", 7: "reporter"}


def _widths(data: LedgerData, items: list[Node]) -> list[float]:
    meter = WidthMeter(HISTORY_COLUMNS)
    for node in items:
        meter.add([node.code, node.title])
    for i, key in _LONGEST.items():  # as if every character were a wide one
        meter.add([None] * i + ["汉" * data.history_longest.get(key, 0)])
    return meter.widths()


def write_history(sheet: SheetWriter, data: LedgerData, items: list[Node], counter: Counter) -> int:
    """The sheet; returns how many check-ins it holds."""
    ws = sheet.ws
    sheet.set_widths(_widths(data, items))
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    title = f"{data.plan.year}年度工作进展记录"
    styles.setup_page(ws, header_row=HEADER_ROW, title=title)
    sheet.title_rows(title, f"{data.plan.title}　共 {data.history_count} 条进展填报", len(HISTORY_COLUMNS))
    sheet.append([sheet.cell(col.header, styles.HEADER, i) for i, col in enumerate(HISTORY_COLUMNS)])
    nodes = {n.id: n for n in items}
    warnings = sheet.warnings
    widths = sheet.col_widths
    cell = sheet.cell
    days: dict[dt.date, int] = {}  # a date as Excel's day number, shown by the date style
    written = 0
    for ci in data.history([n.id for n in items]):
        day = days.get(ci.date)
        if day is None:
            day = days[ci.date] = (ci.date - EXCEL_EPOCH).days
        node = nodes[ci.node_id]
        label = f"{node.code} {ci.date.isoformat()} "
        texts = (clean(ci.progress_text, label + "进展情况", warnings),
                 clean(ci.problems, label + "存在问题", warnings),
                 clean(ci.next_steps, label + "下步措施", warnings))
        height = sheet.height([(node.title, widths[1]), (texts[0], widths[4]), (texts[1], widths[5]),
                               (texts[2], widths[6])])
        sheet.append([
            cell(node.code, styles.CENTER, 0), cell(node.title, styles.TEXT, 1),
            cell(day, styles.DATE, 2), cell(ci.progress / 100, styles.PERCENT, 3),
            cell(texts[0], styles.TEXT, 4), cell(texts[1], styles.TEXT, 5),
            cell(texts[2], styles.TEXT, 6), cell(clean(ci.reporter, label + "填报人", warnings),
                                                 styles.CENTER, 7),
            cell(ci.created_at.replace("T", " "), styles.CENTER, 8),
        ], height)
        written += 1
        counter.step()
    last = max(FIRST_DATA_ROW + written - 1, FIRST_DATA_ROW)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(HISTORY_COLUMNS))}{last}"
    return written

