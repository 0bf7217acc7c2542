"""In English the check-in's 进度 (a percentage) and 进展情况 (what was done) must not both read
"Progress": the form and the detail pane would show two fields of the same name."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QLabel

from tests.ui.test_editing import select
from tests.ui.test_english_messages import english, english_window  # noqa: F401  (fixtures)
from tracker.services import TrackingService
from tracker.store import Database
from tracker.ui.dialogs.checkin import CheckInDialog
from tracker.ui.views.main_window import MainWindow


def test_checkin_form_labels_are_distinct_in_english(english: None, qtbot) -> None:  # noqa: F811
    dialog = CheckInDialog(None, "1.1", year=2018)
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    labels = [form.labelForField(w).text() for w in
              (dialog.progress_spin, dialog.progress_text_edit, dialog.problems_edit,
               dialog.next_steps_edit)]
    assert isinstance(form.labelForField(dialog.progress_spin), QLabel)
    assert labels[0] == "Progress"
    assert len(set(labels)) == len(labels), labels


def test_detail_pane_names_the_progress_notes_apart_from_the_percentage(
        english_window: MainWindow, db: Database, settings: QSettings) -> None:  # noqa: F811
    TrackingService(db, who="t").checkin("1.1", 30, note="met the staffing office", date="2018-03-31")
    english_window.reload()
    select(english_window, "1.1")
    text = english_window.detail.toPlainText()
    assert "Progress: met the staffing office" not in text
    assert "met the staffing office" in text


def test_every_skip_reason_has_words_in_chinese_and_english(english: None) -> None:  # noqa: F811
    """The import preview names why each passage is left out; a reason without words would
    raise there, and one without English would show Chinese in an English window."""
    from tracker.domain.model import SkipReason
    from tracker.ui import words

    shown = {reason: words.skip_reason(reason) for reason in SkipReason}
    assert all(reason.label for reason in SkipReason)
    assert all(text.isascii() for text in shown.values()), shown
    assert shown[SkipReason.HEADING] == "plan part heading"
