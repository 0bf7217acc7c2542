"""The preview's year and title, and the notice that asks for the year when it is unsure (or
says that the year already has a plan).

The fields only report what the user chose (`year_chosen`, `title_chosen`); the preview makes
each change an undoable step and shows the resulting draft here again with `show()`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from tracker.domain.model import PlanDraft
from tracker.ui import theme, words

NO_YEAR = 1899  # the year box's "未确定"


class PlanFields(QWidget):
    year_chosen = Signal(int)
    title_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft = PlanDraft(0, "")
        self.year_box = QSpinBox()
        self.year_box.setObjectName("previewYear")
        self.year_box.setRange(NO_YEAR, 2999)
        self.year_box.setSpecialValueText(self.tr("未确定"))
        self.year_box.setKeyboardTracking(False)  # one step when the year is typed, not per digit
        self.year_box.valueChanged.connect(self._year_changed)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("previewTitle")
        self.title_edit.editingFinished.connect(self.commit_title)
        self.confirm_year = QPushButton(self.tr("年度无误(&C)"))
        self.confirm_year.setAutoDefault(False)
        self.confirm_year.setToolTip(self.tr("确认推定的年度"))
        self.confirm_year.clicked.connect(lambda: self.year_chosen.emit(self._draft.year))
        self.notice = QLabel()
        self.notice.setObjectName("previewNotice")
        self.notice.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for label, widget, stretch in ((self.tr("年度(&Y)："), self.year_box, 0),
                                       (self.tr("计划名称(&P)："), self.title_edit, 1)):
            buddy = QLabel(label)
            buddy.setBuddy(widget)
            row.addWidget(buddy)
            row.addWidget(widget, stretch)
        row.addWidget(self.confirm_year)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.notice)

    def show_draft(self, draft: PlanDraft, taken: str | None) -> None:
        """Show the draft's year and title; `taken` is the title of a plan already in its year."""
        self._draft = draft
        for widget in (self.year_box, self.title_edit):
            widget.blockSignals(True)
        self.year_box.setValue(draft.year if draft.year >= 1900 else NO_YEAR)
        if self.title_edit.text() != draft.title:
            self.title_edit.setText(draft.title)
            self.title_edit.setCursorPosition(0)
        for widget in (self.year_box, self.title_edit):
            widget.blockSignals(False)
        if draft.year_unsure:
            note = words.user_text(draft.year_note) if draft.year_note else self.tr("报告中没有写明年度")
            text = self.tr("年度未能确定：{0}。请在“年度”中选择，或确认推定的年度无误后再导入。").format(note)
        elif taken is not None:
            text = self.tr("{0} 年已有计划“{1}”：同一年度只能有一个计划。请改成其他年度，"
                           "或关闭预览后先删除该年度计划（文件 → 删除年度计划）。").format(draft.year, taken)
        else:
            text = ""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.notice.setStyleSheet(f"color:{theme.warning_text(self.palette()).name()}")
        self.confirm_year.setVisible(draft.year_unsure and draft.year >= 1900)

    def _year_changed(self, value: int) -> None:
        if value >= 1900 and (value != self._draft.year or self._draft.year_unsure):
            self.year_chosen.emit(value)

    def commit_year(self) -> None:
        """A year still being typed (Ctrl+S before Enter) counts."""
        self.year_box.interpretText()

    def commit_title(self) -> None:
        """The title as typed, when it differs (also called before saving: typing counts)."""
        title = self.title_edit.text()
        if " ".join(title.split()) != self._draft.title:
            self.title_chosen.emit(title)

    def restore_title(self) -> None:
        self.title_edit.setText(self._draft.title)
