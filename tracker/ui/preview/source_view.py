"""The report's text beside the preview's tree: the passages left out are greyed, the chosen
item's passage is marked and scrolled into view.

Marks are extra selections over a read-only text, so the text itself is laid out once however
often the marks change (a long report stays quick). A click (or Enter) on a place in the text
says where (`position_chosen`), so the preview can select the item that came from there.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from tracker.ui import theme

Span = tuple[int, int]


class Positions:
    """Python string indexes ↔ Qt text positions, which count a character beyond U+FFFF (a
    rare name character, an emoji in pasted web text) as two; the importer's spans are the former."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        return position - bisect_left(self._astral_qt, position)


def qt_position(text: str, index: int) -> int:
    return Positions(text).to_qt(index)


def python_index(text: str, position: int) -> int:
    return Positions(text).from_qt(position)


class SourceView(QPlainTextEdit):
    position_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewSource")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._skipped: list[Span] = []
        self._marked: Span | None = None
        self._positions = Positions("")

    def set_source(self, text: str) -> None:
        self._positions = Positions(text)
        self.setPlainText(text)
        self._refresh()

    def set_skipped(self, spans: list[Span]) -> None:
        """The passages in no item: shown greyed."""
        self._skipped = sorted(spans)
        self._refresh()

    def mark(self, span: Span | None) -> None:
        """Mark one passage (an item's or a skipped one's) and bring it into view."""
        self._marked = span
        self._refresh()
        if span is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._clamp(span[1]))
            self.setTextCursor(cursor)  # the end first, then the start: the whole passage shows
            self.ensureCursorVisible()
            cursor.setPosition(self._clamp(span[0]))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def marked(self) -> Span | None:
        return self._marked

    def greyed(self) -> list[Span]:
        return list(self._skipped)

    def _clamp(self, index: int) -> int:
        """A text index of the source as a valid Qt position."""
        return max(0, min(self._positions.to_qt(index), self.document().characterCount() - 1))

    def _refresh(self) -> None:
        pal = self.palette()
        grey = QTextCharFormat()
        grey.setForeground(theme.left_out_text(pal))
        marked = QTextCharFormat()
        marked.setBackground(theme.marked_background(pal))
        marked.setForeground(pal.color(QPalette.ColorRole.Text))
        selections = [self._selection(span, grey) for span in self._skipped]
        if self._marked is not None:
            selections.append(self._selection(self._marked, marked))
        self.setExtraSelections(selections)

    def _selection(self, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._clamp(span[0]))
        cursor.setPosition(self._clamp(span[1]), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        selection.format = fmt  # type: ignore[attr-defined]
        return selection

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            position = self.cursorForPosition(event.position().toPoint()).position()
            self.position_chosen.emit(self._positions.from_qt(position))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.position_chosen.emit(self._positions.from_qt(self.textCursor().position()))
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh()
