"""A report file of any kind we read (.txt, .docx, .pdf) → its text, by content as well as name.

The name decides first, the first bytes check it: a .docx renamed .txt or a PDF saved
without its extension still opens, and an old binary .doc gets a sentence saying what to
do instead of a wall of garbage.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.io.report.errors import ReportError
from tracker.io.report.text_files import decode_report

MAX_REPORT_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".docx", ".pdf")


@dataclass(frozen=True)
class ReportText:
    """The text of a report file and whether its lines may be cut at a fixed width."""

    text: str
    kind: str  # txt | docx | pdf
    hard_wrapped: bool | None  # None: look at the text


def report_text(name: str, data: bytes) -> ReportText:
    """Decode `data` (the bytes of a file called `name`) by what it really is."""
    suffix = Path(name).suffix.lower()
    if data[:5] == b"%PDF-" or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        from tracker.io.report.pdf import pdf_text

        return ReportText(pdf_text(data), "pdf", False)
    if data[:4] == b"PK\x03\x04" and suffix != ".txt" or suffix == ".docx":
        from tracker.io.report.word import docx_text

        return ReportText(docx_text(data), "docx", False)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or suffix in (".doc", ".wps"):
        raise ReportError("这是旧版 Word（.doc/.wps）文件：请在 Word 或 WPS 中另存为 .docx 后再导入。")
    if suffix == ".pdf":
        raise ReportError("文件扩展名是 .pdf，但内容不是 PDF（可能已损坏）。")
    return ReportText(decode_report(data), "txt", None)


def read_report_file(path: str | Path) -> ReportText:
    """Read a report file from disk, refusing what cannot be a report before loading it all."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise ReportError(f"文件过大（{size // (1024 * 1024)} MB，上限 20 MB），不像是年度报告：{path}")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReportError(f"找不到文件：{path}") from exc
    except IsADirectoryError as exc:
        raise ReportError(f"这是一个文件夹，不是报告文件：{path}") from exc
    except OSError as exc:
        raise ReportError(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    return report_text(path.name, data)
