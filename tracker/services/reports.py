"""A year's plan from a report, a plan deleted (after a backup), unfinished items carried over.

The window's preview and the command line both read reports here; reading never writes,
saving is one transaction, and a year that already has a plan is refused, never merged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tracker.domain import rules
from tracker.domain.model import Kind, Node, PlanDraft, Status
from tracker.io.report import ReportError, parse_report
from tracker.io.report.files import read_report_file
from tracker.services.errors import UserError
from tracker.store import Database
from tracker.store import repository as repo


@dataclass(frozen=True)
class CarryOver:
    """What `carry_over` did: the target plan, the codes copied and those left as they were."""

    year: int
    plan_created: bool
    copied: list[tuple[str, str]] = field(default_factory=list)  # (code in the old plan, title)
    already: list[str] = field(default_factory=list)  # carried before: not copied twice
    finished: list[str] = field(default_factory=list)  # asked for but done: not carried


class ReportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- reading (never writes) --------------------------------------------------------

    def read_file(self, path: str | Path, year: int | None = None, *, require_year: bool = True) -> PlanDraft:
        """Parse a .txt/.docx/.pdf report (also the --dry-run path); nothing is saved."""
        try:
            source = read_report_file(path)
            return parse_report(source.text, year, hard_wrapped=source.hard_wrapped,
                                require_year=require_year)
        except ReportError as exc:
            raise UserError(str(exc)) from exc

    def read_text(self, text: str, year: int | None = None) -> PlanDraft:
        """Parse text pasted into the window; the year may stay unsure for the preview to ask."""
        try:
            return parse_report(text, year, require_year=False)
        except ReportError as exc:
            raise UserError(str(exc)) from exc

    # --- writing -----------------------------------------------------------------------

    def save(self, draft: PlanDraft) -> int:
        """Save a draft as the plan of its year; a year that already has a plan is refused."""
        if not 1900 <= draft.year <= 2999:
            raise UserError(f"计划年度 {draft.year} 无效：请指定 1900–2999 之间的年度（--year）。")
        if not draft.areas or not any(a.children for a in draft.areas):
            raise UserError("计划中没有任何工作事项，未导入。")
        with self.db.transaction() as c:
            if repo.plan_id_for_year(c, draft.year) is not None:
                raise UserError(
                    f"{draft.year} 年的计划已存在，未导入。如需重新导入，请先删除该年度计划"
                    f"（tracker delete-plan --year {draft.year}），或用 --year 指定其他年度。"
                )
            return repo.insert_plan(c, draft)

    def delete_plan(self, year: int) -> Path:
        """Delete a year's plan with its check-ins; a checked backup is taken first (returned)."""
        from tracker.services.backups import BackupService

        with self.db.snapshot() as c:
            if repo.plan_id_for_year(c, year) is None:
                raise UserError(f"没有 {year} 年的计划，未删除。")
        backup = BackupService(self.db).take()
        with self.db.transaction() as c:
            plan_id = repo.plan_id_for_year(c, year)
            if plan_id is None:
                raise UserError(f"没有 {year} 年的计划，未删除。")
            repo.delete_plan(c, plan_id)
        return backup

    def carry_over(self, from_year: int, to_year: int, codes: list[str] | None = None,
                   today: dt.date | None = None) -> CarryOver:
        """Copy unfinished items of `from_year` into `to_year`'s plan (made if missing).

        `codes` picks items ("2.3") or whole areas ("2"); none means every unfinished item.
        Each copy keeps its area (matched by title, created when missing), its owners and
        departments, and the id of the item it came from; an item carried before is not
        copied again. Deadlines are not carried: the new year sets its own.
        """
        if from_year == to_year:
            raise UserError("结转的源年度和目标年度相同。")
        if not 1900 <= to_year <= 2999:
            raise UserError(f"目标年度 {to_year} 不在 1900–2999 之间。")
        today = today or dt.date.today()
        with self.db.transaction() as c:
            source_id = repo.plan_id_for_year(c, from_year)
            if source_id is None:
                raise UserError(f"没有 {from_year} 年的计划，无法结转。")
            source = repo.load_plan(c, source_id)
            rules.assign_codes(source)
            evaluations = rules.evaluate(source, today)
            chosen = _chosen(source.areas, codes)
            target_id = repo.plan_id_for_year(c, to_year)
            created = target_id is None
            if target_id is None:
                target_id = repo.insert_plan(c, PlanDraft(to_year, f"{to_year}年工作计划"))
            target = repo.load_plan(c, target_id)
            areas = {a.title: a.id for a in target.areas}
            done_before = repo.carried_origins(c, target_id)
            result = CarryOver(to_year, created)
            for area, item in chosen:
                finished = item.status == Status.DONE or evaluations[item.id].progress >= 100
                if finished:
                    result.finished.append(item.code)
                    continue
                if item.id in done_before:
                    result.already.append(item.code)
                    continue
                if area.title not in areas:
                    areas[area.title] = repo.add_node(c, target_id, None, _bare(area))
                repo.add_node(c, target_id, areas[area.title], item, origin_id=item.id)
                result.copied.append((item.code, item.title))
            if created and not result.copied:
                raise UserError(f"{from_year} 年没有可结转的未完成事项，未创建 {to_year} 年计划。")
        return result


def _bare(area: Node) -> Node:
    """An area's heading only (no owners), for a new year that lacks it."""
    return Node(0, 0, None, 0, Kind.AREA, area.title, area.detail, area.source_excerpt)


def _chosen(areas: list[Node], codes: list[str] | None) -> list[tuple[Node, Node]]:
    """(area, item) pairs named by codes, in plan order; every item when no codes are given."""
    pairs = [(a, item) for a in areas for item in a.children]
    if not codes:
        return pairs
    known = {item.code for _, item in pairs} | {a.code for a in areas}
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise UserError(f"没有序号为“{'、'.join(unknown)}”的事项或方面。")
    wanted = set(codes)
    return [(a, item) for a, item in pairs if item.code in wanted or a.code in wanted]
