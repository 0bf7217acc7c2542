"""Plans: open the data file, import a report, read a plan with its lights.

The window and the command line both call these; each call is one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from tracker import resources_dir
from tracker.domain import rules
from tracker.domain.model import Node, PlanDraft
from tracker.services.errors import UserError
from tracker.services.plan_view import PlanView, Refreshed, apply_nodes
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


def open_database(path: str | Path, *, backup_dir: Path | None = None,
                  password: str | None = None) -> Store:
    """Open a data file, or connect to a server for a `postgresql://` URL; a missing file is
    made with the default 2018 plan (a server's database is made by `tracker server init`).

    The store makes a new file whole and exclusively (Database.create): a first start that is
    interrupted leaves no half-seeded file, and two processes starting at once share one file
    instead of replacing each other's. A damaged file is never rebuilt: the error names the
    newest good backup. An existing file gets its daily backup here (see services/backups.py).
    `backup_dir` is the backup folder chosen in the settings (None: beside the data file);
    `password` is a server login's password the window asked for (not used for a file).
    """
    from tracker.services.backups import BackupService, backup_offer

    if is_server_location(path):
        return open_server(str(path).strip(), password=password)
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
    from tracker.io.report import parse_report  # only a new file needs the importer

    repo.insert_plan(c, parse_report(default_report_text()))


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

    def view(self, year: int | None = None, today: dt.date | None = None, *,
             texts: bool = True) -> PlanView:
        """The plan of `year` (the newest when None) with its numbers for `today`;
        `texts=False` leaves the long texts out (see `PlanView`)."""
        today = today or dt.date.today()
        resolved = self.resolve_year(year)
        with self.db.snapshot() as c:
            plan_id = repo.plan_id_for_year(c, resolved)
            if plan_id is None:
                raise UserError(f"没有 {resolved} 年的计划。")
            plan = repo.load_plan(c, plan_id, texts=texts)
        rules.assign_codes(plan)
        return PlanView(plan, rules.evaluate(plan, today), today, texts)

    def refresh(self, view: PlanView, node_ids: Iterable[int], *, structure: bool = False) -> Refreshed:
        """Re-read the items an edit touched into `view` (and the tree's shape, when items came,
        went or moved), roll the numbers up again, and say which rows look different.

        Raises UserError when the plan itself is gone (another program deleted it)."""
        plan_id = view.plan.id
        with self.db.snapshot() as c:
            if repo.plan_year(c, plan_id) is None:
                raise UserError("该年度计划已被删除，请刷新后再试。")
            shape = repo.plan_shape(c, plan_id) if structure else None
            wanted = set(node_ids)
            if shape is not None:
                wanted |= {row[0] for row in shape} - view.nodes.keys()
            else:
                wanted &= view.nodes.keys()
            fresh = repo.load_nodes(c, plan_id, wanted, texts=view.texts) if wanted else {}
        return apply_nodes(view, fresh, shape)

    def full_node(self, node: Node) -> Node:
        """The node with its long texts (detail, the report's words, its latest check-in in
        full), for a view that loaded without them; the node itself when it has them."""
        with self.db.snapshot() as c:
            found = repo.load_texts(c, node.id)
        if found is None:
            return node
        detail, excerpt, latest = found
        return replace(node, detail=detail, source_excerpt=excerpt, latest=latest)

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
