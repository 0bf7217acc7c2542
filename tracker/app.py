"""Start the window: QApplication, translations, the data file, MainWindow.

Imported only when a window is wanted, so the command line never loads Qt.
"""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tracker import resources_dir
from tracker.preferences import Preferences, backup_dir_setting
from tracker.services import UserError, Workspace
from tracker.services import errors as store_errors
from tracker.services.errors import DamagedFile, LoginFailed, NotADataFile
from tracker.ui import settings as ui_settings
from tracker.ui import words

TRANSLATIONS_DIR = resources_dir() / "translations"
ICON = resources_dir() / "icons" / "tracker.svg"


def install_translation(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our English catalogue for "en"; for Chinese (the source language) only Qt's own
    strings (dialog buttons) need a catalogue. Returns what was installed, for removal."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = ([("qtbase_zh_CN", qt_dir), ("qt_extra_zh_CN", str(TRANSLATIONS_DIR))] if language == "zh"
                  else [("tracker_en", str(TRANSLATIONS_DIR))])
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
    QLocale.setDefault(QLocale("en_US" if language == "en" else "zh_CN"))
    return installed


def application() -> QApplication:
    """The running QApplication, created (with our names and icon) when there is none yet."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ui_settings.ORGANIZATION)
    app.setApplicationName(ui_settings.APPLICATION)
    app.setDesktopFileName(ui_settings.ORGANIZATION)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    return app


def run(db_path: Path | str, settings: QSettings | None = None, demo: bool = False) -> int:
    """Open the window on `db_path` and run until it closes; 1 when the data file cannot be opened."""
    from tracker.ui.views.main_window import MainWindow

    app = application()
    settings = settings if settings is not None else ui_settings.app_settings()
    translators = install_translation(app, ui_settings.language(settings))
    previous_hook = sys.excepthook
    sys.excepthook = _show_unexpected
    who = Preferences.load().who()
    backup_dir, notice = backup_dir_setting()  # read here, passed down: the store reads no settings
    try:
        try:
            workspace = open_with_login(db_path, who, backup_dir)
            if workspace is None:
                return 1
        except UserError as exc:
            reopened = _offer_restore(db_path, exc, who, backup_dir)
            if reopened is None:
                return 1
            workspace = reopened
        if notice:
            workspace.add_notice(notice)
        try:
            window = MainWindow(workspace, settings, demo=demo)
            window.show()
            with _ctrl_c_closes(window):
                return int(app.exec())
        finally:
            workspace.close()
    finally:
        sys.excepthook = previous_hook
        for translator in translators:
            app.removeTranslator(translator)


PasswordAsker = Callable[[str, str], str | None]


def open_with_login(db_path: Path | str, who: str, backup_dir: Path | None,
                    ask: PasswordAsker | None = None) -> Workspace | None:
    """Open the data file or connect to the server; when the server wants a password (none in
    the address or the pgpass file) or refuses the one typed, ask for it (`ask`: the reason and
    the login → the password, None to give up). None when the user gave up."""
    if ask is None:
        from tracker.ui.login_dialog import ask_password

        ask = ask_password
    password: str | None = None
    while True:
        try:
            return Workspace.open(db_path, who=who, backup_dir=backup_dir, password=password)
        except LoginFailed as exc:
            password = ask(str(exc), exc.login)
            if password is None:
                return None


# kinds of open failure, in the order to test them (StaleWal is a DamagedFile)
_OPEN_ERROR_WORDS = [
    (store_errors.StaleWal, QT_TRANSLATE_NOOP("App", "数据文件旁有一个与它不匹配的日志文件（-wal）。")),
    (store_errors.DamagedFile, QT_TRANSLATE_NOOP("App", "数据文件已损坏。")),
    (store_errors.NotADataFile, QT_TRANSLATE_NOOP("App", "这不是年度工作台账的数据文件。")),
    (store_errors.NewerSchema, QT_TRANSLATE_NOOP("App", "数据文件由更新版本的程序创建，请升级程序。")),
    (store_errors.ReadOnlyFile, QT_TRANSLATE_NOOP("App", "数据文件或其文件夹不可写。")),
    (store_errors.DiskFull, QT_TRANSLATE_NOOP("App", "磁盘已满。")),
    (store_errors.FileBusy, QT_TRANSLATE_NOOP("App", "数据文件正被其他程序使用。")),
]


def open_error_text(exc: UserError) -> str:
    """Why the file cannot be opened, in the interface language. The store words its errors in
    Chinese with their details (path, SQLite's words); an English interface gets an English
    sentence for the kind of fault first, then those details."""
    detail = words.user_text(str(exc))
    for kind, source in _OPEN_ERROR_WORDS:
        if isinstance(exc, kind):
            sentence = QCoreApplication.translate("App", str(source))
            return detail if sentence == source else f"{sentence}\n\n{detail}"
    return detail


def _offer_restore(db_path: Path | str, exc: UserError, who: str,
                   backup_dir: Path | None = None) -> Workspace | None:
    """The file cannot be opened: say why and, for a damaged file with backups, offer to restore
    one (the damaged file is kept aside). The opened file, or None to give up.

    Runs before the window exists, so these dialogs block (exec) like any start-up question."""
    from tracker.services.backups import list_backups
    from tracker.ui.backup_dialogs import RestoreDialog

    title = QCoreApplication.translate("App", "年度工作台账")
    box = QMessageBox(QMessageBox.Icon.Critical, title,
                      QCoreApplication.translate("App", "无法打开数据文件。") + "\n\n" + open_error_text(exc))
    restorable = (isinstance(db_path, Path) and isinstance(exc, DamagedFile | NotADataFile)
                  and bool(list_backups(db_path, backup_dir=backup_dir)))
    restore = None
    if restorable:
        restore = box.addButton(QCoreApplication.translate("App", "从备份恢复…"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(restore)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return None
    dialog = RestoreDialog(None, Path(db_path), backup_dir)
    if dialog.exec() != QDialog.DialogCode.Accepted.value or dialog.result_ is None:
        return None
    try:
        return Workspace.open(db_path, who=who, backup_dir=backup_dir)
    except UserError as again:
        QMessageBox(QMessageBox.Icon.Critical, title, str(again)).exec()
        return None


@contextmanager
def _ctrl_c_closes(window: QWidget) -> Iterator[None]:
    """Ctrl+C in the terminal closes the window the normal way (layout saved, no traceback).

    Python handles signals only when it runs, so a slow timer gives it the chance to."""
    previous = signal.signal(signal.SIGINT, lambda *_: window.close())
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(300)
    try:
        yield
    finally:
        timer.stop()
        signal.signal(signal.SIGINT, previous)


def _show_unexpected(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug in a slot: tell the user in one sentence (a gui-script has no console), keep the
    traceback on stderr for whoever reports it, and keep the window running."""
    traceback.print_exception(kind, exc, tb)
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "年度工作台账"),
                      QCoreApplication.translate("App", "内部错误：{0}").format(f"{kind.__name__}: {exc}"),
                      QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
