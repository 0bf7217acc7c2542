"""设置 names the data file that is open, also when --db or TRACKER_DB chose it (found by
driving the window started with `--db /tmp/x.db`: the dialog showed the default file instead)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tracker.preferences import Preferences
from tracker.ui.dialogs.settings import SettingsDialog
from tracker.ui.views.main_window import MainWindow


def open_settings(window: MainWindow, dialogs) -> SettingsDialog:
    window.commands.settings.trigger()
    dialog = dialogs.last
    assert isinstance(dialog, SettingsDialog)
    return dialog


def shown_text(dialog: SettingsDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def test_a_file_given_on_the_command_line_is_named_as_the_open_one(
        window: MainWindow, dialogs, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACKER_DB", raising=False)
    dialog = open_settings(window, dialogs)
    text = shown_text(dialog)
    assert str(db_path) in text
    assert "--db" in text and "TRACKER_DB" not in text
    # the saved choice stays editable: it is what a start without --db opens
    assert dialog.data_file.text() == "" and dialog.data_file.isEnabled()


def test_a_file_given_by_the_environment_says_so(
        window: MainWindow, dialogs, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DB", str(db_path))
    text = shown_text(open_settings(window, dialogs))
    assert str(db_path) in text and "TRACKER_DB" in text


def test_the_file_chosen_in_settings_needs_no_note(
        window: MainWindow, dialogs, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACKER_DB", raising=False)
    Preferences(data_file=str(db_path)).save()
    dialog = open_settings(window, dialogs)
    assert dialog.data_file.text() == str(db_path)
    assert "--db" not in shown_text(dialog)
