"""文件→导入年度报告…: pick a report, show what was read, save it only after the user agrees.

Reading and parsing run in the background (a long report takes a moment); saving is one step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from tracker.domain.model import PlanDraft
from tracker.services import UserError, Workspace
from tracker.ui.dialog_service import Dialogs, Level, documents_folder
from tracker.ui.jobs import Job, Progress, run_job

LAST_FOLDER = "files/last_report_folder"


class ReportImport(QObject):
    """Emits `imported(year)` once a new plan is saved."""

    imported = Signal(int)

    def __init__(self, workspace: Workspace, dialogs: Dialogs, settings: QSettings,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.dialogs = dialogs
        self.settings = settings
        self.parent_widget = parent

    def _folder(self) -> Path:
        saved = str(self.settings.value(LAST_FOLDER, "", type=str) or "")
        return Path(saved) if saved and Path(saved).is_dir() else documents_folder()

    def choose_file(self) -> None:
        self.dialogs.open_file(self.tr("导入年度报告"), self._folder(),
                               [self.tr("报告文本 (*.txt)"), self.tr("所有文件 (*)")], self.import_file)

    def import_file(self, path: str | Path) -> Job:
        """Read `path` in the background, then ask before saving; a problem is shown instead."""
        path = Path(path)
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        plans = self.ws.plans

        def work(_progress: Progress) -> PlanDraft:
            return plans.parse_report_file(path)

        return run_job(self.parent_widget, self.tr("导入年度报告"), self.tr("正在读取报告…"), work,
                       on_success=lambda draft: self._read(path, draft),
                       on_failure=self._tell)

    def _read(self, path: Path, draft: PlanDraft) -> None:
        if draft.year in self.ws.plans.years():
            self._tell(self.tr("{0} 年的计划已存在，未导入。同一年度只能有一个计划。").format(draft.year))
            return
        self.dialogs.confirm(self.tr("导入年度报告"), self.tr(
            "从“{0}”读到 {1} 年的计划“{2}”：{3} 个方面，{4} 项工作。是否导入？").format(
                path.name, draft.year, draft.title, len(draft.areas), draft.item_count),
            lambda: self._save(draft), default_yes=True, details=_outline(draft))

    def _save(self, draft: PlanDraft) -> None:
        try:
            self.ws.plans.import_draft(draft)
        except UserError as exc:
            self._tell(str(exc))
            return
        self.imported.emit(draft.year)

    def _tell(self, text: str) -> None:
        self.dialogs.message(Level.WARNING, self.tr("导入年度报告"), text)


def _outline(draft: PlanDraft) -> str:
    """The areas with their item counts, so the user can tell at a glance the parse is right."""
    return "\n".join(f"{n}. {area.title}（{len(area.children)}）" for n, area in enumerate(draft.areas, 1))
