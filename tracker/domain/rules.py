"""Roll-up, expected progress and lights (DESIGN.md "Rules") as pure functions.

Kept free of storage so the same numbers appear in the window, the CLI and the ledger.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.domain.model import Light, Node, Plan, Status, Thresholds


@dataclass(frozen=True)
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


def evaluate(plan: Plan, today: dt.date) -> dict[int, Evaluation]:
    """Evaluate every node of a loaded plan: leaves from their latest check-in, parents rolled up."""
    result: dict[int, Evaluation] = {}
    default_start, default_due = year_start(plan.year), year_end(plan.year)

    def visit(node: Node, parent_start: dt.date, parent_due: dt.date) -> Evaluation:
        start = node.start or parent_start
        due = node.due or parent_due
        if node.children:
            kids = [visit(child, start, due) for child in node.children]
            progress = weighted_mean(
                [(ev.progress, child.weight) for ev, child in zip(kids, node.children, strict=True)]
            )
            light = Light.BLUE if node.status is Status.DONE else worst([k.light for k in kids])
        else:
            progress = node.latest.progress if node.latest else 0.0
            if node.status is Status.DONE:
                progress = 100.0
            light = leaf_light(
                status=node.status,
                progress=progress,
                has_checkin=node.latest is not None,
                start=start,
                due=due,
                today=today,
                thresholds=plan.thresholds,
            )
        ev = Evaluation(progress, expected_progress(start, due, today), light, start, due)
        result[node.id] = ev
        return ev

    for area in plan.areas:
        visit(area, default_start, default_due)
    return result


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


def light_counts(plan: Plan, evaluations: dict[int, Evaluation]) -> dict[Light, int]:
    """How many leaf items show each light (areas are summaries, not counted)."""
    counts = {light: 0 for light in Light}
    for node in plan.walk():
        if node.parent_id is not None and not node.children:
            counts[evaluations[node.id].light] += 1
    return counts
