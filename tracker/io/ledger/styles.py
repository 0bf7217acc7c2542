"""The printed look of the ledger: named cell styles, light colours and page setup.

Cells take a named style (one lookup) instead of building fonts and borders per cell, which
keeps a 10,000-row export fast, and lets Excel users restyle the whole ledger at once.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.workbook import Workbook

from tracker.domain.model import Light

BODY_FONT = "宋体"
HEAD_FONT = "黑体"

TITLE = "台账标题"
SUBTITLE = "台账说明"
PARAGRAPH = "台账段落"  # a wrapped line of text across a sheet (the period report's sentences)
HEADER = "台账表头"
TEXT = "台账文本"
CENTER = "台账居中"
DATE = "台账日期"
PERCENT = "台账进度"
AREA = "台账方面"
AREA_PERCENT = "台账方面进度"
AREA_CENTER = "台账方面居中"
LIGHT_STYLE = {light: f"亮灯{light.value}" for light in Light}
LIGHT_PERCENT = {light: f"进度{light.value}" for light in Light}  # a percentage in its light's colours

# (fill, font colour) per light; close to Excel's good/neutral/bad palette, readable in print.
LIGHT_COLOURS: dict[Light, tuple[str, str]] = {
    Light.GREEN: ("C6EFCE", "006100"),
    Light.YELLOW: ("FFEB9C", "9C5700"),
    Light.RED: ("FFC7CE", "9C0006"),
    Light.BLUE: ("BDD7EE", "1F4E78"),
    Light.GRAY: ("E7E6E6", "595959"),
}
HEADER_FILL = "1F4E78"
AREA_FILL = "DDEBF7"
DATA_BAR = "5B9BD5"

LINE_HEIGHT = 13.5  # points per line of 10-point text
DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0%"

_thin = Side(style="thin", color="808080")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


def _style(name: str, *, font: Font, align: Alignment, fill: str | None = None,
           number_format: str = "General", border: bool = True) -> NamedStyle:
    style = NamedStyle(name=name)
    style.font = font
    style.alignment = align
    if fill:
        style.fill = PatternFill("solid", fgColor=fill)
    if border:
        style.border = _BORDER
    style.number_format = number_format
    return style


def register_styles(wb: Workbook) -> dict[str, StyleArray]:
    """Add the ledger's named styles to a new workbook; returns each one's style array.

    A cell built with a ready style array skips openpyxl's per-cell named-style lookup,
    the largest single cost of a styled 10,000-row sheet.
    """
    body = Font(name=BODY_FONT, size=10)
    bold = Font(name=BODY_FONT, size=10, bold=True)
    left_wrap = Alignment(horizontal="left", vertical="top", wrap_text=True)
    center = Alignment(horizontal="center", vertical="top", wrap_text=True)
    styles = [
        _style(TITLE, font=Font(name=HEAD_FONT, size=16, bold=True),
               align=Alignment(horizontal="center", vertical="center"), border=False),
        _style(SUBTITLE, font=Font(name=BODY_FONT, size=10, color="595959"),
               align=Alignment(horizontal="left", vertical="center"), border=False),
        _style(PARAGRAPH, font=Font(name=BODY_FONT, size=10),
               align=Alignment(horizontal="left", vertical="top", wrap_text=True), border=False),
        _style(HEADER, font=Font(name=HEAD_FONT, size=10, bold=True, color="FFFFFF"),
               align=Alignment(horizontal="center", vertical="center", wrap_text=True),
               fill=HEADER_FILL),
        _style(TEXT, font=body, align=left_wrap),
        _style(CENTER, font=body, align=center),
        _style(DATE, font=body, align=center, number_format=DATE_FORMAT),
        _style(PERCENT, font=body, align=center, number_format=PERCENT_FORMAT),
        _style(AREA, font=bold, fill=AREA_FILL,
               align=Alignment(horizontal="left", vertical="center", wrap_text=True)),
        _style(AREA_CENTER, font=bold, fill=AREA_FILL,
               align=Alignment(horizontal="center", vertical="center")),
        _style(AREA_PERCENT, font=bold, fill=AREA_FILL, number_format=PERCENT_FORMAT,
               align=Alignment(horizontal="center", vertical="center")),
    ]
    for light, (fill, colour) in LIGHT_COLOURS.items():
        styles.append(_style(LIGHT_STYLE[light], font=Font(name=BODY_FONT, size=10, bold=True,
                                                            color=colour),
                             align=Alignment(horizontal="center", vertical="top"), fill=fill))
        styles.append(_style(LIGHT_PERCENT[light], font=Font(name=BODY_FONT, size=10, color=colour),
                             align=Alignment(horizontal="center", vertical="top"), fill=fill,
                             number_format=PERCENT_FORMAT))
    for style in styles:
        wb.add_named_style(style)
    return {style.name: style.as_tuple() for style in styles}


def setup_page(ws, *, header_row: int | None, title: str) -> None:  # type: ignore[no-untyped-def]
    """A4 landscape, fitted to the page width, header row on every page, page numbers below."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddHeader.right.text = title
    ws.oddHeader.right.size = 9
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9
