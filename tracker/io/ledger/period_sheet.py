"""The period report (月报/季报) as a sheet of the ledger: the 通报's summary, its changes since the
period before, the items behind schedule with their problems and next steps, and who has not
reported. The same `PeriodReport` the PDF and the Word file lay out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from tracker.domain.model import CheckIn
from tracker.domain.period_report import PeriodReport
from tracker.io.ledger import styles
from tracker.io.ledger.layout import LIGHT_LABELS, Column, WidthMeter
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


Lookup = Callable[[Sequence[int]], Iterable[CheckIn | None]]


def write_period_sheet(sheet: SheetWriter, report: PeriodReport, full: Lookup | None = None) -> None:
    """The sheet of `report`. `full(ids)`, when given, gives those check-ins in full in that
    order: the items behind schedule then carry their latest check-in without its words (a
    city's report), and the words are read as the rows are written, twice (widths, rows)."""
    ws = sheet.ws
    behind = report.behind

    def words() -> Iterator[tuple[str, str]]:
        """Each behind item's problems and next steps, in order."""
        found = iter(full([i.latest.id for i in behind if i.latest is not None])) if full else None
        for item in behind:
            latest = item.latest
            if latest is not None and found is not None:
                latest = next(found)
            yield (latest.problems, latest.next_steps) if latest is not None else ("", "")

    meter = WidthMeter(COLUMNS)
    for item, (problems, next_steps) in zip(behind, words(), strict=True):
        meter.add([item.code, item.title, item.lead_dept, None, None, LIGHT_LABELS[item.light],
                   problems, next_steps])
    sheet.set_widths(meter.widths())
    styles.setup_page(ws, header_row=None, title=report.title)
    sheet.title_rows(report.title, f"{report.plan_title}　{report.state}", len(COLUMNS))
    lines = ["一、总体情况：" + report.summary(), *report.changes()]
    for text in lines:
        _paragraph(sheet, text)
    _paragraph(sheet, "二、进度滞后事项" + ("：无。" if not behind else "："))
    if behind:
        sheet.append([sheet.cell(c.header, styles.HEADER) for c in COLUMNS])
        widths = sheet.col_widths
        for item, (problems, next_steps) in zip(behind, words(), strict=True):
            light = styles.LIGHT_STYLE[item.light]
            row = (item.code, item.title, item.lead_dept, item.progress / 100, item.expected / 100,
                   LIGHT_LABELS[item.light], problems, next_steps)
            cells: list[Any] = [sheet.cell(value, kind or light, column)
                                for column, (value, kind) in enumerate(zip(row, _KINDS, strict=True))]
            sheet.append(cells, sheet.height([(item.title, widths[1]), (problems, widths[6]),
                                              (next_steps, widths[7])]))
    _paragraph(sheet, "三、未报送情况：" + report.missing_by_department())


_KINDS = (styles.CENTER, styles.TEXT, styles.CENTER, styles.PERCENT, styles.PERCENT, "",
          styles.TEXT, styles.TEXT)


def _paragraph(sheet: SheetWriter, text: str) -> None:
    """A line of text merged across the sheet's width, tall enough for its wrapping."""
    row = sheet.append([sheet.cell(text, styles.PARAGRAPH)], sheet.height([(text, sum(sheet.col_widths))]))
    sheet.ws.merged_cells.add(f"A{row}:H{row}")
