"""At 1024×700 (and in English, whose words are longer) the filter bar must not squeeze its
search box and combos below their own size: it takes a second row instead."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from tests.ui.test_english_messages import english  # noqa: F401  (fixture)
from tracker.services import Workspace
from tracker.store import Database
from tracker.ui.views.filter_bar import FilterBar
from tracker.ui.views.main_window import MainWindow


def _parts(bar: FilterBar) -> list[QWidget]:
    return [bar.search_edit, bar.dept_combo, bar.cooperating_check, bar.leader_combo,
            bar.light_combo, bar.status_combo, bar.overdue_check, bar.due_month_check,
            bar.clear_button]


def _check(qtbot, win: MainWindow, width: int, height: int) -> FilterBar:
    win.resize(width, height)
    qtbot.wait(50)
    bar = win.filter_bar
    parts = _parts(bar)
    for w in parts:
        assert w.width() >= w.minimumSizeHint().width(), (w.objectName(), w.width())
        assert bar.rect().contains(w.geometry()), w.objectName()
    for i, a in enumerate(parts):
        for b in parts[i + 1:]:
            assert not a.geometry().intersects(b.geometry()), (a.objectName(), b.objectName())
    assert bar.search_edit.width() >= 160
    return bar


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_filter_bar_fits_a_small_and_a_large_window(
        request: pytest.FixtureRequest, language: str, qtbot, db: Database, settings: QSettings) -> None:
    if language == "en":
        request.getfixturevalue("english")
    win = MainWindow(Workspace(db, who="测试"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    _check(qtbot, win, 1024, 700)
    bar = _check(qtbot, win, 1900, 1000)
    assert len({w.geometry().center().y() for w in (bar.search_edit, bar.dept_combo)}) == 1  # one row
