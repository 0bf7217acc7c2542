"""A .pdf report → text: pages in order, running headers and page numbers out, lines unwrapped.

Quotation marks drawn apart from their text are put back (pdf_marks).
A PDF has no paragraphs, only lines cut at the page width; a line that reaches the usual
width and stops without a full stop continues on the next line. A header or footer is a
line repeated at the top or bottom of most pages, its text the same but for a page number;
what is taken out is handed back (`PdfText.furniture`) to be listed as skipped.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from tracker.io.report.errors import ReportError
from tracker.io.report.lines import ends_sentence
from tracker.io.report.outline import ANY_MARKER
from tracker.io.report.pdf_marks import Run, drawn_lines, read_page
from tracker.io.report.table import is_task_header

MAX_PAGES = 1500
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)


@dataclass(frozen=True)
class PdfText:
    """The PDF's text, and the running headers, footers and page numbers taken out of it."""

    text: str
    furniture: tuple[str, ...]
    table_header: str = ""  # the header of a task table drawn cell by cell, whose rows are lost


def pdf_text(data: bytes) -> str:
    """The PDF's text (see read_pdf)."""
    return read_pdf(data).text


def read_pdf(data: bytes) -> PdfText:
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
            read = [read_page(page) for page in pages]
            texts = [text for text, _ in read]
        except PdfReadError as exc:
            raise ReportError(f"PDF 文件已损坏，无法读取（{exc}）。") from exc
    except ReportError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files: one clear line
        raise ReportError(f"PDF 文件已损坏，无法读取（{type(exc).__name__}）。") from exc
    page_lines = [[ln.strip() for ln in t.splitlines() if ln.strip()] for t in texts]
    if not any(page_lines):
        raise ReportError("PDF 中没有可提取的文字（可能是扫描件）：请先做文字识别，或改用 Word/文本文件。")
    split = split_running_lines(page_lines)
    lines = [_close_gaps(ln) for ln in split.body]
    header = next(filter(None, (drawn_table_header(runs) for _, runs in read)), "")
    return PdfText("\n".join(unwrap_pdf_lines(lines)), tuple(_close_gaps(ln) for ln in split.furniture),
                   header)


def drawn_table_header(runs: list[Run]) -> str:
    """The column names of a task table on the page ("序号 项目名称 … 完成时间"), or "".

    A table's header is one drawn line of three or more cells, each a run of its own set
    apart from the next, that names a task column and a lead, unit or deadline column.
    """
    for line in drawn_lines(runs):
        names = [r.text.strip() for r in line if r.text.strip()]
        apart = all(b.x - a.x >= 24 for a, b in zip(line, line[1:], strict=False))
        if len(names) >= 3 and apart and is_task_header(names):
            return " ".join(names)
    return ""


_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t]+(?=[0-9A-Za-z%.])|"
                  r"(?<=[0-9A-Za-z%.])[ \t]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def _close_gaps(line: str) -> str:
    """PDF text puts a space between Chinese and digits ("2024 年"); the document has none."""
    return _GAP.sub("", line)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.replace(" ", ""))


_SENTENCE = re.compile(r"[。；;！？]")


def _numbers(line: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", line)]


@dataclass(frozen=True)
class PdfLines:
    """A PDF's body lines in reading order, and the page furniture taken out of them."""

    body: list[str]
    furniture: list[str]


def drop_running_lines(pages: list[list[str]]) -> list[str]:
    """Page lines in order without page numbers and lines repeated at the edges of most pages."""
    return split_running_lines(pages).body


def split_running_lines(pages: list[list[str]]) -> PdfLines:
    """Body lines, and the page numbers and running headers and footers taken out.

    A running line sits at the same edge (top or bottom) of most pages with the same text;
    only a page number may change in it ("某局 第 3 页"). A body line that merely looks
    alike ("完成时限：2021年5月底。" at the foot of one page, "…8月底。" of the next) is
    text: its numbers do not count the pages. A line with a sentence in it ("…。…") is
    never furniture, however often it repeats.
    """
    running = _running(pages, top=True) | _running(pages, top=False)
    body: list[str] = []
    furniture: list[str] = []
    for lines in pages:
        for i, line in enumerate(lines):
            edge = "top" if i < 2 else "bottom" if i >= len(lines) - 2 else ""
            if _PAGE_NUMBER.match(line) or (edge, line.replace(" ", "")) in running:
                furniture.append(line)
            else:
                body.append(line)
    return PdfLines(body, list(dict.fromkeys(furniture)))


def _running(pages: list[list[str]], *, top: bool) -> set[tuple[str, str]]:
    """The (edge, text) of the lines that run along the top (or bottom) of most pages."""
    if len(pages) < 3:
        return set()
    enough = max(3, len(pages) * 0.6)
    by_shape: dict[str, list[tuple[int, str]]] = {}
    for page, lines in enumerate(pages):
        edge_lines = lines[:2] if top else lines[-2:]
        for text in dict.fromkeys(ln.replace(" ", "") for ln in edge_lines if not _SENTENCE.search(ln)):
            by_shape.setdefault(_shape(text), []).append((page, text))
    edge = "top" if top else "bottom"
    found: set[tuple[str, str]] = set()
    for seen in by_shape.values():
        same = Counter(text for _, text in seen)
        found |= {(edge, text) for text, n in same.items() if n >= enough}
        found |= {(edge, text) for text in _numbered_pages(seen, enough)}
    return found


def _numbered_pages(seen: list[tuple[int, str]], enough: float) -> set[str]:
    """The texts of one shape whose only changing number is the page's: it grows by one a
    page and is written as a page number ("第 3 页", "— 3 —", "3/12", or at a line's end)."""
    if len({text for _, text in seen}) < 2:
        return set()
    numbers = [_numbers(text) for _, text in seen]
    for k in range(len(numbers[0])):
        offsets = Counter(nums[k] - page for (page, _), nums in zip(seen, numbers, strict=True))
        offset, n = offsets.most_common(1)[0]
        texts = {text for (page, text), nums in zip(seen, numbers, strict=True) if nums[k] - page == offset}
        if n >= enough and all(_PAGE_CONTEXT.search(_mark_number(text, k)) for text in texts):
            return texts
    return set()


_PAGE_CONTEXT = re.compile(r"第#页|[-—–－·]#[-—–－·]|#/\d|[Pp]age#|\D#$|^#\D")


def _mark_number(text: str, k: int) -> str:
    """`text` with its k-th number written as #."""
    m = list(re.finditer(r"\d+", text))[k]
    return f"{text[:m.start()]}#{text[m.end():]}"


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
