"""The item editor (F2): every field of an area, item or sub-item in one form.

It emits only the fields the user changed, already checked by the same `NodeChanges.parse` the
services use (so a bad date is pointed out in the form, not after it closed). 配合科室 are picked from the
department list or typed new; leaders and owners are suggested from the people list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.model import Node, Status
from tracker.domain.text import split_names
from tracker.domain.values import NodeChanges
from tracker.services import UserError
from tracker.ui import theme, words
from tracker.ui.dialogs.date_field import DateField
from tracker.ui.dialogs.form import error_label, ok_cancel


class DepartmentPicker(QWidget):
    """Known departments as a check list, plus a line for new names (、 or , between them)."""

    def __init__(self, known: Sequence[str], chosen: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("coDeptList")
        self.list.setMaximumHeight(110)
        for name in dict.fromkeys([*chosen, *known]):  # chosen first, in their order
            item = QListWidgetItem(name, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
        self.new_edit = QLineEdit()
        self.new_edit.setObjectName("coDeptNew")
        self.new_edit.setPlaceholderText(self.tr("其他科室（多个用、分隔）"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.new_edit)

    def names(self) -> list[str]:
        checked = [self.list.item(i).text() for i in range(self.list.count())
                   if self.list.item(i).checkState() == Qt.CheckState.Checked]
        try:
            typed = split_names(self.new_edit.text())
        except Exception:  # too long: normalize() reports it with the field's name
            typed = [self.new_edit.text()]
        return list(dict.fromkeys([*checked, *typed]))

    def set_checked(self, name: str, on: bool = True) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).text() == name:
                self.list.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _combo(current: str, choices: Sequence[str]) -> QComboBox:
    """An editable combo box: pick a known name or type a new one."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(list(dict.fromkeys(c for c in choices if c)))
    box.setCurrentText(current)
    return box


class NodeEditor(QDialog):
    """Emits `submitted(NodeChanges)` with the changed fields, or, when `save` is set, hands them
    to it and stays open with the user's input when it answers why the save failed."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None, node: Node, departments: Sequence[str],
                 people: Sequence[str], locked: bool = False, year: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nodeEditor")
        self.save: Callable[[NodeChanges], str | None] | None = None
        self.node = node
        self.year = year
        self.is_area = node.parent_id is None
        self.setWindowTitle(self.tr("编辑 {0}").format(node.code))
        self.title_edit = QLineEdit(node.title)
        self.detail_edit = QPlainTextEdit(node.detail)
        self.detail_edit.setTabChangesFocus(True)
        self.leader_box = _combo(node.leader, people)
        self.lead_dept_box = _combo(node.lead_dept, departments)
        self.co_depts = DepartmentPicker(departments, node.co_depts)
        self.owner_box = _combo(node.owner, people)
        self.start_edit = DateField(node.start, year=year,
                                    placeholder=self.tr("留空为年初；如 2018-03-01、3月1日"))
        self.due_edit = DateField(node.due, year=year,
                                  placeholder=self.tr("留空为年底前；如 2018-06-30、6月底"))
        self.weight_spin = QDoubleSpinBox()
        self.weight_spin.setRange(0, 1000)
        self.weight_spin.setDecimals(2)
        self.weight_spin.setValue(node.weight)
        self.status_box = QComboBox()
        for status in Status:
            self.status_box.addItem(words.status_name(status), status.value)
        self.status_box.setCurrentIndex(list(Status).index(node.status))

        form = QFormLayout()
        form.addRow(self.tr("工作任务"), self.title_edit)
        form.addRow(self.tr("具体内容"), self.detail_edit)
        if not self.is_area:
            form.addRow(self.tr("责任领导"), self.leader_box)
            form.addRow(self.tr("牵头科室"), self.lead_dept_box)
            form.addRow(self.tr("配合科室"), self.co_depts)
            form.addRow(self.tr("责任人"), self.owner_box)
            form.addRow(self.tr("开始日期"), self.start_edit)
            due_label = self.tr("完成时限")
            if locked and node.baseline_due is not None:
                due_label = self.tr("完成时限（原定 {0}）").format(node.baseline_due.isoformat())
            form.addRow(due_label, self.due_edit)
            form.addRow(self.tr("状态"), self.status_box)
        form.addRow(self.tr("权重"), self.weight_spin)
        if locked and not self.is_area:
            note = QLabel(self.tr("计划已锁定：修改完成时限属于延期，保存时需填写延期理由。"))
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {theme.warning_text(note.palette()).name()}")
            form.addRow(note)
        self.error_label = error_label()
        self.error_label.setObjectName("editorError")

        buttons = ok_cancel(self, self.tr("保存"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(560, 620 if not self.is_area else 300)
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def entered(self) -> dict[str, object]:
        """Every field as typed (raw)."""
        values: dict[str, object] = {
            "title": self.title_edit.text(), "detail": self.detail_edit.toPlainText(),
            "weight": self.weight_spin.value(),
        }
        if not self.is_area:
            values.update({
                "leader": self.leader_box.currentText(), "lead_dept": self.lead_dept_box.currentText(),
                "co_depts": self.co_depts.names(), "owner": self.owner_box.currentText(),
                "start": self.start_edit.text(), "due": self.due_edit.text(),
                "status": self.status_box.currentData(),
            })
        return values

    def seen(self) -> dict[str, object]:
        """The item's fields as this editor shows them (what the user saw; a save made by
        someone else since is found by comparing with these)."""
        node = self.node
        return {
            "title": node.title, "detail": node.detail, "leader": node.leader,
            "lead_dept": node.lead_dept, "co_depts": tuple(node.co_depts), "owner": node.owner,
            "start": node.start, "due": node.due, "weight": float(node.weight), "status": node.status,
        }

    def changed(self) -> NodeChanges:
        """The fields that differ from the node, checked; raises UserError for bad input."""
        return NodeChanges.parse(self.entered(), year=self.year).differing_from(self.seen())

    def _refuse(self, message: str) -> None:
        self.error_label.setText(words.user_text(message))
        self.error_label.show()

    def accept(self) -> None:
        try:
            values = self.changed()
        except UserError as exc:
            self._refuse(str(exc))
            return
        if values and self.save is not None:
            refused = self.save(values)
            if refused:
                self._refuse(refused + "\n" + self.tr("您填写的内容仍在对话框中，可以核对后再按“保存”。"))
                return
            super().accept()
            return
        super().accept()
        if values:
            self.submitted.emit(values)
