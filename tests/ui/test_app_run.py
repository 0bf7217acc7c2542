"""`tracker` with no sub-command: app.run opens the window, or explains why it cannot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker.app import run
from tracker.services import PlanService, open_database
from tracker.ui.views.main_window import MainWindow


def test_unopenable_data_file_shows_a_message_and_returns_1(
        qapp, tmp_path: Path, settings: QSettings) -> None:
    bad = tmp_path / "tracker.db"
    bad.write_text("这不是数据库", encoding="utf-8")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)
    assert run(bad, settings) == 1
    assert seen and "无法打开数据文件" in seen[0] and str(bad) in seen[0]
    assert bad.read_text(encoding="utf-8") == "这不是数据库"  # left as it was


def test_run_opens_the_window_on_a_new_file_and_returns_0_when_closed(
        qapp, tmp_path: Path, settings: QSettings) -> None:
    path = tmp_path / "new" / "tracker.db"
    titles: list[str] = []

    def close_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(10, close_window)
            return
        titles.append(windows[0].windowTitle())
        windows[0].close()

    QTimer.singleShot(0, close_window)
    assert run(path, settings) == 0
    assert titles and titles[0].startswith("年度工作台账")
    with open_database(path) as db:
        assert PlanService(db).years() == [2018]
    assert settings.contains("main_window/geometry")  # the layout was kept for next time
