"""English interface: a refusal from below the window (a bad date, a stale undo) is shown in
English, with the user's details, in the form's error label and in the message box."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.test_editing import select
from tracker.app import install_translation
from tracker.services import EditingService, PlanService, Workspace
from tracker.store import Database
from tracker.ui.views.main_window import MainWindow

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translation(qapp, "en")
    assert installed, "tracker_en.qm did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("zh_CN"))


@pytest.fixture
def english_window(english: None, qtbot, db: Database, settings: QSettings) -> MainWindow:
    """The window with its real dialogs (they put service messages into the interface language)."""
    win = MainWindow(Workspace(db, who="测试"), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_bad_deadline_in_the_item_editor_is_refused_in_english(english_window: MainWindow) -> None:
    select(english_window, "2.1")
    editor = english_window.editing.edit_node()
    editor.due_edit.setText("2018-13-01")
    editor.ok_button.click()
    assert editor.isVisible()
    assert editor.error_label.text() == (
        "The deadline “2018-13-01” is not a valid date: write it as YYYY-MM-DD, e.g. 2018-06-30.")
    editor.reject()


def test_a_stale_undo_is_refused_in_english(qtbot, english_window: MainWindow, db: Database) -> None:
    win = english_window
    select(win, "1.1")
    editor = win.editing.edit_node()
    editor.owner_box.setCurrentText("小王")
    editor.ok_button.click()
    assert win.undo_stack.count() == 1
    with Database(db.path) as other:  # the command line, say, changes the same row
        node_id = PlanService(other).view().plan.find("1.1").id
        EditingService(other, who="cli").update(node_id, {"owner": "小李"})
    win.data_file.check_outside_change()

    win.commands.undo.trigger()
    boxes: list[QMessageBox] = []

    def shown() -> None:
        boxes[:] = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
        assert boxes

    qtbot.waitUntil(shown)
    text = boxes[-1].text()
    assert text == ("Cannot undo or redo: the same content has since been changed in another "
                    "window or on the command line. Refresh and try again.")
    assert not CJK.search(boxes[-1].windowTitle())
    boxes[-1].close()
