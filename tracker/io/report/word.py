"""A .docx report → text lines the outline parser reads, numbering and tables included.

Word keeps automatic numbering out of the text (numbering.xml, referenced from each
paragraph or its style), so "一、" or "（一）" typed by Word's list feature must be rendered
back from the list definition and per-list counters. Tables come out as tab-separated rows;
a row whose cells are one merged cell comes out as a plain line (a group heading).

A .docx is a zip from outside: its size, entry count and compression ratio are checked
before anything is unpacked, so a zip bomb is refused instead of filling the memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tracker.io.report.errors import ReportError
from tracker.io.report.numerals import CIRCLED, cn_numeral

MAX_UNPACKED = 100 * 1024 * 1024
MAX_DOCUMENT_XML = 40 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_RATIO = 200

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(data: bytes) -> None:
    """Refuse a damaged or hostile .docx before python-docx unpacks it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ReportError("Word 文件已损坏或不是 .docx 格式（无法作为压缩包打开）。") from exc
    if len(infos) > MAX_ENTRIES:
        raise ReportError(f"Word 文件内部文件过多（{len(infos)} 个），疑似压缩炸弹，已拒绝。")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            raise ReportError(
                f"Word 文件中的 {info.filename} 压缩比异常（{ratio:.0f} 倍），疑似压缩炸弹，已拒绝。")
        if info.filename == "word/document.xml" and info.file_size > MAX_DOCUMENT_XML:
            raise ReportError("Word 文件正文过大，不像是年度报告。")
    if total > MAX_UNPACKED:
        raise ReportError(f"Word 文件解压后过大（{total // (1024 * 1024)} MB），疑似压缩炸弹，已拒绝。")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ReportError("这不是 Word 文档（.docx 中没有正文 word/document.xml）。")


def docx_text(data: bytes) -> str:
    """The document's paragraphs and tables in order, one line each, numbering rendered."""
    return docx_report(data).text


@dataclass(frozen=True)
class WordText:
    """What a .docx gives the importer: its body text, the outline level of each heading line
    (by line number, 1 outermost), and its running headers and footers, which are not body
    text but are listed as skipped so nothing leaves silently."""

    text: str
    headings: dict[int, int]
    furniture: tuple[str, ...]


def docx_report(data: bytes) -> WordText:
    """The document's text (see `docx_text`), its heading levels and its headers and footers.

    A paragraph in a heading style (Heading 1–9, 标题 1–9, or any style or paragraph with a
    Word outline level) is a heading even when no number stands before it.
    """
    check_zip(data)
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise ReportError("Word 文件已损坏或不是 .docx 格式，无法读取。") from exc
        numbering = _Numbering(document)
        outline = _OutlineLevels(document)
        lines: list[str] = []
        levels: dict[int, int] = {}
        row = 0
        for block in document.element.body.iterchildren():
            if block.tag == f"{_W}p":
                text = numbering.prefix(block) + _paragraph_text(block)
                level = outline.of(block)
                if level and text.strip() and "\n" not in text.strip():
                    levels[row] = level
                lines.append(text)
                row += text.count("\n") + 1
            elif block.tag == f"{_W}tbl":
                for line in _table_lines(block, numbering):
                    lines.append(line)
                    row += line.count("\n") + 1
        return WordText("\n".join(lines), levels, _running_texts(document))
    except ReportError:
        raise
    except Exception as exc:  # lxml errors on damaged XML and the like: one clear line
        raise ReportError(f"Word 文件内容已损坏，无法读取（{type(exc).__name__}）。") from exc


def _running_texts(document: Any) -> tuple[str, ...]:
    """Each distinct line of the headers and footers Word shows, in section order.

    A first-page or even-page header counts only when the section (or the settings) turn it
    on; a header linked to the previous section's is that one. A line without words (a page
    number drawn by a PAGE field, "— —") is not listed.
    """
    even = bool(document.settings.odd_and_even_pages_header_footer)
    seen: dict[str, None] = {}
    for section in document.sections:
        parts = [section.header, section.footer]
        if section.different_first_page_header_footer:
            parts[:0] = [section.first_page_header]
            parts[2:2] = [section.first_page_footer]
        if even:
            parts.insert(parts.index(section.footer), section.even_page_header)
            parts.append(section.even_page_footer)
        for part in parts:
            if part.is_linked_to_previous:
                continue  # the previous section's, already read (or none at all)
            for p in part._element.iter(f"{_W}p"):
                if p.find(f".//{_W}p") is not None:
                    continue  # a text box's paragraphs are read on their own
                text = " ".join(_paragraph_text(p).split())
                if re.search(r"[^\W\d_]", text):
                    seen.setdefault(text, None)
    return tuple(seen)


class _OutlineLevels:
    """Which paragraph styles are headings, and at what level (1 outermost)."""

    _NAME = re.compile(r"^(?:heading|标题|標題)\s*([1-9])$", re.IGNORECASE)

    def __init__(self, document: Any) -> None:
        self.by_style: dict[str, int] = {}
        for style in document.styles.element.iterchildren(f"{_W}style"):
            name = style.find(f"{_W}name")
            found = self._NAME.match((name.get(f"{_W}val", "") if name is not None else "").strip())
            level = int(found.group(1)) if found else _outline_level(style.find(f"{_W}pPr"))
            if level:
                self.by_style[style.get(f"{_W}styleId", "")] = level

    def of(self, p: Any) -> int:
        own = _outline_level(p.find(f"{_W}pPr"))
        if own:
            return own
        style = p.find(f"{_W}pPr/{_W}pStyle")
        return self.by_style.get(style.get(f"{_W}val", ""), 0) if style is not None else 0


def _outline_level(p_pr: Any) -> int:
    """Word's w:outlineLvl (0 = level 1; 9 = body text), as 1…9, or 0 for body text."""
    found = p_pr.find(f"{_W}outlineLvl") if p_pr is not None else None
    if found is None:
        return 0
    value = found.get(f"{_W}val", "9")
    return int(value) + 1 if value.isdigit() and int(value) < 9 else 0


def _paragraph_text(p: Any) -> str:
    """A paragraph's visible text: runs, tabs and breaks (deleted revisions left out)."""
    out: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}delText"):
        if el.tag == f"{_W}t":
            out.append(el.text or "")
        elif el.tag == f"{_W}tab":
            out.append(" ")
        elif el.tag == f"{_W}br":
            out.append("\n")
    return "".join(out)


def _table_lines(tbl: Any, numbering: _Numbering) -> Iterator[str]:
    """Rows as tab-separated cells; vertically merged cells repeat the cell above, as Word shows."""
    above: dict[int, str] = {}
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells: list[str] = []
        column = 0
        for tc in tr.iterchildren(f"{_W}tc"):
            tc_pr = tc.find(f"{_W}tcPr")
            span = 1
            merged = False
            if tc_pr is not None:
                grid = tc_pr.find(f"{_W}gridSpan")
                if grid is not None:
                    span = max(1, min(int(grid.get(f"{_W}val", "1") or 1), 50))
                vmerge = tc_pr.find(f"{_W}vMerge")
                merged = vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue"
            if merged:
                text = above.get(column, "")
            else:
                parts = [numbering.prefix(p) + _paragraph_text(p) for p in tc.iter(f"{_W}p")]
                text = "".join(t + ("" if not t or t.endswith(("。", "；", "：")) else " ")
                               for t in parts).strip()
            for offset in range(span):
                above[column + offset] = text
            cells.append(text.replace("\t", " ").replace("\n", " "))
            column += span
        filled = [c for c in cells if c]
        if not filled:
            continue
        yield filled[0] if len(filled) == 1 else "\t".join(cells)


def _format(fmt: str, n: int) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return cn_numeral(n) if n < 100 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt == "chineseLegalSimplified":
        return "零壹贰叁肆伍陆柒捌玖拾"[n] if n <= 10 else str(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


class _Numbering:
    """Word's list definitions and a counter per list, so each numbered paragraph gets its text."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (fmt, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
            for an in root.iterchildren(f"{_W}abstractNum"):
                abstract[an.get(f"{_W}abstractNumId", "")] = {
                    int(lvl.get(f"{_W}ilvl", "0")): _level(lvl) for lvl in an.iterchildren(f"{_W}lvl")
                }
            for num in root.iterchildren(f"{_W}num"):
                ref = num.find(f"{_W}abstractNumId")
                levels = dict(abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {}))
                for override in num.iterchildren(f"{_W}lvlOverride"):
                    ilvl = int(override.get(f"{_W}ilvl", "0"))
                    start = override.find(f"{_W}startOverride")
                    if start is not None and ilvl in levels:
                        fmt, text, _ = levels[ilvl]
                        levels[ilvl] = (fmt, text, int(start.get(f"{_W}val", "1")))
                self.levels[num.get(f"{_W}numId", "")] = levels
        for style in document.styles.element.iterchildren(f"{_W}style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self.style_num[style.get(f"{_W}styleId", "")] = _num_pr(num_pr)

    def prefix(self, p: Any) -> str:
        """The number Word would show before this paragraph, or ""."""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id, ilvl = _num_pr(num_pr)
        else:
            style = p.find(f"{_W}pPr/{_W}pStyle")
            found = self.style_num.get(style.get(f"{_W}val", "")) if style is not None else None
            if found is None:
                return ""
            num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none"):
            return ""
        out = text
        for level in range(8, -1, -1):
            if f"%{level + 1}" in out:
                lvl_fmt, _, lvl_start = levels.get(level, ("decimal", "", 1))
                out = out.replace(f"%{level + 1}", _format(lvl_fmt, counters.get(level, lvl_start)))
        return out


def _level(lvl: Any) -> tuple[str, str, int]:
    fmt = lvl.find(f"{_W}numFmt")
    text = lvl.find(f"{_W}lvlText")
    start = lvl.find(f"{_W}start")
    return (fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
            text.get(f"{_W}val", "") if text is not None else "",
            int(start.get(f"{_W}val", "1")) if start is not None else 1)


def _num_pr(num_pr: Any) -> tuple[str, int]:
    num_id = num_pr.find(f"{_W}numId")
    ilvl = num_pr.find(f"{_W}ilvl")
    return (num_id.get(f"{_W}val", "0") if num_id is not None else "0",
            int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0)
