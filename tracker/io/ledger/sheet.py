"""One ledger sheet written as a stream: styled cells, widths, heights, text that stays text.

The workbook is openpyxl's write-only kind: each row goes to the sheet's file as it is
appended, so a ledger of 100,000 items with a year of check-ins never sits in memory. Every
column keeps one ready cell per style that is filled and handed over row after row (openpyxl
writes a cell as soon as it gets it), with its style number worked out once; a row that needs
more height than one line says so in its own row element. Widths must be known before the
first row: the writers measure their texts first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.cell import Cell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from tracker.io.ledger import styles
from tracker.io.ledger.layout import (
    SUBTITLE_ROW,
    TITLE_ROW,
    Column,
    cell_text,
    fit_width,
    line_count,
)
from tracker.io.ledger.outcome import ExportCancelled, Progress

__all__ = ["PROGRESS_EVERY", "Counter", "ExportCancelled", "Progress", "SheetWriter", "new_sheet"]

PROGRESS_EVERY = 250
_FORMULA_START = frozenset("=+-@")  # text a spreadsheet would run as a formula (layout.py)


class Counter:
    """Rows written so far, reported every few hundred rows; saving counts as much again."""

    def __init__(self, rows: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = 2 * rows, 0, progress

    def step(self) -> None:
        self.done += 1
        if self.progress and self.done % PROGRESS_EVERY == 0 and not self.progress(
            self.done, self.total
        ):
            raise ExportCancelled

    def built(self) -> None:
        """All rows written; the last chance to cancel before the file is put together."""
        if self.progress and not self.progress(self.total // 2, self.total):
            raise ExportCancelled

    def saved(self) -> None:
        if self.progress:
            self.progress(self.total, self.total)


class _StreamSheet(WriteOnlyWorksheet):
    """A write-only sheet fed rows of ready cells (None: no cell), with no conversion."""

    def _values_to_row(self, values: Iterable[Cell | None], row_idx: int) -> Any:
        for col_idx, cell in enumerate(values, 1):
            if cell is not None:
                cell.row = row_idx
                cell.column = col_idx
                yield cell


class _StyledCell(Cell):
    """A cell whose style number is known (openpyxl would look it up for every cell)."""

    __slots__ = ("style_id",)


def new_sheet(wb: Workbook, title: str, warnings: list[str],
              style_arrays: dict[str, StyleArray]) -> SheetWriter:
    sheet = _StreamSheet(parent=wb, title=title)
    wb._add_sheet(sheet)
    return SheetWriter(sheet, warnings, style_arrays)


class SheetWriter:
    """One worksheet being written row by row."""

    def __init__(self, ws: WriteOnlyWorksheet, warnings: list[str],
                 style_arrays: dict[str, StyleArray]) -> None:
        self.ws = ws
        self.warnings = warnings
        self.style_arrays = style_arrays
        self.col_widths: list[float] = []
        self.rows = 0
        self._cells: dict[tuple[int, str], list[_StyledCell | None]] = {}  # plain, quoted

    # --- cells ---------------------------------------------------------------------------

    def cell(self, value: object, style: str, column: int | None = None) -> Cell:
        """A styled cell holding `value`; text is cleaned and stays text (a formula-like note
        gets Excel's quote prefix, so it stays text when edited there too). With `column`, the
        cell of that column and style is reused from row to row (a long streamed sheet): hand
        it over in the row it was filled for; without, a cell of its own."""
        quoted = False
        kind = "n"
        if value.__class__ is str:
            if not value.isprintable() or len(value) > 32_767:  # type: ignore[attr-defined]
                value, _ = cell_text(value)  # type: ignore[arg-type]  # callers warn about cuts
            if not value:
                value = None
            else:
                kind = "s"
                quoted = value[0] in _FORMULA_START  # type: ignore[index]
        elif value is not None and not isinstance(value, int | float):
            kind = "d"
        if column is None:
            cell = self._new_cell(style, quoted)
        else:
            cells = self._cells.get((column, style))
            if cells is None:
                cells = self._cells[(column, style)] = [self._new_cell(style, False), None]
            cell = cells[quoted]  # type: ignore[assignment]
            if cell is None:
                cell = cells[1] = self._new_cell(style, True)
        cell._value = value
        cell.data_type = kind
        return cell

    def _new_cell(self, style: str, quoted: bool) -> _StyledCell:
        array = StyleArray(self.style_arrays[style]) if style != _PLAIN else StyleArray()
        if quoted:
            array.quotePrefix = 1
        cell = _StyledCell(self.ws, row=1, column=1, style_array=array)
        cell.style_id = self.ws.parent._cell_styles.add(array)
        return cell

    def append(self, cells: Sequence[Cell | None], height: float | None = None) -> int:
        """Write one row (its number is returned); `height` in points when taller than a line."""
        self.rows += 1
        row = self.rows
        if height is None:
            self.ws.append(cells)
        elif isinstance(self.ws, WriteOnlyWorksheet):  # read as the row's attributes as it is written
            dict.__setitem__(self.ws.row_dimensions, row, {"ht": f"{height:g}", "customHeight": "1"})
            self.ws.append(cells)
            dict.pop(self.ws.row_dimensions, row)
        else:
            self.ws.append(cells)
            self.ws.row_dimensions[row].height = height
        return row

    def values(self, values: Sequence[object], row_styles: Sequence[str],
               height: float | None = None) -> int:
        """Write a row of values with a style each."""
        cells: list[Cell | None] = [self.cell(v, s, i)
                                    for i, (v, s) in enumerate(zip(values, row_styles, strict=True))]
        return self.append(cells, height)

    def plain(self, value: object, column: int) -> Cell:
        """An unstyled cell (a number for the machine, not for print)."""
        return self.cell(value, _PLAIN, column)

    # --- the sheet's frame -----------------------------------------------------------------

    def title_rows(self, title: str, subtitle: str, last_col: int) -> None:
        letter = get_column_letter(last_col)
        self.append([self.cell(title, styles.TITLE)], height=30)
        self.append([self.cell(subtitle, styles.SUBTITLE)])
        self.ws.merged_cells.add(f"A{TITLE_ROW}:{letter}{TITLE_ROW}")
        self.ws.merged_cells.add(f"A{SUBTITLE_ROW}:{letter}{SUBTITLE_ROW}")

    def widths(self, columns: Sequence[Column], texts: Sequence[Iterable[str]]) -> None:
        """Column widths that fit the content (wide characters count double); before any row."""
        self.set_widths([fit_width(texts[i], column) for i, column in enumerate(columns)])

    def set_widths(self, widths: Sequence[float]) -> None:
        for i, width in enumerate(widths):
            self.col_widths.append(width)
            self.ws.column_dimensions[get_column_letter(i + 1)].width = width

    def fit_height(self, row_no: int, texts: Iterable[tuple[str | None, float]]) -> None:
        """Make a row already written tall enough, on an ordinary (not streamed) sheet."""
        height = self.height(texts)
        if height is not None:
            self.ws.row_dimensions[row_no].height = height

    def height(self, texts: Iterable[tuple[str | None, float]]) -> float | None:
        """The height a row needs for its wrapped text (None: one line does); spreadsheets do
        not grow rows on opening."""
        lines = 1
        for text, width in texts:
            if text and (len(text) * 1.85 > width - 0.5 or "\n" in text):  # else one line
                lines = max(lines, line_count(text, width))
        return min(lines * styles.LINE_HEIGHT + 4, 409) if lines > 1 else None


_PLAIN = "plain"
