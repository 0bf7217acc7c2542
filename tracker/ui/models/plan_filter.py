"""Filtering and sorting the plan tree: who leads it, its light and status, deadlines, and words.

Rows are judged from the nodes the source model holds in memory, so filtering never waits on
the database; hits in the long texts (details, every check-in) come in through
`set_note_hits()` from SearchService.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from tracker.domain.model import Light, Node, Status
from tracker.domain.rules import Evaluation
from tracker.services import PlanView
from tracker.ui.models.plan_tree import Column, PlanTreeModel
from tracker.ui.models.word_index import WordIndex

Index = QModelIndex | QPersistentModelIndex

UNASSIGNED = ""  # the lead department or leader chosen as "not yet assigned"
AUTO_OPEN_ROWS = 500  # a filter showing up to this many rows opens the areas holding them


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
        return bool(self.text) or self.structured  # the 含配合 tick alone asks nothing

    @property
    def structured(self) -> bool:
        """True when something besides the words is asked: then areas never match by themselves."""
        return (self.lead_dept is not None or self.leader is not None or self.light is not None
                or self.status is not None or self.overdue or self.due_this_month
                or self.area_id is not None)

    def words(self) -> list[str]:
        return self.text.casefold().split()


class PlanFilter(QSortFilterProxyModel):
    """Keeps the items that meet every criterion, with their areas and everything under them,
    and sorts 序号 as numbers.

    Which rows show is worked out here in Python, over the plan the source model holds, once
    per change of the criteria (`_visible`); `filterAcceptsRow` only looks a row up. A change
    is then applied as one layout change (`invalidate`): Qt's row-by-row filter update removes
    rows range by range and walks every persistent index through the Python `parent()` for
    each range, which took seconds per key on a plan of 10,000 items.

    Words are looked for in what the view holds (序号, task, leader, departments, owner, and the
    long texts when it was loaded with them) at once, and in every check-in (and the long texts
    of a view loaded without them) through `set_note_hits`: the filter bar asks the data file
    for those (SearchService), in the background on a big plan.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = Criteria()
        self._visible: set[int] | None = None  # None: every row shows
        self._next: set[int] | None = None  # what will show once the source has changed
        self._prepared: PlanView | None = None
        self._words = WordIndex()  # finds the rows whose own words hold a search word
        self._meeting_cache: tuple[object, set[int]] | None = None
        self._note_hits: dict[str, frozenset[int]] = {}  # word -> items whose long texts hold it
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)

    # --- criteria -------------------------------------------------------------------

    @property
    def criteria(self) -> Criteria:
        return self._criteria

    def set_criteria(self, criteria: Criteria) -> None:
        if criteria == self._criteria:
            return
        self._criteria = criteria
        self.refilter()

    def update(self, **changes: Any) -> None:
        """Change some criteria, e.g. `update(lead_dept="法制科", overdue=True)`."""
        self.set_criteria(replace(self._criteria, **changes))

    def clear(self) -> None:
        self.set_criteria(Criteria())

    def set_search(self, text: str) -> None:
        """The free-text box (case-insensitive; every word must occur)."""
        self.update(text=text.strip())

    def is_active(self) -> bool:
        return self._criteria.active

    def visible_node_ids(self) -> list[int]:
        """The ids of every row the filter shows, areas included, in plan order (for "export
        what the filter shows")."""
        view = self._view()
        if view is None:
            return []
        visible = self._visible
        return [n.id for n in view.plan.walk() if visible is None or n.id in visible]

    def parents_to_open(self, limit: int = AUTO_OPEN_ROWS) -> set[int]:
        """The areas and items holding what the filter shows, when that is at most `limit`
        rows (a window opens them so the matches show; past that it leaves the tree as the
        user left it rather than lay out a whole city's plan)."""
        view, visible = self._view(), self._visible
        if view is None or visible is None or len(visible) > limit:
            return set()
        nodes = view.nodes
        return {p for p in (nodes[n].parent_id for n in visible if n in nodes) if p is not None}

    # --- words in the long texts ----------------------------------------------------------

    def missing_note_words(self) -> list[str]:
        """Words of the search whose hits in the long texts are not known yet."""
        return [w for w in self._criteria.words() if w not in self._note_hits]

    def note_hits(self, word: str) -> frozenset[int] | None:
        return self._note_hits.get(word)

    def set_note_hits(self, hits: dict[str, frozenset[int]], refilter: bool = True) -> None:
        """Which items' long texts hold each word (SearchService.nodes_mentioning)."""
        self._note_hits.update(hits)
        if refilter and set(hits) & set(self._criteria.words()):
            self.refilter()

    def forget_note_hits(self) -> None:
        """After an edit that may have added or removed words: look them up again."""
        self._note_hits.clear()

    # --- working out the rows ---------------------------------------------------------------

    def setSourceModel(self, source: QAbstractItemModel) -> None:  # type: ignore[override]
        old = self.sourceModel()
        if isinstance(old, PlanTreeModel):
            old.showing.disconnect(self._prepare)
            old.shown.disconnect(self._settle)
        super().setSourceModel(source)
        if isinstance(source, PlanTreeModel):
            source.showing.connect(self._prepare)
            source.shown.connect(self._settle)
            self._visible = self._work_out(source.view)

    def _prepare(self, view: PlanView | None, changed: set[int] | None, structure: bool) -> None:
        """Before the source model shows `view`: a new plan or a reload (`changed` None), or an
        edit (the rows it changed). Works out which rows will show; while the model sends its
        row signals the filter still answers by the rows that showed (as Qt's mapping was
        built), and `_settle` then lays the view out again when other rows show."""
        self._meeting_cache = None  # numbers or names may have changed
        if changed is None or view is not self._prepared:
            self._words.reset()
        else:
            self._words.touched(changed)
        self._prepared = view
        self._next = self._work_out(view)

    def _settle(self) -> None:
        visible, self._next = self._next, None
        if visible != self._visible:
            self._visible = visible
            self.invalidate()

    def refilter(self) -> None:
        visible = self._work_out(self._view())
        if visible == self._visible:
            return
        self._visible = visible
        self.invalidate()

    def _view(self) -> PlanView | None:
        source = self.sourceModel()
        return source.view if isinstance(source, PlanTreeModel) else None

    def _work_out(self, view: PlanView | None) -> set[int] | None:
        """The ids of the rows that show: every item that meets the criteria itself, the areas
        (and parents) above it and everything below it. An item whose area (or parent) holds
        every word belongs to it. Costs about the number of matches, not of items: the words
        are found by WordIndex, the structured criteria are judged once per change of them."""
        criteria = self._criteria
        if not criteria.active or view is None:
            return None
        nodes = view.nodes
        words = criteria.words()
        allowed = self._meeting(view) if criteria.structured else None  # items, never areas
        if words:
            holders = self._holders(view, words)
            matches: set[int] = set()
            for node_id in holders:  # a holder and everything below it belong to the words
                stack = [nodes[node_id]]
                while stack:
                    node = stack.pop()
                    if allowed is None or node.id in allowed:
                        matches.add(node.id)
                    stack.extend(node.children)
        else:
            matches = set(allowed or ())
        visible: set[int] = set()
        whole: set[int] = set()  # branches already shown whole
        for node_id in matches:
            parent = nodes[node_id].parent_id
            while parent is not None and parent not in visible:
                visible.add(parent)
                parent = nodes[parent].parent_id
            if node_id in whole:
                continue
            stack = [nodes[node_id]]
            while stack:
                node = stack.pop()
                visible.add(node.id)
                whole.add(node.id)
                stack.extend(c for c in node.children if c.id not in whole)
        return visible

    def _holders(self, view: PlanView, words: list[str]) -> set[int]:
        """Nodes whose own words (or, for items, long texts) hold every word."""
        nodes = view.nodes
        holders: set[int] | None = None
        for word in words:
            found = self._words.holders(view, word)
            hits = self._note_hits.get(word)
            if hits:
                found |= {n for n in hits if n in nodes and nodes[n].parent_id is not None}
            holders = found if holders is None else holders & found
            if not holders:
                break
        return holders or set()

    def _meeting(self, view: PlanView) -> set[int]:
        """The items that meet the structured criteria (department, leader, light, status,
        deadlines); kept while only the words change."""
        c = replace(self._criteria, text="")
        if self._meeting_cache is not None and self._meeting_cache[0] == (c, id(view)):
            return self._meeting_cache[1]
        today, evaluations = view.today, view.evaluations
        nodes = view.plan.walk() if c.area_id is None else next(
            ([a, *_below(a)] for a in view.plan.areas if a.id == c.area_id), [])
        meeting = {n.id for n in nodes
                   if n.parent_id is not None and self._meets(n, evaluations.get(n.id), today, c)}
        self._meeting_cache = ((c, id(view)), meeting)
        return meeting

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Answered without mapping the children: a view lays out a closed area by asking only
        this (Qt's proxy would judge every item inside it). A row that shows has a child that
        shows whenever it has children at all: it shows because an item below it matched, or
        because it matched and shows whole."""
        source = self.sourceModel()
        if not isinstance(source, PlanTreeModel) or not parent.isValid():
            return super().hasChildren(parent)
        return bool(source.kids(self.mapToSource(parent).internalId()))

    def warm_up(self) -> None:
        """Build the word index before the first key (the search box got the focus)."""
        view = self._view()
        if view is not None:
            self._words.holders(view, "\x01")

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        visible = self._visible
        if visible is None:
            return True
        source = self.sourceModel()
        if not isinstance(source, PlanTreeModel):
            return True
        kids = source.kids(source_parent.internalId() if source_parent.isValid() else None)
        return 0 <= source_row < len(kids) and kids[source_row] in visible

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

    def multiData(self, index: Index, roleDataSpan: Any) -> None:
        """Hand a painted cell's roles to the source in one call (Qt's proxy would ask the
        source role by role)."""
        source = self.sourceModel()
        if source is None or not index.isValid():
            for item in roleDataSpan:
                item.clearData()
            return
        source.multiData(self.mapToSource(index), roleDataSpan)

    # --- sorting ---------------------------------------------------------------------

    def _tree(self) -> PlanTreeModel | None:
        source = self.sourceModel()
        return source if isinstance(source, PlanTreeModel) else None

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


def _below(node: Node) -> list[Node]:
    out: list[Node] = []
    stack = list(node.children)
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.children)
    return out


def is_overdue(node: Node, ev: Evaluation, today: dt.date) -> bool:
    """Past its deadline (年底前 when none is set) and not done."""
    return today > ev.due and node.status is not Status.DONE and ev.progress < 100


_NUMERIC = {Column.CODE, Column.DUE, Column.PROGRESS, Column.LIGHT, Column.STATUS}


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", code))

