"""File → 导入台账…: the preview of a filled-in ledger, and its one undoable step.

The preview shows every change with a tick box before anything is written, and applies the
ticked ones as one undoable edit. (Reading the file and exporting run in the background: see
views/data_file.py.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services import UserError
from tracker.services.ledger import (
    LedgerImport,
    LedgerPreview,
    LedgerService,
)
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.words import user_text

_SHOWN_TEXT = 80  # characters of a long note shown in a preview cell (the tooltip has it all)


class LedgerImportCommand(QUndoCommand):
    """An applied import on the window's undo stack (the first redo is the import itself)."""

    def __init__(self, service: LedgerService, result: LedgerImport,
                 refused: Callable[[str], None]) -> None:
        super().__init__(QApplication.translate("LedgerImport", "导入台账（{0} 项）")
                         .format(len(result.checkin_ids)))
        self.service = service
        self.result = result
        self.refused = refused  # tells the user why a step no longer applies
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
            self.refused(str(exc))


class LedgerImportDialog(QDialog):
    """The preview: every change with a tick box; 导入 applies the ticked ones in one go.

    Emits `imported(LedgerImport)` after writing; with an undo stack the import is pushed
    onto it so 编辑 → 撤销 takes it back out.
    """

    imported = Signal(object)

    def __init__(self, parent: QWidget | None, service: LedgerService, preview: LedgerPreview,
                 undo_stack: QUndoStack | None, dialogs: Dialogs) -> None:
        super().__init__(parent)
        self.service = service
        self.preview = preview
        self.undo_stack = undo_stack
        self.dialogs = dialogs
        self.result_: LedgerImport | None = None
        self.setWindowTitle(self.tr("导入台账：{0}").format(preview.path.name))
        self.resize(900, 480)

        summary = QLabel(user_text(preview.describe()), self)
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
        found = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [item for item in found if item is not None]

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
            self.dialogs.message(Level.WARNING, self.tr("无法导入台账"), str(exc))
            return
        self.result_ = result
        if self.undo_stack is not None:
            title = self.tr("导入台账")
            self.undo_stack.push(LedgerImportCommand(
                self.service, result, lambda m: self.dialogs.message(Level.WARNING, title, m)))
        self.imported.emit(result)
        self.accept()


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_TEXT else text[:_SHOWN_TEXT] + "…"
