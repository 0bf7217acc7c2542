"""进展填报 in the window: Ctrl+Enter opens the dialog, Ctrl+Enter saves; the pane lists an item's
check-ins newest first with links to correct or delete one; all of it undoable.

Run with --screenshot-dir to refresh docs/screenshots/checkin-dialog.png (see render_screenshot).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QApplication

from tests.ui.scripted import ScriptedDialogs
from tests.ui.test_editing import key, select, shown
from tracker.domain.model import CheckIn
from tracker.services import TrackingService, Workspace
from tracker.store import Database
from tracker.ui.dialogs.checkin import CheckInDialog
from tracker.ui.models.plan_tree import Column
from tracker.ui.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_ctrl_enter_opens_the_dialog_and_ctrl_enter_saves(
        qtbot, window: MainWindow, db: Database, dialogs: ScriptedDialogs) -> None:
    select(window, "3.1")
    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = dialogs.last
    assert isinstance(dialog, CheckInDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "进展填报"
    dialog.date_edit.setText("2018/6/30")
    dialog.progress_spin.setValue(45)
    dialog.progress_text_edit.setPlainText("开展电商领域执法行动两次")
    dialog.problems_edit.setPlainText("执法人手不足")
    dialog.next_steps_edit.setPlainText("向省局学习经验")
    dialog.reporter_edit.setText("法制科 王")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.problems_edit.setFocus()
    qtbot.keyClick(dialog.problems_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()

    latest = TrackingService(db).find("3.1").latest
    assert (latest.date, latest.progress, latest.problems, latest.reporter) == (
        dt.date(2018, 6, 30), 45, "执法人手不足", "法制科 王")
    assert shown(window, "3.1", Column.PROGRESS) == "45%"
    assert shown(window, "3.1", Column.STATUS) == "进行中"
    text = window.detail.toPlainText()
    assert "2018-06-30 45% 法制科 王 修改 删除" in text and "存在问题：执法人手不足" in text


def test_pane_lists_newest_first_and_corrects_and_deletes_one(
        window: MainWindow, db: Database, dialogs: ScriptedDialogs) -> None:
    tracking = TrackingService(db, who="t")
    first = tracking.checkin("2.2", 20, note="第一期", date="2018-03-31")
    second = tracking.checkin("2.2", 50, note="第二期", date="2018-06-30")
    window.reload()
    select(window, "2.2")
    html = window.detail.toHtml()
    text = window.detail.toPlainText()
    assert text.index("第二期") < text.index("第一期")
    assert f"edit-checkin:{first.id}" in html and f"delete-checkin:{second.id}" in html

    window.detail.anchorClicked.emit(QUrl(f"edit-checkin:{first.id}"))
    dialog = dialogs.last
    assert isinstance(dialog, CheckInDialog) and dialog.windowTitle() == "修改进展填报"
    assert dialog.progress_spin.value() == 20 and dialog.progress_text_edit.toPlainText() == "第一期"
    dialog.progress_spin.setValue(25)
    dialog.accept()
    assert sorted(c.progress for c in tracking.checkins(window.current_node_id())) == [25, 50]
    assert window.commands.undo.text() == "撤销(&U) 修改 2.2 的进展填报"

    window.detail.anchorClicked.emit(QUrl(f"delete-checkin:{second.id}"))  # and the answer is yes
    assert "2018-06-30" in dialogs.questions[-1]
    assert [c.id for c in tracking.checkins(window.current_node_id())] == [first.id]
    assert shown(window, "2.2", Column.PROGRESS) == "25%"
    assert "第二期" not in window.detail.toPlainText()

    window.commands.undo.trigger()  # the deleted one comes back, same id
    assert second.id in [c.id for c in tracking.checkins(window.current_node_id())]
    assert shown(window, "2.2", Column.PROGRESS) == "50%"


def test_read_only_pane_has_no_edit_links(qtbot, db: Database, settings: QSettings) -> None:
    TrackingService(db, who="t").checkin("2.2", 20, date="2018-03-31")
    db.close()
    with Database(db.path, read_only=True) as ro:
        win = MainWindow(Workspace(ro, who="测试"), settings, dialogs=ScriptedDialogs())
        qtbot.addWidget(win)
        select(win, "2.2")
        text, html = win.detail.toPlainText(), win.detail.toHtml()
        assert "20%" in text  # the check-in is listed …
        assert "edit-checkin:" not in html and "edit-node:" not in html and "add-checkin:" not in html
        win.close()


def test_the_panes_links_open_the_editor_and_the_checkin_dialog(
        window: MainWindow, dialogs: ScriptedDialogs) -> None:
    from tracker.ui.dialogs.node_editor import NodeEditor

    node_id = select(window, "3.1")
    html = window.detail.toHtml()
    assert f"edit-node:{node_id}" in html and f"add-checkin:{node_id}" in html
    window.detail.anchorClicked.emit(QUrl(f"edit-node:{node_id}"))
    assert isinstance(dialogs.last, NodeEditor)
    dialogs.last.reject()
    window.detail.anchorClicked.emit(QUrl(f"add-checkin:{node_id}"))
    assert isinstance(dialogs.last, CheckInDialog)
    dialogs.last.reject()
    select(window, "3")  # an area: no check-in link, its progress is rolled up
    assert "add-checkin:" not in window.detail.toHtml()


def render_screenshot(out: Path) -> None:
    """The dialog as a user sees it while correcting a check-in."""
    checkin = CheckIn(0, 0, dt.date(2018, 6, 30), 65, "开展电商领域和展会执法维权行动两次",
                      "执法人手不足，展会期间难以全覆盖", "向省局学习电商和展会执法经验", "法制科 王")
    dialog = CheckInDialog(None, "3.1　继续突出重点领域开展专项检查", checkin)
    dialog.resize(560, 560)
    dialog.show()
    out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out))
    dialog.close()


def test_checkin_dialog_renders(qtbot, tmp_path: Path) -> None:
    out = tmp_path / "checkin-dialog.png"
    render_screenshot(out)
    assert out.stat().st_size > 5000


if __name__ == "__main__":  # QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.test_checkin_dialog
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from tracker.app import application

    application()
    render_screenshot(ROOT / "docs/screenshots/checkin-dialog.png")
