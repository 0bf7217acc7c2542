"""What the window offers beyond the plan itself: settings, language, the user guide, the
first-run welcome, the demo, 关于 and the Chinese-font warning.

Kept out of main_window.py (which is about the plan) so each file stays one concern. It is
given what it needs (settings, the dialog service, the data file's path) and reports back by
signals: `thresholds_chosen(green, yellow)` for the window to apply through its undo stack.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QSettings, Signal
from PySide6.QtWidgets import QWidget

from tracker import __version__
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.dialogs.settings import SettingsDialog
from tracker.ui.help import NO_CJK_FONT, GuideDialog, has_chinese_font
from tracker.ui.settings import language
from tracker.ui.views.welcome import WelcomePanel

WELCOME_DONE = "welcome_done"


class WindowExtras(QObject):
    thresholds_chosen = Signal(float, float)

    def __init__(self, parent: QWidget, settings: QSettings, dialogs: Dialogs, data_path: Path,
                 demo: bool) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.settings = settings
        self.dialogs = dialogs
        self.data_path = data_path
        self.demo = demo
        self.font_missing = not has_chinese_font()

    def welcome_panel(self) -> WelcomePanel | None:
        """The first-run panel, until the user dismisses it (never over the demo)."""
        if self.settings.value(WELCOME_DONE, False, type=bool) or self.demo:
            return None
        panel = WelcomePanel()
        panel.dismissed.connect(lambda: self.settings.setValue(WELCOME_DONE, True))
        panel.demo_requested.connect(self.open_demo)
        panel.guide_requested.connect(self.open_guide)
        return panel

    def startup_warning(self) -> str:
        return NO_CJK_FONT if self.font_missing else ""

    # --- actions --------------------------------------------------------------------------

    def open_settings(self, thresholds: tuple[float, float] | None,
                      can_set_thresholds: Callable[[], bool]) -> SettingsDialog:
        dialog = SettingsDialog(self.parent_widget, self.settings, self.data_path,
                                thresholds or (10.0, 30.0), demo=self.demo)

        def applied(language_changed: bool, chosen: object) -> None:
            if isinstance(chosen, tuple) and can_set_thresholds():
                self.thresholds_chosen.emit(float(chosen[0]), float(chosen[1]))
            if language_changed:
                self._language_notice()

        dialog.applied.connect(applied)
        self.dialogs.show(dialog)
        return dialog

    def set_language(self, code: str) -> None:
        if code == language(self.settings):
            return
        self.settings.setValue("language", code)
        self._language_notice()

    def _language_notice(self) -> None:
        self.dialogs.message(Level.INFO, self.tr("界面语言"),
                             self.tr("界面语言将在下次启动时切换。 The language changes at the next start."))

    def open_guide(self) -> GuideDialog:
        dialog = GuideDialog(self.parent_widget)
        self.dialogs.show(dialog)
        return dialog

    def show_about(self) -> None:
        text = self.tr(
            "年度工作台账 {0}\n\n把年度报告中的工作目标变成台账：分解到责任领导和科室，"
            "按月或季度填报进展，红黄绿灯提示滞后事项，导出 Excel 台账上报。\n\n数据文件：{1}"
        ).format(__version__, self.data_path)
        self.dialogs.message(Level.INFO, self.tr("关于 年度工作台账"), text)

    def open_demo(self) -> bool:
        """The demo opens as a second program, so the user's own file stays as it is."""
        program, args = sys.executable, ["-m", "tracker", "--demo"]
        if getattr(sys, "frozen", False):
            program, args = sys.executable, ["--demo"]
        return bool(QProcess.startDetached(program, args)[0])
