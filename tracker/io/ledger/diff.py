"""Match a returned ledger's rows to a plan's items and list what the departments changed.

Rows are matched by the hidden id, falling back to 序号 + 工作任务 when the id column was
lost. A row that matches nothing, a changed title or a repeated item stops the import:
nothing is written from a copy we do not fully understand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain.model import Node, Plan
from tracker.domain.rules import Evaluation
from tracker.domain.text import clean_text, split_names
from tracker.io.ledger.layout import FILLED_FIELDS, cell_text, normalise_title
from tracker.io.ledger_import import LedgerFile, LedgerReadError, LedgerRow

PROGRESS_TOLERANCE = 0.005  # percent points; the cell holds a fraction, so allow float noise
FIELD_LABELS = dict(FILLED_FIELDS)


@dataclass(frozen=True)
class FieldChange:
    """One changed cell: item, field, what the data file has and what the ledger says."""

    row: int
    node_id: int
    code: str
    title: str
    field: str  # progress | progress_text | problems | next_steps
    old: str  # as shown to the user
    new: str
    value: float | str  # what will be stored

    @property
    def label(self) -> str:
        return FIELD_LABELS[self.field]


@dataclass
class LedgerDiff:
    changes: list[FieldChange] = field(default_factory=list)
    dates: dict[int, dt.date] = field(default_factory=dict)  # newer 更新日期 the ledger gave
    rows: int = 0  # item rows read
    summary_rows: int = 0  # areas and parents, ignored: their progress is rolled up
    # assignment cells the department changed; not imported (the office assigns), but said
    ignored: list[str] = field(default_factory=list)

    @property
    def items(self) -> int:
        return len({c.node_id for c in self.changes})


def percent_text(value: float) -> str:
    return f"{round(value, 2):g}%"


def _as_exported(text: str) -> str:
    """A stored text as it reads back from the ledger (cleaned and cut like the export)."""
    return clean_text(cell_text(text)[0], limit=10**9)


def diff_ledger(plan: Plan, evaluations: dict[int, Evaluation], ledger: LedgerFile) -> LedgerDiff:
    """Every change the ledger makes to the plan's items; `LedgerReadError` for a bad row."""
    nodes = plan.walk()
    by_id = {n.id: n for n in nodes}
    by_code = {n.code: n for n in nodes}
    seen: dict[int, int] = {}
    diff = LedgerDiff()
    for row in ledger.rows:
        node = _match(row, by_id, by_code, plan.year)
        if node.id in seen:
            raise LedgerReadError(
                f"{row.label}与第 {seen[node.id]} 行是同一事项（{node.code}），请删除重复的行后再导入。"
            )
        seen[node.id] = row.row
        if node.parent_id is None or node.children:
            diff.summary_rows += 1
            continue
        diff.rows += 1
        diff.changes.extend(_changes(row, node, evaluations[node.id]))
        diff.ignored.extend(_assignment_edits(row, node, evaluations[node.id]))
        latest = node.latest
        if row.date is not None and (latest is None or row.date > latest.date):
            diff.dates[node.id] = row.date
    return diff


def _match(row: LedgerRow, by_id: dict[int, Node], by_code: dict[str, Node], year: int) -> Node:
    node = by_id.get(row.node_id) if row.node_id is not None else None
    if node is not None:
        if normalise_title(row.title) != normalise_title(_as_exported(node.title)):
            raise LedgerReadError(
                f"{row.label}的工作任务与数据文件中的“{node.code} {_short(node.title)}”不一致。"
                "台账中的工作任务不能修改；如需修改，请在程序中编辑后重新导出。"
            )
        return node
    node = by_code.get(row.code)
    if node is not None and normalise_title(row.title) == normalise_title(_as_exported(node.title)):
        return node
    raise LedgerReadError(
        f"{row.label}在 {year} 年计划中找不到对应事项：序号与工作任务须与导出时一致，"
        "请勿修改或新增事项行（新增事项请在程序中添加）。"
    )


def _changes(row: LedgerRow, node: Node, ev: Evaluation) -> list[FieldChange]:
    out: list[FieldChange] = []

    def change(key: str, old: str, new: str, value: float | str) -> None:
        out.append(FieldChange(row.row, node.id, node.code, node.title, key, old, new, value))

    if row.progress is None:
        raise LedgerReadError(f"{row.label}的进度为空，请填 0–100%。")
    if abs(row.progress - ev.progress) > PROGRESS_TOLERANCE:
        change("progress", percent_text(ev.progress), percent_text(row.progress),
               round(row.progress, 2))
    latest = node.latest
    for key in ("progress_text", "problems", "next_steps"):
        new = getattr(row, key)
        if new is None:  # the column was deleted: nothing said about it
            continue
        old = _as_exported(getattr(latest, key)) if latest else ""
        if new != old:
            change(key, old, new, new)
    return out


_ASSIGNMENT_LABELS = {
    "leader": "责任领导", "lead_dept": "牵头科室", "co_depts": "配合科室", "due": "完成时限",
}


def _assignment_edits(row: LedgerRow, node: Node, ev: Evaluation) -> list[str]:
    """"第 5 行（1.2 …）的牵头科室" for each assignment cell that differs from the data file."""
    exported = {
        "leader": _as_exported(node.leader),
        "lead_dept": _as_exported(node.lead_dept),
        "co_depts": "、".join(node.co_depts),
        "due": ev.due.isoformat(),
    }
    out = []
    for key, shown in row.assignment:
        if key == "co_depts":
            same = set(split_names(shown)) == set(node.co_depts)
        else:
            same = shown == " ".join(exported[key].split())
        if not same:
            out.append(f"{row.label}的{_ASSIGNMENT_LABELS[key]}")
    return out


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "…"
