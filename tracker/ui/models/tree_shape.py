"""The plan tree's shape as an item model sees it (ids only), and how it follows the plan.

Qt's indexes, a view's open branches and its selection all point at rows of the model. When
items come, go or move, the model must say so row by row (removed, moved, inserted) for them
to follow; a reset would close every branch and drop the selection. `sync_shape` works that out
for the parents whose children changed: first the rows that leave the model, then rows that
move to another parent, then the order among siblings, then the new rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

if TYPE_CHECKING:
    from tracker.services import PlanView

Parent = int | None  # a node id, or None for the list of areas


class TreeShape:
    """Children per parent, parent per node and row per node, as the model's indexes know them.
    Mixed into PlanTreeModel (before QAbstractItemModel), whose row signals it sends."""

    if TYPE_CHECKING:  # given by the model it is mixed into
        def index_of(self, node_id: int, column: int = 0) -> QModelIndex: ...
        def beginInsertRows(self, parent: QModelIndex | QPersistentModelIndex, first: int,
                            last: int) -> None: ...
        def endInsertRows(self) -> None: ...
        def beginRemoveRows(self, parent: QModelIndex | QPersistentModelIndex, first: int,
                            last: int) -> None: ...
        def endRemoveRows(self) -> None: ...
        def beginMoveRows(self, sourceParent: QModelIndex | QPersistentModelIndex, sourceFirst: int,
                          sourceLast: int, destinationParent: QModelIndex | QPersistentModelIndex,
                          destinationRow: int) -> bool: ...
        def endMoveRows(self) -> None: ...

    def __init__(self) -> None:
        self._kids: dict[Parent, list[int]] = {None: []}
        self._parents: dict[int, Parent] = {}
        self._rows: dict[int, int] = {}

    # --- reading ------------------------------------------------------------------------

    def kids(self, parent_id: Parent) -> list[int]:
        return self._kids.get(parent_id) or []

    def parent_of(self, node_id: int) -> Parent:
        return self._parents.get(node_id)

    def row_of(self, node_id: int) -> int | None:
        return self._rows.get(node_id)

    def runs(self, node_ids: set[int]) -> list[tuple[Parent, int, int]]:
        """(parent, first row, last row) for each run of neighbouring rows among `node_ids`."""
        by_parent: dict[Parent, list[int]] = {}
        for node_id in node_ids:
            row = self._rows.get(node_id)
            if row is not None:
                by_parent.setdefault(self._parents[node_id], []).append(row)
        out: list[tuple[Parent, int, int]] = []
        for parent_id, rows in by_parent.items():
            rows.sort()
            first = last = rows[0]
            for row in rows[1:]:
                if row != last + 1:
                    out.append((parent_id, first, last))
                    first = row
                last = row
            out.append((parent_id, first, last))
        return out

    # --- following the plan -------------------------------------------------------------

    def reset_shape(self, view: PlanView | None) -> None:
        """Take the whole shape of `view` (inside the model's reset)."""
        self._kids, self._parents, self._rows = {None: []}, {}, {}
        if view is not None:
            self._take(None, [n.id for n in view.plan.areas], view)

    def parents_differing(self, view: PlanView) -> set[Parent]:
        """Every parent whose children in `view` are not the model's (a whole-plan reload)."""
        out: set[Parent] = set()
        for parent_id in {None, *self._kids, *(n.id for n in view.nodes.values() if n.children)}:
            if parent_id is not None and parent_id not in view.nodes:
                continue
            if [n.id for n in view.siblings(parent_id)] != self.kids(parent_id):
                out.add(parent_id)
        return out

    def sync_shape(self, view: PlanView, parents: set[Parent]) -> None:
        """Make the children of `parents` what `view` holds, row operation by row operation."""
        targets = {p: [n.id for n in view.siblings(p)] for p in parents
                   if p is None or p in view.nodes}
        # 1. rows whose item is gone, or goes under a parent the model does not have yet
        for parent_id in list(targets):
            if parent_id is not None and parent_id not in self._rows:
                continue
            leaving = [row for row, n in enumerate(self.kids(parent_id))
                       if n not in view.nodes or _goes_to_new(self, view, n)]
            for row in reversed(leaving):
                self._remove(parent_id, row)
        # 2. rows that move to another parent the model has
        for parent_id, ids in targets.items():
            for node_id in ids:
                source = self._parents.get(node_id, False)
                if source is False or source == parent_id or node_id not in self._rows:
                    continue
                if parent_id is not None and parent_id not in self._rows:
                    continue
                if not self._move(node_id, parent_id):
                    self._remove(source, self._rows[node_id])  # inserted again in step 4
        # 3. the order among the siblings that stay
        for parent_id, ids in targets.items():
            if parent_id is not None and parent_id not in self._rows:
                continue
            current = self.kids(parent_id)
            order = [n for n in ids if n in self._rows and self._parents.get(n) == parent_id]
            for row, node_id in enumerate(order):
                if current[row] != node_id:
                    self._move_within(parent_id, current.index(node_id), row)
        # 4. new rows, with everything below them
        for parent_id in sorted(targets, key=lambda p: _depth(view, p)):
            if parent_id is not None and parent_id not in self._rows:
                continue  # came with its parent's insertion
            ids = targets[parent_id]
            row = 0
            while row < len(ids):
                if ids[row] in self._rows and self._parents.get(ids[row]) == parent_id:
                    row += 1
                    continue
                end = row
                while end + 1 < len(ids) and not (ids[end + 1] in self._rows
                                                  and self._parents.get(ids[end + 1]) == parent_id):
                    end += 1
                self._insert(parent_id, row, ids[row:end + 1], view)
                row = end + 1

    # --- row operations (the model's begin/end around each change of the shape) -----------

    def _index(self, parent_id: Parent) -> QModelIndex:
        return QModelIndex() if parent_id is None else self.index_of(parent_id)

    def _remove(self, parent_id: Parent, row: int) -> None:
        self.beginRemoveRows(self._index(parent_id), row, row)
        kids = self._kids[parent_id]
        gone = kids.pop(row)
        self._renumber(parent_id, row)
        self._forget(gone)
        self.endRemoveRows()

    def _move(self, node_id: int, parent_id: Parent) -> bool:
        """Move a row to the end of another parent's children; False when Qt refuses (the
        parent sits inside the row's own branch)."""
        source = self._parents[node_id]
        row = self._rows[node_id]
        dest = self.kids(parent_id)
        if not self.beginMoveRows(self._index(source), row, row, self._index(parent_id), len(dest)):
            return False
        self._kids[source].pop(row)
        self._renumber(source, row)
        self._kids.setdefault(parent_id, []).append(node_id)
        self._parents[node_id] = parent_id
        self._rows[node_id] = len(self._kids[parent_id]) - 1
        self.endMoveRows()
        return True

    def _move_within(self, parent_id: Parent, row: int, to: int) -> None:
        index = self._index(parent_id)
        self.beginMoveRows(index, row, row, index, to)  # to < row: lands before row `to`
        kids = self._kids[parent_id]
        kids.insert(to, kids.pop(row))
        self._renumber(parent_id, to)
        self.endMoveRows()

    def _insert(self, parent_id: Parent, row: int, ids: list[int], view: PlanView) -> None:
        self.beginInsertRows(self._index(parent_id), row, row + len(ids) - 1)
        kids = self._kids.setdefault(parent_id, [])
        kids[row:row] = ids
        for node_id in ids:
            self._parents[node_id] = parent_id
            self._take(node_id, [n.id for n in view.nodes[node_id].children], view)
        self._renumber(parent_id, row)
        self.endInsertRows()

    def _take(self, parent_id: Parent, ids: list[int], view: PlanView) -> None:
        """Record a parent's children and everything below them, as `view` holds them."""
        stack = [(parent_id, ids)]
        while stack:
            parent, children = stack.pop()
            if children or parent is None:
                self._kids[parent] = list(children)
            for row, node_id in enumerate(children):
                self._parents[node_id] = parent
                self._rows[node_id] = row
                below = view.nodes[node_id].children
                if below:
                    stack.append((node_id, [n.id for n in below]))

    def _forget(self, node_id: int) -> None:
        stack = [node_id]
        while stack:
            current = stack.pop()
            self._parents.pop(current, None)
            self._rows.pop(current, None)
            stack.extend(self._kids.pop(current, []))

    def _renumber(self, parent_id: Parent, start: int) -> None:
        kids = self._kids[parent_id]
        rows = self._rows
        for row in range(start, len(kids)):
            rows[kids[row]] = row


def _goes_to_new(shape: TreeShape, view: PlanView, node_id: int) -> bool:
    """Does the item move under a parent the model does not have yet (a new item)?"""
    parent_id = view.nodes[node_id].parent_id
    return parent_id is not None and parent_id not in shape._rows


def _depth(view: PlanView, parent_id: Parent) -> int:
    depth = 0
    while parent_id is not None:
        depth += 1
        parent_id = view.nodes[parent_id].parent_id
    return depth
