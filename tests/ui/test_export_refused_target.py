"""A refused export target asks again (found by driving the window: exporting onto the data
file was refused, but the save dialog closed and the export had to be started anew)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.ui.scripted import ScriptedDialogs
from tracker.ui.views.main_window import MainWindow

WAIT = 20000


def test_exporting_onto_the_data_file_asks_again_in_that_folder(
        qtbot, window: MainWindow, dialogs: ScriptedDialogs, db_path: Path) -> None:
    good = db_path.parent / "台账.xlsx"
    dialogs.files = [db_path, good]
    window.commands.export_ledger.trigger()
    assert "数据文件本身" in dialogs.said
    first, again = dialogs.suggestions
    assert again == db_path.parent / first.name  # the same folder, the suggested name
    qtbot.waitUntil(lambda: bool(dialogs.offers), timeout=WAIT)
    assert openpyxl.load_workbook(good, read_only=True).sheetnames
    assert len(dialogs.messages) == 1


def test_a_folder_as_target_asks_again_and_cancel_ends_it(
        window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    folder = tmp_path / "像文件名的文件夹.xlsx"
    folder.mkdir()
    dialogs.files = [folder]  # then nothing: the user cancels the second dialog
    window.commands.export_ledger.trigger()
    assert "文件夹" in dialogs.said
    assert len(dialogs.suggestions) == 2 and dialogs.suggestions[1].parent == tmp_path
    assert not window.data_file.busy and not dialogs.offers
    assert len(dialogs.messages) == 1
