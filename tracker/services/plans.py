"""Plans: open the data file, import a report, read a plan with its lights.

The window and the command line both call these; each call is one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tracker import resources_dir
from tracker.domain import rules
from tracker.domain.model import Node, Plan, PlanDraft
from tracker.domain.rules import Evaluation
from tracker.io.report import parse_report
from tracker.services.errors import UserError
from tracker.store import (
    DamagedFile,
    Database,
    NotADataFile,
    Store,
    StoreError,
    Tx,
    is_server_location,
    open_server,
)
from tracker.store import repository as repo

DEFAULT_REPORT = "reports/xiaogan-keji-2017.txt"


def default_report_text() -> str:
    return (resources_dir() / DEFAULT_REPORT).read_text(encoding="utf-8")


def open_database(path: str | Path, *, backup_dir: Path | None = None) -> Store:
    """Open a data file, or connect to a server for a `postgresql://` URL; a missing file is
    made with the default 2018 plan (a server's database is made by `tracker server init`).

    The store makes a new file whole and exclusively (Database.create): a first start that is
    interrupted leaves no half-seeded file, and two processes starting at once share one file
    instead of replacing each other's. A damaged file is never rebuilt: the error names the
    newest good backup. An existing file gets its daily backup here (see services/backups.py).
    `backup_dir` is the backup folder chosen in the settings (None: beside the data file).
    """
    from tracker.services.backups import BackupService, backup_offer

    if is_server_location(path):
        return open_server(str(path).strip())
    path = Path(path)
    try:
        db = Database.create(path, seed=_seed_default_plan, backup_dir=backup_dir)
    except (DamagedFile, NotADataFile) as exc:
        message = str(exc)
        if message and message[-1] not in "。；！？）)":
            message += "。"
        raise type(exc)(message + backup_offer(path, backup_dir)) from exc
    except StoreError:
        raise
    except OSError as exc:
        raise UserError(f"无法创建或打开数据文件 {path}：{exc.strerror or exc}") from exc
    if not db.created:
        BackupService(db).take_if_due()
    return db


def _seed_default_plan(c: Tx) -> None:
    """The default plan, parsed from the shipped report, inside the new file's first transaction."""
    repo.insert_plan(c, parse_report(default_report_text()))


@dataclass
class PlanView:
    """A loaded plan with the numbers every view shows, computed once for `today`."""

    plan: Plan
    evaluations: dict[int, Evaluation]
    today: dt.date

    @property
    def progress(self) -> float:
        return rules.plan_progress(self.plan, self.evaluations)

    @property
    def expected(self) -> float:
        return rules.plan_expected(self.plan, self.today)

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
            current = self._by_id.get(current.parent_id) if current.parent_id is not None else None
        return [d for d in out if d]

    @cached_property
    def _by_id(self) -> dict[int, Node]:
        return {n.id: n for n in self.plan.walk()}

    def area_of(self, node: Node) -> Node:
        """The area a node sits in (one walk of the plan, shared by every call)."""
        return self._areas[node.id]

    @cached_property
    def _areas(self) -> dict[int, Node]:
        return {n.id: area for area in self.plan.areas for n in _subtree(area)}


def _subtree(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.children)
    return out


@dataclass(frozen=True)
class PlanInfo:
    id: int
    year: int
    title: str
    tasks: int
    progress: float


class PlanService:
    def __init__(self, db: Store) -> None:
        self.db = db

    def years(self) -> list[int]:
        return [p.year for p in repo.list_plans(self.db.read())]

    def resolve_year(self, year: int | None) -> int:
        """The asked-for year, or the newest plan's when none is given."""
        years = self.years()
        if not years:
            raise UserError("数据文件中还没有计划：请先用 import-report 导入年度报告。")
        if year is None:
            return years[-1]
        if year not in years:
            listed = "、".join(str(y) for y in years)
            raise UserError(f"没有 {year} 年的计划（已有：{listed}）。")
        return year

    def view(self, year: int | None = None, today: dt.date | None = None) -> PlanView:
        today = today or dt.date.today()
        resolved = self.resolve_year(year)
        with self.db.snapshot() as c:
            plan_id = repo.plan_id_for_year(c, resolved)
            if plan_id is None:
                raise UserError(f"没有 {resolved} 年的计划。")
            plan = repo.load_plan(c, plan_id)
        rules.assign_codes(plan)
        return PlanView(plan, rules.evaluate(plan, today), today)

    def summaries(self, today: dt.date | None = None) -> list[PlanInfo]:
        out = []
        for year in self.years():
            v = self.view(year, today)
            out.append(PlanInfo(v.plan.id, year, v.plan.title, len(v.items()),
                                round(v.progress, 1)))
        return out

    def parse_report_file(self, path: str | Path, year: int | None = None) -> PlanDraft:
        """Read and parse a report file without saving anything (see services/reports.py)."""
        from tracker.services.reports import ReportService

        return ReportService(self.db).read_file(path, year)

    def import_draft(self, draft: PlanDraft) -> int:
        """Save a parsed plan; a year that already has a plan is refused, never merged."""
        from tracker.services.reports import ReportService

        return ReportService(self.db).save(draft)
