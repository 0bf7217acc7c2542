"""The window on a shared database: who is logged in, what the role may do, news by NOTIFY, a
lost connection mid-edit, and two people saving the same item (also two windows on one file)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import STORES, Server
from tests.ui.scripted import ScriptedDialogs
from tests.ui.test_editing import select
from tracker.services import Assignment, Workspace
from tracker.ui.dialogs.checkin import CheckInDialog
from tracker.ui.dialogs.node_editor import NodeEditor
from tracker.ui.views.main_window import MainWindow


def open_window(qtbot, ws: Workspace, settings: QSettings) -> MainWindow:
    win = MainWindow(ws, settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture(params=STORES)
def location(request: pytest.FixtureRequest, tmp_path) -> str:
    """Two windows on one file, or two PCs on one server database."""
    if request.param == "file":
        return str(tmp_path / "tracker.db")
    return str(request.getfixturevalue("server_db"))


def test_a_save_over_another_windows_change_keeps_the_input_and_shows_theirs(
        qtbot, location: str, settings: QSettings) -> None:
    with Workspace.open(location, who="张三") as mine, Workspace.open(location, who="李四") as theirs:
        win = open_window(qtbot, mine, settings)
        node_id = select(win, "1.2")
        editor = win.editing.edit_node()
        assert isinstance(editor, NodeEditor)
        editor.owner_box.setCurrentText("赵六")
        theirs.editing.update(node_id, {"owner": "王五"})
        editor.ok_button.click()
        assert editor.isVisible() and editor.owner_box.currentText() == "赵六"
        assert "王五" in editor.error_label.text() and "李四" in editor.error_label.text()
        assert theirs.tracking.find("1.2").owner == "王五"
        assert win.undo_stack.count() == 0
        win.close()


@pytest.fixture
def server_window(qtbot, pg_server: Server, server_db: str, settings: QSettings) -> Iterator:
    """A department login's window (法制科 leads 1.1) and the office's workspace beside it."""
    with Workspace.open(server_db, who="办公室") as office:
        office.tracking.assign("1.1", Assignment(lead_dept="法制科"))
        name = server_db.rsplit("/", 1)[1]
        from tracker.services import server as admin

        admin.add_user(pg_server.admin_url(name), "fazhi", "department", "法制科", "fz-pw")
        with Workspace.open(pg_server.url(name, "fazhi", "fz-pw"), who="法制科") as ws:
            win = open_window(qtbot, ws, settings)
            yield win, office
            win.close()


@pytest.mark.server
def test_a_department_window_greys_out_what_its_role_may_not_do(server_window) -> None:
    win, _office = server_window
    assert "fazhi" in win.findChild(object, "loginLabel").text()
    assert "科室账号（法制科）" in win.findChild(object, "loginLabel").text()
    a = win.commands
    select(win, "1.1")
    assert a.checkin.isEnabled()
    for action in (a.edit_node, a.add_item, a.delete, a.lock, a.departments, a.import_ledger, a.restore):
        assert not action.isEnabled(), action.text()
    select(win, "1.2")
    assert not a.checkin.isEnabled()


@pytest.mark.server
def test_the_window_refreshes_when_someone_else_commits(qtbot, server_window) -> None:
    win, office = server_window
    assert win.data_file.poll_timer.interval() >= 30_000  # woken by NOTIFY, not by polling
    office.tracking.checkin("1.2", 60, date="2018-05-31")
    qtbot.waitUntil(lambda: win.view.plan.find("1.2").latest is not None, timeout=5000)


@pytest.mark.server
def test_a_lost_connection_keeps_the_checkin_in_its_dialog(qtbot, pg_server: Server, server_window) -> None:
    win, _office = server_window
    node_id = select(win, "1.1")
    dialog = win.editing.add_checkin()
    assert isinstance(dialog, CheckInDialog)
    dialog.progress_spin.setValue(35)
    dialog.progress_text_edit.setPlainText("已完成调研")
    pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'fazhi'")
    dialog.accept()
    assert dialog.isVisible() and dialog.progress_text_edit.toPlainText() == "已完成调研"
    assert "连接已断开" in dialog.error_label.text() and "仍在对话框中" in dialog.error_label.text()
    dialog.accept()  # the connection is made again
    assert not dialog.isVisible(), dialog.error_label.text()
    qtbot.waitUntil(lambda: win.view.plan.find("1.1").latest is not None, timeout=5000)
    assert win.ws.tracking.checkins(node_id)[0].progress_text == "已完成调研"
