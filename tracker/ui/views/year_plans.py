"""A year's plan as a whole: imported from a report file or pasted text (through the editable
preview), deleted after a backup, or continued into the next year by carrying over what is
unfinished.

Reading a report runs in the background (a long Word or PDF file takes a moment). Saving,
deleting and carrying over are each one step on the window's undo stack: undoing an import
deletes the new plan again, undoing a deletion puts the plan back with its check-ins.
`year_wanted(year)` asks the window to show a year (the new plan, or the one shown before the
step that is undone); `said(text)` is a line for the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument, QUndoStack
from PySide6.QtWidgets import QWidget

from tracker.domain.model import PlanDraft
from tracker.services import UserError, Workspace
from tracker.services.reports import CarryOver, PlanDeleted, PlanImported, ReadCancelled
from tracker.ui.commands import EditCommand
from tracker.ui.dialog_service import Dialogs, Level, documents_folder
from tracker.ui.dialogs.carry_over import CarryOverDialog
from tracker.ui.jobs import Cancelled, Job, Progress, run_job
from tracker.ui.preview.window import ReportPreview

LAST_FOLDER = "files/last_report_folder"


def clipboard_text() -> str:
    """The clipboard as plain text; a web page copied as HTML only is turned into text."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        return ""
    if data.hasText() and data.text().strip():
        return data.text()
    if data.hasHtml():
        document = QTextDocument()
        document.setHtml(data.html())
        return document.toPlainText()
    return ""


class YearPlans(QObject):
    year_wanted = Signal(int)
    said = Signal(str)

    def __init__(self, workspace: Workspace, undo_stack: QUndoStack, dialogs: Dialogs, settings: QSettings,
                 shown_year: Callable[[], int | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.undo_stack = undo_stack
        self.dialogs = dialogs
        self.settings = settings
        self.shown_year = shown_year
        self.parent_widget = parent

    # --- reading a report -----------------------------------------------------------

    def _folder(self) -> Path:
        saved = str(self.settings.value(LAST_FOLDER, "", type=str) or "")
        return Path(saved) if saved and Path(saved).is_dir() else documents_folder()

    def choose_file(self) -> None:
        self.dialogs.open_file(self.tr("导入年度报告"), self._folder(), [
            self.tr("年度报告 (*.docx *.pdf *.txt)"), self.tr("Word 文档 (*.docx)"),
            self.tr("PDF 文件 (*.pdf)"), self.tr("文本文件 (*.txt)"), self.tr("所有文件 (*)"),
        ], self.import_file)

    def import_file(self, path: str | Path) -> Job:
        """Read `path` in the background, then open the preview (or say what is wrong)."""
        path = Path(path)
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        reports = self.ws.reports

        def work(progress: Progress) -> PlanDraft:
            try:
                return reports.read_file(path, require_year=False, progress=progress)
            except ReadCancelled as exc:
                raise Cancelled from exc

        label = self.tr("正在读取“{0}”…").format(path.name)
        return run_job(self.parent_widget, self.tr("导入年度报告"), label, work,
                       on_success=lambda draft: self.preview(draft, path.name), on_failure=self._tell)

    def paste_text(self) -> Job | None:
        """编辑 → 粘贴报告文本: the clipboard's text, read like a report file."""
        text = clipboard_text()
        if not text.strip():
            self._tell(self.tr("剪贴板中没有文字。请先在网页或文档中选中报告全文，复制（Ctrl+C）后再粘贴。"))
            return None
        reports = self.ws.reports

        def work(progress: Progress) -> PlanDraft:
            progress(0, 1)
            return reports.read_text(text)

        return run_job(self.parent_widget, self.tr("粘贴报告文本"), self.tr("正在识别粘贴的文本…"), work,
                       on_success=lambda draft: self.preview(draft, self.tr("粘贴的文本")),
                       on_failure=self._tell)

    def preview(self, draft: PlanDraft, source_name: str) -> ReportPreview:
        shown: list[ReportPreview] = []
        preview = ReportPreview(draft, source_name, self.dialogs, self.ws.reports,
                                lambda plan: self._save(plan, shown[0].dialogs), self.parent_widget)
        shown.append(preview)
        self.dialogs.show(preview)
        return preview

    # --- the steps on the window's undo stack ---------------------------------------

    def _push(self, text: str, run: Callable[[], Any], done: Callable[[Any, bool], None],
              asking: Dialogs | None = None) -> EditCommand | None:
        """One undoable step; None when its first run was refused (the reason was shown, on
        `asking` when given: the preview that asked; later undo/redo refusals on the window)."""
        tell = [asking or self.dialogs]
        command = EditCommand(text, self.ws.reports, run, done,
                              lambda message: tell[0].message(Level.WARNING, self.tr("年度计划"), message))
        self.undo_stack.push(command)
        tell[0] = self.dialogs
        return None if command.error is not None else command

    def _save(self, draft: PlanDraft, asking: Dialogs | None = None) -> bool:
        previous = self.shown_year()

        def done(change: PlanImported, forward: bool) -> None:
            if forward:
                self.year_wanted.emit(change.year)
            elif previous is not None:
                self.year_wanted.emit(previous)

        command = self._push(self.tr("导入 {0} 年计划").format(draft.year),
                             lambda: self.ws.reports.import_plan(draft), done, asking)
        if command is not None:
            text = self.tr("已导入 {0} 年计划：{1} 个方面，{2} 项工作。撤销（Ctrl+Z）可删除刚导入的计划。")
            self.said.emit(text.format(draft.year, len(draft.areas), draft.item_count))
        return command is not None

    def delete_plan(self, year: int | None) -> None:
        """Ask, naming what goes; then delete after a backup, as one undoable step."""
        if year is None:
            return
        try:
            contents = self.ws.reports.contents(year)
        except UserError as exc:
            self._tell(str(exc))
            return
        n = contents.counts
        details = self.tr("将一并删除：{0} 个方面、{1} 项工作、{2} 条进展填报记录、{3} 次延期记录。").format(
            n.areas, n.items, n.checkins, n.extensions)
        if n.carried_on:
            details += self.tr("另有 {0} 项已结转到其他年度，它们与本计划的关联将解除。").format(n.carried_on)
        details += self.tr("删除前会先备份数据文件；删除后可以撤销（Ctrl+Z），也可以从备份恢复。")
        self.dialogs.confirm(self.tr("删除年度计划"),
                             self.tr("删除 {0} 年计划“{1}”？").format(year, contents.title),
                             lambda: self._delete(year), yes=self.tr("删除"), no=self.tr("取消"),
                             details=details)

    def _delete(self, year: int) -> None:
        def done(change: PlanDeleted, forward: bool) -> None:
            if not forward:
                self.year_wanted.emit(change.year)

        command = self._push(self.tr("删除 {0} 年计划").format(year),
                             lambda: self.ws.reports.delete_plan(year), done)
        if command is not None and command.change.backup is not None:
            self.said.emit(self.tr("已删除 {0} 年计划；删除前的备份：{1}").format(
                year, command.change.backup.name))
        elif command is not None:  # a server's backups are the server's job
            self.said.emit(self.tr("已删除 {0} 年计划（可撤销）。").format(year))

    def carry_over(self, year: int | None) -> CarryOverDialog | None:
        """Choose unfinished items of the shown year to continue in another year's plan."""
        if year is None:
            return None
        try:
            years = self.ws.plans.years()
            dialog = CarryOverDialog(year, lambda to: self.ws.reports.carry_candidates(year, to), years,
                                     self.parent_widget)
        except UserError as exc:
            self._tell(str(exc))
            return None
        dialog.chosen.connect(lambda to_year, codes: self._carry(year, to_year, codes))
        self.dialogs.show(dialog)
        return dialog

    def _carry(self, from_year: int, to_year: int, codes: list[str]) -> None:
        def done(change: CarryOver, forward: bool) -> None:
            if change.copied:
                self.year_wanted.emit(to_year if forward else from_year)

        command = self._push(self.tr("结转到 {0} 年").format(to_year),
                             lambda: self.ws.reports.carry_over(from_year, to_year, codes), done)
        if command is None:
            return
        result: CarryOver = command.change
        text = self.tr("已将 {0} 项从 {1} 年结转到 {2} 年。").format(len(result.copied), from_year, to_year)
        if result.already:
            text += self.tr("{0} 项此前已结转，未重复。").format(len(result.already))
        if result.finished:
            text += self.tr("{0} 项已完成，未结转。").format(len(result.finished))
        self.said.emit(text)

    def _tell(self, text: str) -> None:
        self.dialogs.message(Level.WARNING, self.tr("年度计划"), text)
