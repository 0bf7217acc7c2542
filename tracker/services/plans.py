"""Plans: open the data file, import a report, read a plan with its lights.

The window and the command line both call these; each call is one transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
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
    is_server_location,
    open_server,
)
from tracker.store import repository as repo

DEFAULT_REPORT = "reports/xiaogan-keji-2017.txt"


def default_report_text() -> str:
    return (resources_dir() / DEFAULT_REPORT).read_text(encoding="utf-8")


def open_database(path: str | Path) -> Store:
    """Open a data file, or connect to a server for a `postgresql://` URL; a missing file is
    built with the default 2018 plan (a server's database is made by `tracker server init`).

    A new file is built beside its target and moved into place only when complete, so an
    interrupted first start never leaves an empty or half-seeded file that would then be
    taken for the user's data. A damaged file is never rebuilt: the error names the newest
    good backup. An existing file gets its daily backup here (see services/backups.py).
    """
    from tracker.services.backups import BackupService, backup_offer, list_backups

    if is_server_location(path):
        return open_server(str(path).strip())
    path = Path(path)
    created = False
    try:
        # an empty file with no backups holds nothing to lose: it is a new file (e.g. made by `touch`)
        empty = path.is_file() and path.stat().st_size == 0 and not list_backups(path)
        if not path.exists() or empty:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".new-", suffix=".db", dir=path.parent)
            os.close(fd)
            tmp = Path(tmp_name)
            umask = os.umask(0)
            os.umask(umask)
            tmp.chmod(0o666 & ~umask)  # mkstemp makes 0600; a data file gets the usual mode
            try:
                from tracker.io.report import parse_report  # only a new file needs the importer

                with Database(tmp) as fresh, fresh.transaction() as c:
                    repo.insert_plan(c, parse_report(default_report_text()))
                with Database(tmp) as fresh:  # fold the WAL back so one file moves
                    fresh.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    fresh.conn.execute("PRAGMA journal_mode = DELETE")
                os.replace(tmp, path)
                created = True
            finally:
                for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                    leftover.unlink(missing_ok=True)
        db = Database(path)
    except (DamagedFile, NotADataFile) as exc:
        message = str(exc)
        if message and message[-1] not in "。；！？）)":
            message += "。"
        raise type(exc)(message + backup_offer(path)) from exc
    except StoreError:
        raise
    except OSError as exc:
        raise UserError(f"无法创建或打开数据文件 {path}：{exc.strerror or exc}") from exc
    if not created:
        BackupService(db).take_if_due()
    return db


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
