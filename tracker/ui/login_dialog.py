"""Ask a server login's password when the server wants one (issue 14's shared database).

The password is kept in memory for this run only: the settings hold the server's address,
never a password (docs/server.md: a pgpass file is how a PC remembers it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from tracker.ui import words


class LoginDialog(QDialog):
    """Login name (shown), password (typed, hidden); Enter logs in, Esc gives up."""

    def __init__(self, parent: QWidget | None, reason: str, login: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登录数据库服务器"))
        form = QFormLayout(self)
        why = QLabel(words.user_text(reason))
        why.setWordWrap(True)
        form.addRow(why)
        name = QLineEdit(login)
        name.setReadOnly(True)
        form.addRow(self.tr("账号(&A)"), name)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("密码(&P)"), self.password)
        button = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(button.Ok | button.Cancel)
        ok = buttons.button(button.Ok)
        ok.setText(self.tr("登录"))
        ok.setEnabled(False)
        self.password.textChanged.connect(lambda text: ok.setEnabled(bool(text)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.password.setFocus()
        self.resize(max(self.sizeHint().width(), 420), self.sizeHint().height())


def ask_password(reason: str, login: str) -> str | None:
    """The password typed, or None when the user cancelled. Runs before the window exists,
    so it blocks like any other start-up question."""
    dialog = LoginDialog(None, reason, login)
    if dialog.exec() != QDialog.DialogCode.Accepted.value:
        return None
    return dialog.password.text()
