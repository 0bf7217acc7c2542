"""Which branches of the plan tree are open, kept as the user left them across filters and edits.

The user's own choice (`ids`: areas and items with sub-items they opened) is what is kept; a
filter may open more so that its few matches show, and gives them back when it is cleared.
Opening and closing happen while a full layout of the tree is pending, so each costs a set
insertion instead of a layout of its branch: 3,000 branches of a 100,000-item plan open in one
layout pass, never through `expandAll`. Under a filter with few matches the branches holding them
open too; the filter is asked through the narrow `Filter` (is it on, what would it open).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject

from tracker.services import PlanView
from tracker.ui.models.plan_tree import Role
from tracker.ui.views.plan_tree_view import PlanTreeView

IndexOf = Callable[[int], QModelIndex]  # a node id -> its index in the tree's (proxy) model
ParentOf = Callable[[int], int | None]  # a node id -> its parent's (None: an area, or unknown)
# A plan up to this size opens with every area open; a bigger one (a city's plan) opens with its
# areas closed, as a list to open from: its rows are laid out only when their area is opened.
OPEN_ALL_ITEMS = 3_000


class Filter(Protocol):
    """What the tree's filter (ui/models/plan_filter.py) tells about what it shows."""

    def is_active(self) -> bool: ...

    def parents_to_open(self) -> set[int]: ...


class OpenAreas(QObject):
    def __init__(self, tree: PlanTreeView, index_of: IndexOf, parent_of: ParentOf, filter_: Filter,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.index_of = index_of
        self.parent_of = parent_of
        self.filter = filter_
        self.ids: set[int] = set()  # what the user opened (kept across filters)
        self._open: set[int] = set()  # what is open in the tree now, as far as we know
        self._applying = False
        self.following_user = True  # False while a filter decides what is open
        tree.expanded.connect(lambda index: self._toggled(index, True))
        tree.collapsed.connect(lambda index: self._toggled(index, False))

    def reset(self, ids: Iterable[int]) -> None:
        """A new plan: these branches are the open ones."""
        self.ids = set(ids)
        self._open = set()

    def plan_read(self, view: PlanView | None, same_plan: bool) -> None:
        """A plan was read whole: another plan opens all its areas, unless there are very many;
        the same one keeps what was open, less what left it. `follow` then shows it."""
        if view is None:
            self.reset(())
        elif not same_plan:
            small = len(view.nodes) <= OPEN_ALL_ITEMS
            self.reset(n.id for n in view.nodes.values() if n.children and small)
        else:
            self.forget(self.ids - view.nodes.keys())

    def open_all(self, view: PlanView | None, is_open: bool) -> None:
        """视图 → 全部展开 / 全部折叠: every branch (one layout pass, however big the plan); under
        a filter only while it is on, the user's own choice coming back when it is cleared."""
        ids = {n.id for n in view.nodes.values() if n.children} if view and is_open else set()
        if self.filter.is_active():
            self.show(ids)
        else:
            self.ids = ids
            self.follow()

    def follow(self) -> None:
        """Open the areas the user had open; under a filter with few matches, also the ones
        holding them (the filter's own openings are given back when it is cleared)."""
        active = self.filter.is_active()
        self.following_user = not active
        self.show(self.filter.parents_to_open() if active else ())

    def show(self, extra: Iterable[int] = ()) -> None:
        """Open the user's branches (and `extra`, e.g. where a filter's matches are); close the
        rest that we know to be open."""
        wanted = self.ids | set(extra)
        changes = []
        for node_id in wanted | self._open:
            if not self._shows(node_id, wanted):
                continue  # inside a closed branch: opened with it (`_open_below`)
            index = self.index_of(node_id)
            if index.isValid() and self.tree.isExpanded(index) != (node_id in wanted):
                changes.append((index, node_id in wanted))
        self._open = {n for n in wanted if self._shows(n, wanted)}
        if not changes:
            return  # nothing to lay out again
        self._applying = True
        self.tree.scheduleDelayedItemsLayout()  # expand/collapse below only record the change
        try:
            for index, is_open in changes:
                if is_open:
                    self.tree.expand(index)
                else:
                    self.tree.collapse(index)
        finally:
            self._applying = False

    def forget(self, node_ids: Iterable[int]) -> None:
        """Items that left the plan."""
        gone = set(node_ids)
        self.ids -= gone
        self._open -= gone

    def _toggled(self, index: QModelIndex, is_open: bool) -> None:
        if self._applying:
            return
        value = index.data(Role.NODE_ID)
        if value is None:
            return
        node_id = int(value)
        if is_open:
            self._open.add(node_id)
            if self.following_user:
                self.ids.add(node_id)
            self._open_below(node_id)
        else:
            self._open.discard(node_id)
            if self.following_user:
                self.ids.discard(node_id)

    def _shows(self, node_id: int, wanted: set[int]) -> bool:
        """Is every branch above the node open (so the node's row is laid out)?"""
        parent = self.parent_of(node_id)
        while parent is not None:
            if parent not in wanted:
                return False
            parent = self.parent_of(parent)
        return True

    def _open_below(self, node_id: int) -> None:
        """A branch opened: the branches inside it the user had open open again too."""
        inside = [n for n in self.ids if self.parent_of(n) == node_id]
        for child in inside:
            index = self.index_of(child)
            if index.isValid() and not self.tree.isExpanded(index):
                self.tree.expand(index)  # its own `expanded` opens what is below it in turn
