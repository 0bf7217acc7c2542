"""What a period report (月报/季报) says, as plain values every format lays out. No Qt, no SQL.

Built by services/period_report.py; laid out by the PDF writer (ui/report_pdf.py), the Word
writer (io/period_docx.py) and the ledger's period sheet (io/ledger/period_sheet.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain.model import Light
from tracker.domain.periods import Period
from tracker.domain.snapshot import FrozenItem


@dataclass(frozen=True)
class Office:
    unit: str = ""  # 填报单位, e.g. 孝感市科学技术局
    reporter: str = ""  # 填报人 ("" : the name of whoever exports)
    reviewer: str = ""  # 审核人
    phone: str = ""  # 联系电话


@dataclass(frozen=True)
class MissingItem:
    """An item with no check-in dated inside the period (未报送)."""

    node_id: int
    code: str
    title: str
    lead_dept: str
    leader: str
    owner: str
    area: str


@dataclass(frozen=True)
class AreaLine:
    title: str
    progress: float
    expected: float
    items: int
    done: int


@dataclass
class PeriodReport:
    """Everything a 通报 shows; `pages` is filled in by the PDF writer."""

    office: Office
    plan_title: str
    period: Period
    closed: bool
    closed_at: str
    made: dt.date
    progress: float
    expected: float
    items: list[FrozenItem]  # every item (not areas), plan order
    areas: list[AreaLine]
    lights: dict[Light, int]
    done: int
    overdue: list[FrozenItem]
    behind: list[FrozenItem]  # yellow and red, worst first
    missing: list[MissingItem]
    finished: list[FrozenItem] = field(default_factory=list)  # since the period before
    fell_behind: list[FrozenItem] = field(default_factory=list)
    newly_overdue: list[FrozenItem] = field(default_factory=list)
    previous: Period | None = None
    pages: int = 0

    @property
    def leaves(self) -> list[FrozenItem]:
        """Items without sub-items: the ones that report and are counted."""
        parents = {i.parent_id for i in self.items}
        return [i for i in self.items if i.node_id not in parents]

    @property
    def title(self) -> str:
        """关于孝感市科技局2018年6月重点工作推进情况的通报"""
        return f"关于{self.office.unit}{self.period.label}重点工作推进情况的通报"

    @property
    def state(self) -> str:
        return (
            f"已关账（{self.closed_at[:10]}），数据为冻结值"
            if self.closed
            else "本期尚未关账，数据截至期末并可能变动"
        )

    def summary(self) -> str:
        """一、总体情况 in one sentence (the same words in the PDF, the Word file and the sheet)."""
        leaves = self.leaves
        behind = sum(1 for i in leaves if i.light in (Light.YELLOW, Light.RED))
        end = self.period.end
        text = (
            f"截至{end.month}月{end.day}日，{self.plan_title}共 {len(leaves)} 项工作任务，"
            f"已完成 {self.done} 项，进度滞后 {behind} 项（黄灯 {self.lights[Light.YELLOW]} 项、"
            f"红灯 {self.lights[Light.RED]} 项），逾期未完成 {len(self.overdue)} 项，"
            f"本期未报送 {len(self.missing)} 项。总体进度 {self.progress:.1f}%，序时进度 {self.expected:.1f}%"
        )
        if self.expected > self.progress:
            text += f"，总体滞后 {self.expected - self.progress:.1f} 个百分点"
        return text + "。"

    def changes(self) -> list[str]:
        """二、本期变化: a sentence each for finished, fell behind and newly overdue."""
        if self.previous is None:
            return ["本期为年度第一期，无上期数据可比。"]
        out = []
        for label, found in (("新完成", self.finished), ("新增滞后", self.fell_behind),
                             ("新增逾期", self.newly_overdue)):
            names = "；".join(f"{i.code} {i.title}" for i in found) or "无"
            out.append(f"与{self.previous.label}相比，{label} {len(found)} 项：{names}。")
        return out

    def missing_by_department(self) -> str:
        """四、未报送: the codes per lead department, or that everyone reported."""
        by_dept: dict[str, list[str]] = {}
        for m in self.missing:
            by_dept.setdefault(m.lead_dept or "未指定科室", []).append(m.code)
        if not by_dept:
            return "各科室均已按期报送。"
        return "；".join(f"{d}：{'、'.join(codes)}" for d, codes in by_dept.items()) + "。"

