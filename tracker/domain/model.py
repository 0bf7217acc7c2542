"""The plan's vocabulary as plain dataclasses: no Qt, no SQL, so rules are testable alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    AREA = "area"
    TASK = "task"
    SUBTASK = "subtask"


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SUSPENDED = "suspended"


class Light(StrEnum):
    """Ordered from best to worst so a parent can show its worst child's light."""

    BLUE = "blue"
    GRAY = "gray"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def severity(self) -> int:
        return _LIGHT_ORDER.index(self)


_LIGHT_ORDER = [Light.BLUE, Light.GRAY, Light.GREEN, Light.YELLOW, Light.RED]


@dataclass(frozen=True)
class Thresholds:
    """Lag (expected − actual, in points) up to `green_max` is green, up to `yellow_max` yellow."""

    green_max: float = 10.0
    yellow_max: float = 30.0


@dataclass(slots=True)
class CheckIn:
    id: int
    node_id: int
    date: dt.date
    progress: float
    progress_text: str = ""
    problems: str = ""
    next_steps: str = ""
    reporter: str = ""
    created_at: str = ""


@dataclass(slots=True)
class Node:
    """An area, task or sub-task of a plan; `children` is filled when a plan is loaded.

    Slotted: a city-wide plan holds 100,000 of these in the window."""

    id: int
    plan_id: int
    parent_id: int | None
    position: int
    kind: Kind
    title: str
    detail: str = ""
    source_excerpt: str = ""
    leader: str = ""
    lead_dept: str = ""
    co_depts: list[str] = field(default_factory=list)
    owner: str = ""
    start: dt.date | None = None
    due: dt.date | None = None
    baseline_due: dt.date | None = None
    weight: float = 1.0
    status: Status = Status.NOT_STARTED
    latest: CheckIn | None = None
    children: list[Node] = field(default_factory=list)
    code: str = ""


@dataclass(frozen=True)
class Department:
    """A department with how much it carries: the departments dialog lists these."""

    id: int
    name: str
    leads: int = 0  # items it leads (牵头)
    cooperates: int = 0  # items it helps with (配合)
    people: int = 0
    position: int | None = None  # in the bureau's own order; None until arranged


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    dept_id: int | None
    dept: str
    role: str


@dataclass(frozen=True)
class Extension:
    """One deadline move after the lock: from `old_due` to `new_due`, why, by whom, when."""

    id: int
    node_id: int
    at: str
    who: str
    old_due: dt.date | None
    new_due: dt.date | None
    reason: str


@dataclass(frozen=True)
class LogEntry:
    """One change-log line: who changed which field of a row from what to what, when."""

    at: str
    who: str
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class NodeRecord:
    """One stored node as an edit reads it: its own columns plus its plan's year and lock.

    Unlike `Node` it carries no loaded children or latest check-in: edits read one row."""

    id: int
    plan_id: int
    parent_id: int | None
    position: int
    kind: Kind
    title: str
    detail: str
    leader: str
    owner: str
    start: dt.date | None
    due: dt.date | None
    baseline_due: dt.date | None
    weight: float
    status: Status
    lead_dept_id: int | None
    lead_dept: str
    year: int
    locked_at: str | None


@dataclass(frozen=True)
class PlanRecord:
    id: int
    year: int
    title: str
    locked_at: str | None
    thresholds: Thresholds


@dataclass
class Plan:
    id: int
    year: int
    title: str
    source_text: str = ""
    created_at: str = ""
    thresholds: Thresholds = field(default_factory=Thresholds)
    locked_at: str | None = None
    areas: list[Node] = field(default_factory=list)

    def walk(self) -> list[Node]:
        """Every node in plan order (depth first), areas included."""
        out: list[Node] = []
        stack = list(reversed(self.areas))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    def find(self, code: str) -> Node | None:
        return next((n for n in self.walk() if n.code == code), None)


@dataclass
class NodeDraft:
    """An area or item not yet saved: what an importer produces.

    `span` is where the node's text sits in the draft's `source_text` (start, end), so a
    preview can show the passage an item came from; None for nodes made by hand.
    """

    kind: Kind
    title: str
    detail: str = ""
    source_excerpt: str = ""
    children: list[NodeDraft] = field(default_factory=list)
    due: dt.date | None = None
    lead_dept: str = ""
    co_depts: list[str] = field(default_factory=list)
    span: tuple[int, int] | None = None


class SkipReason(StrEnum):
    """Why a passage of a report did not become an item (shown beside the preview)."""

    PREAMBLE = "preamble"  # 指导思想, 总体要求, an area's or the plan's lead-in sentence
    CLOSING = "closing"  # 保障措施, 工作要求, signatures, dates, 附件 lists
    NOISE = "noise"  # bylines, page numbers, links and other pasted web furniture
    OUTSIDE = "outside"  # the review, the problems: parts of the report that are not the plan
    HEADING = "heading"  # 三、重点任务: the heading over a whole plan's areas, neither item nor title
    DROPPED = "dropped"  # taken out of the plan by the user in the preview

    @property
    def label(self) -> str:
        return _SKIP_LABELS[self]


_SKIP_LABELS = {
    SkipReason.PREAMBLE: "前言/导语",
    SkipReason.CLOSING: "结尾/保障措施",
    SkipReason.NOISE: "网页或版面杂项",
    SkipReason.OUTSIDE: "计划部分之外",
    SkipReason.HEADING: "计划部分标题",
    SkipReason.DROPPED: "已从计划中删除",
}


@dataclass
class SkippedPassage:
    """A passage of the report that is in no item, and why: nothing is dropped silently."""

    text: str
    reason: SkipReason
    span: tuple[int, int] | None = None


@dataclass
class PlanDraft:
    """A plan read from a report, before it is saved.

    `year_unsure` says the year was guessed (from a date in the text, or not found at all,
    then 0), so a preview asks before saving; `skipped` holds every passage left out.
    """

    year: int
    title: str
    source_text: str = ""
    intro: str = ""
    areas: list[NodeDraft] = field(default_factory=list)
    skipped: list[SkippedPassage] = field(default_factory=list)
    year_unsure: bool = False
    year_note: str = ""

    @property
    def item_count(self) -> int:
        return sum(len(a.children) for a in self.areas)
