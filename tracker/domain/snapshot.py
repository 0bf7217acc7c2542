"""A plan as it stood on a day, and the frozen copy a closed period keeps of it. No Qt, no SQL.

A closed period stores every node's shown values (`FrozenItem`) rather than a pointer to
check-ins, so later edits, check-ins, renames or deletions never change what the period
said; `thaw` turns the stored rows back into a plan tree the window can show "as of".
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from tracker.domain import rules
from tracker.domain.model import CheckIn, Kind, Light, Node, Plan, Status
from tracker.domain.rules import Evaluation


@dataclass(frozen=True)
class FrozenItem:
    """One node's values at a period's end, as the period was closed."""

    node_id: int
    parent_id: int | None
    position: int
    kind: Kind
    code: str
    area: str
    title: str
    detail: str
    leader: str
    lead_dept: str
    co_depts: tuple[str, ...]
    owner: str
    due: dt.date
    progress: float
    expected: float
    status: Status
    light: Light
    latest: CheckIn | None = field(default=None, compare=False)
    weight: float = 1.0

    @property
    def is_item(self) -> bool:
        return self.parent_id is not None

    def overdue(self, day: dt.date) -> bool:
        """Past its deadline on `day` and not finished."""
        return day > self.due and self.status is not Status.DONE and self.progress < 100


def overall(items: list[FrozenItem]) -> float:
    """The plan's progress from frozen rows: the weighted mean of its areas."""
    return rules.weighted_mean([(i.progress, i.weight) for i in items if i.parent_id is None])


def status_as_of(current: Status, latest_now: CheckIn | None, latest_then: CheckIn | None) -> Status:
    """The status on the day: today's, unless later check-ins moved it since."""
    if latest_now == latest_then or current is Status.SUSPENDED:
        return current
    progress = latest_then.progress if latest_then else 0.0
    if progress >= 100:
        return Status.DONE
    if progress > 0:
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def plan_as_of(
    plan: Plan, latest_then: dict[int, CheckIn], day: dt.date
) -> tuple[Plan, dict[int, Evaluation]]:
    """A copy of `plan` whose items carry their latest check-in dated on or before `day`,
    evaluated for `day` (so 序时进度 and lights are the day's)."""
    then = copy.copy(plan)  # nodes are copied one level deep: check-ins are never changed here
    then.areas = [_clone(area) for area in plan.areas]
    for node in then.walk():
        if node.children:
            continue
        before = latest_then.get(node.id)
        node.status = status_as_of(node.status, node.latest, before)
        node.latest = before
    return then, rules.evaluate(then, day)


def _clone(node: Node) -> Node:
    twin = copy.copy(node)
    twin.co_depts = list(node.co_depts)
    twin.children = [_clone(child) for child in node.children]
    return twin


def freeze(plan: Plan, evaluations: dict[int, Evaluation]) -> list[FrozenItem]:
    """Every node (areas too, for the roll-ups) in plan order; codes must be assigned."""
    areas = {n.id: area.title for area in plan.areas for n in _subtree(area)}
    out: list[FrozenItem] = []
    for node in plan.walk():
        ev = evaluations[node.id]
        out.append(
            FrozenItem(
                node.id,
                node.parent_id,
                node.position,
                node.kind,
                node.code,
                areas[node.id],
                node.title,
                node.detail,
                node.leader,
                node.lead_dept,
                tuple(node.co_depts),
                node.owner,
                ev.due,
                round(ev.progress, 4),
                round(ev.expected, 4),
                node.status,
                ev.light,
                None if node.children else node.latest,
                node.weight,
            )
        )
    return out


def thaw(plan: Plan, items: list[FrozenItem]) -> tuple[Plan, dict[int, Evaluation]]:
    """A plan tree built from frozen rows (`plan` gives the id, year and title), and their
    values as evaluations: what the tree shows as of a closed period."""
    shown = Plan(
        plan.id,
        plan.year,
        plan.title,
        created_at=plan.created_at,
        thresholds=plan.thresholds,
        locked_at=plan.locked_at,
    )
    nodes: dict[int, Node] = {}
    evaluations: dict[int, Evaluation] = {}
    start = rules.year_start(plan.year)
    for item in items:
        nodes[item.node_id] = Node(
            id=item.node_id,
            plan_id=plan.id,
            parent_id=item.parent_id,
            position=item.position,
            kind=item.kind,
            title=item.title,
            detail=item.detail,
            leader=item.leader,
            lead_dept=item.lead_dept,
            co_depts=list(item.co_depts),
            owner=item.owner,
            due=item.due,
            status=item.status,
            latest=item.latest,
            code=item.code,
            weight=item.weight,
        )
        evaluations[item.node_id] = Evaluation(item.progress, item.expected, item.light, start, item.due)
    for item in items:  # rows come in plan order, so children land in order
        node = nodes[item.node_id]
        if item.parent_id is None or item.parent_id not in nodes:
            shown.areas.append(node)
        else:
            nodes[item.parent_id].children.append(node)
    return shown, evaluations


def _subtree(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.children)
    return out
