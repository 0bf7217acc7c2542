"""文件→从备份恢复…: the open file's backups, newest first, with their date and item count.

Restoring keeps the current state as a backup first (services.backups.restore_backup), and
the dialog emits `restored` so the window reloads. It takes a path, not a Database, so the
window can offer it for a file it could not open (damaged) as well.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services import UserError
from tracker.services.backups import BackupInfo, RestoreResult, list_backups, restore_backup
from tracker.ui.words import user_text


class RestoreDialog(QDialog):
    """Emits `restored(RestoreResult)` after a backup was restored; then closes."""

    restored = Signal(object)

    def __init__(self, parent: QWidget | None, db_path: str | Path, backup_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.backup_dir = backup_dir  # the folder chosen in the settings; None: beside the file
        self.backups: list[BackupInfo] = []
        self.confirm: QMessageBox | None = None
        self.result_: RestoreResult | None = None
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(640, 380)

        intro = QLabel(self.tr("选择一个备份来恢复。恢复前，当前文件会先保存为一个备份，不会丢失。"))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("备份时间"), self.tr("类型"), self.tr("工作事项"), self.tr("进展填报")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.ask_restore())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("恢复所选备份…"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()

    def _reason(self, info: BackupInfo) -> str:
        if info.reason.startswith("before-v"):
            return self.tr("升级前（版本 {0}）").format(info.reason.removeprefix("before-v"))
        names = {"auto": self.tr("每日自动"), "manual": self.tr("手动"),
                 "before-restore": self.tr("恢复前"), "external": self.tr("外部文件")}
        return names.get(info.reason, info.reason)

    def reload(self) -> None:
        """List the backups (read only; each is fully checked when it is chosen)."""
        self.backups = list_backups(self.db_path, backup_dir=self.backup_dir)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = [info.taken.strftime("%Y-%m-%d %H:%M"), self._reason(info),
                     str(info.items) if info.ours else self.tr("无法读取"), str(info.checkins)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if self.backups:
            self.table.selectRow(0)
            self.status.setText("")
        else:
            self.status.setText(self.tr("这个数据文件还没有备份。"))
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def ask_restore(self) -> QMessageBox | None:
        """Confirm first: what will replace the current content, and that it is kept."""
        info = self.selected()
        if info is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("从备份恢复"), self.tr(
            "用 {0} 的备份（{1} 项工作，{2} 条进展填报）替换当前数据？当前数据会先保存为一个备份。"
        ).format(info.taken.strftime("%Y-%m-%d %H:%M"), info.items, info.checkins),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.restore(info))
        self.confirm = box
        box.open()
        return box

    def restore(self, info: BackupInfo) -> RestoreResult | None:
        try:
            result = restore_backup(self.db_path, info.path, self.backup_dir)
        except UserError as exc:
            self.status.setText(user_text(str(exc)))
            self.reload_keeping_message()
            return None
        self.result_ = result
        self.restored.emit(result)
        self.accept()
        return result

    def reload_keeping_message(self) -> None:
        message = self.status.text()
        self.reload()
        self.status.setText(message)
