"""What the Edit menu does to an item's fields, its check-ins and the plan's frame (lock,
thresholds, departments), each pushed as one EditCommand; and `push`, the one way every edit
happens, which StructureEdits (structure_edits.py: adding, deleting, moving rows) uses too.

PlanEditing knows the session (services), the undo stack, the dialog service and a narrow view
of the window (`PlanContext`: the selection and the loaded plan). It never refreshes the window:
the session tells the window what each commit changed, and `focus_wanted(node_id)` says which
row a step was about, so the window can select it after repainting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from tracker.domain.model import CheckIn, Node
from tracker.domain.values import UNSET, NodeChanges
from tracker.services import (
    CheckInChange,
    NodeAdded,
    NodeDeleted,
    NodeMoved,
    NodeUpdate,
    UserError,
    Workspace,
)
from tracker.services.editing import EDITABLE_FIELDS
from tracker.services.plans import PlanView
from tracker.ui import words
from tracker.ui.commands import EditCommand
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.dialogs.checkin import CheckInDialog
from tracker.ui.dialogs.extension import ExtensionDialog, ThresholdsDialog
from tracker.ui.dialogs.node_editor import NodeEditor
from tracker.ui.ordering import departments_in_order


class PlanContext(Protocol):
    """What editing needs to know of the window: the shown plan and the selected row."""

    @property
    def view(self) -> PlanView | None: ...

    def current_node(self) -> Node | None: ...

    def node_by_id(self, node_id: int) -> Node | None: ...

    def say(self, text: str) -> None:
        """A short line in the status bar."""


class PlanEditing(QObject):
    """Emits `focus_wanted(node_id)` after a step that is about one row. What a step changed
    reaches the window through the session, like every other write."""

    focus_wanted = Signal(int)

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, dialogs: Dialogs,
                 context: PlanContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.undo_stack = undo_stack
        self.dialogs = dialogs
        self.context = context
        self.parent_widget = parent

    # --- the one way an edit happens --------------------------------------------------

    def push(self, text: str, service: Any, run: Callable[[], Any],
             first_failed: Callable[[str], None] | None = None) -> EditCommand:
        command = EditCommand(text, service, run, self._done, self._failed, first_failed)
        self.undo_stack.push(command)
        return command

    def push_from(self, text: str, service: Any, run: Callable[[], Any]) -> str | None:
        """A dialog's save: None when done; else why not (another's change, a lost connection),
        for the dialog to show while it stays open with what the user typed."""
        refused: list[str] = []
        self.push(text, service, run, refused.append)
        return refused[0] if refused else None

    def _done(self, change: Any, forward: bool) -> None:
        focus = _focus(change, forward)
        if focus is not None:
            self.focus_wanted.emit(focus)

    def _failed(self, message: str) -> None:
        self.dialogs.message(Level.WARNING, self.tr("未能完成"), message)

    # --- helpers ------------------------------------------------------------------------

    def chosen_node(self) -> Node | None:
        """The selected row; None, with a hint in the status bar, when there is none."""
        node = self.context.current_node()
        if node is None:
            self.context.say(self.tr("请先在左侧选择一个事项。"))
        return node

    def _view(self) -> PlanView | None:
        return self.context.view

    def _locked(self) -> bool:
        view = self._view()
        return view is not None and view.plan.locked_at is not None

    def _year(self) -> int | None:
        view = self._view()
        return view.plan.year if view is not None else None

    # --- fields ---------------------------------------------------------------------------

    def edit_node(self) -> NodeEditor | None:
        node = self.chosen_node()
        view = self._view()
        if node is None or view is None:
            return None
        try:
            node = self.ws.plans.full_node(node)  # the window's view holds no long texts
        except UserError as exc:
            self._failed(str(exc))
            return None
        try:
            depts = [d.name for d in departments_in_order(self.ws.departments.listed())]
            people = [p.name for p in self.ws.departments.people()]
        except UserError:
            depts, people = [], []
        leaders = [n.leader for n in view.plan.walk() if n.leader]
        editor = NodeEditor(self.parent_widget, node, depts, list(dict.fromkeys([*people, *leaders])),
                            self._locked(), year=view.plan.year)
        seen = editor.seen()
        editor.save = lambda changes: self.save_fields(node, changes, seen)
        self.dialogs.show(editor)
        return editor

    def save_fields(self, node: Node, changes: NodeChanges,
                    seen: dict[str, object] | None = None) -> str | None:
        """Save the editor's changes (None: saved or handed on; else why not); a locked plan's
        new deadline first asks for a reason. `seen`: the values the editor showed."""
        if changes.due is not UNSET and self._locked():
            due = changes.due
            new_due = due.isoformat() if isinstance(due, dt.date) else f"{self._year()}-12-31"
            dialog = self._extension_dialog(node, new_due)
            dialog.save = lambda d, reason: self.push_from(
                *self._update_step(node, {**changes.items(), "due": d}, reason, seen))
            self.dialogs.show(dialog)
            return None
        return self.push_from(*self._update_step(node, changes, "", seen))

    def update(self, node: Node, values: NodeChanges | dict[str, object], reason: str = "",
               seen: dict[str, object] | None = None) -> EditCommand:
        return self.push(*self._update_step(node, values, reason, seen))

    def _update_step(self, node: Node, values: NodeChanges | dict[str, object], reason: str,
                     seen: dict[str, object] | None) -> tuple[str, Any, Callable[[], Any]]:
        fields = values.items() if isinstance(values, NodeChanges) else values
        names = "、".join(words.field_name(f) for f in EDITABLE_FIELDS if f in fields)
        text = (self.tr("延期 {0}").format(node.code) if reason
                else self.tr("修改 {0} 的{1}").format(node.code, names))
        editing = self.ws.editing
        return text, editing, lambda: editing.update(node.id, values, reason=reason, seen=seen)

    def extend(self) -> ExtensionDialog | None:
        node = self.chosen_node()
        if node is None:
            return None
        if not self._locked():
            self.dialogs.message(Level.INFO, self.tr("延期"), self.tr(
                "计划尚未锁定，直接编辑完成时限即可（F2）。"))
            return None
        dialog = self._extension_dialog(node, "")
        baseline = self.ws.baseline
        dialog.save = lambda due, reason: self.push_from(
            self.tr("延期 {0}").format(node.code), baseline,
            lambda: baseline.extend(node.id, due, reason))
        self.dialogs.show(dialog)
        return dialog

    def _extension_dialog(self, node: Node, new_due: str) -> ExtensionDialog:
        current = node.due.isoformat() if node.due else words.end_of_year()
        history = self.ws.baseline.extensions(node.id)
        return ExtensionDialog(self.parent_widget, f"{node.code}　{node.title}", node.baseline_due,
                               current, new_due, history, year=self._year())

    # --- check-ins ------------------------------------------------------------------------

    def add_checkin(self) -> CheckInDialog | None:
        node = self.chosen_node()
        if node is None:
            return None
        if node.children:
            self.dialogs.message(Level.INFO, self.tr("进展填报"), self.tr(
                "“{0} {1}”的进度由下级事项汇总，请选择下级事项填报。").format(node.code, node.title))
            return None
        tracking = self.ws.tracking
        dialog = CheckInDialog(self.parent_widget, f"{node.code}　{node.title}",
                               reporter=tracking.usual_reporter(node.id), latest=tracking.latest(node.id),
                               year=self._year())
        dialog.save = lambda v: self.push_from(
            self.tr("填报 {0} 的进展").format(node.code), tracking,
            lambda: tracking.add_checkin(
                node.id, v["progress"], note=v["progress_text"], problems=v["problems"],
                next_steps=v["next_steps"], date=v["date"], reporter=v["reporter"]))
        self.dialogs.show(dialog)
        return dialog

    def edit_checkin(self, checkin_id: int) -> CheckInDialog | None:
        node, checkin = self._checkin(checkin_id)
        if node is None or checkin is None:
            return None
        tracking = self.ws.tracking
        dialog = CheckInDialog(self.parent_widget, f"{node.code}　{node.title}", checkin,
                               year=self._year())
        dialog.save = lambda v: self.push_from(
            self.tr("修改 {0} 的进展填报").format(node.code), tracking,
            lambda: tracking.edit_checkin(checkin_id, seen=checkin, **v))
        self.dialogs.show(dialog)
        return dialog

    def delete_checkin(self, checkin_id: int) -> None:
        node, checkin = self._checkin(checkin_id)
        if node is None or checkin is None:
            return
        tracking = self.ws.tracking
        self.dialogs.confirm(self.tr("删除进展填报"), self.tr(
            "删除“{0}”{1} 的进展填报（{2}）？").format(
                node.code, checkin.date.isoformat(), words.percent(checkin.progress)),
            lambda: self.push(self.tr("删除 {0} 的进展填报").format(node.code), tracking,
                              lambda: tracking.delete_checkin(checkin_id)))

    def follow_link(self, link: str) -> None:
        """The detail pane's links: 编辑 and 填报进展 for the item, 修改 / 删除 beside each check-in
        (`kind:id`, see detail_pane.py)."""
        kind, _, number = link.partition(":")
        if not number.isdigit():
            return
        if kind == "edit-node":
            self.edit_node()
        elif kind == "add-checkin":
            self.add_checkin()
        elif kind == "edit-checkin":
            self.edit_checkin(int(number))
        elif kind == "delete-checkin":
            self.delete_checkin(int(number))

    def _checkin(self, checkin_id: int) -> tuple[Node | None, CheckIn | None]:
        node = self.context.current_node()
        if node is None:
            return None, None
        found = next((c for c in self.ws.tracking.checkins(node.id) if c.id == checkin_id), None)
        return node, found

    def edit_departments(self) -> QWidget:
        """The department and people lists; their edits share the window's undo stack."""
        from tracker.ui.dialogs.departments import DepartmentsDialog

        dialog = DepartmentsDialog(self.parent_widget, self.ws.departments, self.undo_stack,
                                   self.dialogs)
        self.dialogs.show(dialog)
        return dialog

    # --- the plan's frame -----------------------------------------------------------------

    def toggle_lock(self) -> None:
        view = self._view()
        if view is None:
            return
        plan_id, year = view.plan.id, view.plan.year
        baseline = self.ws.baseline
        if view.plan.locked_at is None:
            text = self.tr("锁定 {0} 年计划（定稿）？锁定后各事项的完成时限成为原定时限，"
                           "再修改完成时限即为延期，需要填写理由。").format(year)
            title = self.tr("锁定计划")
            run: Callable[[], Any] = lambda: baseline.lock(plan_id)  # noqa: E731
        else:
            text = self.tr("解除 {0} 年计划的锁定？原定完成时限将被清除（已记录的延期保留）。").format(year)
            title = self.tr("解除锁定")
            run = lambda: baseline.unlock(plan_id)  # noqa: E731
        self.dialogs.confirm(title, text, lambda: self.push(title, baseline, run))

    def edit_thresholds(self) -> ThresholdsDialog | None:
        view = self._view()
        if view is None:
            return None
        dialog = ThresholdsDialog(self.parent_widget, view.plan.thresholds)
        dialog.submitted.connect(self.set_thresholds)
        self.dialogs.show(dialog)
        return dialog

    def set_thresholds(self, green: float, yellow: float) -> EditCommand | None:
        """One undoable step (also used by the settings dialog)."""
        view = self._view()
        if view is None:
            return None
        plan_id = view.plan.id
        baseline = self.ws.baseline
        return self.push(self.tr("修改亮灯标准"), baseline,
                         lambda: baseline.set_thresholds(plan_id, green, yellow))



def _focus(change: Any, forward: bool) -> int | None:
    """The node a step of a command is about, to select after it (None: keep the selection)."""
    if isinstance(change, NodeAdded):
        return change.node_id if forward else change.place.parent_id
    if isinstance(change, NodeDeleted):
        return change.place.parent_id if forward else change.node_id
    if isinstance(change, NodeUpdate | NodeMoved | CheckInChange):
        return change.node_id
    return None
