"""Ctrl+E with a filter on writes only the items shown; the suggested file name says so, so a
filtered part is not sent upward under the name of the whole year's ledger."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.scripted import ScriptedDialogs
from tests.ui.test_editing import key
from tracker.ui.views.main_window import MainWindow


def test_a_filtered_export_is_not_named_like_the_whole_ledger(
        qtbot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.suggested.name == "2018年度工作台账.xlsx"
    window.filter_bar.search_edit.setText("执法")
    assert window.proxy.is_active()
    key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.suggested.name != "2018年度工作台账.xlsx"
    assert "筛选" in dialogs.suggested.name and dialogs.suggested.suffix == ".xlsx"
