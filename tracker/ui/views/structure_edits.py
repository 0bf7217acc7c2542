"""The Edit menu's changes to the plan's shape: 新增方面 / 新增事项 / 新增子项, 删除, 上移 / 下移,
升级 / 降级 and a row dragged in the tree, each one undo step.

Apart from PlanEditing (the fields, check-ins and the plan's frame) because these reason about
where a row sits among its siblings, which no other edit needs. They happen the same way, though:
through `Steps`, which PlanEditing is, so every step reaches the one undo stack and says which
row it was about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject

from tracker.domain.model import Node
from tracker.services import UserError, Workspace
from tracker.ui.commands import EditCommand
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.views.plan_editing import PlanContext


class Steps(Protocol):
    """How an edit happens (PlanEditing)."""

    def push(self, text: str, service: Any, run: Callable[[], Any]) -> EditCommand:
        """One step on the window's undo stack."""

    def chosen_node(self) -> Node | None:
        """The selected row; None (and a hint in the status bar) when there is none."""


class StructureEdits(QObject):
    def __init__(self, workspace: Workspace, dialogs: Dialogs, context: PlanContext, steps: Steps,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.dialogs = dialogs
        self.context = context
        self.steps = steps

    def add_area(self) -> EditCommand | None:
        view = self.context.view
        if view is None:
            return None
        node = self.context.current_node()
        position = None if node is None else self._row(self._area(node)) + 1
        plan_id = view.plan.id
        editing = self.ws.editing
        return self.steps.push(self.tr("新增方面"), editing,
                               lambda: editing.add(None, position, plan_id=plan_id))

    def add_item(self) -> EditCommand | None:
        node = self.steps.chosen_node()
        if node is None:
            return None
        area = self._area(node)
        if node.parent_id is None:
            parent, position = node, None
        else:
            top = self._ancestor_under(node, area)
            parent, position = area, area.children.index(top) + 1
        editing = self.ws.editing
        return self.steps.push(self.tr("在 {0} 中新增事项").format(parent.code), editing,
                               lambda: editing.add(parent.id, position))

    def add_subitem(self) -> EditCommand | None:
        node = self.steps.chosen_node()
        if node is None:
            return None
        if node.parent_id is None:
            self.dialogs.message(Level.INFO, self.tr("新增子项"), self.tr(
                "子项要加在某个事项之下：请先选择一个事项（或用“新增事项”）。"))
            return None
        editing = self.ws.editing
        return self.steps.push(self.tr("在 {0} 下新增子项").format(node.code), editing,
                               lambda: editing.add(node.id))

    def delete_node(self) -> None:
        node = self.steps.chosen_node()
        if node is None:
            return
        editing = self.ws.editing
        try:
            impact = editing.delete_impact(node.id)
        except UserError as exc:
            self.dialogs.message(Level.WARNING, self.tr("删除"), str(exc))
            return
        text = self.tr("删除“{0} {1}”？").format(node.code, node.title)
        details = []
        if impact.nodes > 1:
            details.append(self.tr("连同其下 {0} 个下级事项").format(impact.nodes - 1))
        if impact.checkins:
            details.append(self.tr("{0} 条进展填报").format(impact.checkins))
        if details:
            text += "\n" + self.tr("将一并删除：{0}。").format("，".join(details))
        text += "\n" + self.tr("删除后可用“撤销”（Ctrl+Z）恢复。")
        self.dialogs.confirm(self.tr("删除"), text, lambda: self.steps.push(
            self.tr("删除 {0} {1}").format(node.code, _short(node.title)), editing,
            lambda: editing.delete(node.id)))

    def move(self, node_id: int, parent_id: int | None, position: int, label: str = "") -> EditCommand:
        node = self.context.node_by_id(node_id)
        code = node.code if node is not None else str(node_id)
        text = f"{label} {code}" if label else self.tr("移动 {0}").format(code)
        editing = self.ws.editing
        return self.steps.push(text, editing, lambda: editing.move(node_id, parent_id, position))

    def drop(self, node_id: int, parent_id: int | None, position: int) -> None:
        """A row dropped in the tree (PlanTreeModel.dropMimeData, after the drop has finished):
        moved when the file and the login allow plan edits (the tree takes a drag from anyone)."""
        if not self.ws.read_only and self.ws.account.edits_plan:
            self.move(node_id, parent_id, position)

    def move_up(self) -> EditCommand | None:
        node = self.steps.chosen_node()
        if node is None or self._row(node) == 0:
            return None
        return self.move(node.id, node.parent_id, self._row(node) - 1, self.tr("上移"))

    def move_down(self) -> EditCommand | None:
        node = self.steps.chosen_node()
        if node is None or self._row(node) >= len(self._siblings(node)) - 1:
            return None
        return self.move(node.id, node.parent_id, self._row(node) + 1, self.tr("下移"))

    def outdent(self) -> EditCommand | None:
        """Up one level: right after the current parent, among the parent's siblings."""
        node = self.steps.chosen_node()
        if node is None or node.parent_id is None:
            return None
        parent = self._by_id(node.parent_id)
        return self.move(node.id, parent.parent_id, self._row(parent) + 1, self.tr("升级"))

    def indent(self) -> EditCommand | None:
        """Down one level: the last child of the sibling above."""
        node = self.steps.chosen_node()
        if node is None or self._row(node) == 0:
            return None
        above = self._siblings(node)[self._row(node) - 1]
        return self.move(node.id, above.id, len(above.children), self.tr("降级"))

    # --- where a row sits ---------------------------------------------------------------

    def _by_id(self, node_id: int) -> Node:
        node = self.context.node_by_id(node_id)
        assert node is not None
        return node

    def _siblings(self, node: Node) -> list[Node]:
        view = self.context.view
        assert view is not None
        return view.plan.areas if node.parent_id is None else self._by_id(node.parent_id).children

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


def _short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
