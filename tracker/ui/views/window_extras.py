"""What the window offers beyond the plan itself: settings, language, the user guide, the
first-run welcome, the demo's mark and the Chinese-font warning.

Kept out of main_window.py (which is about the plan) so each file stays one concern.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from tracker.ui.dialogs.settings import SettingsDialog
from tracker.ui.help import NO_CJK_FONT, GuideDialog, has_chinese_font
from tracker.ui.settings import language
from tracker.ui.views.welcome import WelcomePanel

if TYPE_CHECKING:
    from tracker.ui.views.main_window import MainWindow

WELCOME_DONE = "welcome_done"


class WindowExtras(QObject):
    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.w = w
        self.settings_action = QAction(self.tr("设置…"), w)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        w.file_menu.insertAction(w.quit_action, self.settings_action)
        w.file_menu.insertSeparator(w.quit_action)

        self.guide_action = QAction(self.tr("用户指南"), w)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.open_guide)
        w.help_menu.insertAction(w.about_action, self.guide_action)
        self.demo_action = QAction(self.tr("打开演示数据"), w)
        self.demo_action.triggered.connect(self.open_demo)
        w.help_menu.insertAction(w.about_action, self.demo_action)
        w.help_menu.insertSeparator(w.about_action)

        menu = w.view_menu.addMenu(self.tr("界面语言"))
        group = QActionGroup(w)
        current = language(w.settings)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("zh", "中文"), ("en", "English")):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action

        self.welcome: WelcomePanel | None = None
        if not w.settings.value(WELCOME_DONE, False, type=bool) and not w.demo:
            self.welcome = WelcomePanel(w)
            self.welcome.dismissed.connect(lambda: w.settings.setValue(WELCOME_DONE, True))
            self.welcome.demo_requested.connect(self.open_demo)
            self.welcome.guide_requested.connect(self.open_guide)
            w.add_banner(self.welcome)
        self.font_missing = not has_chinese_font()
        if self.font_missing:
            w.statusBar().showMessage(NO_CJK_FONT)

    # --- actions --------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        w = self.w
        plan = w.view.plan if w.view is not None else None
        thresholds = (plan.thresholds.green_max, plan.thresholds.yellow_max) if plan else (10.0, 30.0)
        dialog = SettingsDialog(w, w.settings, w.db.path, thresholds)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self._settings_applied)
        w.last_dialog = dialog
        dialog.open()
        return dialog

    def _settings_applied(self, language_changed: bool, thresholds: object) -> None:
        w = self.w
        if isinstance(thresholds, tuple) and w.view is not None and not w.db.read_only:
            w.editing.set_thresholds(*thresholds)
        if language_changed:
            self._language_notice()

    def set_language(self, code: str) -> None:
        if code == language(self.w.settings):
            return
        self.w.settings.setValue("language", code)
        self._language_notice()

    def _language_notice(self) -> None:
        self.w.show_message(QMessageBox.Icon.Information, self.tr("界面语言"),
                            self.tr("界面语言将在下次启动时切换。 The language changes at the next start."))

    def open_guide(self) -> GuideDialog:
        dialog = GuideDialog(self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.w.last_dialog = dialog
        dialog.show()
        return dialog

    def open_demo(self) -> bool:
        """The demo opens as a second program, so the user's own file stays as it is."""
        program, args = sys.executable, ["-m", "tracker", "--demo"]
        if getattr(sys, "frozen", False):
            program, args = sys.executable, ["--demo"]
        return QProcess.startDetached(program, args)[0]
