"""A .pdf report → text: pages in order, running headers and page numbers out, lines unwrapped.

Quotation marks drawn apart from their text are put back (pdf_marks).
A PDF has no paragraphs, only lines cut at the page width; a line that reaches the usual
width and stops without a full stop continues on the next line. A header or footer is a
line repeated at the top or bottom of most pages (digits ignored: "第 3 页").
"""

from __future__ import annotations

import io
import re
from collections import Counter

from tracker.io.report.errors import ReportError
from tracker.io.report.lines import ends_sentence
from tracker.io.report.outline import ANY_MARKER
from tracker.io.report.pdf_marks import page_text

MAX_PAGES = 1500
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)


def pdf_text(data: bytes) -> str:
    """The PDF's text, or ReportError with one line saying why not (damaged, encrypted, scanned)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise ReportError("PDF 文件有密码保护，无法读取：请另存为不加密的 PDF 或 Word 文件。")
            pages = reader.pages
            if len(pages) > MAX_PAGES:
                raise ReportError(f"PDF 文件有 {len(pages)} 页，超过 {MAX_PAGES} 页，不像是年度报告。")
            texts = [page_text(page) for page in pages]
        except PdfReadError as exc:
            raise ReportError(f"PDF 文件已损坏，无法读取（{exc}）。") from exc
    except ReportError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files: one clear line
        raise ReportError(f"PDF 文件已损坏，无法读取（{type(exc).__name__}）。") from exc
    page_lines = [[ln.strip() for ln in t.splitlines() if ln.strip()] for t in texts]
    if not any(page_lines):
        raise ReportError("PDF 中没有可提取的文字（可能是扫描件）：请先做文字识别，或改用 Word/文本文件。")
    lines = [_close_gaps(ln) for ln in drop_running_lines(page_lines)]
    return "\n".join(unwrap_pdf_lines(lines))


_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t]+(?=[0-9A-Za-z%.])|"
                  r"(?<=[0-9A-Za-z%.])[ \t]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def _close_gaps(line: str) -> str:
    """PDF text puts a space between Chinese and digits ("2024 年"); the document has none."""
    return _GAP.sub("", line)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.replace(" ", ""))


def drop_running_lines(pages: list[list[str]]) -> list[str]:
    """Page lines in order without page numbers and lines repeated at the edges of most pages."""
    edge = Counter[str]()
    for lines in pages:
        for line in {*lines[:2], *lines[-2:]}:
            edge[_shape(line)] += 1
    running = {shape for shape, n in edge.items() if len(pages) >= 3 and n >= max(3, len(pages) * 0.6)}
    out: list[str] = []
    for lines in pages:
        for i, line in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            if _PAGE_NUMBER.match(line) or (at_edge and _shape(line) in running):
                continue
            out.append(line)
    return out


def _width(line: str) -> int:
    return sum(1 if ch.isascii() else 2 for ch in line)


# A notice's title at the top ends its line: "关于印发…的通知" stands above "局机关各科室：".
_NOTICE_TITLE_END = re.compile(r"(?:通知|通報|通报|的函)$")


def unwrap_pdf_lines(lines: list[str]) -> list[str]:
    """Join a line that reaches the usual full width and does not end a sentence to the next.

    A notice's title is never continued: where a table's cells make every line short, the
    title looks full-width, and the salutation glued to it would then be quoted as the title.
    """
    widths = sorted(_width(ln) for ln in lines)
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 5 else 0
    out: list[str] = []
    for line in lines:
        if (out and full and _width(out[-1]) >= full * 0.85 and not ends_sentence(out[-1])
                and not ANY_MARKER.match(line)
                and not (len(out) <= 3 and _NOTICE_TITLE_END.search(out[-1]))):
            out[-1] += line
        else:
            out.append(line)
    return out
