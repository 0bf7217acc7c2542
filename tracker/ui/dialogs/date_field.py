"""A date typed the way office staff write it, or picked from a calendar.

A line edit, not a QDateEdit: Tab leaves the field instead of walking year → month → day, and
"2018/9/30", "2018.9.30", "9月30日", "6月底" and "年底" are all read (in the plan's year) by the
same `parse_date` the services use. The button beside it (or Alt+Down) opens a calendar.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from tracker.domain.values import parse_date
from tracker.errors import UserError


class DateField(QWidget):
    """`text()` as typed; `date()` parsed (UserError when it is not a date); `edited` on change."""

    edited = Signal()

    def __init__(self, value: dt.date | None = None, *, year: int | None = None,
                 placeholder: str = "", maximum: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = year
        self.maximum = maximum
        self.edit = QLineEdit(value.isoformat() if value else "")
        self.edit.setPlaceholderText(placeholder or self.tr("YYYY-MM-DD，也可写 9月30日、6月底"))
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.edit.editingFinished.connect(self._normalise)
        self.button = QToolButton()
        self.button.setText("…")
        self.button.setToolTip(self.tr("从日历中选择（Alt+↓）"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        QShortcut(QKeySequence("Alt+Down"), self.edit, self.button.showMenu,
                  context=Qt.ShortcutContext.WidgetShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def date(self) -> dt.date | None:
        """The typed date, None when the field is empty; UserError when it cannot be read."""
        if not self.edit.text().strip():
            return None
        return parse_date(self.edit.text(), year=self.year)

    def _prepare_calendar(self) -> None:
        try:
            current = self.date()
        except UserError:
            current = None
        day = current or dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        if self.maximum is not None:
            m = self.maximum
            self.calendar.setMaximumDate(QDate(m.year, m.month, m.day))

    def _picked(self, date: QDate) -> None:
        self.edit.setText(dt.date(date.year(), date.month(), date.day()).isoformat())
        menu = self.button.menu()
        if menu is not None:
            menu.hide()
        self.edit.setFocus()
        self.edited.emit()

    def _normalise(self) -> None:
        """On leaving the field, show "6月底" as the date it was read as (a typo stays as typed,
        for the form to point out)."""
        try:
            value = self.date()
        except UserError:
            return
        if value is not None and self.edit.text() != value.isoformat():
            self.edit.setText(value.isoformat())
