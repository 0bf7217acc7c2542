"""The filter bar inside the real main window, and docs/screenshots/main-window-filtered.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.test_filter_screenshot [OUT.png]

"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from tracker.services import Assignment, TrackingService, Workspace, open_database
from tracker.store import Database
from tracker.ui.models.plan_tree import Column

ROOT = Path(__file__).resolve().parents[2]
from tests.ui.make_screenshot import ASSIGN, CHECKINS, save_window  # noqa: E402


def fill(db: Database) -> None:
    tracking = TrackingService(db, who="法制科")
    for code, (leader, lead, co) in ASSIGN.items():
        tracking.assign(code, Assignment(leader=leader, lead_dept=lead, co_depts=co))
    for code, progress, date, note, problems, next_steps in CHECKINS:
        tracking.checkin(code, progress, note=note, problems=problems, next_steps=next_steps, date=date)


def choose(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_the_bar_filters_the_windows_tree(qtbot, db: Database, settings: QSettings) -> None:
    from tests.ui.scripted import ScriptedDialogs
    from tracker.ui.views.main_window import MainWindow

    fill(db)
    window = MainWindow(Workspace(db, who="测试"), settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.show()
    choose(window.filter_bar.dept_combo, "法制科")
    tree = window.tree
    shown = []
    for r in range(window.proxy.rowCount()):
        area = window.proxy.index(r, 0)
        assert tree.isExpanded(area)
        shown += [window.proxy.index(i, Column.CODE, area).data() for i in range(window.proxy.rowCount(area))]
    assert shown == [code for code, (_, lead, _) in ASSIGN.items() if lead == "法制科"]
    label = window.status_bar.filter_label  # the filter in words
    assert label.isVisible() and label.text() == "筛选：牵头科室 法制科"
    window.statusBar().showMessage("打开文件菜单时的提示", 10)  # a passing message over the bar
    qtbot.wait(50)
    assert label.isVisible() and label.text() == "筛选：牵头科室 法制科"
    window.filter_bar.clear()
    assert not label.isVisible()
    choose(window.filter_bar.dept_combo, "法制科")
    assert window.select_node(window.view.plan.find("3.2").id)


def main(argv: list[str]) -> int:
    from tracker.app import application, install_translation
    from tracker.ui.views.main_window import MainWindow

    out = Path(argv[0]) if argv else ROOT / "docs/screenshots/main-window-filtered.png"
    app = application()
    install_translation(app, "zh")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "tracker.db")
        fill(db)
        settings = QSettings(str(Path(tmp) / "tracker.ini"), QSettings.Format.IniFormat)
        settings.setValue("welcome_done", True)
        window = MainWindow(Workspace(db, who="法制科"), settings)
        choose(window.filter_bar.dept_combo, "法制科")
        save_window(app, window, "3.2", out)
        db.close()
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
