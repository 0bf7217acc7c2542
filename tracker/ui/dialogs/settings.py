"""设置: language, data file, where backups go, light thresholds, who "I" am.

Language and layout live in QSettings (window-only); the data file and the user's name in
the shared preferences file, so the command line signs and opens the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tracker.preferences import Preferences, PreferencesError, data_file_origin
from tracker.services.backups import backup_folder, default_data_file
from tracker.ui.dialogs.form import error_label


class SettingsDialog(QDialog):
    """Edits preferences; emits `applied(language_changed, thresholds)` after a successful save.

    Thresholds are returned to the caller rather than saved here, so the window can apply them
    through its undo stack like every other edit.
    """

    applied = Signal(bool, object)

    def __init__(self, parent: QWidget | None, settings: QSettings, db_path: Path,
                 thresholds: tuple[float, float], preferences_file: Path | None = None,
                 demo: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self._settings = settings
        self._prefs_file = preferences_file
        self._prefs = Preferences.load(preferences_file)
        self._thresholds = thresholds
        form = QFormLayout(self)

        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        current = str(settings.value("language", "zh") or "zh")
        self.language.setCurrentIndex(1 if current.startswith("en") else 0)
        form.addRow(self.tr("界面语言"), self.language)

        self.data_file = QLineEdit(self._prefs.data_file)
        self.data_file.setPlaceholderText(str(default_data_file() if not self._prefs.data_file else ""))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.data_file, 1)
        row.addWidget(browse)
        form.addRow(self.tr("数据文件"), row)
        self.open_file = self._open_file_note(db_path, demo)
        if self.open_file is not None:
            form.addRow("", self.open_file)
        hint = QLabel(self.tr("更换数据文件在下次启动时生效；留空使用默认位置。"
                              "多个科室共用一个数据库时，填写服务器地址：postgresql://登录名@主机/库名"
                              "（密码放在 pgpass 文件中，见 docs/server.md）。"))
        hint.setWordWrap(True)
        form.addRow("", hint)

        self.backup_dir = QLineEdit(self._prefs.backup_dir)
        self.backup_dir.setPlaceholderText(self.tr("数据文件旁（默认）"))
        choose_folder = QPushButton(self.tr("选择…"))
        choose_folder.clicked.connect(self._browse_backups)
        open_folder = QPushButton(self.tr("打开"))
        try:
            shown_folder = backup_folder(db_path, self._prefs.backup_path())
        except PreferencesError:  # a bad saved value: backups go beside the file until it is fixed
            shown_folder = backup_folder(db_path)
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(shown_folder))))
        row = QHBoxLayout()
        row.addWidget(self.backup_dir, 1)
        row.addWidget(choose_folder)
        row.addWidget(open_folder)
        form.addRow(self.tr("备份文件夹"), row)
        self.backup_folder = QLabel(str(shown_folder))
        self.backup_folder.setWordWrap(True)
        form.addRow("", self.backup_folder)

        self.green = self._points(thresholds[0])
        self.yellow = self._points(thresholds[1])
        form.addRow(self.tr("绿灯：滞后不超过"), self.green)
        form.addRow(self.tr("黄灯：滞后不超过"), self.yellow)

        self.user_name = QLineEdit(self._prefs.user_name)
        self.user_name.setPlaceholderText(Preferences().who())
        form.addRow(self.tr("我的名字（记入修改记录）"), self.user_name)

        self.error = error_label()
        self.error.show()  # empty until a refusal; keeps the form from jumping
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _open_file_note(self, db_path: Path, demo: bool) -> QLabel | None:
        """When --db, TRACKER_DB or the demo chose the open file, name it: the field above is
        then only what a start without them opens."""
        origin = data_file_origin(db_path, self._prefs)
        if origin == "settings" and not demo:
            return None
        if demo:
            text = self.tr("当前打开的是演示数据（临时文件）：{0}。上面的设置对演示无影响。")
        elif origin == "env":
            text = self.tr("当前打开的是环境变量 TRACKER_DB 指定的文件：{0}。"
                           "上面的设置只在未设置 TRACKER_DB 时启动生效。")
        else:
            text = self.tr("当前打开的是命令行参数 --db 指定的文件：{0}。"
                           "上面的设置只在不带 --db 启动时生效。")
        note = QLabel(text.format(db_path))
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return note

    def _points(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0, 100)
        box.setDecimals(0)
        box.setSuffix(self.tr(" 个百分点"))
        box.setValue(value)
        return box

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("选择数据文件"), self.data_file.text() or str(default_data_file()),
                             self.tr("台账数据文件 (*.db);;所有文件 (*)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        dialog.fileSelected.connect(self.data_file.setText)
        dialog.open()

    def _browse_backups(self) -> None:
        dialog = QFileDialog(self, self.tr("选择备份文件夹"), self.backup_dir.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self.backup_dir.setText)
        dialog.open()

    def _save(self) -> None:
        green, yellow = self.green.value(), self.yellow.value()
        if green > yellow:
            self.error.setText(self.tr("绿灯阈值不能大于黄灯阈值。"))
            return
        backup_dir = self.backup_dir.text().strip()
        prefs = Preferences(data_file=self.data_file.text().strip(), user_name=self.user_name.text().strip(),
                            backup_dir=backup_dir)
        try:
            prefs.save(self._prefs_file)
        except PreferencesError as exc:  # a path that cannot be used, worded by tracker.preferences
            self.error.setText(str(exc))
            return
        except OSError as exc:
            self.error.setText(self.tr("无法保存设置：") + str(exc))
            return
        language = str(self.language.currentData())
        language_changed = language != str(self._settings.value("language", "zh") or "zh")
        self._settings.setValue("language", language)
        thresholds = (green, yellow) if (green, yellow) != self._thresholds else None
        self.accept()
        self.applied.emit(language_changed, thresholds)
