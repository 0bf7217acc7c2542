"""A department PC's first start on the shared server: the address is in the settings, the
password is not (nor in a pgpass file). The app asks for it instead of stopping with libpq's
"fe_sendauth: no password supplied", asks again when it is wrong, and gives up on Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from tests.conftest import Server
from tracker.app import open_with_login
from tracker.domain.access import Role
from tracker.services import Assignment, Workspace
from tracker.services import server as admin
from tracker.ui.login_dialog import LoginDialog

pytestmark = pytest.mark.server


@pytest.fixture
def no_saved_password(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)


@pytest.fixture
def department_url(pg_server: Server, server_db: str, no_saved_password: None) -> str:
    """The address as the settings keep it: login, host, port and database, no password."""
    with Workspace.open(server_db, who="办公室") as office:
        office.tracking.assign("1.1", Assignment(lead_dept="法制科"))
    name = server_db.rsplit("/", 1)[1]
    admin.add_user(pg_server.admin_url(name), "fazhi", "department", "法制科", "fz-pw")
    port = server_db.rsplit(":", 1)[1].split("/")[0]
    return f"postgresql://fazhi@127.0.0.1:{port}/{name}"


def test_asks_for_the_password_and_again_when_it_is_wrong(department_url: str) -> None:
    asked: list[tuple[str, str]] = []
    answers = iter(["wrong", "fz-pw"])

    def ask(reason: str, login: str) -> str | None:
        asked.append((reason, login))
        return next(answers)

    workspace = open_with_login(department_url, "法制科", None, ask)
    assert workspace is not None
    try:
        assert workspace.account.role is Role.DEPARTMENT
        assert workspace.tracking.find("1.1").title
    finally:
        workspace.close()
    assert [login for _, login in asked] == ["fazhi", "fazhi"]
    assert "需要密码" in asked[0][0] and "密码不对" in asked[1][0]
    assert "fz-pw" not in asked[1][0] and "wrong" not in asked[1][0]


def test_cancel_gives_up_without_a_workspace(department_url: str) -> None:
    assert open_with_login(department_url, "法制科", None, lambda reason, login: None) is None


def test_the_dialog_hides_the_password_and_logs_in_with_enter(qtbot) -> None:
    reason = "无法登录数据库服务器 postgresql://fazhi@db/tracker：账号 fazhi 需要密码。"
    dialog = LoginDialog(None, reason, "fazhi")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing typed yet
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, "fz-pw")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.password.text() == "fz-pw"
