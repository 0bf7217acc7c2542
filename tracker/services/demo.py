"""Demo data: the bureau's goals with sample owners and a year of check-ins, in a throw-away file.

A newcomer sees every light and a filled ledger without typing anything. The goals are the
2018 report's, re-dated to the current year so that the lights mean something today.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from tracker.io.report import parse_report
from tracker.services.plans import PlanService, default_report_text
from tracker.services.tracking import Assignment, TrackingService
from tracker.store import Database

DEMO_MARK = "演示数据"

# (leader, lead department, cooperating departments, owner, pace) per item, in plan order.
# pace = share of the expected progress reached: > 1 ahead, 1 on time, < 1 behind; None = done early.
_SAMPLE = [
    ("张局长", "人事科", "办公室", "李明", None),
    ("张局长", "执法大队", "人事科", "王芳", 0.95),
    ("李副局长", "执法大队", "法制科,市场监管局", "赵强", 0.75),
    ("王副局长", "办公室", "法制科", "陈静", 1.05),
    ("李副局长", "法制科", "执法大队", "刘洋", 0.85),
    ("王副局长", "法制科", "人事科", "孙丽", 0.5),
    ("李副局长", "执法大队", "法制科,办公室", "周伟", 1.0),
    ("李副局长", "法制科", "", "吴敏", 0.9),
    ("王副局长", "法制科", "执法大队", "郑涛", 0.6),
    ("张局长", "办公室", "法制科", "冯洁", None),
]

_NOTES = [
    ("按计划推进，已完成阶段性任务。", "", "继续按月推进。"),
    ("召开专题会议部署，落实责任到人。", "个别县市进度不一。", "加强督导，每月通报。"),
    ("完成调研和方案起草。", "经费尚未落实。", "协调财政落实经费。"),
    ("组织集中培训一次，参训 46 人。", "", "下季度组织考试。"),
]


def month_ends(start: dt.date, until: dt.date) -> list[dt.date]:
    """The last day of each month from `start`'s month, up to `until` (exclusive of later ones)."""
    out: list[dt.date] = []
    year, month = start.year, start.month
    while True:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        end = nxt - dt.timedelta(days=1)
        if end > until:
            return out
        out.append(end)
        year, month = nxt.year, nxt.month


def build_demo(folder: Path | None = None, today: dt.date | None = None) -> Path:
    """Create the demo data file and return its path (a new temporary folder unless given)."""
    today = today or dt.date.today()
    folder = folder or Path(tempfile.mkdtemp(prefix="tracker-demo-"))
    path = folder / f"{DEMO_MARK}.db"
    draft = parse_report(default_report_text(), year=today.year)
    draft.title = f"{today.year}年工作目标和重点（{DEMO_MARK}）"
    with Database(path) as db:  # no default seeding: the demo plan is the only plan
        PlanService(db).import_draft(draft)
        tracking = TrackingService(db, who="演示")
        codes = [n.code for n in PlanService(db).view(today.year).items()]
        start, end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
        dates = month_ends(start, today)
        for code, (leader, lead, co, owner, pace) in zip(codes, _SAMPLE, strict=False):
            tracking.assign(code, Assignment(leader=leader, lead_dept=lead, co_depts=co, owner=owner))
            for n, when in enumerate(dates):
                elapsed = (when - start).days / (end - start).days * 100
                progress = 100.0 if pace is None and n >= len(dates) // 2 else min(
                    99.0, round(elapsed * (pace or 1.2)))
                note, problems, next_steps = _NOTES[(n + len(code)) % len(_NOTES)]
                tracking.checkin(code, progress, note=note, problems=problems, next_steps=next_steps,
                                 date=when, reporter=owner)
                if progress >= 100:
                    break
    return path
