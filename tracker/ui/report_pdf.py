"""The period report (月报/季报) as an official 通报 on A4, through Qt's own PDF writer.

The text is laid out by a QTextDocument (HTML: headings, paragraphs, the full table with its
header row repeated on every page), paginated by hand so each page gets a centred "— n —" page
number as official documents have it. The chart is drawn by Qt Charts (charts.py). A Chinese
font installed on the machine is chosen and embedded (Qt subsets it into the file); the text
layer is then corrected so 月, 工, 人 … copy and search as themselves (io/pdf_text.py).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)

from tracker.domain.model import Light
from tracker.domain.period_report import PeriodReport
from tracker.io.pdf_text import RADICALS, fix_radicals
from tracker.ui import charts

BODY_FAMILIES = (
    "FangSong",
    "仿宋",
    "仿宋_GB2312",
    "SimSun",
    "宋体",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)
TITLE_FAMILIES = (
    "方正小标宋简体",
    "FZXiaoBiaoSong-B05S",
    "SimHei",
    "黑体",
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    *BODY_FAMILIES,
)
RED = "#c00000"
LIGHT_WORDS = {
    Light.GREEN: "绿灯",
    Light.YELLOW: "黄灯",
    Light.RED: "红灯",
    Light.BLUE: "蓝灯",
    Light.GRAY: "灰灯",
}
RESOLUTION = 300
TITLE_PT = 20.0
SMALLEST_TITLE_PT = 16.0
HEADER_PT = 24.0  # the red masthead (红头)
SMALLEST_HEADER_PT = 14.0
_NO_BREAK_BEFORE = "）》」』，。、；：！？%"
_NO_BREAK_AFTER = "（《「『"


def pick_family(wanted: tuple[str, ...]) -> str:
    """The first of `wanted` installed here, else any family that writes Simplified Chinese."""
    installed = set(QFontDatabase.families())
    for family in wanted:
        if family in installed:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else QFont().family()


def fit_title(title: str, lines_of: Callable[[str, float], int]) -> tuple[float, list[str]]:
    """The title's size and lines. Left to wrap, a title a little too wide leaves its last
    character or two alone on a line ("…的通" / "报"); so the largest size from 20 pt down to
    16 pt that fits one line, else 20 pt in two (or more) lines of about equal length, broken between
    characters (never inside a number, nor before a closing mark). `lines_of(text, points)`
    is how many lines the heading takes as the document lays it out."""

    def fits(text: str, points: float) -> bool:
        return lines_of(text, points) == 1

    points = TITLE_PT
    while points >= SMALLEST_TITLE_PT:
        if fits(title, points):
            return points, [title]
        points -= 1
    breaks = [k for k in range(1, len(title))
              if not (title[k - 1].isascii() and title[k - 1].isalnum() and title[k].isascii()
                      and title[k].isalnum())
              and title[k] not in _NO_BREAK_BEFORE and title[k - 1] not in _NO_BREAK_AFTER]

    def cost(k: int, target: float) -> float:
        """Distance from an even break, less at a phrase's edge: after a closing mark, before
        a number (the year), before 重点工作."""
        edge = title[k - 1] in "）》，、" or (title[k].isdigit() and not title[k - 1].isdigit()) \
            or title.startswith("重点工作", k)
        return abs(k - target) + (0 if edge else len(title) / 8)

    for count in (2, 3, 4):
        cuts = [0]
        for n in range(1, count):
            later = [k for k in breaks if k > cuts[-1]]
            if not later:
                break
            target = n * len(title) / count
            cuts.append(min(later, key=lambda k: cost(k, target)))
        evens = sorted(breaks, key=lambda k: cost(k, len(title) / 2))
        tried = [cuts] if count > 2 else [[0, k] for k in evens]  # two lines: the best that fits
        for chosen in tried:
            lines = [title[a:b] for a, b in zip(chosen, [*chosen[1:], len(title)], strict=True)]
            if len(lines) == count and all(fits(line, TITLE_PT) for line in lines):
                return TITLE_PT, lines
    return TITLE_PT, [title]  # no even break fits: the layout wraps it


def header_html(report: PeriodReport, points: float = HEADER_PT) -> str:
    """The red masthead (红头): the unit's name and 重点工作月报/季报, on one line."""
    return (f"<p align=center style='color:{RED}; font-size:{points:g}pt; font-weight:bold; margin:0'>"
            f"{escape(report.office.unit)}重点工作{escape(report.period.kind_name)}</p>")


def fit_header(fits: Callable[[float], bool]) -> float:
    """The masthead's size: 24 pt, or the largest size down to 14 pt that keeps a long unit's
    name on one line (a masthead wraps mid-word otherwise); `fits(points)` lays it out."""
    points = HEADER_PT
    while points > SMALLEST_HEADER_PT and not fits(points):
        points -= 1
    return points


def report_html(report: PeriodReport, chart_width: int,
                title: tuple[float, list[str]] = (TITLE_PT, []), header_pt: float = HEADER_PT) -> str:
    """The 通报 as HTML for a QTextDocument (the chart is the resource "chart.png"); `title` is
    the size and lines `fit_title` chose (by default one line, left to wrap), `header_pt` the
    masthead's size `fit_header` chose."""
    p = report.period
    title_pt, title_lines = title
    unit = escape(report.office.unit)
    parts = [
        header_html(report, header_pt),
        f"<p align=center style='margin:0'>{escape(p.label)}</p>",
        f"<hr style='color:{RED}; background:{RED}; height:2px'/>",
        _title_html(title_lines or [report.title], title_pt),
        f"<p style='color:#595959; font-size:9pt' align=center>{escape(report.plan_title)}　"
        f"{escape(report.state)}</p>",
        "<h2>一、总体情况</h2>",
        f"<p>{escape(report.summary())}</p>",
        f"<p align=center><img src='chart.png' width={chart_width}></p>",
        f"<p align=center style='font-size:9pt'>图：各方面进度与序时进度（{escape(p.label)}）</p>",
        "<h2>二、本期变化</h2>",
    ]
    parts += [f"<p>{escape(line)}</p>" for line in report.changes()]
    parts.append("<h2>三、进度滞后事项</h2>")
    if not report.behind:
        parts.append("<p>本期无进度滞后事项。</p>")
    for n, item in enumerate(report.behind, start=1):
        latest = item.latest
        parts.append(
            f"<p><b>（{n}）{escape(item.code)} {escape(item.title)}</b>"
            f"（牵头科室：{escape(item.lead_dept or '未指定')}；"
            f"进度 {item.progress:.0f}%，序时进度 {item.expected:.0f}%，{LIGHT_WORDS[item.light]}）</p>"
            f"<p>存在问题：{escape(latest.problems if latest and latest.problems else '未填报')}</p>"
            f"<p>下步措施：{escape(latest.next_steps if latest and latest.next_steps else '未填报')}</p>"
        )
    parts.append("<h2>四、未报送情况</h2>")
    parts.append(f"<p>{escape(report.missing_by_department())}</p>")
    parts.append(
        f"<p align=right>{unit}</p><p align=right>{report.made.year}年{report.made.month}月"
        f"{report.made.day}日</p>"
    )
    parts.append("<h2 style='page-break-before:always'>附件：全部事项进展情况表</h2>")
    parts.append(_table(report))
    return "<html><body>" + "".join(parts) + "</body></html>"


def _title_html(lines: list[str], points: float) -> str:
    # a paragraph, not <h1>: Qt sets a heading in its own size (24 pt) whatever the style says
    text = "<br>".join(escape(line) for line in lines)
    return f"<p class=title align=center><span style='font-size:{points:g}pt'>{text}</span></p>"


def _table(report: PeriodReport) -> str:
    head = "".join(
        f"<th>{h}</th>" for h in ("序号", "工作任务", "牵头科室", "完成时限", "进度", "亮灯", "进展情况")
    )
    rows = []
    for item in report.items:
        latest = item.latest
        rows.append(
            f"<tr><td align=center>{escape(item.code)}</td><td>{escape(item.title)}</td>"
            f"<td align=center>{escape(item.lead_dept)}</td><td align=center>{item.due.isoformat()}</td>"
            f"<td align=center>{item.progress:.0f}%</td><td align=center>{LIGHT_WORDS[item.light]}</td>"
            f"<td>{escape(latest.progress_text if latest else '')}</td></tr>"
        )
    return (
        "<table border=1 cellspacing=0 cellpadding=3 width=100%"
        " style='font-size:9pt; border-collapse:collapse'>"
        f"<thead><tr style='background:#e7e6e6'>{head}</tr></thead>{''.join(rows)}</table>"
    )


def radical_map(families: list[str]) -> dict[int, int]:
    """For each radical a font draws with an ideograph's glyph, that ideograph (see pdf_text)."""
    mapping: dict[int, int] = {}
    ideographs = "".join(chr(c) for c in range(0x4E00, 0xA000))
    radicals = "".join(chr(c) for c in RADICALS)
    for family in families:
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        by_glyph: dict[int, int] = {}
        for code, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=False):
            if glyph and glyph not in by_glyph:
                by_glyph[glyph] = ord(code)
        for code, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=False):
            if glyph in by_glyph:
                mapping.setdefault(ord(code), by_glyph[glyph])
    return mapping


def write_pdf(report: PeriodReport, path: Path) -> int:
    """Write the report at `path` (via a temporary file beside it); returns the page count."""
    body_family, title_family = pick_family(BODY_FAMILIES), pick_family(TITLE_FAMILIES)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".pdf.tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        pages = _paint(report, tmp, body_family, title_family)
        data = fix_radicals(tmp.read_bytes(), radical_map([body_family, title_family]))
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    report.pages = pages
    return pages


def _paint(report: PeriodReport, target: Path, body_family: str, title_family: str) -> int:
    writer = QPdfWriter(str(target))
    writer.setTitle(report.title)
    writer.setCreator("年度工作台账")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(28, 30, 26, 25),
            QPageLayout.Unit.Millimeter,
        )
    )
    return paint_document(report, writer, body_family, title_family)


def paint_document(
    report: PeriodReport, device: QPagedPaintDevice, body_family: str, title_family: str
) -> int:
    """Lay out and paint the report on a paged device (the PDF writer or a printer for the
    preview); returns the page count."""
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())
    footer = device.logicalDpiY() * 0.35
    body = QSizeF(page.width(), page.height() - footer)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont(body_family, 12)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(
        f"p.title {{ font-family: '{title_family}'; font-weight: bold; margin-top: 18px;"
        " margin-bottom: 12px; }"
        f" h2 {{ font-family: '{title_family}';"
        " font-size: 14pt; }} th { font-family: '%s'; }" % title_family
    )
    chart_width = int(body.width() * 0.92)
    chart, _ = charts.area_chart(
        [(a.title, a.progress, a.expected) for a in report.areas], font=QFont(body_family, 9)
    )
    height = max(220.0, 46.0 * len(report.areas) + 90)
    image = charts.render(chart, QSizeF(620, height), scale=chart_width / 620)
    doc.addResource(QTextDocument.ResourceType.ImageResource, "chart.png", image)
    # QTextDocument sizes pictures in 96-dpi pixels and scales them to the device's resolution

    def lines_in(html: str) -> int:
        probe = QTextDocument()
        probe.documentLayout().setPaintDevice(device)
        probe.setDefaultFont(font)
        probe.setDefaultStyleSheet(doc.defaultStyleSheet())
        probe.setHtml(html)
        probe.setPageSize(body)
        probe.pageCount()  # lays it out
        return probe.begin().layout().lineCount()

    title = fit_title(report.title, lambda text, points: lines_in(_title_html([text], points)))
    header_pt = fit_header(lambda points: lines_in(header_html(report, points)) == 1)
    doc.setHtml(report_html(report, round(chart_width * 96 / device.logicalDpiX()), title, header_pt))
    doc.setPageSize(body)
    count = doc.pageCount()
    painter = QPainter(device)
    try:
        painter.setFont(QFont(body_family, 10))
        for number in range(count):
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            doc.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
            painter.restore()
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer),
                int(Qt.AlignmentFlag.AlignCenter),
                f"— {number + 1} —",
            )
    finally:
        painter.end()
    return count


def chart_png(report: PeriodReport) -> bytes:
    """The report's chart as PNG bytes, for the Word version."""
    family = pick_family(BODY_FAMILIES)
    chart, _ = charts.area_chart(
        [(a.title, a.progress, a.expected) for a in report.areas], font=QFont(family, 9)
    )
    image = charts.render(chart, QSizeF(620, max(220.0, 46.0 * len(report.areas) + 90)), scale=2.5)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide takes the str at run time
    return bytes(data.data())
