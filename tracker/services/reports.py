"""A year's plan from a report, a plan deleted (after a backup), unfinished items carried over.

The window's preview and the command line both read reports here; reading never writes,
saving is one transaction, and a year that already has a plan is refused, never merged.
Saving, deleting and carrying over each return the rows they touched (a Patch), so the
window can undo them like any other edit: undo deletes an imported plan again, redo puts it
back under the same ids; a deleted plan comes back with its check-ins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tracker.domain import draft_edits, rules
from tracker.domain.model import Kind, Node, NodeDraft, PlanDraft, Status
from tracker.services.errors import UserError
from tracker.services.history import Change, UndoableService, replay
from tracker.store import Store, edits
from tracker.store import repository as repo
from tracker.store.patch import Patch, select

Progress = Callable[[int, int], bool]


class ReadCancelled(Exception):
    """The user stopped reading a report (its progress callback returned False)."""


@dataclass(frozen=True)
class PlanImported:
    """A report's plan, saved: undo deletes it again, redo puts it back with the same ids."""

    plan_id: int
    year: int
    title: str
    patch: Patch


@dataclass(frozen=True)
class PlanDeleted:
    """A plan deleted after a checked backup (`backup`); undo puts it back with its check-ins."""

    year: int
    title: str
    backup: Path | None  # None on a server (its backups are the server's job)
    patch: Patch


@dataclass(frozen=True)
class PlanContents:
    """What deleting a year's plan would take away, for the confirmation."""

    year: int
    title: str
    counts: repo.PlanCounts


@dataclass(frozen=True)
class CarryCandidate:
    """An unfinished item that may be carried into the next year, with its owners."""

    code: str
    area: str
    title: str
    leader: str
    lead_dept: str
    owner: str
    progress: float
    carried: bool  # already carried into the target year: not copied twice


@dataclass(frozen=True)
class CarryOver:
    """What `carry_over` did: the target plan, the codes copied and those left as they were."""

    year: int
    plan_created: bool
    copied: list[tuple[str, str]] = field(default_factory=list)  # (code in the old plan, title)
    already: list[str] = field(default_factory=list)  # carried before: not copied twice
    finished: list[str] = field(default_factory=list)  # asked for but done: not carried
    from_year: int = 0
    patch: Patch = field(default_factory=Patch)


class ReportService(UndoableService):
    def __init__(self, db: Store, who: str | None = None) -> None:
        super().__init__(db, who)

    # --- reading (never writes) --------------------------------------------------------

    def read_file(self, path: str | Path, year: int | None = None, *, require_year: bool = True,
                  progress: Progress | None = None) -> PlanDraft:
        """Parse a .txt/.docx/.pdf report (also the --dry-run path); nothing is saved.

        `progress(done, 2)` is told after reading the file and after parsing it; when it
        returns False, ReadCancelled is raised.
        """
        from tracker.io.report import ReportError, parse_report  # loaded when a report comes
        from tracker.io.report.files import explain_refusal, read_report_file

        def step(done: int) -> None:
            if progress is not None and not progress(done, 2):
                raise ReadCancelled

        source = None
        try:
            step(0)
            source = read_report_file(path)
            step(1)
            draft = parse_report(source.text, year, hard_wrapped=source.hard_wrapped,
                                 require_year=require_year, furniture=source.furniture,
                                 headings=source.headings)
            step(2)
            return draft
        except ReportError as exc:
            raise UserError(str(explain_refusal(source, exc))) from exc

    def read_text(self, text: str, year: int | None = None) -> PlanDraft:
        """Parse text pasted into the window; the year may stay unsure for the preview to ask."""
        from tracker.io.report import ReportError, parse_report

        try:
            return parse_report(text, year, require_year=False)
        except ReportError as exc:
            raise UserError(str(exc)) from exc

    def with_year(self, draft: PlanDraft, year: int) -> PlanDraft:
        """The draft as the plan of `year` (the preview's year box). Deadlines move with the
        year; when the report gave no year at all, they are read from the text now."""
        try:
            out = draft_edits.set_year(draft, year)
        except draft_edits.DraftEditError as exc:
            raise UserError(str(exc)) from exc
        if draft.year < 1900:
            from tracker.io.report.fields import find_due

            for area in out.areas:
                for item in area.children:
                    if item.due is None:
                        item.due = find_due(item.source_excerpt or f"{item.title}。{item.detail}", year)
        return out

    def contents(self, year: int) -> PlanContents:
        """What the year's plan holds (areas, items, check-ins …), before deleting it."""
        with self.db.snapshot() as c:
            plan_id = repo.plan_id_for_year(c, year)
            if plan_id is None:
                raise UserError(f"没有 {year} 年的计划。")
            title = next(p.title for p in repo.list_plans(c) if p.id == plan_id)
            return PlanContents(year, title, repo.plan_counts(c, plan_id))

    def year_holder(self, year: int) -> str | None:
        """The title of the plan that holds `year`, or None when the year is free."""
        with self.db.snapshot() as c:
            return next((p.title for p in repo.list_plans(c) if p.year == year), None)

    def carry_candidates(self, from_year: int, to_year: int,
                         today: dt.date | None = None) -> list[CarryCandidate]:
        """The unfinished items of `from_year`, in plan order, marked when already carried."""
        today = today or dt.date.today()
        with self.db.snapshot() as c:
            source_id = repo.plan_id_for_year(c, from_year)
            if source_id is None:
                raise UserError(f"没有 {from_year} 年的计划，无法结转。")
            source = repo.load_plan(c, source_id)
            target_id = repo.plan_id_for_year(c, to_year) if to_year != from_year else None
            carried = repo.carried_origins(c, target_id) if target_id is not None else set()
        rules.assign_codes(source)
        evaluations = rules.evaluate(source, today)
        return [CarryCandidate(item.code, area.title, item.title, item.leader, item.lead_dept, item.owner,
                               evaluations[item.id].progress, item.id in carried)
                for area, item in _chosen(source.areas, None)
                if not _finished(item, evaluations[item.id].progress)]

    # --- writing -----------------------------------------------------------------------

    def save(self, draft: PlanDraft) -> int:
        """Save a draft as the plan of its year (the command line); see `import_plan`."""
        return self.import_plan(draft).plan_id

    def import_plan(self, draft: PlanDraft) -> PlanImported:
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
            plan_id = edits.next_id(c, "plan")  # the ids insert_plan will take, named up front
            first = edits.next_id(c, "node")
            nodes = _walk(draft.areas)
            names = {d for n in nodes for d in (n.lead_dept, *n.co_depts) if d}
            selectors = [select("plan", "id", [plan_id]), select("node", "plan_id", [plan_id]),
                         select("node_co_dept", "node_id", range(first, first + len(nodes))),
                         select("department", "name", names)]
            saved: list[int] = []
            patch = self._record(c, selectors, lambda: saved.append(repo.insert_plan(c, draft)))
            if saved != [plan_id]:
                raise RuntimeError(f"plan saved as {saved}, named {plan_id}")
        return PlanImported(plan_id, draft.year, draft.title, patch)

    def delete_plan(self, year: int) -> PlanDeleted:
        """Delete a year's plan with its check-ins; a checked backup is taken first (none on a
        server, whose backups are the server's job)."""
        from tracker.services.backups import BackupService

        with self.db.snapshot() as c:
            if repo.plan_id_for_year(c, year) is None:
                raise UserError(f"没有 {year} 年的计划，未删除。")
        backup = None if self.db.is_server else BackupService(self.db).take()
        with self.db.transaction() as c:
            plan_id = repo.plan_id_for_year(c, year)
            if plan_id is None:
                raise UserError(f"没有 {year} 年的计划，未删除。")
            title = next(p.title for p in repo.list_plans(c) if p.id == plan_id)
            ids = repo.plan_node_ids(c, plan_id)
            selectors = [select("plan", "id", [plan_id]), select("node", "plan_id", [plan_id]),
                         select("node_co_dept", "node_id", ids), select("checkin", "node_id", ids),
                         select("extension", "node_id", ids),
                         select("node", "origin_id", ids)]  # carried copies lose their link
            patch = self._record(c, selectors, lambda: repo.delete_plan(c, plan_id))
        return PlanDeleted(year, title, backup, patch)

    def carry_over(self, from_year: int, to_year: int, codes: list[str] | None = None,
                   today: dt.date | None = None) -> CarryOver:
        """Copy unfinished items of `from_year` into `to_year`'s plan (made if missing).

        `codes` picks items ("2.3") or whole areas ("2"); none means every unfinished item.
        Each copy keeps its area (matched by title, created when missing), its owners and
        departments, and the id of the item it came from; an item carried before is not
        copied again. Its unfinished sub-items come with it, under the copy (the finished ones
        stay behind: they are done). Deadlines are not carried: the new year sets its own.
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
            areas = {} if target_id is None else {a.title: a.id for a in repo.load_plan(c, target_id).areas}
            done_before = repo.carried_origins(c, target_id) if target_id is not None else set()
            result = CarryOver(to_year, created, from_year=from_year)
            copies: list[tuple[Node, list[Node]]] = []  # (area, the item and its open sub-items)
            unfinished = {n.id for n in source.walk()
                          if not _finished(n, evaluations[n.id].progress)}
            for area, item in chosen:
                if item.id not in unfinished:
                    result.finished.append(item.code)
                elif item.id in done_before:
                    result.already.append(item.code)
                else:
                    nodes = _carried(item, unfinished)
                    copies.append((area, nodes))
                    result.copied.extend((n.code, n.title) for n in nodes)
            if not copies:
                if created:
                    raise UserError(f"{from_year} 年没有可结转的未完成事项，未创建 {to_year} 年计划。")
                return result
            plan_id = target_id if target_id is not None else edits.next_id(c, "plan")
            first = edits.next_id(c, "node")
            new_rows = len({a.title for a, _ in copies} - areas.keys()) + len(result.copied)
            selectors = [select("plan", "id", [plan_id]), select("node", "plan_id", [plan_id]),
                         select("node_co_dept", "node_id", range(first, first + new_rows))]

            def copy() -> None:
                if target_id is None:
                    repo.insert_plan(c, PlanDraft(to_year, f"{to_year}年工作计划"))
                for area, nodes in copies:
                    if area.title not in areas:
                        areas[area.title] = repo.add_node(c, plan_id, None, _bare(area))
                    new_ids = {nodes[0].parent_id: areas[area.title]}
                    for node in nodes:  # parents before their children
                        new_ids[node.id] = repo.add_node(c, plan_id, new_ids[node.parent_id], node,
                                                         origin_id=node.id)

            origins = [n.id for _, nodes in copies for n in nodes]
            patch = self._record(c, selectors, copy, origins)
        return replace(result, patch=patch)

    # --- undo and redo -----------------------------------------------------------------

    def undo(self, change: Change) -> None:
        self._replay(change, forward=False)

    def redo(self, change: Change) -> None:
        self._replay(change, forward=True)

    def _replay(self, change: Change, *, forward: bool) -> None:
        """A step that puts a plan back is refused while another plan holds its year."""
        patch = change.patch
        current, target = (dict(patch.before), dict(patch.after)) if forward else \
            (dict(patch.after), dict(patch.before))
        with self.db.transaction() as c:
            for (table, pk), items in target.items():
                if table != "plan" or (table, pk) in current:
                    continue
                year = dict(items)["year"]
                holder = repo.plan_id_for_year(c, year)
                if holder is not None and holder != pk[0] and forward:
                    raise UserError(f"无法重做：{year} 年已有另一个计划。请先删除它或改用其他年度。")
                if holder is not None and holder != pk[0]:
                    raise UserError(f"无法撤销：{year} 年已有另一个计划。请先删除它或改用其他年度。")
            replay(self.db, self.who, patch, forward=forward)


def _finished(item: Node, progress: float) -> bool:
    return item.status == Status.DONE or progress >= 100


def _carried(item: Node, unfinished: set[int]) -> list[Node]:
    """`item` and its unfinished sub-items at any depth, parents first (the ones carried over)."""
    out = [item]
    for child in item.children:
        if child.id in unfinished:
            out += _carried(child, unfinished)
    return out


def _walk(nodes: list[NodeDraft]) -> list[NodeDraft]:
    out: list[NodeDraft] = []
    for node in nodes:
        out.append(node)
        out += _walk(node.children)
    return out


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
