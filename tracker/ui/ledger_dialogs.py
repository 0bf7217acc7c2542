"""File → 导出台账… (Ctrl+E) and File → 导入台账…: the ledger's two windows.

Both take (parent, db, year) so the main window only wires them to its menu. Export shows
a progress dialog for long plans and then offers to open the file; import shows every
change with a tick box before anything is written, and applies the ticked ones as one
undoable edit. Message boxes open with open(), never exec(), so tests can drive them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services import UserError
from tracker.services.ledger import (
    ExportCancelled,
    ExportResult,
    LedgerImport,
    LedgerPreview,
    LedgerService,
)
from tracker.store import Database

_SHOWN_TEXT = 80  # characters of a long note shown in a preview cell (the tooltip has it all)


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


class LedgerExport(QObject):
    """One export: ask where, write with a progress dialog, then offer to open the file.

    Emits `exported(ExportResult)` when the file is written. `only` limits the ledger to
    the items the window's filter shows.
    """

    exported = Signal(object)

    def __init__(self, parent: QWidget, db: Database, year: int | None, *,
                 only: Iterable[int] | None = None, by_dept: bool = False) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.service = LedgerService(db)
        self.year = year
        self.only = list(only) if only is not None else None
        self.by_dept = by_dept
        self.file_dialog: QFileDialog | None = None
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.result: ExportResult | None = None
        self.reported: tuple[int, int] = (0, 0)  # the last (rows done, rows in all) shown

    def start(self) -> QFileDialog:
        """Ask for the target file (non-blocking); choosing one runs the export."""
        name = f"{self.year}年度工作台账.xlsx" if self.year else "工作台账.xlsx"
        dialog = QFileDialog(self.parent_widget, self.tr("导出台账"), str(_documents() / name),
                             self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, path: str | Path) -> ExportResult | None:
        """Write the ledger to `path`; errors and the result are shown in message boxes."""
        progress = QProgressDialog(self.tr("正在导出台账…"), self.tr("取消"), 0, 100,
                                   self.parent_widget)
        progress.setWindowTitle(self.tr("导出台账"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress

        def step(done: int, total: int) -> bool:
            self.reported = (done, total)
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, total))
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            result = self.service.export(path, self.year, by_dept=self.by_dept, only=self.only,
                                         progress=step)
        except ExportCancelled:
            return None
        except UserError as exc:
            self._show(QMessageBox.Icon.Warning, self.tr("无法导出台账"), str(exc))
            return None
        finally:
            progress.close()
        self.result = result
        self.exported.emit(result)
        self._offer_open(result)
        return result

    def _offer_open(self, result: ExportResult) -> None:
        text = self.tr("已导出 {0} 项到：\n{1}").format(result.items, result.path)
        if result.warnings:
            text += "\n\n" + self.tr("注意：") + "\n".join(result.warnings[:5])
        box = self._show(QMessageBox.Icon.Information, self.tr("台账已导出"),
                         text + "\n\n" + self.tr("现在用表格程序打开吗？"))
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close)
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        box.finished.connect(lambda answer: self._answered(answer, result.path))

    def _answered(self, answer: int, path: Path) -> None:
        if answer == QMessageBox.StandardButton.Open.value:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent_widget)
        self.message = box
        box.open()
        return box


def export_ledger(parent: QWidget, db: Database, year: int | None,
                  only: Iterable[int] | None = None) -> LedgerExport:
    """The menu action: File → 导出台账… (Ctrl+E)."""
    export = LedgerExport(parent, db, year, only=only)
    export.start()
    return export


class LedgerImportCommand(QUndoCommand):
    """An applied import on the window's undo stack (the first redo is the import itself)."""

    def __init__(self, service: LedgerService, result: LedgerImport, window: QWidget | None = None) -> None:
        super().__init__(QApplication.translate("LedgerImport", "导入台账（{0} 项）")
                         .format(len(result.checkin_ids)))
        self.service = service
        self.result = result
        self.window = window  # parent of a refusal message (it outlives this command)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # pushed after applying: nothing to do the first time
            return
        self._replay(self.service.redo)

    def undo(self) -> None:
        self._replay(self.service.undo)

    def _replay(self, step: Callable[[LedgerImport], object]) -> None:
        """A step refused because the rows changed since (STALE) is said, and the command
        leaves the stack, rather than raising out of QUndoStack."""
        try:
            step(self.result)
        except UserError as exc:
            self.setObsolete(True)
            box = QMessageBox(QMessageBox.Icon.Warning, self.text(), str(exc),
                              QMessageBox.StandardButton.Ok, self.window or QApplication.activeWindow())
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()


class LedgerImportDialog(QDialog):
    """The preview: every change with a tick box; 导入 applies the ticked ones in one go.

    Emits `imported(LedgerImport)` after writing; with an undo stack the import is pushed
    onto it so 编辑 → 撤销 takes it back out.
    """

    imported = Signal(object)

    def __init__(self, parent: QWidget | None, db: Database, preview: LedgerPreview,
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.service = LedgerService(db)
        self.preview = preview
        self.undo_stack = undo_stack
        self.result_: LedgerImport | None = None
        self.message: QMessageBox | None = None
        self.setWindowTitle(self.tr("导入台账：{0}").format(preview.path.name))
        self.resize(900, 480)

        summary = QLabel(preview.describe(), self)
        summary.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("导入"), self.tr("行"), self.tr("序号"), self.tr("工作任务"),
                                    self.tr("项目"), self.tr("原值"), self.tr("新值")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for index, change in enumerate(preview.changes):
            item = QTreeWidgetItem([
                "", str(change.row), change.code, _short(change.title), change.label,
                _short(change.old) or self.tr("（空）"), _short(change.new) or self.tr("（空）"),
            ])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            for col, full in ((3, change.title), (5, change.old), (6, change.new)):
                item.setToolTip(col, full)
            self.table.addTopLevelItem(item)
        for col, width in enumerate((46, 44, 50, 220, 70, 170)):
            self.table.setColumnWidth(col, width)
        self.table.itemChanged.connect(lambda *_: self._update_count())

        self.all_button = QPushButton(self.tr("全选"), self)
        self.none_button = QPushButton(self.tr("全不选"), self)
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("导入"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        row.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if preview.changes:
            layout.addWidget(self.table)
        else:
            self.table.hide()
            layout.addWidget(QLabel(self.tr("台账与数据文件一致，没有需要导入的修改。"), self))
        layout.addLayout(row)
        self._update_count()

    def items(self) -> list[QTreeWidgetItem]:
        return [self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount())]

    def chosen(self) -> list[int]:
        """Indexes into preview.changes of the ticked rows."""
        return [int(item.data(0, Qt.ItemDataRole.UserRole)) for item in self.items()
                if item.checkState(0) == Qt.CheckState.Checked]

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for item in self.items():
            item.setCheckState(0, state)

    def _update_count(self) -> None:
        n = len(self.chosen())
        self.import_button.setText(self.tr("导入所选（{0} 处）").format(n))
        self.import_button.setEnabled(n > 0)

    def apply(self) -> None:
        """Write the ticked changes as check-ins (one transaction), then close."""
        try:
            result = self.service.apply(self.preview, self.chosen())
        except UserError as exc:
            self.message = QMessageBox(QMessageBox.Icon.Warning, self.tr("无法导入台账"), str(exc),
                                       QMessageBox.StandardButton.Ok, self)
            self.message.open()
            return
        self.result_ = result
        if self.undo_stack is not None:
            self.undo_stack.push(LedgerImportCommand(self.service, result, self.parentWidget()))
        self.imported.emit(result)
        self.accept()


def import_ledger(parent: QWidget, db: Database, year: int | None,
                  undo_stack: QUndoStack | None = None) -> QFileDialog:
    """The menu action: File → 导入台账…: ask for the file, then show its preview."""
    dialog = QFileDialog(parent, QApplication.translate("LedgerImport", "导入台账"), str(_documents()),
                         QApplication.translate("LedgerImport", "Excel 工作簿 (*.xlsx)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(lambda path: preview_ledger(parent, db, year, path, undo_stack))
    dialog.open()
    return dialog


def preview_ledger(parent: QWidget | None, db: Database, year: int | None, path: str | Path,
                   undo_stack: QUndoStack | None = None) -> LedgerImportDialog | QMessageBox:
    """Open the preview of `path`, or a message naming what is wrong with the file."""
    try:
        preview = LedgerService(db).preview(path, year)
    except UserError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QApplication.translate("LedgerImport", "无法导入台账"), str(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.open()
        return box
    dialog = LedgerImportDialog(parent, db, preview, undo_stack)
    dialog.open()
    return dialog


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_TEXT else text[:_SHOWN_TEXT] + "…"
