"""Roll-up, expected progress and lights (DESIGN.md "Rules") as pure functions.

Kept free of storage so the same numbers appear in the window, the CLI and the ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tracker.domain.model import CheckIn, Light, Node, Plan, Status, Thresholds


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What a node shows: its (rolled-up) progress, expected progress and light."""

    progress: float
    expected: float
    light: Light
    start: dt.date
    due: dt.date

    @property
    def overdue(self) -> bool:
        return self.light is Light.RED and self.progress < 100


def year_start(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def year_end(year: int) -> dt.date:
    """年底前 — the default deadline is Dec 31 of the plan year."""
    return dt.date(year, 12, 31)


def expected_progress(start: dt.date, due: dt.date, today: dt.date) -> float:
    """序时进度: the share of [start, due] elapsed at `today`, in percent (0–100)."""
    if today < start:
        return 0.0
    if today >= due or due <= start:
        return 100.0
    return (today - start).days / (due - start).days * 100.0


def leaf_light(
    *,
    status: Status,
    progress: float,
    has_checkin: bool,
    start: dt.date,
    due: dt.date,
    today: dt.date,
    thresholds: Thresholds | None = None,
) -> Light:
    """The light of an item without children."""
    if status is Status.DONE or progress >= 100:
        return Light.BLUE
    if status is Status.SUSPENDED:
        return Light.GRAY
    if today > due:
        return Light.RED
    if not has_checkin and (status is Status.NOT_STARTED or today < start):
        return Light.GRAY
    thresholds = thresholds or Thresholds()
    lag = expected_progress(start, due, today) - progress
    if lag <= thresholds.green_max:
        return Light.GREEN
    if lag <= thresholds.yellow_max:
        return Light.YELLOW
    return Light.RED


def worst(lights: list[Light]) -> Light:
    return max(lights, key=lambda light: light.severity)


def weighted_mean(values: list[tuple[float, float]]) -> float:
    """Mean of (value, weight) pairs; equal weights when every weight is zero."""
    total = sum(w for _, w in values)
    if total <= 0:
        return sum(v for v, _ in values) / len(values) if values else 0.0
    return sum(v * w for v, w in values) / total


def evaluate(plan: Plan, today: dt.date, *, latest: Mapping[int, CheckIn | None] | None = None,
             status: Mapping[int, Status] | None = None) -> dict[int, Evaluation]:
    """Evaluate every node of a loaded plan: leaves from their latest check-in, parents rolled up.

    `latest` and `status`, when given, stand in for the leaves' own (the plan as it was on an
    earlier day, domain/snapshot.py), so a year of month-ends is evaluated without copying the
    plan twelve times."""
    result: dict[int, Evaluation] = {}
    walker = _Evaluator(plan, today, result, latest, status)
    start, due = year_start(plan.year), year_end(plan.year)
    for area in plan.areas:
        walker.visit(area, start, due)
    return result


def reevaluate(plan: Plan, evaluations: dict[int, Evaluation], nodes: dict[int, Node],
               changed: Iterable[int], today: dt.date) -> dict[int, Evaluation | None]:
    """Bring `evaluations` up to date after the nodes in `changed` changed their own values.

    Each changed node is evaluated again with everything below it (its sub-items inherit its
    dates), then its ancestors are rolled up again, deepest first; the rest of the plan keeps
    its numbers. `nodes` maps every node of the plan by id. Returns the nodes whose evaluation
    is not what it was (what a view repaints), each with the evaluation it had (None: new).
    Gives what `evaluate` gives for the whole plan.
    """
    result: dict[int, Evaluation] = {}
    walker = _Evaluator(plan, today, result)
    default_start, default_due = year_start(plan.year), year_end(plan.year)
    tops: set[int] = set()
    wanted = {n for n in changed if n in nodes}
    for node_id in wanted:
        parent = nodes[node_id].parent_id
        while parent is not None and parent not in wanted:  # inside a changed subtree: covered
            parent = nodes[parent].parent_id
        if parent is None:
            tops.add(node_id)
    ancestors: dict[int, int] = {}  # id -> depth
    for node_id in tops:
        node = nodes[node_id]
        above = evaluations.get(node.parent_id) if node.parent_id is not None else None
        start, due = (above.start, above.due) if above else (default_start, default_due)
        if node.parent_id is not None and above is None:  # a new parent: fall back to the top
            start, due = _inherited(nodes, node, default_start, default_due)
        walker.visit(node, start, due)
        parent = node.parent_id
        chain: list[int] = []
        while parent is not None:
            chain.append(parent)
            parent = nodes[parent].parent_id
        for depth, ancestor in enumerate(reversed(chain)):
            ancestors[ancestor] = depth
    for ancestor in sorted(ancestors, key=ancestors.__getitem__, reverse=True):
        node = nodes[ancestor]
        old = evaluations.get(ancestor)
        start, due = (old.start, old.due) if old else _inherited(
            nodes, node, default_start, default_due)
        kids = [result.get(child.id) or evaluations[child.id] for child in node.children]
        result[ancestor] = walker.combine(node, start, due, kids)
    differs = {n: evaluations.get(n) for n, ev in result.items() if evaluations.get(n) != ev}
    evaluations.update(result)
    return differs


def _inherited(nodes: dict[int, Node], node: Node, start: dt.date, due: dt.date) -> tuple[dt.date, dt.date]:
    """A node's effective (start, due) from its own and its ancestors' dates."""
    chain = [node]
    while chain[-1].parent_id is not None:
        chain.append(nodes[chain[-1].parent_id])
    for above in reversed(chain):
        start, due = above.start or start, above.due or due
    return start, due


class _Evaluator:
    """One pass of evaluation with what every node shares (the day, thresholds, and the
    expected progress of each (start, due) pair, which most items share)."""

    def __init__(self, plan: Plan, today: dt.date, out: dict[int, Evaluation],
                 latest: Mapping[int, CheckIn | None] | None = None,
                 status: Mapping[int, Status] | None = None) -> None:
        self.today = today
        self.thresholds = plan.thresholds
        self.out = out
        self.latest = latest
        self.status = status
        self._expected: dict[tuple[dt.date, dt.date], float] = {}

    def expected(self, start: dt.date, due: dt.date) -> float:
        key = (start, due)
        value = self._expected.get(key)
        if value is None:
            value = self._expected[key] = expected_progress(start, due, self.today)
        return value

    def visit(self, node: Node, parent_start: dt.date, parent_due: dt.date) -> Evaluation:
        start = node.start or parent_start
        due = node.due or parent_due
        if node.children:
            kids = [self.visit(child, start, due) for child in node.children]
            return self.combine(node, start, due, kids)
        latest = node.latest if self.latest is None else self.latest.get(node.id)
        status = node.status if self.status is None else self.status.get(node.id, node.status)
        progress = latest.progress if latest else 0.0
        if status is Status.DONE:
            progress = 100.0
        light = leaf_light(status=status, progress=progress, has_checkin=latest is not None,
                           start=start, due=due, today=self.today, thresholds=self.thresholds)
        ev = Evaluation(progress, self.expected(start, due), light, start, due)
        self.out[node.id] = ev
        return ev

    def combine(self, node: Node, start: dt.date, due: dt.date, kids: list[Evaluation]) -> Evaluation:
        """A parent's numbers from its children's: weighted mean progress, worst light."""
        if not node.children:  # it lost its last child: a leaf again
            return self.visit(node, start, due)
        progress = weighted_mean(
            [(ev.progress, child.weight) for ev, child in zip(kids, node.children, strict=True)])
        light = Light.BLUE if node.status is Status.DONE else worst([k.light for k in kids])
        ev = Evaluation(progress, self.expected(start, due), light, start, due)
        self.out[node.id] = ev
        return ev


def plan_progress(plan: Plan, evaluations: dict[int, Evaluation]) -> float:
    """Overall progress: the weighted mean of the areas."""
    return weighted_mean([(evaluations[a.id].progress, a.weight) for a in plan.areas])


def plan_expected(plan: Plan, today: dt.date) -> float:
    return expected_progress(year_start(plan.year), year_end(plan.year), today)


def assign_codes(plan: Plan) -> None:
    """序号: "2" for area 2, "2.3" for its third item — derived from order, never stored."""

    def number(nodes: list[Node], prefix: str) -> None:
        for i, node in enumerate(nodes, start=1):
            node.code = f"{prefix}{i}"
            number(node.children, node.code + ".")

    number(plan.areas, "")


def assign_codes_below(children: list[Node], prefix: str) -> None:
    """序号 again for these siblings and everything under them (after a move or an insert);
    `prefix` is their parent's code and a dot, or "" for areas."""
    for i, node in enumerate(children, start=1):
        node.code = f"{prefix}{i}"
        assign_codes_below(node.children, node.code + ".")


def light_counts(plan: Plan, evaluations: dict[int, Evaluation]) -> dict[Light, int]:
    """How many leaf items show each light (areas are summaries, not counted)."""
    counts = {light: 0 for light in Light}
    for node in plan.walk():
        if node.parent_id is not None and not node.children:
            counts[evaluations[node.id].light] += 1
    return counts
