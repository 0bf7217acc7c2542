"""Editing in the window: the item editor (F2), adding, deleting and moving items (toolbar, keys,
drag and drop), the plan lock with extensions, and the light thresholds. Each test checks both
what the window shows and what the data file holds.

The helpers at the top are shared with test_undo.py, test_checkin_dialog.py and test_wiring.py.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.tables import table_rows
from tests.ui.scripted import ScriptedDialogs
from tracker.services import BaselineService, DepartmentService, PlanService, TrackingService
from tracker.store import Database
from tracker.ui.dialogs.checkin import CheckInDialog
from tracker.ui.dialogs.extension import ExtensionDialog, ThresholdsDialog
from tracker.ui.dialogs.node_editor import NodeEditor
from tracker.ui.models.plan_tree import NODE_MIME, Column
from tracker.ui.views.main_window import MainWindow


def shown(win: MainWindow, code: str, column: Column = Column.TITLE) -> str | None:
    node = win.view.plan.find(code)
    if node is None:
        return None
    return win.proxy.mapFromSource(win.model.index_of(node.id, column)).data()


def select(win: MainWindow, code: str) -> int:
    node = win.view.plan.find(code)
    assert node is not None, code
    assert win.select_node(node.id)
    return node.id


def dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return table_rows(conn)
    finally:
        conn.close()


def codes(win: MainWindow) -> list[tuple[str, str]]:
    return [(n.code, n.title) for n in win.view.plan.walk()]


NO_MODS = Qt.KeyboardModifier.NoModifier


def key(qtbot, win: MainWindow, k: Qt.Key, mods: Qt.KeyboardModifier = NO_MODS) -> None:
    """A key press on the tree, as the user makes it (shortcuts included)."""
    win.activateWindow()
    win.tree.setFocus()
    qtbot.keyClick(win.tree, k, mods)


def stored(db: Database, code: str) -> object:
    return TrackingService(db, who="t").find(code)


def check_in(win: MainWindow, progress: int) -> None:
    """Save a check-in on the selected item through its dialog."""
    dialog = win.editing.add_checkin()
    assert isinstance(dialog, CheckInDialog)
    dialog.progress_spin.setValue(progress)
    dialog.accept()
    assert not dialog.isVisible(), dialog.error_label.text()


# --- the editor -------------------------------------------------------------------------

def test_f2_opens_the_editor_and_saving_changes_tree_pane_and_file(
        qtbot, window: MainWindow, db: Database, dialogs: ScriptedDialogs) -> None:
    DepartmentService(db).add("法制科")
    DepartmentService(db).add("办公室")
    window.reload()
    select(window, "1.2")
    key(qtbot, window, Qt.Key.Key_F2)
    editor = dialogs.last
    assert isinstance(editor, NodeEditor) and editor.isVisible()
    editor.leader_box.setCurrentText("张局长")
    editor.lead_dept_box.setCurrentText("法制科")
    editor.co_depts.set_checked("办公室")
    editor.co_depts.new_edit.setText("执法大队")
    editor.due_edit.setText("2018-09-30")
    editor.ok_button.click()

    node = stored(db, "1.2")
    assert (node.leader, node.lead_dept, node.co_depts) == ("张局长", "法制科", ["办公室", "执法大队"])
    assert node.due == dt.date(2018, 9, 30)
    assert shown(window, "1.2", Column.LEADER) == "张局长"
    assert shown(window, "1.2", Column.CO_DEPTS) == "办公室、执法大队"
    assert shown(window, "1.2", Column.DUE) == "2018-09-30"
    assert window.current_node().code == "1.2"
    assert "责任领导：（空） → 张局长" in window.detail.toPlainText()
    assert window.commands.undo.text() == "撤销(&U) 修改 1.2 的责任领导、牵头科室、配合科室、完成时限"


def test_editor_points_out_a_bad_date_and_stays_open(qtbot, window: MainWindow, db: Database) -> None:
    select(window, "2.1")
    editor = window.editing.edit_node()
    editor.due_edit.setText("2018-13-01")
    editor.ok_button.click()
    assert editor.isVisible()
    assert "不是有效日期" in editor.error_label.text()
    assert stored(db, "2.1").due is None
    assert window.undo_stack.count() == 0


def test_editor_without_changes_pushes_nothing(window: MainWindow) -> None:
    select(window, "2.1")
    editor = window.editing.edit_node()
    editor.ok_button.click()
    assert window.undo_stack.count() == 0


def test_editing_an_area_title(window: MainWindow, db: Database) -> None:
    select(window, "2")
    editor = window.editing.edit_node()
    assert not editor.leader_box.isVisibleTo(editor)  # an area has no leader of its own
    editor.title_edit.setText("强化法制学习和培训")
    editor.ok_button.click()
    assert shown(window, "2") == "强化法制学习和培训"
    assert PlanService(db).view().plan.find("2").title == "强化法制学习和培训"


# --- adding, deleting, moving --------------------------------------------------------------

def test_toolbar_adds_item_subitem_and_area(window: MainWindow, db: Database) -> None:
    old_second = shown(window, "2.2")
    select(window, "2.1")
    window.commands.add_item.trigger()  # after 2.1, in area 2
    assert window.current_node().code == "2.2"
    assert shown(window, "2.2") == "新事项"
    assert shown(window, "2.3") == old_second  # 序号 renumbered
    window.commands.add_subitem.trigger()  # under the new 2.2
    assert window.current_node().code == "2.2.1"
    select(window, "4.1")
    window.commands.add_area.trigger()
    assert window.current_node().code == "5"
    titles = [n.title for n in PlanService(db).view().plan.areas]
    assert titles[-1] == "新工作领域"
    view = PlanService(db).view()
    assert [c.title for c in view.plan.find("2.2").children] == ["新子事项"]
    assert window.undo_stack.count() == 3


def test_delete_asks_first_naming_what_goes(
        qtbot, window: MainWindow, db: Database, dialogs: ScriptedDialogs) -> None:
    TrackingService(db, who="t").checkin("1.2", 30, date="2018-03-31")
    window.reload()
    select(window, "1")
    dialogs.answers = [False]
    key(qtbot, window, Qt.Key.Key_Delete)
    [question] = dialogs.questions
    assert "删除“1 推进法治队伍建设”" in question
    assert "3 个下级事项" in question and "1 条进展填报" in question
    assert len(PlanService(db).view().plan.areas) == 4  # nothing happened

    third = shown(window, "1.3")
    select(window, "1.2")
    window.commands.delete.trigger()  # this time the answer is yes
    assert "1 条进展填报" in dialogs.questions[-1]
    assert [n.code for n in PlanService(db).view().plan.find("1").children] == ["1.1", "1.2"]
    assert shown(window, "1.2") == third and shown(window, "1.3") is None
    assert TrackingService(db).find("1.2").latest is None  # the old 1.3 moved up, with its own data
    assert window.current_node().code == "1"


def test_keys_move_items_and_codes_follow(qtbot, window: MainWindow, db: Database) -> None:
    before = codes(window)
    first, second = before[2][1], before[3][1]  # 1.2 and 1.3
    select(window, "1.3")
    key(qtbot, window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert (shown(window, "1.2"), shown(window, "1.3")) == (second, first)
    assert window.current_node().code == "1.2"
    key(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # under 1.1
    assert shown(window, "1.1.1") == second
    assert window.view.plan.find("1.1.1").kind.value == "subtask"
    key(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back, after 1.1
    assert shown(window, "1.2") == second
    key(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert codes(window) == before
    stored_titles = [n.title for n in PlanService(db).view().plan.find("1").children]
    assert stored_titles == [t for c, t in before if c.startswith("1.")]


def test_outdent_an_item_to_an_area(window: MainWindow, db: Database) -> None:
    select(window, "4.1")
    title = window.current_node().title
    window.commands.outdent.trigger()
    assert shown(window, "5") == title
    assert PlanService(db).view().plan.areas[4].kind.value == "area"


def test_drag_and_drop_moves_through_the_model(window: MainWindow, db: Database) -> None:
    proxy = window.proxy
    area1, area3 = proxy.index(0, 0), proxy.index(2, 0)
    item = proxy.index(0, 0, area1)  # 1.1
    title = item.siblingAtColumn(Column.TITLE).data()
    data = proxy.mimeData([item])
    assert data.hasFormat(NODE_MIME)
    assert proxy.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, area3)
    assert not proxy.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, item)  # onto itself
    proxy.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, area3)  # between 3.1 and 3.2
    assert shown(window, "3.2") == title
    assert PlanService(db).view().plan.find("3.2").title == title
    assert len(PlanService(db).view().plan.find("1").children) == 2
    assert window.commands.undo.text() == "撤销(&U) 移动 1.1"
    window.commands.undo.trigger()
    assert shown(window, "1.1") == title


def test_drop_on_an_empty_place_makes_an_area(window: MainWindow, db: Database) -> None:
    proxy = window.proxy
    item = proxy.index(1, 0, proxy.index(0, 0))  # 1.2
    title = item.siblingAtColumn(Column.TITLE).data()
    proxy.dropMimeData(proxy.mimeData([item]), Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert shown(window, "5") == title


def test_a_refused_move_says_why_and_changes_nothing(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    select(window, "1.1")
    window.commands.add_subitem.trigger()  # 1.1.1
    window.commands.add_subitem.trigger()  # under a sub-item: a fourth level
    assert "最多三级" in dialogs.said
    assert window.undo_stack.count() == 1


# --- the plan lock, extensions, thresholds ---------------------------------------------

def test_after_the_lock_a_new_deadline_asks_for_a_reason(
        window: MainWindow, db: Database, dialogs: ScriptedDialogs) -> None:
    window.commands.lock.trigger()
    assert "锁定 2018 年计划" in dialogs.questions[-1]
    assert PlanService(db).view().plan.locked_at is not None
    assert window.commands.lock.text() == "解除计划锁定(&O)…"

    select(window, "3.1")
    editor = window.editing.edit_node()
    editor.due_edit.setText("2019-03-31")
    editor.ok_button.click()
    ask = dialogs.last
    assert isinstance(ask, ExtensionDialog)
    assert ask.due_edit.text() == "2019-03-31"
    ask.ok_button.click()  # no reason yet
    assert ask.isVisible() and "延期理由" in ask.error_label.text()
    ask.reason_edit.setPlainText("专项检查推迟到春节后")
    ask.ok_button.click()

    node = stored(db, "3.1")
    assert node.due == dt.date(2019, 3, 31) and node.baseline_due == dt.date(2018, 12, 31)
    text = window.detail.toPlainText()
    assert "2019-03-31 （原定 2018-12-31，已延期）" in text
    assert "专项检查推迟到春节后" in text
    assert [e.reason for e in BaselineService(db).extensions(node.id)] == ["专项检查推迟到春节后"]
    assert window.commands.undo.text() == "撤销(&U) 延期 3.1"
    window.commands.undo.trigger()
    assert stored(db, "3.1").due is None
    assert BaselineService(db).extensions(node.id) == []


def test_extend_action_on_a_locked_plan(window: MainWindow, db: Database) -> None:
    BaselineService(db).lock(PlanService(db).view().plan.id)
    window.reload()
    select(window, "2.2")
    assert window.commands.extend.isEnabled()
    dialog = window.editing.extend()
    dialog.due_edit.setText("2019-01-31")
    dialog.reason_edit.setPlainText("培训教材晚到")
    dialog.ok_button.click()
    assert stored(db, "2.2").due == dt.date(2019, 1, 31)


def test_thresholds_dialog_changes_the_lights(
        window: MainWindow, db: Database, dialogs: ScriptedDialogs) -> None:
    window.commands.thresholds.trigger()
    dialog = dialogs.last
    assert isinstance(dialog, ThresholdsDialog)
    dialog.green_spin.setValue(50)
    dialog.yellow_spin.setValue(40)
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.text()  # green above yellow is refused
    dialog.yellow_spin.setValue(80)
    dialog.accept()
    plan = PlanService(db).view().plan
    assert (plan.thresholds.green_max, plan.thresholds.yellow_max) == (50, 80)
    assert window.commands.undo.text() == "撤销(&U) 修改亮灯标准"


@pytest.mark.parametrize("code", ["1", "1.1"])
def test_no_checkin_on_an_item_with_sub_items(window: MainWindow, code: str) -> None:
    select(window, code)
    if code == "1.1":
        window.ws.editing.add(window.current_node_id())
        window.reload()
    assert not window.commands.checkin.isEnabled()


def test_a_refused_extension_keeps_the_dialog_and_the_reason(
        window: MainWindow, db: Database, tmp_path: Path) -> None:
    """Another window deletes the item while the reason is being typed: the save is refused,
    the dialog stays with the date and reason, and nothing lands on the undo stack."""
    from tracker.services import EditingService

    BaselineService(db).lock(PlanService(db).view().plan.id)
    window.reload()
    node_id = select(window, "2.2")
    dialog = window.editing.extend()
    dialog.due_edit.setText("2019-01-31")
    dialog.reason_edit.setPlainText("培训教材晚到")
    EditingService(db, "另一个窗口").delete(node_id)
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.reason_edit.toPlainText() == "培训教材晚到" and dialog.due_edit.text() == "2019-01-31"
    assert "仍在对话框中" in dialog.error_label.text()
    assert window.undo_stack.count() == 0
