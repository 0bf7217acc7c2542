"""Settings, language, user guide, first-run welcome and demo mark, through the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.scripted import ScriptedDialogs
from tracker import __version__
from tracker.services import PlanService, Workspace
from tracker.services.demo import build_demo
from tracker.store import Database
from tracker.ui.dialogs.settings import SettingsDialog
from tracker.ui.help import GuideDialog
from tracker.ui.views.main_window import MainWindow
from tracker.ui.views.welcome import WelcomePanel


def open_window(qtbot, db, settings, **kwargs) -> MainWindow:
    win = MainWindow(Workspace(db, who="测试"), settings, dialogs=ScriptedDialogs(), **kwargs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_welcome_shows_on_first_run_until_dismissed(qtbot, db, settings):
    win = open_window(qtbot, db, settings)
    panel = win.findChild(WelcomePanel)
    assert panel is not None and panel.isVisible()
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    win.close()
    again = open_window(qtbot, db, settings)
    assert again.findChild(WelcomePanel) is None


def test_demo_window_is_marked_in_the_title(qtbot, tmp_path, settings):
    with Database(build_demo(tmp_path)) as demo_db:
        win = open_window(qtbot, demo_db, settings, demo=True)
        assert "演示数据" in win.windowTitle()
        assert win.findChild(WelcomePanel) is None
        win.close()


def test_thresholds_from_settings_are_one_undoable_step(qtbot, window, db, dialogs):
    window.commands.settings.trigger()
    dialog = dialogs.last
    assert isinstance(dialog, SettingsDialog)
    dialog.green.setValue(20)
    dialog.yellow.setValue(40)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: PlanService(db).view().plan.thresholds.green_max == 20)
    assert PlanService(db).view().plan.thresholds.yellow_max == 40
    assert "亮灯标准" in window.commands.undo.text()
    window.commands.undo.trigger()
    qtbot.waitUntil(lambda: PlanService(db).view().plan.thresholds.green_max == 10)


def test_language_menu_saves_the_choice_and_says_when_it_applies(qtbot, window, settings, dialogs):
    window.commands.language_actions["en"].trigger()
    assert settings.value("language") == "en"
    assert "下次启动" in dialogs.said


def test_f1_opens_the_user_guide(qtbot, window, dialogs):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert isinstance(dialogs.last, GuideDialog)
    assert "填报进展" in dialogs.last.browser.toPlainText()


def test_about_names_the_version(qtbot, window, dialogs):
    window.extras.show_about()
    assert __version__ in dialogs.said


def test_a_damaged_file_is_explained_in_english_when_the_interface_is_english(qapp):
    from tracker.app import install_translation, open_error_text
    from tracker.store.errors import DamagedFile, StaleWal

    damaged = DamagedFile("数据文件已损坏：/tmp/x.db（database disk image is malformed）")
    assert open_error_text(damaged) == str(damaged)  # Chinese: the store's sentence as it is
    translators = install_translation(qapp, "en")
    try:
        text = open_error_text(damaged)
        assert text.startswith("The data file is damaged.") and "/tmp/x.db" in text
        assert open_error_text(StaleWal("…")).startswith("Beside the data file lies a journal")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        install_translation(qapp, "zh")
