"""帮助: the user guide shown inside the app, and the check for a Chinese font.

The guide is Markdown (docs/user-guide.md) rendered by Qt's own QTextBrowser, so it needs no
browser and its screenshots load from beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFontDatabase
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


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("用户指南"))
        self.resize(860, 720)
        path = path or guide_path()
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        if path.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(self.tr("找不到用户指南：") + str(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
