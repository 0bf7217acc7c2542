"""The period report (月报/季报) as a sheet of the ledger: the 通报's summary, its changes since the
period before, the items behind schedule with their problems and next steps, and who has not
reported. The same `PeriodReport` the PDF and the Word file lay out."""

from __future__ import annotations

from typing import Any

from tracker.domain.period_report import PeriodReport
from tracker.io.ledger import styles
from tracker.io.ledger.layout import LIGHT_LABELS, Column
from tracker.io.ledger.sheet import SheetWriter

COLUMNS = (
    Column("code", "序号", 6, 7),
    Column("title", "工作任务", 16, 30),
    Column("dept", "牵头科室", 8, 12),
    Column("progress", "进度", 7, 7),
    Column("expected", "序时进度", 8, 8),
    Column("light", "亮灯", 6, 6),
    Column("problems", "存在问题", 14, 30),
    Column("next", "下步措施", 14, 30),
)


def period_sheet_name(report: PeriodReport) -> str:
    return f"{report.period.short}{report.period.kind_name}"


def write_period_sheet(sheet: SheetWriter, report: PeriodReport) -> None:
    ws = sheet.ws
    behind = report.behind
    rows = [
        [
            i.code,
            i.title,
            i.lead_dept,
            i.progress / 100,
            i.expected / 100,
            LIGHT_LABELS[i.light],
            i.latest.problems if i.latest else "",
            i.latest.next_steps if i.latest else "",
        ]
        for i in behind
    ]
    sheet.widths(COLUMNS, [[v for r in rows if isinstance(v := r[c], str)] for c in range(len(COLUMNS))])
    styles.setup_page(ws, header_row=None, title=report.title)
    sheet.title_rows(report.title, f"{report.plan_title}　{report.state}", len(COLUMNS))
    lines = ["一、总体情况：" + report.summary(), *report.changes()]
    for text in lines:
        _paragraph(sheet, text)
    _paragraph(sheet, "二、进度滞后事项" + ("：无。" if not rows else "："))
    if rows:
        ws.append([sheet.cell(c.header, styles.HEADER) for c in COLUMNS])
        kinds = (
            styles.CENTER,
            styles.TEXT,
            styles.CENTER,
            styles.PERCENT,
            styles.PERCENT,
            "",
            styles.TEXT,
            styles.TEXT,
        )
        for item, row in zip(behind, rows, strict=True):
            cells: list[Any] = []
            for value, kind in zip(row, kinds, strict=True):
                cells.append(sheet.cell(value, kind or styles.LIGHT_STYLE[item.light]))
            ws.append(cells)
            sheet.fit_height(ws.max_row, [(str(row[i]), sheet.col_widths[i]) for i in (1, 6, 7)])
    _paragraph(sheet, "三、未报送情况：" + report.missing_by_department())

def _paragraph(sheet: SheetWriter, text: str) -> None:
    """A line of text merged across the sheet's width, tall enough for its wrapping."""
    ws = sheet.ws
    ws.append([sheet.cell(text, styles.PARAGRAPH)])
    row = ws.max_row
    ws.merged_cells.add(f"A{row}:H{row}")
    sheet.fit_height(row, [(text, sum(sheet.col_widths))])
