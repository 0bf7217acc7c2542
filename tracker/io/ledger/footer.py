"""The printed page of every ledger sheet: the office's footer line (填报单位 / 填报人 / 审核人 /
联系电话 / 填报日期) and page numbers that start at 1 on each sheet, so the 台账 no longer says
第2页，共10页 because the 进展记录 pages were counted with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

FOOTER_LIMIT = 250  # Excel refuses header/footer text over 255 characters


@dataclass(frozen=True)
class FooterFields:
    unit: str = ""
    reporter: str = ""
    reviewer: str = ""
    phone: str = ""
    day: dt.date | None = None

    def line(self) -> str:
        day = self.day.isoformat() if self.day else ""
        text = (
            f"填报单位：{self.unit}　填报人：{self.reporter}　审核人：{self.reviewer}　"
            f"联系电话：{self.phone}　填报日期：{day}"
        )
        return text.replace("&", "&&")[:FOOTER_LIMIT]  # & starts a code in a footer


def apply_footer(ws: Any, fields: FooterFields) -> None:
    """Footer line on the left, page x of y (of this sheet) on the right."""
    ws.oddFooter.left.text = fields.line()
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = ""
    # no "共 &N 页": LibreOffice counts &N over the whole workbook, Excel over the sheet
    ws.oddFooter.right.text = "第 &P 页"
    ws.oddFooter.right.size = 9
    ws.page_setup.firstPageNumber = 1
    ws.page_setup.useFirstPageNumber = True
