"""Cells for one ledger sheet: styled, sized, and text that always stays text.

Cells are built with a ready style array and appended as whole rows to an ordinary
openpyxl workbook; for styled cells this measured faster than write-only mode (which
re-binds every Cell it is handed) at about 100 MB for 10,000 items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from openpyxl.cell import Cell
from openpyxl.utils import get_column_letter

from tracker.io.ledger import styles
from tracker.io.ledger.layout import (
    SUBTITLE_ROW,
    TITLE_ROW,
    Column,
    cell_text,
    fit_width,
    line_count,
    looks_like_formula,
)

Progress = Callable[[int, int], bool]
"""Called with (work done, work in all); returning False cancels the export."""

PROGRESS_EVERY = 250


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


class Counter:
    """Rows built so far, reported every few hundred rows; saving counts as much again."""

    def __init__(self, rows: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = 2 * rows, 0, progress

    def step(self) -> None:
        self.done += 1
        if self.progress and self.done % PROGRESS_EVERY == 0 and not self.progress(
            self.done, self.total
        ):
            raise ExportCancelled

    def built(self) -> None:
        """All rows built; the last chance to cancel before the file is written."""
        if self.progress and not self.progress(self.total // 2, self.total):
            raise ExportCancelled

    def saved(self) -> None:
        if self.progress:
            self.progress(self.total, self.total)


class SheetWriter:
    """One worksheet being filled row by row."""

    def __init__(self, ws: Any, warnings: list[str], style_arrays: dict[str, Any]) -> None:
        self.ws = ws
        self.warnings = warnings
        self.style_arrays = style_arrays
        self.col_widths: list[float] = []

    def cell(self, value: object, style: str) -> Cell:
        """A styled cell; text is cleaned and forced to be text, never a formula or an error."""
        if isinstance(value, str):
            value, _ = cell_text(value)  # callers warn about cuts; this is the last guard
            if not value:
                value = None
        c = Cell(self.ws, row=1, column=1, value=value, style_array=self.style_arrays[style])
        if isinstance(value, str):
            c.data_type = "s"  # "=1+1" or "#N/A" typed in a note stays a note
            if looks_like_formula(value):
                c.quotePrefix = True  # and stays text when someone edits it in Excel
        return c

    def title_rows(self, title: str, subtitle: str, last_col: int) -> None:
        self.ws.append([self.cell(title, styles.TITLE)])
        self.ws.append([self.cell(subtitle, styles.SUBTITLE)])
        letter = get_column_letter(last_col)
        self.ws.merged_cells.add(f"A{TITLE_ROW}:{letter}{TITLE_ROW}")
        self.ws.merged_cells.add(f"A{SUBTITLE_ROW}:{letter}{SUBTITLE_ROW}")
        self.ws.row_dimensions[TITLE_ROW].height = 30

    def widths(self, columns: Iterable[Column], texts: list[list[str]]) -> None:
        """Column widths that fit the content (wide characters count double)."""
        for i, column in enumerate(columns):
            width = fit_width(texts[i], column)
            self.col_widths.append(width)
            self.ws.column_dimensions[get_column_letter(i + 1)].width = width

    def fit_height(self, row_no: int, texts: Iterable[tuple[str, float]]) -> None:
        """A row tall enough for its wrapped text: spreadsheets do not grow rows on opening."""
        lines = max((line_count(t, w) for t, w in texts if t), default=1)
        if lines > 1:
            self.ws.row_dimensions[row_no].height = min(lines * styles.LINE_HEIGHT + 4, 409)
