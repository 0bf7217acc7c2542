"""帮助: the user guide shown inside the app, and the check for a Chinese font.

The guide is Markdown (docs/user-guide.md) rendered by Qt's own QTextBrowser, so it needs no
browser and its screenshots load from beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QFontDatabase,
    QImage,
    QPixmap,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QTextLength,
    QTextTable,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from tracker import resources_dir

NO_CJK_FONT = ("No Chinese font is installed, so Chinese text would show as boxes. "
               "Install one, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk "
               "(Windows and macOS include one).")


def guide_path() -> Path:
    """docs/user-guide.md beside resources/ (in a checkout and in the packaged bundle)."""
    return resources_dir().parent / "docs" / "user-guide.md"


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


class GuideBrowser(QTextBrowser):
    """A QTextBrowser whose pictures shrink to the page width (never beyond their own size) and
    whose tables wrap, so nothing in the guide needs a sideways scroll."""

    MARGIN = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # text and tables wrap and pictures shrink: what is left to the right is empty margin
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_images()

    def fit_images(self) -> None:
        doc = self.document()
        for frame in doc.rootFrame().childFrames():  # tables wrap their text at the page width
            if isinstance(frame, QTextTable):
                table_format = frame.format()
                if table_format.width().type() != QTextLength.Type.PercentageLength:
                    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
                    frame.setFormat(table_format)
        page = self.viewport().width() - 2 * doc.documentMargin() - self.MARGIN
        block = doc.begin()
        while block.isValid():
            indent = block.blockFormat().leftMargin()
            if block.textList() is not None:
                indent += block.textList().format().indent() * doc.indentWidth()
            limit = max(120, int(page - indent))
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    self._fit(doc, fragment.position(), fragment.length(),
                              fragment.charFormat().toImageFormat(), limit)
                it += 1
            block = block.next()

    @staticmethod
    def _fit(doc: QTextDocument, position: int, length: int, image: QTextImageFormat, limit: int) -> None:
        natural = doc.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(image.name()))
        if not isinstance(natural, QImage | QPixmap) or natural.width() <= 0:
            return
        width = min(natural.width(), limit)
        if abs(image.width() - width) < 1:
            return
        image.setWidth(width)
        image.setHeight(natural.height() * width / natural.width())
        cursor = QTextCursor(doc)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("用户指南"))
        self.resize(860, 720)
        path = path or guide_path()
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        if path.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
            self.browser.fit_images()
        else:
            self.browser.setPlainText(self.tr("找不到用户指南：") + str(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
