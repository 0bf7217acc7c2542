"""The window's 报送 menu: reporting settings, the 报送与关账 dialog (未报送, 催报, close and reopen),
the 月报/季报 as PDF or Word with a print preview, and the toolbar's "as of" box that shows the
tree as a closed period froze it.

Given the workspace, the dialog service, the undo stack and a function naming the shown year;
it tells the window by signals: `as_of_chosen(key or None)`, `periods_changed()` after a close
or reopen (the window reloads: the dots and the as-of list change).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu

from tracker.domain.period_report import Office, PeriodReport
from tracker.services import UserError, Workspace
from tracker.services.periods import PeriodSettings
from tracker.ui.commands import EditCommand
from tracker.ui.dialog_service import Dialogs, Level, documents_folder
from tracker.ui.dialogs.period_settings import PeriodSettingsDialog
from tracker.ui.dialogs.periods import PeriodsDialog

LAST_FOLDER = "files/last_folder"


class PeriodDesk(QObject):
    as_of_chosen = Signal(object)
    periods_changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        dialogs: Dialogs,
        settings: QSettings,
        undo_stack: QUndoStack,
        window: QMainWindow,
        year: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self.ws, self.dialogs, self.settings, self.undo_stack = workspace, dialogs, settings, undo_stack
        self.window, self.year = window, year
        self.dialog: PeriodsDialog | None = None
        self.open_periods = self._action(self.tr("报送与关账(&M)…"), self.show_periods, "Ctrl+M")
        self.settings_action = self._action(self.tr("报送设置与本单位(&S)…"), self.edit_settings)
        self.report_action = self._action(self.tr("生成月报/季报(&R)…"), lambda: self.make_report(None))
        self.preview_action = self._action(self.tr("打印预览(&V)…"), lambda: self.preview(None))
        self.menu = QMenu(self.tr("报送(&B)"), window)
        for action in (
            self.open_periods,
            None,
            self.report_action,
            self.preview_action,
            None,
            self.settings_action,
        ):
            if action is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(action)
        self.as_of_combo = QComboBox()
        self.as_of_combo.setObjectName("asOfCombo")
        self.as_of_combo.setToolTip(self.tr("按已关账的期查看：台账显示关账时冻结的数据（只读）"))
        self.as_of_combo.activated.connect(self._as_of_activated)

    def _action(self, text: str, slot: Callable[[], object], keys: str = "") -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # --- the as-of box ----------------------------------------------------------------

    def fill_as_of(self, as_of: str | None) -> None:
        """List the closed periods of the shown year ("当前" first)."""
        self.as_of_combo.blockSignals(True)
        try:
            self.as_of_combo.clear()
            self.as_of_combo.addItem(self.tr("当前数据"), None)
            try:
                infos = self.ws.periods.periods(self.year()) if self.year() is not None else []
            except UserError:
                infos = []
            for info in infos:
                if info.is_closed:
                    self.as_of_combo.addItem(
                        self.tr("截至 {0}（已关账）").format(info.period.label), info.key
                    )
            index = self.as_of_combo.findData(as_of) if as_of else 0
            self.as_of_combo.setCurrentIndex(max(index, 0))
        finally:
            self.as_of_combo.blockSignals(False)

    def _as_of_activated(self, index: int) -> None:
        self.as_of_chosen.emit(self.as_of_combo.itemData(index))

    def lights(self) -> dict[int, list[tuple[str, str | None]]]:
        """Each node's light per period for the tree's dots (empty when nothing is closed)."""
        try:
            found = self.ws.periods.lights(self.year())
        except UserError:
            return {}
        return {
            n: [(label, light.value if light else None) for label, light in row] for n, row in found.items()
        }

    # --- settings ---------------------------------------------------------------------

    def edit_settings(self) -> PeriodSettingsDialog | None:
        year = self.year()
        if year is None:
            return None
        locked = any(i.is_closed for i in self.ws.periods.periods(year))
        dialog = PeriodSettingsDialog(
            self.window, year, self.ws.periods.settings(year), self.ws.office.details(), locked
        )
        dialog.save = lambda s, o: self.save_settings(year, s, o)
        self.dialogs.show(dialog)
        return dialog

    def save_settings(self, year: int, settings: PeriodSettings, office: Office) -> str | None:
        """One undo step for both: the plan's cadence and the office's details. None when saved;
        else why not, for the dialog to show (the office's details wait for the cadence)."""
        plan_id = self.ws.plans.view(year).plan.id
        periods, desk = self.ws.periods, self.ws.office
        refused: list[str] = []
        self.undo_stack.beginMacro(self.tr("修改报送设置"))
        try:
            for service, run in (
                (periods, lambda: periods.set_settings(plan_id, settings.cadence, settings.report_day)),
                (desk, lambda: desk.save(office)),
            ):
                self.undo_stack.push(EditCommand(self.tr("修改报送设置"), service, run,
                                                 lambda _c, _f: None, self._failed, refused.append))
                if refused:
                    break
        finally:
            self.undo_stack.endMacro()
        return refused[0] if refused else None
        self.periods_changed.emit()

    def _failed(self, message: str) -> None:
        self.dialogs.message(Level.WARNING, self.tr("未能完成"), message)

    # --- the periods dialog -------------------------------------------------------------

    def show_periods(self) -> PeriodsDialog | None:
        year = self.year()
        if year is None:
            return None
        try:
            infos = self.ws.periods.periods(year)
            current = self.ws.periods.current(year).key
        except UserError as exc:
            self._failed(str(exc))
            return None
        dialog = PeriodsDialog(self.window, infos, current,
                               writable=not self.ws.read_only and self.ws.account.edits_plan)
        dialog.period_changed.connect(self._fill)
        dialog.close_requested.connect(self.close_period)
        dialog.reopen_requested.connect(self.reopen_period)
        dialog.export_requested.connect(self.export_missing)
        dialog.report_requested.connect(self.make_report)
        dialog.preview_requested.connect(self.preview)
        self.dialog = dialog
        self._fill(dialog.period())
        self.dialogs.show(dialog)
        return dialog

    def _fill(self, key: str) -> None:
        if self.dialog is None:
            return
        try:
            info = self.ws.periods.info(key, self.year())
            missing = self.ws.periods.missing(key, self.year())
        except UserError as exc:
            self._failed(str(exc))
            return
        self.dialog.show_period(info, missing, self.ws.office.details().unit)

    def close_period(self, key: str) -> None:
        def close() -> None:
            try:
                self.ws.periods.close(key, self.year())
            except UserError as exc:
                self._failed(str(exc))
                return
            self._fill(key)
            self.periods_changed.emit()

        self.dialogs.confirm(
            self.tr("关账"),
            self.tr(
                "关账 {0}？各事项在期末的进度、状态、亮灯和最近一次填报将被冻结；之后该期内日期的填报"
                "须先重新打开（填写理由）。"
            ).format(key),
            close,
            yes=self.tr("关账"),
        )

    def reopen_period(self, key: str, reason: str) -> None:
        try:
            self.ws.periods.reopen(key, reason, self.year())
        except UserError as exc:
            self._failed(str(exc))
            return
        self._fill(key)
        self.periods_changed.emit()

    def export_missing(self, key: str) -> None:
        info = self.ws.periods.info(key, self.year())
        name = self.tr("{0}未报送清单.xlsx").format(info.period.label)

        def save(path: Path) -> None:
            # openpyxl loads when a list is written, not with the window
            from tracker.io.ledger.missing_sheet import write_missing

            try:
                missing = self.ws.periods.missing(key, self.year())
                write_missing(path, info.period.label, info.report_by, missing, self.ws.office.details().unit)
            except (UserError, OSError) as exc:
                self._failed(str(exc))
                return
            self._remember(path)
            self.dialogs.offer(
                self.tr("未报送清单"),
                self.tr("已导出 {0} 项到：\n{1}").format(len(missing), path),
                self.tr("用表格程序打开"),
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            )

        self.dialogs.save_file(
            self.tr("导出未报送清单"), self._folder() / name, [self.tr("Excel 工作簿 (*.xlsx)")], "xlsx", save
        )

    # --- the report -----------------------------------------------------------------------

    def _key(self, key: str | None) -> str | None:
        if key:
            return key
        year = self.year()
        return self.ws.periods.current(year).key if year is not None else None

    def build(self, key: str | None) -> PeriodReport | None:
        key = self._key(key)
        if key is None:
            return None
        try:
            return self.ws.period_reports.build(key, self.year())
        except UserError as exc:
            self._failed(str(exc))
            return None

    def make_report(self, key: str | None) -> None:
        report = self.build(key)
        if report is None:
            return
        name = f"{report.office.unit}{report.period.label}{report.period.kind_name}.pdf"
        self._ask_where(report, self._folder() / name)

    def _ask_where(self, report: PeriodReport, suggested: Path) -> None:
        filters = [self.tr("PDF 文件 (*.pdf)"), self.tr("Word 文档 (*.docx)")]
        self.dialogs.save_file(
            self.tr("生成{0}").format(report.period.kind_name),
            suggested,
            filters,
            "pdf" if suggested.suffix.lower() != ".docx" else "docx",
            lambda path: self.write(report, path),
        )

    def write(self, report: PeriodReport, path: Path) -> None:
        """Write the report; when the place is refused (a folder, no permission, the file open
        in Word), say why and ask again where, so the user need not start over."""
        from tracker.io.period_docx import write_docx  # python-docx loads when a report is written
        from tracker.ui.report_pdf import chart_png, write_pdf

        try:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, self.tr("这是一个文件夹，请给出文件名"))
            if path.suffix.lower() == ".docx":
                write_docx(report, path, chart_png(report))
            else:
                write_pdf(report, path.with_suffix(".pdf") if path.suffix.lower() != ".pdf" else path)
        except OSError as exc:
            again = path if not path.is_dir() else path / f"{report.office.unit}{report.period.label}.pdf"
            self.dialogs.message(Level.WARNING, self.tr("未能完成"),
                                 self.tr("无法写入 {0}：{1}").format(path, exc.strerror or exc),
                                 then=lambda: self._ask_where(report, again))
            return
        self._remember(path)
        self.dialogs.offer(
            self.tr("已生成"),
            self.tr("已生成：\n{0}").format(path),
            self.tr("打开"),
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
        )

    def preview(self, key: str | None) -> object | None:
        """Qt's print preview of the report (print from there, or to PDF)."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from tracker.ui.report_pdf import BODY_FAMILIES, TITLE_FAMILIES, paint_document, pick_family

        report = self.build(key)
        if report is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("打印预览 — {0}").format(report.title))
        dialog.paintRequested.connect(
            lambda p: paint_document(report, p, pick_family(BODY_FAMILIES), pick_family(TITLE_FAMILIES))
        )
        self.dialogs.show(dialog)
        return dialog

    def _folder(self) -> Path:
        saved = str(self.settings.value(LAST_FOLDER, "", type=str) or "")
        return Path(saved) if saved and Path(saved).is_dir() else documents_folder()

    def _remember(self, path: Path) -> None:
        self.settings.setValue(LAST_FOLDER, str(path.parent))
