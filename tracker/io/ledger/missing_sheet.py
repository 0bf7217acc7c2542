"""The 未报送 list as a small workbook the office can send round: who has not reported, per
lead department, with the report-by date. Text stays text (SheetWriter's rules)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook

from tracker.domain.period_report import MissingItem
from tracker.io.ledger import styles
from tracker.io.ledger.layout import Column
from tracker.io.ledger.sheet import SheetWriter

COLUMNS = (
    Column("code", "序号", 6, 8),
    Column("dept", "牵头科室", 10, 16),
    Column("title", "工作任务", 20, 60),
    Column("leader", "责任领导", 8, 12),
    Column("owner", "责任人", 8, 12),
    Column("area", "所属方面", 12, 30),
)


def write_missing(
    path: str | Path, label: str, report_by: dt.date, items: list[MissingItem], unit: str = ""
) -> Path:
    """Save the list at `path` (a temporary file beside it replaces it when complete)."""
    target = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    arrays = styles.register_styles(wb)
    sheet = SheetWriter(wb.create_sheet("未报送"), [], arrays)
    ordered = sorted(items, key=lambda i: (i.lead_dept == "", i.lead_dept))
    rows = [[i.code, i.lead_dept or "未指定", i.title, i.leader, i.owner, i.area] for i in ordered]
    sheet.widths(COLUMNS, [[r[c] for r in rows] for c in range(len(COLUMNS))])
    title = f"{unit}{label}工作进展未报送清单"
    styles.setup_page(sheet.ws, header_row=3, title=title)
    sheet.title_rows(title, f"共 {len(rows)} 项；报送截止 {report_by.isoformat()}", len(COLUMNS))
    sheet.ws.append([sheet.cell(c.header, styles.HEADER) for c in COLUMNS])
    text = (styles.CENTER, styles.CENTER, styles.TEXT, styles.CENTER, styles.CENTER, styles.TEXT)
    for row in rows:
        sheet.ws.append([sheet.cell(v, s) for v, s in zip(row, text, strict=True)])
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".xlsx.tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
