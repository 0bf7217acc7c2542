"""GUI fixtures: settings in a tmp folder (never the user's), a main window on a fresh data file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.scripted import ScriptedDialogs
from tracker.services import Workspace
from tracker.store import Database

# The offscreen platform cannot pass size hints on to a window manager and says so; that is
# the test platform talking, not our code.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path) -> None:
    """Any QSettings made without a file name lands in the test's tmp folder."""
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "user-settings"))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(tmp_path / "system-settings"))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "tracker.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def workspace(db: Database) -> Workspace:
    """The session the window holds, on the test's fresh data file (closed with `db`)."""
    return Workspace(db, who="测试")


@pytest.fixture
def window(qtbot, workspace: Workspace, settings: QSettings, dialogs: ScriptedDialogs) -> Iterator:
    from tracker.ui.views.main_window import MainWindow

    win = MainWindow(workspace, settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def dark_palette() -> QPalette:
    """A dark desktop palette (as a dark theme gives), for the contrast tests."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#6cb4ff",
        QPalette.ColorRole.LinkVisited: "#b08cff", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    return pal


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest) -> Iterator[QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QGuiApplication.palette()
    chosen = dark_palette() if request.param == "dark" else app.style().standardPalette()
    app.setPalette(chosen)
    yield chosen
    app.setPalette(before)
