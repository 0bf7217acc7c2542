"""The status bar's word on who is logged in to the server, and what that login may do."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from tracker.domain.access import Account, Role


class LoginLabel(QLabel):
    """张三 · 科室账号（法制科）; its tooltip says where and what the role allows."""

    def __init__(self, account: Account, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginLabel")
        self.setContentsMargins(8, 0, 8, 0)
        if account.role is Role.DEPARTMENT:
            role = self.tr("科室账号（{0}）").format(account.department or self.tr("未指定科室"))
            may = self.tr("可为本科室牵头或配合的事项填报进展，其他内容只能查看。")
        elif account.role is Role.LEADER:
            role = self.tr("领导账号")
            may = self.tr("只能查看。")
        else:
            role = self.tr("办公室账号")
            may = self.tr("可编辑计划、分配任务、填报进展。")
        self.setText(f"{account.login} · {role}")
        self.setToolTip(self.tr("已登录数据库服务器 {0}\n{1}").format(location, may))
