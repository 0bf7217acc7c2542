"""A narrow English window (its words are longer): the toolbar folds buttons behind », but the
year and 当前数据 boxes lead it, so the plan being shown never goes out of sight; the tree keeps
its status and light columns on screen, as in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.ui.test_english_messages import english  # noqa: F401  (fixture)
from tracker.services import Workspace
from tracker.store import Database
from tracker.ui.models.plan_tree import Column
from tracker.ui.views.main_window import MainWindow


def test_the_year_box_and_the_lights_stay_in_sight_at_1024_in_english(
        request: pytest.FixtureRequest, qtbot, db: Database, settings: QSettings) -> None:
    request.getfixturevalue("english")
    workspace = Workspace(db, who="测试")
    workspace.reports.carry_over(2018, 2019)  # two plans: the year box shows
    win = MainWindow(workspace, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.resize(1024, 700)  # a small laptop
    qtbot.waitUntil(lambda: win.width() == 1024)
    bar = win.commands.toolbar
    year = bar.widgetForAction(win.commands.year_action)
    for box in (year, win.period_desk.as_of_combo):
        assert box.isVisible() and bar.rect().contains(box.mapTo(bar, box.rect().bottomRight()))
    assert bar.actions()[0] is win.commands.year_action
    header = win.tree.header()
    for column in (Column.STATUS, Column.LIGHT):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= win.tree.viewport().width(), column


def test_column_widths_are_kept_per_language(
        request: pytest.FixtureRequest, qtbot, db: Database, settings: QSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Narrow Chinese columns saved on closing do not cut off the English headers after a
    switch to English; switching back gives the Chinese widths the user left."""
    monkeypatch.delenv("TRACKER_LANG", raising=False)
    chinese = MainWindow(Workspace(db, who="测试"), settings)
    qtbot.addWidget(chinese)
    chinese.show()
    chinese.tree.setColumnWidth(Column.LEAD_DEPT, 70)  # just 牵头科室
    chinese.close()  # saves the layout

    request.getfixturevalue("english")
    settings.setValue("language", "en")
    en_window = MainWindow(Workspace(db, who="测试"), settings)
    qtbot.addWidget(en_window)
    en_window.show()
    header = en_window.tree.header()
    words = en_window.model.headerData(Column.LEAD_DEPT, Qt.Orientation.Horizontal)
    assert words != "牵头科室"
    assert en_window.tree.columnWidth(Column.LEAD_DEPT) >= header.fontMetrics().horizontalAdvance(words) + 12
    en_window.close()

    settings.setValue("language", "zh")
    again = MainWindow(Workspace(db, who="测试"), settings)
    qtbot.addWidget(again)
    assert again.tree.columnWidth(Column.LEAD_DEPT) == 70
