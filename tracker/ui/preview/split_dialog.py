"""Split one item in two: the user puts the cursor where the second item starts.

The item's detail is shown with the cursor already after its first sentence (the usual place
a second task begins); arrows move it, 拆分 cuts there. The dialog only says where
(`chosen(at)`, a character index of the detail); the preview makes it one undoable step.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.ui import theme
from tracker.ui.preview.source_view import python_index, qt_position

_SENTENCE_END = re.compile(r"[。；;！!？?]")


def suggested_cut(detail: str) -> int:
    """After the first sentence that leaves text behind it; else the start (the whole detail
    becomes the new item: what merging an item without detail leaves behind)."""
    for m in _SENTENCE_END.finditer(detail):
        if detail[m.end():].strip():
            return m.end()
    return 0


class SplitDialog(QDialog):
    chosen = Signal(int)

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.setWindowTitle(self.tr("拆分事项"))
        self.detail = detail
        intro = QLabel(self.tr("“{0}”的具体内容从光标处拆开，光标之后的文字成为新的一项"
                               "（光标在最前面时，全部具体内容成为新的一项）。用方向键或鼠标移动光标，"
                               "按 Enter 拆分。").format(title))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(detail)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        cursor = self.text.textCursor()
        cursor.setPosition(qt_position(detail, suggested_cut(detail)))
        self.text.setTextCursor(cursor)
        self.text.setCursorWidth(2)
        self.text.installEventFilter(self)  # Enter in the text splits (the text would swallow it)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color:{theme.error_text(self.palette()).name()}")
        buttons = QDialogButtonBox()
        self.split_button = buttons.addButton(self.tr("拆分(&S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.split_button.setDefault(True)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self._split)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.resize(560, 320)
        self.text.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.text and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._split()
            return True
        return super().eventFilter(watched, event)

    def position(self) -> int:
        """Where the cursor is, as an index into the detail."""
        return python_index(self.detail, self.text.textCursor().position())

    def place(self, at: int) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(qt_position(self.detail, at), QTextCursor.MoveMode.MoveAnchor)
        self.text.setTextCursor(cursor)

    def _split(self) -> None:
        at = self.position()
        if not self.detail[at:].strip():
            self.hint.setText(self.tr("光标之后没有文字：请把光标放在新的一项开始的位置。"))
            return
        self.chosen.emit(at)
        self.accept()
