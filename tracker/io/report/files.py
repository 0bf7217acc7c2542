"""A report file of any kind we read (.txt, .docx, .pdf) → its text, by content as well as name.

The name decides first, the first bytes check it: a .docx renamed .txt or a PDF saved
without its extension still opens, and an old binary .doc gets a sentence saying what to
do instead of a wall of garbage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tracker.io.intake import REPORT, FileRefused, read_file
from tracker.io.limits import MAX_REPORT_FILE_BYTES
from tracker.io.report.errors import ReportError
from tracker.io.report.text_files import decode_report

MAX_REPORT_BYTES = MAX_REPORT_FILE_BYTES
SUFFIXES = (".txt", ".docx", ".pdf")


@dataclass(frozen=True)
class ReportText:
    """The text of a report file, whether its lines may be cut at a fixed width, and the
    outline level of the lines its styles mark as headings (Word's Heading 1, 标题 2…)."""

    text: str
    kind: str  # txt | docx | pdf
    hard_wrapped: bool | None  # None: look at the text
    furniture: tuple[str, ...] = ()  # running headers, footers (a PDF's page numbers), taken out
    table_header: str = ""  # a PDF's task table whose rows could not be read: its header
    headings: Mapping[int, int] = field(default_factory=dict)  # line number → level, 1 outermost


def report_text(name: str, data: bytes) -> ReportText:
    """Decode `data` (the bytes of a file called `name`) by what it really is."""
    suffix = Path(name).suffix.lower()
    if data[:5] == b"%PDF-" or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        from tracker.io.report.pdf import read_pdf

        pdf = read_pdf(data)
        return ReportText(pdf.text, "pdf", False, pdf.furniture, pdf.table_header)
    if data[:4] == b"PK\x03\x04" and suffix != ".txt" or suffix == ".docx":
        from tracker.io.report.word import docx_report

        word = docx_report(data)
        return ReportText(word.text, "docx", False, word.furniture, headings=word.headings)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or suffix in (".doc", ".wps"):
        raise ReportError("这是旧版 Word（.doc/.wps）文件：请在 Word 或 WPS 中另存为 .docx 后再导入。")
    if suffix == ".pdf":
        raise ReportError("文件扩展名是 .pdf，但内容不是 PDF（可能已损坏）。")
    return ReportText(decode_report(data), "txt", None)


def explain_refusal(source: ReportText | None, error: ReportError) -> ReportError:
    """A refused PDF that holds a task table says so, and what to import instead: a PDF draws a
    table cell by cell, a few characters a line, and its rows cannot be put back."""
    if source is None or not source.table_header:
        return error
    return ReportError(f"PDF 中有一张任务表（表头：{source.table_header}），但无法从 PDF 中读出它的行和列："
                       f"请改用这份文件的 Word（.docx）原件导入。{error}")


def read_report_file(path: str | Path) -> ReportText:
    """Read a report file from disk, refusing what cannot be a report before loading it all
    (a device or a FIFO is refused unread; see tracker.io.intake)."""
    path = Path(path)
    try:
        data = read_file(path, MAX_REPORT_BYTES, kind=REPORT)
    except FileRefused as exc:
        raise ReportError(str(exc)) from exc
    return report_text(path.name, data)
