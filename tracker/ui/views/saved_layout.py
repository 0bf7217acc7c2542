"""The window's size, toolbars, splitter and tree columns, kept in the settings across runs.

Apart from the window so the one settings group and its four keys live in one place. It is given
the Qt parts it saves (the window as a plain `QMainWindow`, the splitter, the tree's header),
not the plan window itself.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

SETTINGS_GROUP = "main_window"
DEFAULT_SIZE = (1400, 800)  # shrunk to fit a smaller screen


class SavedLayout:
    def __init__(self, settings: QSettings, window: QMainWindow, splitter: QSplitter,
                 header: QHeaderView, language: str = "zh") -> None:
        self.settings = settings
        self.window = window
        self.splitter = splitter
        self.header = header
        # column widths are kept per interface language: English headers are wider, and
        # Chinese widths would cut them off after a switch (the first English run fits them)
        self._header_key = "header" if language == "zh" else f"header_{language}"

    def restore(self) -> bool:
        """Put back what the last run saved; False on a first run (no column widths kept), so
        the caller sets its own."""
        s = self.settings
        s.beginGroup(SETTINGS_GROUP)
        try:
            geometry = s.value("geometry")
            if isinstance(geometry, QByteArray) and not geometry.isEmpty():
                self.window.restoreGeometry(geometry)
            else:
                self._default_size()
            state = s.value("state")
            if isinstance(state, QByteArray):
                self.window.restoreState(state)
            splitter = s.value("splitter")
            if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
                width = self.window.width()
                self.splitter.setSizes([width * 3 // 4, width // 4])  # as the stretch factors
            header = s.value(self._header_key)
            return isinstance(header, QByteArray) and self.header.restoreState(header)
        finally:
            s.endGroup()

    def save(self) -> None:
        s = self.settings
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("geometry", self.window.saveGeometry())
        s.setValue("state", self.window.saveState())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue(self._header_key, self.header.saveState())
        s.endGroup()
        s.sync()

    def _default_size(self) -> None:
        screen = self.window.screen().availableGeometry() if self.window.screen() else None
        width, height = DEFAULT_SIZE
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.window.resize(width, height)
