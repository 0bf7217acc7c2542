"""编辑→科室和人员…: the department list (add, rename, merge, delete with reassignment) and the people.

Every operation is one DepartmentService call. With an undo stack each one is pushed as an
EditCommand (tracker.ui.commands), so Ctrl+Z in the window (or in this dialog) takes it back; the
session tells the window what changed. 上移/下移 put the list in the bureau's own order, which
every list of departments then follows (else pinyin order).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker.services import Department, DepartmentService, Person, UserError
from tracker.ui.commands import EditCommand
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.dialogs.form import FormDialog
from tracker.ui.ordering import departments_in_order, pinyin_key

ID_ROLE = Qt.ItemDataRole.UserRole


class DepartmentsDialog(QDialog):
    changed = Signal(list)  # ids of the items whose departments changed (may be empty)

    def __init__(self, parent: QWidget | None, service: DepartmentService,
                 undo_stack: QUndoStack | None, dialogs: Dialogs) -> None:
        super().__init__(parent)
        self.setObjectName("departmentsDialog")
        self.service = service
        self.undo_stack = undo_stack
        self.dialogs = dialogs.within(self)
        self.departments: list[Department] = []
        self.people: list[Person] = []
        self.setWindowTitle(self.tr("科室和人员"))
        self.resize(620, 440)

        self.dept_table = self._table([self.tr("科室"), self.tr("牵头事项"), self.tr("配合事项"),
                                       self.tr("人员")])
        self.dept_table.itemDoubleClicked.connect(lambda _item: self.ask_rename_department())
        self.add_dept_button = self._button(self.tr("添加…"), self.ask_add_department)
        self.rename_dept_button = self._button(self.tr("重命名…"), self.ask_rename_department)
        self.merge_button = self._button(self.tr("合并到…"), self.ask_merge)
        self.delete_dept_button = self._button(self.tr("删除…"), self.ask_delete_department)
        self.up_button = self._button(self.tr("上移"), lambda: self.move_department(-1))
        self.down_button = self._button(self.tr("下移"), lambda: self.move_department(+1))
        for button in (self.up_button, self.down_button):
            button.setToolTip(self.tr("按本单位习惯排列科室；各处的科室列表都按此顺序"))
        depts_page = self._page(self.dept_table, [self.add_dept_button, self.rename_dept_button,
                                                  self.merge_button, self.delete_dept_button,
                                                  self.up_button, self.down_button])

        self.people_table = self._table([self.tr("姓名"), self.tr("科室"), self.tr("职务")])
        self.people_table.itemDoubleClicked.connect(lambda _item: self.ask_edit_person())
        self.add_person_button = self._button(self.tr("添加…"), self.ask_add_person)
        self.edit_person_button = self._button(self.tr("修改…"), self.ask_edit_person)
        self.delete_person_button = self._button(self.tr("删除…"), self.ask_delete_person)
        people_page = self._page(self.people_table, [self.add_person_button, self.edit_person_button,
                                                     self.delete_person_button])

        self.tabs = QTabWidget()
        self.tabs.addTab(depts_page, self.tr("科室"))
        self.tabs.addTab(people_page, self.tr("人员"))
        for table, rename, delete in ((self.dept_table, self.ask_rename_department,
                                       self.ask_delete_department),
                                      (self.people_table, self.ask_edit_person, self.ask_delete_person)):
            for key, slot in ((QKeySequence(Qt.Key.Key_F2), rename),
                              (QKeySequence(QKeySequence.StandardKey.Delete), delete)):
                action = QAction(table)
                action.setShortcut(key)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                table.addAction(action)

        bottom = QHBoxLayout()
        if undo_stack is not None:
            self.undo_action = undo_stack.createUndoAction(self, self.tr("撤销"))
            self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
            self.redo_action = undo_stack.createRedoAction(self, self.tr("重做"))
            self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
            for action in (self.undo_action, self.redo_action):
                self.addAction(action)
                tool = QToolButton()
                tool.setDefaultAction(action)
                bottom.addWidget(tool)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        self.refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._update_buttons)
        return table

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    def _page(self, table: QTableWidget, buttons: list[QPushButton]) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.addWidget(table, 1)
        column = QVBoxLayout()
        for button in buttons:
            column.addWidget(button)
        column.addStretch(1)
        row.addLayout(column)
        return page

    # --- lists ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read both lists, keeping the selected rows."""
        try:
            departments, people = self.service.departments(), self.service.people()
        except UserError as exc:
            self._tell(str(exc))
            return
        self.departments = departments_in_order(departments)
        rank = {d.name: n for n, d in enumerate(self.departments)}
        self.people = sorted(people, key=lambda p: (rank.get(p.dept, len(rank)), pinyin_key(p.name)))
        self._fill(self.dept_table, [(d.id, [d.name, str(d.leads), str(d.cooperates), str(d.people)])
                                     for d in self.departments])
        self._fill(self.people_table, [(p.id, [p.name, p.dept or self.tr("（未分科室）"), p.role])
                                       for p in self.people])
        self._update_buttons()

    def _fill(self, table: QTableWidget, rows: list[tuple[int, list[str]]]) -> None:
        chosen = self._chosen(table)
        table.setRowCount(len(rows))
        for r, (row_id, cells) in enumerate(rows):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row_id)
                if col > 0 and text.isdigit():
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(r, col, item)
            if row_id == chosen:
                table.selectRow(r)

    @staticmethod
    def _chosen(table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def _update_buttons(self) -> None:
        has_dept = self._chosen(self.dept_table) is not None
        for button in (self.rename_dept_button, self.merge_button, self.delete_dept_button):
            button.setEnabled(has_dept)
        self.merge_button.setEnabled(has_dept and len(self.departments) > 1)
        row = self._dept_row()
        self.up_button.setEnabled(has_dept and row > 0)
        self.down_button.setEnabled(has_dept and 0 <= row < len(self.departments) - 1)
        has_person = self._chosen(self.people_table) is not None
        self.edit_person_button.setEnabled(has_person)
        self.delete_person_button.setEnabled(has_person)

    def _dept_row(self) -> int:
        chosen = self._chosen(self.dept_table)
        return next((n for n, d in enumerate(self.departments) if d.id == chosen), -1)

    def _department(self, dept_id: int | None) -> Department | None:
        return next((d for d in self.departments if d.id == dept_id), None)

    def _person(self, person_id: int | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    # --- operations (one service call each; through the stack when there is one) ----------

    def move_department(self, delta: int) -> str | None:
        """Move the selected department up (-1) or down (+1) in the bureau's order."""
        row = self._dept_row()
        target = row + delta
        if row < 0 or not 0 <= target < len(self.departments):
            return None
        ids = [d.id for d in self.departments]
        ids[row], ids[target] = ids[target], ids[row]
        name = self.departments[row].name
        return self._run(self.tr("调整科室“{0}”的顺序").format(name), lambda: self.service.arrange(ids))

    def add_department(self, name: str) -> str | None:
        return self._run(self.tr("添加科室“{0}”").format(name.strip()), lambda: self.service.add(name))

    def rename_department(self, dept_id: int, name: str) -> str | None:
        old = self._department(dept_id)
        text = self.tr("重命名科室“{0}”为“{1}”").format(old.name if old else "", name.strip())
        return self._run(text, lambda: self.service.rename(dept_id, name))

    def merge_departments(self, source_id: int, target_id: int) -> str | None:
        source, target = self._department(source_id), self._department(target_id)
        text = self.tr("把科室“{0}”并入“{1}”").format(source.name if source else "",
                                                      target.name if target else "")
        return self._run(text, lambda: self.service.merge(source_id, target_id))

    def delete_department(self, dept_id: int, reassign_to: int | None = None) -> str | None:
        dept = self._department(dept_id)
        text = self.tr("删除科室“{0}”").format(dept.name if dept else "")
        return self._run(text, lambda: self.service.delete(dept_id, reassign_to))

    def add_person(self, name: str, dept_id: int | None, role: str = "") -> str | None:
        return self._run(self.tr("添加人员“{0}”").format(name.strip()),
                         lambda: self.service.add_person(name, dept_id, role))

    def update_person(self, person_id: int, name: str, dept_id: int | None, role: str) -> str | None:
        return self._run(self.tr("修改人员“{0}”").format(name.strip()),
                         lambda: self.service.update_person(person_id, name=name, dept_id=dept_id, role=role))

    def delete_person(self, person_id: int) -> str | None:
        person = self._person(person_id)
        return self._run(self.tr("删除人员“{0}”").format(person.name if person else ""),
                         lambda: self.service.delete_person(person_id))

    def _run(self, text: str, run: Callable[[], Any]) -> str | None:
        """Do one operation; returns the refusal in words, or None when it was done."""
        if self.undo_stack is None:
            try:
                change = run()
            except UserError as exc:
                return str(exc)
            self._done(change)
            return None
        # a first run's refusal is shown by the form that asked; a refused undo/redo is told here
        command = EditCommand(text, self.service, run, lambda change, _forward: self._done(change),
                              lambda message: self._tell(message) if command.change is not None else None)
        self.undo_stack.push(command)
        return command.error

    def _done(self, change: Any) -> None:
        self.refresh()
        self.changed.emit(sorted(getattr(change, "node_ids", ())))

    def _tell(self, message: str) -> None:
        self.dialogs.message(Level.WARNING, self.tr("科室和人员"), message)

    # --- asking (forms and confirmations, all opened with open()) -------------------------

    def _form(self, title: str, intro: str = "") -> FormDialog:
        form = FormDialog(self, title, intro)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return form

    def _confirm(self, title: str, text: str, yes: Callable[[], object]) -> None:
        def answered() -> None:
            message = yes()
            if isinstance(message, str) and message:
                self._tell(message)

        self.dialogs.confirm(title, text, answered)

    def _name_form(self, title: str, label: str, value: str,
                   submit: Callable[[str], str | None]) -> FormDialog:
        form = self._form(title)
        edit = QLineEdit(value)
        edit.setObjectName("nameEdit")
        edit.selectAll()
        form.form.addRow(label, edit)
        form.submit = lambda: submit(edit.text())
        form.open()
        return form

    def ask_add_department(self) -> FormDialog:
        return self._name_form(self.tr("添加科室"), self.tr("科室名称："), "", self.add_department)

    def ask_rename_department(self) -> FormDialog | None:
        dept = self._department(self._chosen(self.dept_table))
        if dept is None:
            return None
        return self._name_form(self.tr("重命名科室"), self.tr("新名称："), dept.name,
                               lambda name: self.rename_department(dept.id, name))

    def _usage(self, dept: Department) -> str:
        return self.tr("{0} 项牵头、{1} 项配合工作和 {2} 名人员").format(
            dept.leads, dept.cooperates, dept.people)

    def _others(self, dept: Department, none_text: str | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("targetCombo")
        if none_text is not None:
            combo.addItem(none_text, None)
        for other in self.departments:
            if other.id != dept.id:
                combo.addItem(other.name, other.id)
        return combo

    def ask_merge(self) -> FormDialog | None:
        dept = self._department(self._chosen(self.dept_table))
        if dept is None or len(self.departments) < 2:
            return None
        form = self._form(self.tr("合并科室"), self.tr("把“{0}”的{1}并入另一个科室，然后删除“{0}”。").format(
            dept.name, self._usage(dept)))
        combo = self._others(dept)
        form.form.addRow(self.tr("并入："), combo)

        def submit() -> None:
            target = combo.currentData()
            text = self.tr("确定把“{0}”并入“{1}”吗？“{0}”的{2}都将转给“{1}”，“{0}”随后删除。").format(
                dept.name, combo.currentText(), self._usage(dept))
            self._confirm(self.tr("合并科室"), text, lambda: self.merge_departments(dept.id, int(target)))

        form.submit = lambda: submit()  # the confirmation takes over from the form
        form.open()
        return form

    def ask_delete_department(self) -> QDialog | None:
        dept = self._department(self._chosen(self.dept_table))
        if dept is None:
            return None
        if not (dept.leads or dept.cooperates or dept.people):
            self._confirm(self.tr("删除科室"), self.tr("确定删除科室“{0}”吗？").format(dept.name),
                          lambda: self.delete_department(dept.id))
            return None
        intro = self.tr("“{0}”还有{1}。删除前请选择把它们转给哪个科室。").format(dept.name, self._usage(dept))
        form = self._form(self.tr("删除科室"), intro)
        combo = self._others(dept, self.tr("不转交（清空这些事项的科室）"))
        if combo.count() > 1:
            combo.setCurrentIndex(1)
        form.form.addRow(self.tr("转给："), combo)

        def submit() -> None:
            target = combo.currentData()
            where = self.tr("清空") if target is None else self.tr("转给“{0}”").format(combo.currentText())
            text = self.tr("确定删除科室“{0}”吗？它的{1}将{2}。").format(dept.name, self._usage(dept), where)
            self._confirm(self.tr("删除科室"), text,
                          lambda: self.delete_department(dept.id, None if target is None else int(target)))

        form.submit = lambda: submit()
        form.open()
        return form

    def _person_form(self, title: str, person: Person | None) -> FormDialog:
        form = self._form(title)
        name = QLineEdit(person.name if person else "")
        name.setObjectName("nameEdit")
        dept = QComboBox()
        dept.setObjectName("deptCombo")
        dept.addItem(self.tr("（未分科室）"), None)
        for d in self.departments:
            dept.addItem(d.name, d.id)
        chosen = person.dept_id if person else self._chosen(self.dept_table)
        dept.setCurrentIndex(max(dept.findData(chosen), 0) if chosen is not None else 0)
        role = QLineEdit(person.role if person else "")
        role.setObjectName("roleEdit")
        form.form.addRow(self.tr("姓名："), name)
        form.form.addRow(self.tr("科室："), dept)
        form.form.addRow(self.tr("职务："), role)

        def submit() -> str | None:
            dept_id = dept.currentData()
            dept_id = None if dept_id is None else int(dept_id)
            if person is None:
                return self.add_person(name.text(), dept_id, role.text())
            return self.update_person(person.id, name.text(), dept_id, role.text())

        form.submit = submit
        form.open()
        return form

    def ask_add_person(self) -> FormDialog:
        return self._person_form(self.tr("添加人员"), None)

    def ask_edit_person(self) -> FormDialog | None:
        person = self._person(self._chosen(self.people_table))
        return None if person is None else self._person_form(self.tr("修改人员"), person)

    def ask_delete_person(self) -> None:
        person = self._person(self._chosen(self.people_table))
        if person is None:
            return
        self._confirm(self.tr("删除人员"), self.tr("确定删除人员“{0}”吗？").format(person.name),
                      lambda: self.delete_person(person.id))
