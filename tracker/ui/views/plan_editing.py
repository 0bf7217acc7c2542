"""What the Edit menu does: every edit of the plan, each pushed as one EditCommand.

The window supplies the selection and refreshes itself (`MainWindow.refresh`) after every step
of a command, selecting the node the step is about. Dialogs open with open() and report through
signals; the last one is kept in `last_dialog` so tests can drive it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from tracker.domain.model import CheckIn, Node
from tracker.services import (
    BaselineService,
    CheckInChange,
    DepartmentService,
    EditingService,
    NodeAdded,
    NodeDeleted,
    NodeMoved,
    NodeUpdate,
    PlanChange,
    TrackingService,
    UserError,
)
from tracker.services.editing import EDITABLE_FIELDS
from tracker.ui import words
from tracker.ui.commands import EditCommand
from tracker.ui.dialogs.checkin import CheckInDialog
from tracker.ui.dialogs.extension import ExtensionDialog, ThresholdsDialog
from tracker.ui.dialogs.node_editor import NodeEditor

if TYPE_CHECKING:
    from tracker.ui.views.main_window import MainWindow


class PlanEditing(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        db = window.db
        self.editing = EditingService(db)
        self.tracking = TrackingService(db)
        self.baseline = BaselineService(db)
        self.departments = DepartmentService(db)
        self.last_dialog: QDialog | QMessageBox | None = None
        self.pending = False
        self.pending_focus: int | None = None
        self.pending_message: str | None = None

    # --- the one way an edit happens --------------------------------------------------

    def push(self, text: str, service: Any, run: Callable[[], Any]) -> EditCommand:
        command = EditCommand(text, service, run, self._done, self._failed)
        self.w.undo_stack.push(command)
        self.flush()  # a first run that was refused or changed nothing moves no index
        return command

    # The command's undo()/redo() are called by QUndoStack; they only note what to refresh, and
    # the window does it once the call has returned (index changed, after push, or the next turn
    # of the event loop), so no model reset runs inside the stack's own bookkeeping.

    def _done(self, change: Any, forward: bool) -> None:
        self.pending_focus = _focus(change, forward)
        self.pending = True

    def _failed(self, message: str) -> None:
        self.pending_message = message
        self.pending = True
        QTimer.singleShot(0, self.flush)  # a refused redo moves no index

    def flush(self) -> bool:
        """Refresh after a command step; False when no step was waiting."""
        if not self.pending:
            return False
        focus, message = self.pending_focus, self.pending_message
        self.pending, self.pending_focus, self.pending_message = False, None, None
        if message is None:
            self.w.refresh(focus)
        else:
            self.w.reload()  # the refusal usually means the file changed: show what it holds now
            self.w.show_message(QMessageBox.Icon.Warning, self.tr("未能完成"), message)
        return True

    # --- helpers ------------------------------------------------------------------------

    def _node(self) -> Node | None:
        node = self.w.current_node()
        if node is None:
            self.w.statusBar().showMessage(self.tr("请先在左侧选择一个事项。"), 4000)
        return node

    def _open(self, dialog: QDialog | QMessageBox) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _locked(self) -> bool:
        view = self.w.view
        return view is not None and view.plan.locked_at is not None

    # --- fields ---------------------------------------------------------------------------

    def edit_node(self) -> NodeEditor | None:
        node = self._node()
        if node is None:
            return None
        try:
            depts = [d.name for d in self.departments.departments()]
            people = [p.name for p in self.departments.people()]
        except UserError:
            depts, people = [], []
        leaders = [n.leader for n in self.w.view.plan.walk()] if self.w.view else []
        editor = NodeEditor(self.w, node, depts, [*people, *leaders], self._locked())
        editor.submitted.connect(lambda values: self.save_fields(node, values))
        return self._open(editor)

    def save_fields(self, node: Node, values: dict[str, object]) -> EditCommand | ExtensionDialog | None:
        """Save the editor's changes; a locked plan's new deadline first asks for a reason."""
        if "due" in values and self._locked():
            due, year = values["due"], self.w.year
            new_due = due.isoformat() if isinstance(due, dt.date) else f"{year}-12-31"
            dialog = self._extension_dialog(node, new_due)
            dialog.submitted.connect(
                lambda d, reason: self.update(node, {**values, "due": d}, reason))
            return self._open(dialog)
        return self.update(node, values)

    def update(self, node: Node, values: dict[str, object], reason: str = "") -> EditCommand:
        names = "、".join(words.field_name(f) for f in EDITABLE_FIELDS if f in values)
        text = (self.tr("延期 {0}").format(node.code) if reason
                else self.tr("修改 {0} 的{1}").format(node.code, names))
        return self.push(text, self.editing,
                         lambda: self.editing.update(node.id, values, reason=reason))

    def extend(self) -> ExtensionDialog | None:
        node = self._node()
        if node is None:
            return None
        if not self._locked():
            self.w.show_message(QMessageBox.Icon.Information, self.tr("延期"), self.tr(
                "计划尚未锁定，直接编辑完成时限即可（F2）。"))
            return None
        dialog = self._extension_dialog(node, "")
        dialog.submitted.connect(lambda due, reason: self.push(
            self.tr("延期 {0}").format(node.code), self.baseline,
            lambda: self.baseline.extend(node.id, due, reason)))
        return self._open(dialog)

    def _extension_dialog(self, node: Node, new_due: str) -> ExtensionDialog:
        current = node.due.isoformat() if node.due else words.end_of_year()
        history = self.baseline.extensions(node.id)
        return ExtensionDialog(self.w, f"{node.code}　{node.title}", node.baseline_due, current,
                               new_due, history)

    # --- structure ------------------------------------------------------------------------

    def add_area(self) -> EditCommand | None:
        view = self.w.view
        if view is None:
            return None
        node = self.w.current_node()
        position = None
        if node is not None:
            position = self._row(self._area(node)) + 1
        plan_id = view.plan.id
        return self.push(self.tr("新增方面"), self.editing,
                         lambda: self.editing.add(None, position, plan_id=plan_id))

    def add_item(self) -> EditCommand | None:
        node = self._node()
        if node is None:
            return None
        area = self._area(node)
        if node.parent_id is None:
            parent, position = node, None
        else:
            top = self._ancestor_under(node, area)
            parent, position = area, area.children.index(top) + 1
        return self.push(self.tr("在 {0} 中新增事项").format(parent.code), self.editing,
                         lambda: self.editing.add(parent.id, position))

    def add_subitem(self) -> EditCommand | None:
        node = self._node()
        if node is None:
            return None
        if node.parent_id is None:
            self.w.show_message(QMessageBox.Icon.Information, self.tr("新增子项"), self.tr(
                "子项要加在某个事项之下：请先选择一个事项（或用“新增事项”）。"))
            return None
        parent = node
        return self.push(self.tr("在 {0} 下新增子项").format(parent.code), self.editing,
                         lambda: self.editing.add(parent.id))

    def delete_node(self) -> QMessageBox | None:
        node = self._node()
        if node is None:
            return None
        try:
            impact = self.editing.delete_impact(node.id)
        except UserError as exc:
            self.w.show_message(QMessageBox.Icon.Warning, self.tr("删除"), str(exc))
            return None
        text = self.tr("删除“{0} {1}”？").format(node.code, node.title)
        details = []
        if impact.nodes > 1:
            details.append(self.tr("连同其下 {0} 个下级事项").format(impact.nodes - 1))
        if impact.checkins:
            details.append(self.tr("{0} 条进展填报").format(impact.checkins))
        if details:
            text += "\n" + self.tr("将一并删除：{0}。").format("，".join(details))
        text += "\n" + self.tr("删除后可用“撤销”（Ctrl+Z）恢复。")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("删除"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.w)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.push(
            self.tr("删除 {0} {1}").format(node.code, _short(node.title)), self.editing,
            lambda: self.editing.delete(node.id)))
        return self._open(box)

    def move(self, node_id: int, parent_id: int | None, position: int, label: str = "") -> EditCommand:
        node = self.w.model.node(self.w.model.index_of(node_id))
        code = node.code if node is not None else str(node_id)
        text = f"{label} {code}" if label else self.tr("移动 {0}").format(code)
        return self.push(text, self.editing, lambda: self.editing.move(node_id, parent_id, position))

    def move_up(self) -> EditCommand | None:
        node = self._node()
        if node is None or self._row(node) == 0:
            return None
        return self.move(node.id, node.parent_id, self._row(node) - 1, self.tr("上移"))

    def move_down(self) -> EditCommand | None:
        node = self._node()
        if node is None or self._row(node) >= len(self._siblings(node)) - 1:
            return None
        return self.move(node.id, node.parent_id, self._row(node) + 1, self.tr("下移"))

    def outdent(self) -> EditCommand | None:
        """Up one level: right after the current parent, among the parent's siblings."""
        node = self._node()
        if node is None or node.parent_id is None:
            return None
        parent = self._by_id(node.parent_id)
        return self.move(node.id, parent.parent_id, self._row(parent) + 1, self.tr("升级"))

    def indent(self) -> EditCommand | None:
        """Down one level: the last child of the sibling above."""
        node = self._node()
        if node is None or self._row(node) == 0:
            return None
        above = self._siblings(node)[self._row(node) - 1]
        return self.move(node.id, above.id, len(above.children), self.tr("降级"))

    def _by_id(self, node_id: int) -> Node:
        node = self.w.model.node(self.w.model.index_of(node_id))
        assert node is not None
        return node

    def _siblings(self, node: Node) -> list[Node]:
        assert self.w.view is not None
        return self.w.view.plan.areas if node.parent_id is None else self._by_id(node.parent_id).children

    def _row(self, node: Node) -> int:
        return [n.id for n in self._siblings(node)].index(node.id)

    def _area(self, node: Node) -> Node:
        while node.parent_id is not None:
            node = self._by_id(node.parent_id)
        return node

    def _ancestor_under(self, node: Node, area: Node) -> Node:
        while node.parent_id != area.id:
            assert node.parent_id is not None
            node = self._by_id(node.parent_id)
        return node

    # --- check-ins ------------------------------------------------------------------------

    def add_checkin(self) -> CheckInDialog | None:
        node = self._node()
        if node is None:
            return None
        if node.children:
            self.w.show_message(QMessageBox.Icon.Information, self.tr("进展填报"), self.tr(
                "“{0} {1}”的进度由下级事项汇总，请选择下级事项填报。").format(node.code, node.title))
            return None
        dialog = CheckInDialog(self.w, f"{node.code}　{node.title}", reporter=self.tracking.who)
        dialog.submitted.connect(lambda v: self.push(
            self.tr("填报 {0} 的进展").format(node.code), self.tracking,
            lambda: self.tracking.add_checkin(
                node.id, v["progress"], note=v["progress_text"], problems=v["problems"],
                next_steps=v["next_steps"], date=v["date"], reporter=v["reporter"])))
        return self._open(dialog)

    def edit_checkin(self, checkin_id: int) -> CheckInDialog | None:
        node, checkin = self._checkin(checkin_id)
        if node is None or checkin is None:
            return None
        dialog = CheckInDialog(self.w, f"{node.code}　{node.title}", checkin)
        dialog.submitted.connect(lambda v: self.push(
            self.tr("修改 {0} 的进展填报").format(node.code), self.tracking,
            lambda: self.tracking.edit_checkin(checkin_id, **v)))
        return self._open(dialog)

    def delete_checkin(self, checkin_id: int) -> QMessageBox | None:
        node, checkin = self._checkin(checkin_id)
        if node is None or checkin is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("删除进展填报"), self.tr(
            "删除“{0}”{1} 的进展填报（{2}）？").format(
                node.code, checkin.date.isoformat(), words.percent(checkin.progress)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.w)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.push(
            self.tr("删除 {0} 的进展填报").format(node.code), self.tracking,
            lambda: self.tracking.delete_checkin(checkin_id)))
        return self._open(box)

    def _checkin(self, checkin_id: int) -> tuple[Node | None, CheckIn | None]:
        node = self.w.current_node()
        if node is None:
            return None, None
        found = next((c for c in self.tracking.checkins(node.id) if c.id == checkin_id), None)
        return node, found

    def edit_departments(self) -> QDialog:
        """The department and people lists; their edits share the window's undo stack."""
        from tracker.ui.dialogs.departments import DepartmentsDialog

        dialog = DepartmentsDialog(self.w, self.w.db, self.w.undo_stack)
        dialog.changed.connect(lambda _ids: self.w.reload())
        return self._open(dialog)

    # --- the plan's frame -----------------------------------------------------------------

    def toggle_lock(self) -> QMessageBox | None:
        view = self.w.view
        if view is None:
            return None
        plan_id, year = view.plan.id, view.plan.year
        if view.plan.locked_at is None:
            text = self.tr("锁定 {0} 年计划（定稿）？锁定后各事项的完成时限成为原定时限，"
                           "再修改完成时限即为延期，需要填写理由。").format(year)
            title, run = self.tr("锁定计划"), lambda: self.baseline.lock(plan_id)
        else:
            text = self.tr("解除 {0} 年计划的锁定？原定完成时限将被清除（已记录的延期保留）。").format(year)
            title, run = self.tr("解除锁定"), lambda: self.baseline.unlock(plan_id)
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.w)
        box.accepted.connect(lambda: self.push(title, self.baseline, run))
        return self._open(box)

    def edit_thresholds(self) -> ThresholdsDialog | None:
        view = self.w.view
        if view is None:
            return None
        dialog = ThresholdsDialog(self.w, view.plan.thresholds)
        dialog.submitted.connect(self.set_thresholds)
        return self._open(dialog)

    def set_thresholds(self, green: float, yellow: float) -> EditCommand | None:
        """One undoable step (also used by the settings dialog)."""
        view = self.w.view
        if view is None:
            return None
        plan_id = view.plan.id
        return self.push(self.tr("修改亮灯标准"), self.baseline,
                         lambda: self.baseline.set_thresholds(plan_id, green, yellow))


def _focus(change: Any, forward: bool) -> int | None:
    """The node a step of a command is about, to select after it (None: keep the selection)."""
    if isinstance(change, NodeAdded):
        return change.node_id if forward else change.place.parent_id
    if isinstance(change, NodeDeleted):
        return change.place.parent_id if forward else change.node_id
    if isinstance(change, NodeUpdate | NodeMoved | CheckInChange):
        return change.node_id
    if isinstance(change, PlanChange):
        return None
    return None


def _short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
