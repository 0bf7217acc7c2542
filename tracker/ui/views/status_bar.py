"""The main window's status bar: the plan's totals, the file's notices and the filter in words.

Its own widget so the window only says what to show (`show_totals`, `show_notices`,
`show_filter`) and the bar keeps its labels, their colours and their order. It recolours itself
when the palette changes (the desktop switched to dark), since those colours are ours, not Qt's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from tracker.services import PlanView
from tracker.ui import theme, words


class StatusBar(QStatusBar):
    """`login`: a permanent last word (who is logged in to a server), or None on a file."""

    def __init__(self, login: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: PlanView | None = None  # whose totals are shown, to recolour them
        self.notice_label = _label("noticeLabel")
        self.addWidget(self.notice_label, 1)
        # the filter in words, kept in view while it is on (a passing message would be replaced
        # by the next menu hint or notice, leaving a filtered tree that looks like the whole plan)
        self.filter_label = _label("filterLabel", margin=8)
        self.filter_label.hide()
        self.addPermanentWidget(self.filter_label)
        self.progress_label = _label("progressLabel", margin=8)
        self.expected_label = _label("expectedLabel", margin=8)
        self.lights_label = _label("lightsLabel", margin=8)
        self.lights_label.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.progress_label, self.expected_label, self.lights_label):
            self.addPermanentWidget(label)
        if login is not None:
            self.addPermanentWidget(login)

    def show_totals(self, view: PlanView | None) -> None:
        """Overall and expected progress and the count per light of the shown plan."""
        self._view = view
        if view is None:
            for label in (self.progress_label, self.expected_label, self.lights_label):
                label.clear()
            return
        self.progress_label.setText(self.tr("总进度 {0}").format(words.percent(view.progress)))
        self.expected_label.setText(self.tr("序时进度 {0}").format(words.percent(view.expected)))
        self.expected_label.setToolTip(self.tr("按时间推算今天应达到的进度"))
        counts = view.light_counts
        parts = [f"<span style='color:{theme.light_color(light, self.palette()).name()}'>●</span>"
                 f"{words.light_short(light)} {counts[light]}" for light in words.LIGHT_ORDER]
        self.lights_label.setText("&nbsp;&nbsp;".join(parts))
        self.lights_label.setToolTip("\n".join(
            f"{words.light_name(light)}：{counts[light]}" for light in words.LIGHT_ORDER))

    def show_notices(self, text: str) -> None:
        """The file's standing notices (read-only, a newer program's file), one per "；"."""
        self.notice_label.setText(text)
        self.notice_label.setToolTip(text.replace("；", "\n"))
        self.notice_label.setStyleSheet(f"color:{self._warning()}")

    def show_filter(self, summary: str) -> None:
        """The filter in words while one is on; hidden ("") when the whole plan shows."""
        self.filter_label.setText(summary)
        self.filter_label.setToolTip(summary)
        self.filter_label.setStyleSheet(f"color:{self._warning()}")
        self.filter_label.setVisible(bool(summary))

    def _warning(self) -> str:
        return theme.warning_text(self.palette()).name()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.show_totals(self._view)
            self.show_notices(self.notice_label.text())
            self.show_filter(self.filter_label.text())


def _label(name: str, margin: int = 0) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setContentsMargins(margin, 0, margin, 0)
    return label
