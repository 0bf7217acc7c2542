"""The Excel ledger: export a plan as a 台账 workbook, and take filled-in copies back.

Importing is two steps so a person sees every change before it is written: `preview`
reads and checks the file (writes nothing), `apply` records the chosen changes as
check-ins in one transaction, and `undo`/`redo` replay that one edit exactly (same ids).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.domain.model import CheckIn, Status
from tracker.domain.values import CheckInValues
from tracker.io.ledger.outcome import (
    ExportCancelled,
    ExportResult,
    LedgerWriteError,
    Progress,
    refuse_target,
)
from tracker.services.backups import OWN_FILE_TARGET
from tracker.services.errors import UserError
from tracker.services.history import UndoableService
from tracker.services.period_guard import refuse_closed
from tracker.services.plans import PlanService
from tracker.services.tracking import follow_latest
from tracker.store import Database, Store, edits
from tracker.store import periods as period_store
from tracker.store import repository as repo
from tracker.store.patch import Patch, select

if TYPE_CHECKING:  # the xlsx reader and writer load openpyxl: only when a ledger comes or goes
    from tracker.io.ledger.diff import FieldChange, LedgerDiff
    from tracker.io.ledger_export import LedgerData

__all__ = ["ExportCancelled", "ExportResult", "LedgerImport", "LedgerPreview", "LedgerService"]


@dataclass
class LedgerPreview:
    """What importing a ledger file would change; nothing has been written yet."""

    path: Path
    year: int
    plan_id: int
    diff: LedgerDiff

    @property
    def changes(self) -> list[FieldChange]:
        return self.diff.changes

    def describe(self) -> str:
        """One line for the top of a preview (CLI and dialog)."""
        d = self.diff
        text = (f"{self.path.name}：{self.year} 年台账，读取 {d.rows} 个事项行，"
                f"{d.items} 个事项有 {len(d.changes)} 处修改")
        if d.summary_rows:
            text += f"（{d.summary_rows} 个汇总行由下级汇总，不导入）"
        text += "。"
        if d.ignored:
            shown = "；".join(d.ignored[:5]) + ("……" if len(d.ignored) > 5 else "")
            text += (f"另有 {len(d.ignored)} 处分工或时限的修改不会导入（{shown}）："
                     "责任领导、科室和完成时限请在程序中修改。")
        return text


@dataclass(frozen=True)
class LedgerImport:
    """What one import wrote: a check-in per item, undone and redone as one edit."""

    year: int
    checkin_ids: tuple[int, ...]
    patch: Patch = field(repr=False)

    @property
    def node_ids(self) -> frozenset[int]:
        return self.patch.node_ids


class LedgerService(UndoableService):
    """Export and import of the ledger; `undo`/`redo` (inherited) replay an import exactly."""

    def __init__(self, db: Store, who: str | None = None) -> None:
        super().__init__(db, who)
        self.plans = PlanService(db)

    def data(self, year: int | None = None, *, only: Iterable[int] | None = None,
             today: dt.date | None = None) -> LedgerData:
        """The plan, its numbers and its check-ins (all in memory: for small plans and tests;
        `export` streams the check-ins instead)."""
        from tracker.io.ledger_export import LedgerData

        with self.db.snapshot() as c:
            view = self.plans.view(year, today)
            chosen = frozenset(only) if only is not None else None
            ids = [n.id for n in view.items() if chosen is None or n.id in chosen]
            checkins = list(repo.checkins_of(c, ids))
            longest = repo.checkin_text_lengths(c, view.plan.id)
        data = LedgerData(view.plan, view.evaluations, view.today, lambda _ids: checkins,
                          len(checkins), longest, chosen, self.who)
        self._add_periods(data)
        return data

    def _add_periods(self, data: LedgerData) -> None:
        """The office's footer, the 1月…12月 matrix and the period's 通报 sheet (see io/ledger/)."""
        from tracker.io.ledger.footer import FooterFields
        from tracker.io.ledger.matrix import MatrixColumn
        from tracker.services.office import OfficeService
        from tracker.services.period_report import PeriodReportService
        from tracker.services.periods import PeriodService

        office = OfficeService(self.db, self.who).details()
        data.footer = FooterFields(office.unit, office.reporter or self.who, office.reviewer, office.phone,
                                   data.today)
        year = data.plan.year
        periods = PeriodService(self.db, self.who)
        data.matrix = [MatrixColumn(v.info.period.short, v.info.is_closed, v.values)
                       for v in periods.matrix(year, data.today, plan=data.plan)]
        closed = [i for i in periods.periods(year) if i.is_closed]
        key = closed[-1].key if closed else periods.current(year, data.today).key
        data.period_report = PeriodReportService(self.db, self.who).build(
            key, year, data.today, plan=data.plan, all_words=False)

    def export(self, out: str | Path, year: int | None = None, *, by_dept: bool = False,
               only: Iterable[int] | None = None, today: dt.date | None = None,
               progress: Progress | None = None) -> ExportResult:
        """Write the ledger workbook; `only` limits it to these items (the window's filter).

        One read snapshot holds for the whole export; the check-ins stream from the file as the
        进展记录 sheet is written. Raises `ExportCancelled` when `progress` returns False; the
        target is then untouched. The data file, its -wal/-shm and the backup folder are
        refused as targets.
        """
        from tracker.io.ledger_export import LedgerData, write_ledger

        self._refuse_own_file(out)
        with self.db.snapshot() as c:
            view = self.plans.view(year, today, texts=False)  # the long texts stream (texts_of)
            chosen = frozenset(only) if only is not None else None
            ids = [n.id for n in view.items() if chosen is None or n.id in chosen]
            longest = repo.longest_texts(c, view.plan.id)
            data = LedgerData(
                view.plan, view.evaluations, view.today, lambda items: repo.checkins_of(c, items),
                repo.checkin_count(c, view.plan.id, None if chosen is None else ids),
                longest, chosen, self.who, texts=lambda items: repo.texts_of(c, items),
                longest=longest, checkins=lambda ids: period_store.checkins_in_order(c, ids))
            self._add_periods(data)
            try:
                return write_ledger(out, data, by_dept=by_dept, progress=progress)
            except LedgerWriteError as exc:
                raise UserError(str(exc)) from exc

    def check_target(self, out: str | Path) -> None:
        """Refuse a target before the export starts, so the window can ask for another: the data
        file and what belongs to it, a name without .xlsx, a folder, a folder missing or not
        writable. `export` checks again (the folder may change in between)."""
        self._refuse_own_file(out)
        try:
            refuse_target(Path(out), try_writing=True)
        except LedgerWriteError as exc:
            raise UserError(str(exc)) from exc

    def _refuse_own_file(self, out: str | Path) -> None:
        if isinstance(self.db, Database) and self.db.owns(out):  # a server has no local files
            raise UserError(OWN_FILE_TARGET.format(out=out))

    def preview(self, path: str | Path, year: int | None = None) -> LedgerPreview:
        """Read a filled-in ledger and list its changes; raises `UserError` naming a bad row."""
        from tracker.io.ledger.diff import diff_ledger
        from tracker.io.ledger_import import LedgerReadError, read_ledger

        try:
            ledger = read_ledger(path)
        except LedgerReadError as exc:
            raise UserError(str(exc)) from exc
        if year is not None and ledger.year is not None and year != ledger.year:
            raise UserError(f"{Path(path).name} 是 {ledger.year} 年的台账，与指定的 {year} 年不符。")
        view = self.plans.view(year if year is not None else ledger.year)
        try:
            diff = diff_ledger(view.plan, view.evaluations, ledger)
        except LedgerReadError as exc:
            raise UserError(str(exc)) from exc
        return LedgerPreview(Path(path), view.plan.year, view.plan.id, diff)

    def apply(self, preview: LedgerPreview, chosen: Iterable[int] | None = None,
              today: dt.date | None = None) -> LedgerImport:
        """Record the chosen changes (indexes into preview.changes; all when None).

        One check-in per item, all in one transaction: fields not chosen keep the item's
        latest values, so unticking 进度 records only the text.
        """
        picked = preview.changes if chosen is None else [preview.changes[i] for i in sorted(set(chosen))]
        by_node: dict[int, dict[str, float | str]] = {}
        for change in picked:
            by_node.setdefault(change.node_id, {})[change.field] = change.value
        if not by_node:
            return LedgerImport(preview.year, (), Patch())
        when = today or dt.date.today()
        with self.db.transaction() as c:
            nodes = {n.id: n for n in repo.load_plan(c, preview.plan_id).walk()}
            first = edits.next_id(c, "checkin")
            rows: list[CheckIn] = []
            created = repo.now_iso()
            for offset, (node_id, values) in enumerate(by_node.items()):
                node = nodes.get(node_id)
                if node is None or node.children:
                    raise UserError("数据文件在预览后已被修改，请重新导入台账。")
                latest = node.latest
                base = latest.progress if latest else (100.0 if node.status is Status.DONE else 0.0)
                day = preview.diff.dates.get(node_id)
                if day is None or (latest is not None and day <= latest.date):
                    day = when  # an older date would not become the item's latest report
                v = CheckInValues.parse(
                    date=day,
                    progress=values.get("progress", base),
                    progress_text=values.get("progress_text", latest.progress_text if latest else ""),
                    problems=values.get("problems", latest.problems if latest else ""),
                    next_steps=values.get("next_steps", latest.next_steps if latest else ""),
                    reporter=self.who,
                )
                refuse_closed(c, node_id, [v.date])
                rows.append(CheckIn(first + offset, node_id, v.date, v.progress, v.progress_text,
                                    v.problems, v.next_steps, v.reporter, created))
            ids = [r.id for r in rows]
            scope = [select("checkin", "id", ids), select("node", "id", by_node)]

            def op() -> None:
                for checkin in rows:
                    edits.insert_checkin(c, checkin)
                    follow_latest(c, checkin.node_id)

            patch = self._record(c, scope, op, subjects=list(by_node))
        return LedgerImport(preview.year, tuple(ids), patch)
