"""Settings dialog, first-run panel and user guide, on real widgets."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tracker.preferences import Preferences
from tracker.ui.dialogs.settings import SettingsDialog
from tracker.ui.help import GuideDialog, guide_path, has_chinese_font
from tracker.ui.views.welcome import WelcomePanel


def make_dialog(qtbot, settings, db_path, thresholds=(10.0, 30.0)):
    dialog = SettingsDialog(None, settings, db_path, thresholds)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def save(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_settings_save_language_name_data_file_and_report_new_thresholds(qtbot, settings, db_path, tmp_path):
    dialog = make_dialog(qtbot, settings, db_path)
    dialog.language.setCurrentIndex(1)
    dialog.user_name.setText("办公室小王")
    dialog.data_file.setText(str(tmp_path / "elsewhere.db"))
    dialog.green.setValue(15)
    with qtbot.waitSignal(dialog.applied) as signal:
        save(qtbot, dialog)
    assert signal.args == [True, (15.0, 30.0)]
    assert settings.value("language") == "en"
    prefs = Preferences.load()
    assert prefs.user_name == "办公室小王" and prefs.data_file == str(tmp_path / "elsewhere.db")


def test_green_above_yellow_is_refused_and_nothing_saved(qtbot, settings, db_path):
    dialog = make_dialog(qtbot, settings, db_path)
    dialog.green.setValue(40)
    dialog.user_name.setText("不应保存")
    save(qtbot, dialog)
    assert "不能大于" in dialog.error.text()
    assert dialog.isVisible()
    assert Preferences.load().user_name == ""


def test_unchanged_thresholds_are_not_reapplied(qtbot, settings, db_path):
    dialog = make_dialog(qtbot, settings, db_path)
    with qtbot.waitSignal(dialog.applied) as signal:
        save(qtbot, dialog)
    assert signal.args == [False, None]


def test_backup_folder_is_shown_beside_the_data_file(qtbot, settings, db_path):
    dialog = make_dialog(qtbot, settings, db_path)
    assert dialog.backup_folder.text() == str(db_path.parent / "tracker.db.backups")


def test_welcome_panel_buttons(qtbot):
    panel = WelcomePanel()
    qtbot.addWidget(panel)
    panel.show()
    assert "Ctrl+E" in panel.steps[2].text()
    with qtbot.waitSignal(panel.demo_requested):
        qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.dismissed):
        qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()


def test_user_guide_renders_its_chinese_text_and_pictures(qtbot):
    assert guide_path().exists()
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "进展填报" in text and "导出台账" in text
    html = dialog.browser.toHtml()
    assert "screenshots/" in html


def test_a_chinese_font_is_found_on_this_machine(qtbot):
    """Our check agrees with fontconfig on whether a Chinese font is installed."""
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed")
    listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    assert has_chinese_font() == bool(listed.strip())


def test_a_chosen_backup_folder_receives_the_backups(qtbot, settings, db_path, tmp_path):
    from tracker.services import open_database
    from tracker.services.backups import BackupService

    elsewhere = tmp_path / "备份盘"
    elsewhere.mkdir()
    dialog = make_dialog(qtbot, settings, db_path)
    dialog.backup_dir.setText(str(tmp_path / "missing"))
    save(qtbot, dialog)
    assert "不存在" in dialog.error.text() and Preferences.load().backup_dir == ""
    dialog.backup_dir.setText(str(elsewhere))
    save(qtbot, dialog)
    assert Preferences.load().backup_dir == str(elsewhere)
    with open_database(db_path, backup_dir=Preferences.load().backup_path()) as db:  # as app.run does
        taken = BackupService(db).take()
    assert taken.parent == elsewhere / "tracker.db.backups"
    assert not (db_path.parent / "tracker.db.backups").exists()
