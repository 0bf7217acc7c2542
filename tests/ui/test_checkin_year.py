"""A check-in on a plan whose year is over starts on that year's last day, not today.

In January the office records December's reports on last year's plan; a form that starts at
today's date files them outside the plan year, where no period counts them: December stays
未报送 and the 月报 shows the progress without them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.scripted import ScriptedDialogs
from tests.ui.test_editing import key, select
from tracker.services.periods import PeriodService
from tracker.store import Database
from tracker.ui.dialogs.checkin import CheckInDialog
from tracker.ui.views.main_window import MainWindow


def test_a_checkin_on_a_past_years_plan_counts_for_its_last_period(
        qtbot, window: MainWindow, db: Database, dialogs: ScriptedDialogs) -> None:
    assert dt.date.today().year > 2018  # the default plan is 2018's
    select(window, "3.1")
    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = dialogs.last
    assert isinstance(dialog, CheckInDialog)
    assert dialog.date_edit.text() == "2018-12-31"
    dialog.progress_spin.setValue(80)
    dialog.accept()
    assert not dialog.isVisible()
    missing = [m.code for m in PeriodService(db).missing("2018-12", 2018)]
    assert "3.1" not in missing


def test_a_checkin_in_the_plans_own_year_starts_today(qtbot) -> None:
    today = dt.date(2018, 6, 15)
    dialog = CheckInDialog(None, "1.1", today=today, year=2018)
    qtbot.addWidget(dialog)
    assert dialog.date_edit.text() == "2018-06-15"
