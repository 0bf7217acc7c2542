"""文件→导入年度报告…: pick a report, show what was read, save it only after the user agrees.

Every dialog opens with open() (never exec()), so a test can drive it through `last_dialog`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from tracker.domain.model import PlanDraft
from tracker.services import PlanService, UserError


class ReportImport(QObject):
    """Emits `imported(year)` once a new plan is saved."""

    imported = Signal(int)

    def __init__(self, plans: PlanService, parent: QWidget) -> None:
        super().__init__(parent)
        self.plans = plans
        self.window = parent
        self.last_dialog: QFileDialog | QMessageBox | None = None
        self.last_dir = str(Path.home())

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self.window, self.tr("导入年度报告"), self.last_dir,
                             self.tr("报告文本 (*.txt);;所有文件 (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.fileSelected.connect(self.import_file)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def import_file(self, path: str | Path) -> QMessageBox:
        """Parse `path` and ask before saving; a problem is shown instead, and nothing is saved."""
        path = Path(path)
        self.last_dir = str(path.parent)
        try:
            draft = self.plans.parse_report_file(path)
            exists = draft.year in self.plans.years()
        except UserError as exc:
            return self._tell(QMessageBox.Icon.Warning, str(exc))
        if exists:
            return self._tell(QMessageBox.Icon.Warning, self.tr(
                "{0} 年的计划已存在，未导入。同一年度只能有一个计划。").format(draft.year))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("导入年度报告"), self.tr(
            "从“{0}”读到 {1} 年的计划“{2}”：{3} 个方面，{4} 项工作。是否导入？").format(
                path.name, draft.year, draft.title, len(draft.areas), draft.item_count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setInformativeText(_outline(draft))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: self._answered(box, button, draft))
        return self._open(box)

    def _answered(self, box: QMessageBox, button: QAbstractButton, draft: PlanDraft) -> None:
        if box.standardButton(button) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.plans.import_draft(draft)
        except UserError as exc:
            self._tell(QMessageBox.Icon.Warning, str(exc))
            return
        self.imported.emit(draft.year)

    def _tell(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.tr("导入年度报告"), text, QMessageBox.StandardButton.Ok, self.window)
        return self._open(box)

    def _open(self, box: QMessageBox) -> QMessageBox:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()
        return box


def _outline(draft: PlanDraft) -> str:
    """The areas with their item counts, so the user can tell at a glance the parse is right."""
    return "\n".join(f"{n}. {area.title}（{len(area.children)}）" for n, area in enumerate(draft.areas, 1))
