"""Put quotation marks back where a PDF drew them.

Writers such as LibreOffice draw the curly quotes of Chinese text (“两客一危”) in a Latin font,
as runs of their own after the line's text, and leave a space in the Chinese run where each
mark sits. Read in drawing order the marks land at the wrong place ("加强 两客一危 车辆…“ ”"),
and a mark drawn right after a number ("6．") splits the item number from its dot. On such a
page the text is rebuilt from the runs' positions: lines top to bottom, runs left to right,
and the marks, in order, fill the spaces they were drawn over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

QUOTES = "“”‘’「」『』\"'"
_LINE_TOLERANCE = 2.0  # points: runs of one line sit on one baseline


@dataclass
class Run:
    x: float
    y: float
    text: str

    @property
    def is_mark(self) -> bool:
        marks = self.text.replace(" ", "")
        return bool(marks) and all(ch in QUOTES for ch in marks)


def page_text(page: Any) -> str:
    """A pypdf page's text, with its quotation marks where they were drawn."""
    return read_page(page)[0]


def read_page(page: Any) -> tuple[str, list[Run]]:
    """A pypdf page's text (see page_text) and the runs it was drawn in, with their positions."""
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        text = text.replace("\n", "")
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append(Run(x, y, text))

    plain = page.extract_text(visitor_text=visit) or ""
    rebuilt = text_with_marks(runs) if not page.get("/Rotate") else None
    return (plain if rebuilt is None else rebuilt), runs


def drawn_lines(runs: list[Run]) -> list[list[Run]]:
    """The runs by line, top to bottom, each line's runs left to right."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: -r.y):
        if lines and abs(lines[-1][0].y - run.y) <= _LINE_TOLERANCE:
            lines[-1].append(run)
        else:
            lines.append([run])
    return [sorted(line, key=lambda r: r.x) for line in lines]


def text_with_marks(runs: list[Run]) -> str | None:
    """The page text rebuilt from its runs, or None when no run is a lone quotation mark
    (then the reader's own order is right and is kept)."""
    if not any(r.is_mark for r in runs):
        return None
    return "\n".join(_line_text(line) for line in drawn_lines(runs))


def _line_text(runs: list[Run]) -> str:
    marks = [ch for r in runs if r.is_mark for ch in r.text if ch != " "]
    text = "".join(r.text for r in runs if not r.is_mark)
    if not marks:
        return text
    holes = [i for i in range(1, len(text) - 1)
             if text[i] == " " and not text[i - 1].isascii() and not text[i + 1].isascii()]
    chars = list(text)
    for hole, mark in zip(holes, marks, strict=False):
        chars[hole] = mark
    rest = "".join(marks[len(holes):])
    return "".join(chars) + rest
