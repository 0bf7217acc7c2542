"""English interface: the catalogue is complete, loads, and the window speaks it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.scripted import ScriptedDialogs
from tracker.app import TRANSLATIONS_DIR, install_translation
from tracker.services import Workspace
from tracker.store import Database
from tracker.ui.models.plan_tree import Column
from tracker.ui.settings import language
from tracker.ui.views.main_window import MainWindow


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translation(qapp, "en")
    assert installed, "tracker_en.qm did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("zh_CN"))


def test_every_message_has_an_english_translation() -> None:
    ts = (TRANSLATIONS_DIR / "tracker_en.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert len(re.findall("<message>", ts)) > 50


def test_the_compiled_catalogue_is_the_one_the_ts_gives(tmp_path: Path) -> None:
    """The .qm the app loads is what lrelease makes of the .ts (compared by content: a fresh
    clone's file times say nothing about which was written last)."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(TRANSLATIONS_DIR / "tracker_en.ts"), "-qm", str(fresh)],
                   check=True, capture_output=True)
    assert fresh.read_bytes() == (TRANSLATIONS_DIR / "tracker_en.qm").read_bytes(), \
        "run tools/update_translations.py"


def english_window(qtbot, db: Database, settings: QSettings) -> MainWindow:
    win = MainWindow(Workspace(db, who="测试"), settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(win)
    return win


def test_window_speaks_english(english: None, qtbot, db: Database, settings: QSettings) -> None:
    win = english_window(qtbot, db, settings)
    assert win.windowTitle().startswith("Annual Plan Tracker")
    assert win.model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "Task"
    assert win.status_bar.progress_label.text().startswith("Overall progress")
    win.select_node(win.view.plan.find("1.1").id)
    assert "Responsible leader" in win.detail.toPlainText()
    assert "By year end" in win.detail.toPlainText()


def test_menus_speak_english_with_their_accelerators(english: None, qtbot, db: Database,
                                                     settings: QSettings) -> None:
    win = english_window(qtbot, db, settings)
    menus = [a.text() for a in win.menuBar().actions()]
    assert [m.replace("&", "") for m in menus] == ["File", "Edit", "Reporting", "View", "Help"]
    assert all("&" in m for m in menus)  # Alt+F and so on, in English too


def test_language_setting_and_environment(settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACKER_LANG", raising=False)
    assert language(settings) == "zh"
    settings.setValue("language", "en")
    assert language(settings) == "en"
    monkeypatch.setenv("TRACKER_LANG", "zh")
    assert language(settings) == "zh"  # the environment wins for one run
    settings.remove("language")
    monkeypatch.setenv("TRACKER_LANG", "en")
    assert language(settings) == "en"
