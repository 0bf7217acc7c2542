"""The period report (月报/季报) as a Word file, for offices that edit the 通报 before sending it.

Same sections as the PDF (ui/report_pdf.py), built with python-docx: the red header, the title,
the summary, the chart (a PNG the caller renders, none from the command line without Qt), the
changes, the items behind schedule with their problems and next steps, the 未报送 list and the
full table (its header row repeats on every page).
"""

from __future__ import annotations

import os
import tempfile
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from tracker.domain.model import Light
from tracker.domain.period_report import PeriodReport

BODY_FONT = "仿宋"
TITLE_FONT = "黑体"
RED = RGBColor(0xC0, 0x00, 0x00)
LIGHT_WORDS = {
    Light.GREEN: "绿灯",
    Light.YELLOW: "黄灯",
    Light.RED: "红灯",
    Light.BLUE: "蓝灯",
    Light.GRAY: "灰灯",
}


def _font(run, family: str, size: float, bold: bool = False, color: RGBColor | None = None) -> None:  # type: ignore[no-untyped-def]
    run.font.name = family
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), family)
    if color is not None:
        run.font.color.rgb = color


def _para(
    doc,
    text: str,
    *,
    size: float = 14,
    family: str = BODY_FONT,
    bold: bool = False,  # type: ignore[no-untyped-def]
    align: WD_ALIGN_PARAGRAPH | None = None,
    color: RGBColor | None = None,
):
    paragraph = doc.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    _font(paragraph.add_run(text), family, size, bold, color)
    return paragraph


def write_docx(report: PeriodReport, path: str | Path, chart_png: bytes | None = None) -> None:
    """Write the report at `path` (a temporary file beside it replaces it when complete)."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(3.0), Cm(2.5)
    p = report.period
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(
        doc,
        f"{report.office.unit}重点工作{p.kind_name}",
        size=24,
        family=TITLE_FONT,
        bold=True,
        align=center,
        color=RED,
    )
    _para(doc, p.label, size=12, align=center)
    _red_rule(_para(doc, "", size=4))
    _para(doc, report.title, size=20, family=TITLE_FONT, bold=True, align=center)
    _para(doc, f"{report.plan_title}　{report.state}", size=9, align=center)
    _para(doc, "一、总体情况", family=TITLE_FONT, size=15)
    _para(doc, report.summary())
    if chart_png:
        doc.add_picture(BytesIO(chart_png), width=Cm(15))
        doc.paragraphs[-1].alignment = center
        _para(doc, f"图：各方面进度与序时进度（{p.label}）", size=9, align=center)
    _para(doc, "二、本期变化", family=TITLE_FONT, size=15)
    for line in report.changes():
        _para(doc, line)
    _para(doc, "三、进度滞后事项", family=TITLE_FONT, size=15)
    if not report.behind:
        _para(doc, "本期无进度滞后事项。")
    for n, item in enumerate(report.behind, start=1):
        latest = item.latest
        _para(
            doc,
            f"（{n}）{item.code} {item.title}（牵头科室：{item.lead_dept or '未指定'}；进度 "
            f"{item.progress:.0f}%，序时进度 {item.expected:.0f}%，{LIGHT_WORDS[item.light]}）",
            bold=True,
        )
        _para(doc, "存在问题：" + (latest.problems if latest and latest.problems else "未填报"))
        _para(doc, "下步措施：" + (latest.next_steps if latest and latest.next_steps else "未填报"))
    _para(doc, "四、未报送情况", family=TITLE_FONT, size=15)
    _para(doc, report.missing_by_department())
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _para(doc, report.office.unit, align=right)
    _para(doc, f"{report.made.year}年{report.made.month}月{report.made.day}日", align=right)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(doc, "附件：全部事项进展情况表", family=TITLE_FONT, size=15)
    _table(doc, report)
    _save(doc, Path(path))


def _table(doc, report: PeriodReport) -> None:  # type: ignore[no-untyped-def]
    headers = ("序号", "工作任务", "牵头科室", "完成时限", "进度", "亮灯", "进展情况")
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _font(cell.paragraphs[0].add_run(text), TITLE_FONT, 9, bold=True)
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    for item in report.items:
        latest = item.latest
        values = (
            item.code,
            item.title,
            item.lead_dept,
            item.due.isoformat(),
            f"{item.progress:.0f}%",
            LIGHT_WORDS[item.light],
            latest.progress_text if latest else "",
        )
        for cell, text in zip(table.add_row().cells, values, strict=True):
            _font(cell.paragraphs[0].add_run(text), BODY_FONT, 9)


def _red_rule(paragraph) -> None:  # type: ignore[no-untyped-def]
    """The red line under an official document's header (a bottom border on an empty line)."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "C00000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _save(doc, target: Path) -> None:  # type: ignore[no-untyped-def]
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".docx.tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        doc.save(str(tmp))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
