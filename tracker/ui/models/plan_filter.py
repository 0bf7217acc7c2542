"""Filtering and sorting the plan tree: who leads it, its light and status, deadlines, and words.

A drop-in replacement for PlanFilterModel over the same PlanTreeModel. Rows are judged from the
nodes the source model holds in memory, so filtering never waits on the database; the words of
older check-ins come in through `set_notes()` (read once per reload by SearchService).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from tracker.domain.model import Light, Node, Status
from tracker.domain.rules import Evaluation
from tracker.ui.models.plan_tree import Column, PlanTreeModel, Role

Index = QModelIndex | QPersistentModelIndex

UNASSIGNED = ""  # the lead department or leader chosen as "not yet assigned"


@dataclass(frozen=True)
class Criteria:
    """What the filter bar asks for; None (or False, or empty text) means "any"."""

    text: str = ""
    lead_dept: str | None = None
    with_cooperating: bool = False  # lead_dept matches cooperating departments too ("my department")
    leader: str | None = None
    light: Light | None = None
    status: Status | None = None
    overdue: bool = False
    due_this_month: bool = False
    area_id: int | None = None  # only this area's items (a click on the dashboard's bar)

    @property
    def active(self) -> bool:
        return replace(self, with_cooperating=False) != Criteria()  # the tick alone asks nothing

    @property
    def structured(self) -> bool:
        """True when something besides the words is asked: then areas never match by themselves."""
        return replace(self, text="", with_cooperating=False).active

    def words(self) -> list[str]:
        return self.text.casefold().split()


class PlanFilter(QSortFilterProxyModel):
    """Keeps the items that meet every criterion, with their areas (recursive filtering) and the
    sub-items of a kept item (auto-accepted children), and sorts 序号 as numbers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)  # a matching area or item keeps what is under it
        self._criteria = Criteria()
        self._notes: dict[int, str] = {}
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)

    # --- criteria -------------------------------------------------------------------

    @property
    def criteria(self) -> Criteria:
        return self._criteria

    def set_criteria(self, criteria: Criteria) -> None:
        if criteria == self._criteria:
            return
        self.beginFilterChange()
        self._criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def update(self, **changes: Any) -> None:
        """Change some criteria, e.g. `update(lead_dept="法制科", overdue=True)`."""
        self.set_criteria(replace(self._criteria, **changes))

    def clear(self) -> None:
        self.set_criteria(Criteria())

    def set_search(self, text: str) -> None:
        """The free-text box, as PlanFilterModel had it (case-insensitive; every word must occur)."""
        self.update(text=text.strip())

    def set_notes(self, notes: dict[int, str]) -> None:
        """The words of every check-in per node id (SearchService.checkin_notes)."""
        if notes == self._notes:
            return
        self.beginFilterChange()
        self._notes = dict(notes)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_active(self) -> bool:
        return self._criteria.active

    def visible_node_ids(self) -> list[int]:
        """The ids of every row the filter shows, areas included, in the order shown (for
        "export what the filter shows")."""
        out: list[int] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                node_id = index.data(Role.NODE_ID)
                if node_id is not None:
                    out.append(int(node_id))
                walk(index)

        walk(QModelIndex())
        return out

    # --- judging rows ----------------------------------------------------------------

    def _tree(self) -> PlanTreeModel | None:
        source = self.sourceModel()
        return source if isinstance(source, PlanTreeModel) else None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        criteria = self._criteria
        if not criteria.active:
            return True
        tree = self._tree()
        if tree is None or tree.view is None:
            return True
        index = tree.index(source_row, 0, source_parent)
        node = tree.node(index)
        if node is None:
            return False
        if node.parent_id is None and criteria.structured:
            return False  # an area is a heading: it shows because its items match
        if criteria.area_id is not None and tree.view.area_of(node).id != criteria.area_id:
            return False
        ev = tree.view.evaluations.get(node.id)
        if not self._meets(node, ev, tree.view.today, criteria):
            return False
        words = criteria.words()
        if not words:
            return True
        text = self._haystack(tree, index, node)
        if all(w in text for w in words):
            return True
        # an item inside an area whose heading holds the words belongs to it
        parent = tree.parent(index)
        while parent.isValid():
            above = tree.node(parent)
            if above is not None and all(w in self._haystack(tree, parent, above) for w in words):
                return True
            parent = tree.parent(parent)
        return False

    @staticmethod
    def _meets(node: Node, ev: Evaluation | None, today: dt.date, c: Criteria) -> bool:
        if c.lead_dept is not None and node.lead_dept != c.lead_dept and not (
                c.with_cooperating and c.lead_dept in node.co_depts):
            return False
        if c.leader is not None and node.leader != c.leader:
            return False
        if c.status is not None and node.status is not c.status:
            return False
        if ev is None:
            return not (c.light or c.overdue or c.due_this_month)
        if c.light is not None and ev.light is not c.light:
            return False
        if c.overdue and not is_overdue(node, ev, today):
            return False
        return not (c.due_this_month and (ev.due.year, ev.due.month) != (today.year, today.month))

    def _haystack(self, tree: PlanTreeModel, index: QModelIndex, node: Node) -> str:
        parts = [str(tree.data(index, Role.SEARCH) or "")]
        if node.parent_id is not None:  # an area's check-ins are its items'
            latest = node.latest
            if latest is not None:
                parts += [latest.progress_text, latest.problems, latest.next_steps, latest.reporter]
            parts.append(self._notes.get(node.id, ""))
        return " ".join(parts).casefold()

    # --- sorting ---------------------------------------------------------------------

    def lessThan(self, left: Index, right: Index) -> bool:
        tree = self._tree()
        if tree is None or tree.view is None:
            return super().lessThan(left, right)
        a, b = tree.node(left), tree.node(right)
        if a is None or b is None:
            return super().lessThan(left, right)
        column = Column(left.column())
        if column in _NUMERIC:
            ka, kb = self._sort_key(tree, a, column), self._sort_key(tree, b, column)
            if ka != kb:
                return bool(ka < kb)
        else:  # names by pinyin
            order = self._collator.compare(str(left.data() or ""), str(right.data() or ""))
            if order:
                return order < 0
        return _code_key(a.code) < _code_key(b.code)  # ties keep plan order

    def _sort_key(self, tree: PlanTreeModel, node: Node, column: Column) -> Any:
        assert tree.view is not None
        ev = tree.view.evaluations.get(node.id)
        if column is Column.CODE:
            return _code_key(node.code)
        if column is Column.DUE:
            return ev.due if ev else dt.date.max
        if column is Column.PROGRESS:
            return ev.progress if ev else 0.0
        if column is Column.LIGHT:
            return ev.light.severity if ev else -1
        if column is Column.STATUS:
            return list(Status).index(node.status)
        return 0


def is_overdue(node: Node, ev: Evaluation, today: dt.date) -> bool:
    """Past its deadline (年底前 when none is set) and not done."""
    return today > ev.due and node.status is not Status.DONE and ev.progress < 100


_NUMERIC = {Column.CODE, Column.DUE, Column.PROGRESS, Column.LIGHT, Column.STATUS}


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", code))

