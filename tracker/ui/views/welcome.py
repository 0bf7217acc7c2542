"""The first-run panel: three steps to a year's ledger, and a way into the demo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker.ui import theme


class WelcomePanel(QFrame):
    """Shown above the tree until dismissed; `dismissed` lets the window remember that."""

    dismissed = Signal()
    demo_requested = Signal()
    guide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setStyleSheet(theme.banner_style(self.palette()))
        layout = QHBoxLayout(self)
        text = QVBoxLayout()
        title = QLabel(self.tr("欢迎使用年度工作台账：三步管好全年目标"))
        title.setStyleSheet("font-weight: bold; font-size: 14px;")
        text.addWidget(title)
        self.steps = [
            QLabel(self.tr("① 分解任务：选中事项，填写责任领导、牵头科室、配合科室和完成时限（F2）。")),
            QLabel(self.tr("② 填报进展：各科室按月或按季填报进度、存在问题和下步措施（Ctrl+Enter）。")),
            QLabel(self.tr("③ 导出台账：一键导出带红黄绿灯的 Excel 台账，报送上级（Ctrl+E）。")),
        ]
        for label in self.steps:
            label.setWordWrap(True)
            text.addWidget(label)
        layout.addLayout(text, 1)
        buttons = QVBoxLayout()
        self.demo_button = QPushButton(self.tr("看看演示数据"))
        self.guide_button = QPushButton(self.tr("用户指南"))
        self.close_button = QPushButton(self.tr("知道了，不再显示"))
        for button in (self.demo_button, self.guide_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.demo_button.clicked.connect(self.demo_requested)
        self.guide_button.clicked.connect(self.guide_requested)
        self.close_button.clicked.connect(self._dismiss)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
