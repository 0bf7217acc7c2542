"""Undo and redo in the window: every kind of edit comes back exactly (the data file compared
table by table), the Edit menu names the step, and a step refused as stale is shown, not raised.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt

from tests.ui.scripted import ScriptedDialogs
from tests.ui.test_editing import check_in, codes, dump, key, select, shown
from tracker.services import STALE, EditingService, PlanService, TrackingService, Workspace
from tracker.store import Database
from tracker.ui.views.main_window import MainWindow


def edit_sequence(win: MainWindow) -> None:
    """One of each kind of edit, through the window's own paths."""
    select(win, "1.2")
    editor = win.editing.edit_node()
    editor.leader_box.setCurrentText("张局长")
    editor.co_depts.new_edit.setText("法制科、办公室")
    editor.ok_button.click()
    select(win, "2.1")
    dialog = win.editing.add_checkin()
    dialog.progress_spin.setValue(40)
    dialog.progress_text_edit.setPlainText("培训一期")
    dialog.accept()
    win.commands.add_item.trigger()
    win.commands.move_up.trigger()
    select(win, "3.2")
    win.commands.indent.trigger()
    select(win, "4")
    win.commands.delete.trigger()  # the scripted dialogs answer yes
    win.commands.lock.trigger()


def test_undo_all_restores_the_exact_file_and_redo_all_replays_it(
        qtbot, window: MainWindow, db: Database) -> None:
    start = dump(db.path)
    start_codes = codes(window)
    edit_sequence(window)
    after = dump(db.path)
    after_codes = codes(window)
    assert window.undo_stack.count() == 7
    assert after != start

    for _ in range(window.undo_stack.count()):
        key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dump(db.path) == start
    assert codes(window) == start_codes
    assert not window.commands.undo.isEnabled()

    for n in range(window.undo_stack.count()):
        mods = Qt.KeyboardModifier.ControlModifier
        if n % 2:  # both redo keys
            key(qtbot, window, Qt.Key.Key_Y, mods)
        else:
            key(qtbot, window, Qt.Key.Key_Z, mods | Qt.KeyboardModifier.ShiftModifier)
    assert dump(db.path) == after
    assert codes(window) == after_codes


def test_edit_menu_names_what_will_be_undone(window: MainWindow) -> None:
    assert window.commands.undo.text() == "撤销(&U)"
    assert window.commands.undo in window.commands.edit_menu.actions()
    select(window, "2.2")
    dialog = window.editing.add_checkin()
    dialog.progress_spin.setValue(10)
    dialog.accept()
    assert window.commands.undo.text() == "撤销(&U) 填报 2.2 的进展"
    window.commands.undo.trigger()
    assert window.commands.redo.text() == "重做(&R) 填报 2.2 的进展"
    assert shown(window, "2.2") is not None and window.current_node().code == "2.2"
    keys = [k.toString() for k in window.commands.redo.shortcuts()]
    assert keys == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert window.commands.undo.shortcut().toString() == "Ctrl+Z"


def test_a_stale_undo_is_refused_shown_and_dropped(window: MainWindow, db: Database,
                                                   dialogs: ScriptedDialogs) -> None:
    select(window, "1.1")
    editor = window.editing.edit_node()
    editor.owner_box.setCurrentText("小王")
    editor.ok_button.click()
    select(window, "2.1")
    check_in(window, 10)
    assert window.undo_stack.count() == 2

    with Database(db.path) as other:  # the command line, say, changes the same row
        node_id = PlanService(other).view().plan.find("1.1").id
        EditingService(other, who="cli").update(node_id, {"owner": "小李"})
    window.data_file.check_outside_change()
    assert shown(window, "1.1") is not None

    window.commands.undo.trigger()  # undo the check-in: its rows are untouched, so it works
    assert TrackingService(db).find("2.1").latest is None
    window.commands.undo.trigger()  # undo the owner edit: refused
    assert dialogs.said == STALE
    assert TrackingService(db).find("1.1").owner == "小李"  # the other writer's value stands
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 0
    assert window.commands.redo.text() == "重做(&R) 填报 2.1 的进展"
    window.commands.redo.trigger()
    assert TrackingService(db).find("2.1").latest.progress == 10


OPS = st.lists(st.sampled_from(["add", "sub", "up", "down", "indent", "outdent", "edit", "checkin",
                                "delete"]), min_size=1, max_size=8)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS, picks=st.lists(st.integers(0, 30), min_size=8, max_size=8))
def test_any_sequence_of_window_edits_undoes_exactly(
        qtbot, tmp_path_factory, ops: list[str], picks: list[int]) -> None:
    from tracker.services import open_database

    folder = tmp_path_factory.mktemp("seq")
    db = open_database(folder / "tracker.db")
    win = MainWindow(Workspace(db, who="测试"), QSettings(str(folder / "t.ini"), QSettings.Format.IniFormat),
                     dialogs=ScriptedDialogs())
    qtbot.addWidget(win)
    try:
        start = dump(db.path)
        for op, pick in zip(ops, picks, strict=False):
            nodes = [n for n in win.view.plan.walk()]
            win.select_node(nodes[pick % len(nodes)].id)
            node = win.current_node()
            if op == "add":
                win.commands.add_item.trigger()
            elif op == "sub":
                win.commands.add_subitem.trigger()
            elif op == "up":
                win.commands.move_up.trigger()
            elif op == "down":
                win.commands.move_down.trigger()
            elif op == "indent":
                win.commands.indent.trigger()
            elif op == "outdent":
                win.commands.outdent.trigger()
            elif op == "edit":
                editor = win.editing.edit_node()
                editor.title_edit.setText(f"改 {pick}")
                editor.due_edit.setText(dt.date(2018, 1 + pick % 12, 1).isoformat())
                editor.ok_button.click()
            elif op == "checkin" and not node.children:
                dialog = win.editing.add_checkin()
                dialog.progress_spin.setValue(pick * 3)
                dialog.progress_text_edit.setPlainText(f"第 {pick} 次")
                dialog.accept()
                if dialog.isVisible():  # a lower progress asks once more
                    dialog.accept()
            elif op == "delete":
                win.commands.delete.trigger()
        while win.undo_stack.canUndo():
            win.undo_stack.undo()
        assert dump(db.path) == start
    finally:
        win.close()
        db.close()
