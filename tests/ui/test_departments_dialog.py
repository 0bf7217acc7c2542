"""The department and people dialog on real widgets: each operation changes the data file, and the
undo stack takes it back exactly. Its forms are real; its yes/no questions are answered by the
scripted dialog service."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from tests.ui.scripted import ScriptedDialogs
from tracker.services import DepartmentService, EditingService, PlanService, Workspace
from tracker.store import Database
from tracker.ui.dialogs.departments import DepartmentsDialog
from tracker.ui.dialogs.form import FormDialog

LEFT = Qt.MouseButton.LeftButton


def dump(db: Database) -> dict[str, list]:
    """Every row of every table but the change log (undo appends to it)."""
    c = db.read()
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: sorted((tuple(r) for r in c.execute(f"SELECT * FROM {t}")), key=repr)
            for t in tables if t != "change_log"}


def item(db: Database, code: str):
    return PlanService(db).view().plan.find(code)


@pytest.fixture
def assigned(db: Database) -> Database:
    editing = EditingService(db, who="office")
    editing.update(item(db, "1.1").id, {"lead_dept": "法制科", "co_depts": "办公室、政策法规科"})
    editing.update(item(db, "1.2").id, {"lead_dept": "政策法规科", "co_depts": "法制科"})
    editing.update(item(db, "2.1").id, {"lead_dept": "办公室", "co_depts": "政策法规科、法制科、科技科"})
    depts = {d.name: d.id for d in DepartmentService(db).departments()}
    DepartmentService(db, who="office").add_person("王五", depts["政策法规科"], "科长")
    return db


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def dialog(qtbot, assigned: Database, workspace: Workspace, stack: QUndoStack,
           dialogs: ScriptedDialogs) -> DepartmentsDialog:
    d = DepartmentsDialog(None, workspace.departments, stack, dialogs)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def pick(table, name: str) -> None:
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    table.selectRow(row)


def open_form(dialog: DepartmentsDialog) -> FormDialog:
    """The form a button opened (they open one at a time)."""
    [form] = [f for f in dialog.findChildren(FormDialog) if f.isVisible()]
    return form


def fill_and_ok(qtbot, form, **fields: str) -> None:
    assert isinstance(form, FormDialog) and form.isVisible()
    for name, value in fields.items():
        widget = form.findChild(QLineEdit, name) or form.findChild(QComboBox, name)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findText(value))
        else:
            widget.setText(value)
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def test_lists_departments_with_counts_and_people(dialog: DepartmentsDialog) -> None:
    assert rows(dialog.dept_table) == [
        ["办公室", "1", "1", "0"], ["法制科", "1", "2", "0"],  # pinyin order
        ["科技科", "0", "1", "0"], ["政策法规科", "1", "2", "1"],
    ]
    assert rows(dialog.people_table) == [["王五", "政策法规科", "科长"]]


def test_add_then_undo_and_redo_through_the_stack(qtbot, dialog, assigned, stack) -> None:
    start = dump(assigned)
    qtbot.mouseClick(dialog.add_dept_button, LEFT)
    with qtbot.waitSignal(dialog.changed) as signal:
        fill_and_ok(qtbot, open_form(dialog), nameEdit=" 人事科 ")
    assert signal.args == [[]]
    assert "人事科" in [d.name for d in DepartmentService(assigned).departments()]
    assert "人事科" in [r[0] for r in rows(dialog.dept_table)]
    assert stack.undoText() == "添加科室“人事科”"
    stack.undo()
    assert dump(assigned) == start
    assert "人事科" not in [r[0] for r in rows(dialog.dept_table)]
    stack.redo()
    assert "人事科" in [d.name for d in DepartmentService(assigned).departments()]


def test_a_taken_name_is_refused_inside_the_form(qtbot, dialog, assigned, stack) -> None:
    start = dump(assigned)
    form = dialog.ask_add_department()
    fill_and_ok(qtbot, form, nameEdit="法制科")
    assert form.isVisible() and "已存在" in form.error.text()
    assert stack.count() == 0 and dump(assigned) == start


def test_rename_reaches_every_item_and_undoes(qtbot, dialog, assigned, stack) -> None:
    start = dump(assigned)
    pick(dialog.dept_table, "法制科")
    dialog.dept_table.setFocus()
    qtbot.keyClick(dialog.dept_table, Qt.Key.Key_F2)
    with qtbot.waitSignal(dialog.changed) as signal:
        fill_and_ok(qtbot, open_form(dialog), nameEdit="政策法制科")
    assert set(signal.args[0]) == {item(assigned, c).id for c in ("1.1", "1.2", "2.1")}
    assert item(assigned, "1.1").lead_dept == "政策法制科"
    stack.undo()
    assert dump(assigned) == start and item(assigned, "1.1").lead_dept == "法制科"


def test_merge_asks_then_moves_items_and_people(qtbot, dialog, assigned, stack, dialogs) -> None:
    start = dump(assigned)
    pick(dialog.dept_table, "政策法规科")
    qtbot.mouseClick(dialog.merge_button, LEFT)
    dialogs.answers = [False]  # changed my mind: nothing happens
    fill_and_ok(qtbot, open_form(dialog), targetCombo="法制科")
    assert "1 项牵头、2 项配合工作和 1 名人员" in dialogs.questions[-1]
    assert dump(assigned) == start and stack.count() == 0

    qtbot.mouseClick(dialog.merge_button, LEFT)
    fill_and_ok(qtbot, open_form(dialog), targetCombo="法制科")  # and yes
    assert len(dialogs.questions) == 2
    assert "政策法规科" not in [d.name for d in DepartmentService(assigned).departments()]
    assert item(assigned, "1.2").lead_dept == "法制科"
    assert rows(dialog.people_table) == [["王五", "法制科", "科长"]]
    stack.undo()
    assert dump(assigned) == start


def test_delete_with_reassignment(qtbot, dialog, assigned, stack, dialogs) -> None:
    start = dump(assigned)
    pick(dialog.dept_table, "办公室")
    qtbot.mouseClick(dialog.delete_dept_button, LEFT)
    fill_and_ok(qtbot, open_form(dialog), targetCombo="科技科")  # asked, and yes
    assert item(assigned, "2.1").lead_dept == "科技科"
    assert item(assigned, "1.1").co_depts == ["科技科", "政策法规科"]
    assert "转给“科技科”" in dialogs.questions[-1]
    assert stack.undoText() == "删除科室“办公室”"
    stack.undo()
    assert dump(assigned) == start


def test_delete_to_no_department_and_an_unused_one(qtbot, dialog, assigned, stack, dialogs) -> None:
    pick(dialog.dept_table, "科技科")
    form = dialog.ask_delete_department()
    fill_and_ok(qtbot, form, targetCombo="不转交（清空这些事项的科室）")
    assert "清空" in dialogs.questions[-1]
    assert item(assigned, "2.1").co_depts == ["政策法规科", "法制科"]
    dialog.add_department("人事科")
    pick(dialog.dept_table, "人事科")
    assert dialog.ask_delete_department() is None  # nothing to hand over: no form …
    assert dialogs.questions[-1] == "确定删除科室“人事科”吗？"  # … only the confirmation
    assert {"科技科", "人事科"}.isdisjoint(d.name for d in DepartmentService(assigned).departments())
    for _ in range(3):
        stack.undo()
    assert item(assigned, "2.1").co_depts == ["政策法规科", "法制科", "科技科"]


def test_people_add_edit_delete_each_undone(qtbot, dialog, assigned, stack, dialogs) -> None:
    start = dump(assigned)
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_person_button, LEFT)
    fill_and_ok(qtbot, open_form(dialog), nameEdit="张三", deptCombo="法制科", roleEdit="科员")
    assert ["张三", "法制科", "科员"] in rows(dialog.people_table)
    pick(dialog.people_table, "张三")
    qtbot.mouseClick(dialog.edit_person_button, LEFT)
    fill_and_ok(qtbot, open_form(dialog), nameEdit="张叁", deptCombo="（未分科室）")
    people = DepartmentService(assigned).people()
    assert [(p.name, p.dept) for p in people if p.role == "科员"] == [("张叁", "")]
    pick(dialog.people_table, "张叁")
    qtbot.mouseClick(dialog.delete_person_button, LEFT)  # asked, and yes
    assert "张叁" in dialogs.questions[-1]
    assert [p.name for p in DepartmentService(assigned).people()] == ["王五"]
    assert stack.count() == 3
    while stack.canUndo():
        stack.undo()
    assert dump(assigned) == start


def test_without_a_stack_operations_apply_directly(qtbot, assigned: Database, workspace: Workspace,
                                                   dialogs: ScriptedDialogs) -> None:
    d = DepartmentsDialog(None, workspace.departments, None, dialogs)
    qtbot.addWidget(d)
    assert d.add_department("人事科") is None
    assert d.add_department("人事科") is not None  # refused, in words
    assert "人事科" in [r[0] for r in rows(d.dept_table)]


def test_an_undo_refused_after_an_outside_change_is_reported(qtbot, dialog, assigned, stack, dialogs) -> None:
    dialog.add_department("人事科")
    dept_id = next(d.id for d in DepartmentService(assigned).departments() if d.name == "人事科")
    DepartmentService(assigned).rename(dept_id, "人力资源科")  # another window
    stack.undo()
    assert "无法撤销" in dialogs.said
    assert stack.count() == 0  # the stale command is dropped
    assert "人力资源科" in [d.name for d in DepartmentService(assigned).departments()]
