"""A loaded plan with its numbers, kept up to date one edit at a time.

The window holds one `PlanView` for as long as it shows a plan. After an edit it asks
`PlanService.refresh` to re-read only the items the edit touched (and, when the tree's shape
changed, the shape itself: ids, parents and positions, which is cheap); the view updates those
items in place, renumbers what moved, rolls the numbers up again along the touched branches,
and says which rows now look different (`Refreshed`). A 100,000-item plan is never re-read
for a check-in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker.domain import rules
from tracker.domain.model import Light, Node, Plan
from tracker.domain.rules import Evaluation

# What a refresh copies from a re-read node into the one the view holds (children and code
# are the view's own: they follow from the tree's shape).
_FIELDS = ("parent_id", "position", "kind", "title", "detail", "source_excerpt", "leader",
           "lead_dept", "co_depts", "owner", "start", "due", "baseline_due", "weight", "status",
           "latest")
_NAMES = ("leader", "lead_dept", "co_depts")


@dataclass
class PlanView:
    """A loaded plan with the numbers every view shows, computed once for `today`.

    `texts` is False when the long texts (details, the report's words, the latest check-in's
    words) were left out of the load, as the window does; `full_node` reads them for one item.
    """

    plan: Plan
    evaluations: dict[int, Evaluation]
    today: dt.date
    texts: bool = True
    nodes: dict[int, Node] = field(default_factory=dict, repr=False)
    _counts: dict[Light, int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.nodes:
            self.nodes = {n.id: n for n in self.plan.walk()}

    @property
    def progress(self) -> float:
        return rules.plan_progress(self.plan, self.evaluations)

    @property
    def expected(self) -> float:
        return rules.plan_expected(self.plan, self.today)

    @property
    def light_counts(self) -> dict[Light, int]:
        """How many leaf items show each light (kept up to date by refreshes)."""
        if self._counts is None:
            self._counts = rules.light_counts(self.plan, self.evaluations)
        return self._counts

    def items(self) -> list[Node]:
        """Every task and sub-task in plan order (areas left out)."""
        return [n for n in self.plan.walk() if n.parent_id is not None]

    def departments_up(self, node: Node) -> list[str]:
        """The lead and cooperating departments of the node and of its parents: who may report
        on it (the rule of a department login, domain/access.py)."""
        out: list[str] = []
        current: Node | None = node
        while current is not None:
            out.extend([current.lead_dept, *current.co_depts])
            current = self.nodes.get(current.parent_id) if current.parent_id is not None else None
        return [d for d in out if d]

    def area_of(self, node: Node) -> Node:
        """The area a node sits in."""
        while node.parent_id is not None:
            node = self.nodes[node.parent_id]
        return node

    def siblings(self, parent_id: int | None) -> list[Node]:
        """A parent's children in order (the areas for None)."""
        return self.plan.areas if parent_id is None else self.nodes[parent_id].children


@dataclass(frozen=True)
class Refreshed:
    """What a refresh changed in a view, for a model to repaint just that.

    `changed`: rows (still in the plan) whose shown values, numbers or 序号 changed;
    `parents`: parents whose list of children changed (None: the list of areas);
    `added` / `removed`: items that came or went; `names`: a leader or department name came
    or went (lists of names need refilling).
    """

    changed: frozenset[int] = frozenset()
    parents: frozenset[int | None] = frozenset()
    added: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()
    names: bool = False

    @property
    def structure(self) -> bool:
        return bool(self.parents)


def apply_nodes(view: PlanView, fresh: dict[int, Node],
                shape: list[tuple[int, int | None, int]] | None) -> Refreshed:
    """Put re-read nodes (and, when given, the plan's current shape) into `view`.

    `fresh` holds the re-read nodes (every new one among them); `shape` is (id, parent,
    position) of every node, in order, when items may have come, gone or moved."""
    nodes = view.nodes
    changed: set[int] = set()
    parents: set[int | None] = set()
    added: set[int] = set()
    removed: set[int] = set()
    names = False
    if shape is not None:
        present = {row[0] for row in shape}
        removed = set(nodes) - present
        added = present - set(nodes)
        missing = added - set(fresh)
        if missing:
            raise KeyError(f"nodes {sorted(missing)[:5]} came without their rows")
    for node_id, new in fresh.items():
        old = nodes.get(node_id)
        if old is None:
            nodes[node_id] = new
            changed.add(node_id)
            names = names or any(getattr(new, f) for f in _NAMES)
            continue
        for name in _FIELDS:
            value = getattr(new, name)
            if getattr(old, name) != value:
                names = names or name in _NAMES
                setattr(old, name, value)
                changed.add(node_id)
    if shape is not None:
        for node_id in removed:
            gone = nodes.pop(node_id)
            names = names or any(getattr(gone, f) for f in _NAMES)
            view.evaluations.pop(node_id, None)
        changed -= removed
        parents, moved = _reshape(view, shape)
        changed |= moved
        changed |= _renumber(view, parents)
    touched = {n for n in changed | parents if n is not None}
    numbers = rules.reevaluate(view.plan, view.evaluations, nodes, touched, view.today)
    changed |= numbers.keys()
    if parents:
        view._counts = None  # leaves came or went: count again when asked
    elif view._counts is not None:
        for node_id, before in numbers.items():
            item = nodes[node_id]
            if item.parent_id is not None and not item.children and before is not None:
                view._counts[before.light] -= 1
                view._counts[view.evaluations[node_id].light] += 1
    return Refreshed(frozenset(changed), frozenset(parents), frozenset(added), frozenset(removed),
                     names)


def _reshape(view: PlanView, shape: list[tuple[int, int | None, int]]
             ) -> tuple[set[int | None], set[int]]:
    """Make the view's tree match `shape` (ordered by parent, position, id); returns the
    parents whose children changed and the nodes that moved."""
    nodes = view.nodes
    kids: dict[int | None, list[int]] = {}
    moved: set[int] = set()
    for node_id, parent_id, position in shape:
        kids.setdefault(parent_id, []).append(node_id)
        node = nodes[node_id]
        if node.parent_id != parent_id or node.position != position:
            node.parent_id, node.position = parent_id, position
            moved.add(node_id)
    parents: set[int | None] = set()
    for parent_id in {None, *kids, *(n.id for n in nodes.values() if n.children)}:
        wanted = kids.get(parent_id, [])
        current = view.siblings(parent_id)
        if len(current) != len(wanted) or any(n.id != i for n, i in zip(current, wanted, strict=True)):
            current[:] = [nodes[i] for i in wanted]
            parents.add(parent_id)
    return parents, moved


def _renumber(view: PlanView, parents: Iterable[int | None]) -> set[int]:
    """序号 again under each parent whose children changed; returns the ids whose code changed."""
    nodes = view.nodes
    depth = {p: _depth(nodes, p) for p in parents}
    done: set[int | None] = set()
    changed: set[int] = set()
    for parent_id in sorted(depth, key=depth.__getitem__):
        if _within(nodes, parent_id, done):
            continue
        done.add(parent_id)
        prefix = "" if parent_id is None else nodes[parent_id].code + "."
        below = view.siblings(parent_id)
        old = {n.id: n.code for n in _subtree(below)}
        rules.assign_codes_below(below, prefix)
        changed |= {n.id for n in _subtree(below) if old.get(n.id) != n.code}
    return changed


def _depth(nodes: dict[int, Node], node_id: int | None) -> int:
    depth = 0
    while node_id is not None:
        depth += 1
        node_id = nodes[node_id].parent_id
    return depth


def _within(nodes: dict[int, Node], node_id: int | None, done: set[int | None]) -> bool:
    """Is `node_id` below (or at) a parent already renumbered?"""
    if None in done:
        return True
    while node_id is not None:
        if node_id in done:
            return True
        node_id = nodes[node_id].parent_id
    return False


def _subtree(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    stack = list(nodes)
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(node.children)
    return out
