"""文件 → 结转未完成事项…: choose which unfinished items of a year go on into the next one.

The unfinished items are listed under their areas, all ticked, with their leader, lead
department, owner and progress (owners go with them). Items carried into the chosen year
before are shown but cannot be ticked again. The dialog only says what was chosen
(`chosen(to_year, codes)`); the window makes the carry-over one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services.reports import CarryCandidate
from tracker.ui import theme, words

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CarryOverDialog(QDialog):
    chosen = Signal(int, list)

    def __init__(self, from_year: int, candidates: Callable[[int], list[CarryCandidate]],
                 years: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carryOverDialog")
        self.setWindowTitle(self.tr("结转未完成事项"))
        self.from_year = from_year
        self._candidates = candidates
        self._years = set(years)
        self.year_box = QSpinBox()
        self.year_box.setRange(1900, 2999)
        self.year_box.setValue(from_year + 1)
        self.year_box.setKeyboardTracking(False)
        self.year_box.valueChanged.connect(lambda _year: self._fill())
        label = QLabel(self.tr("把 {0} 年未完成的事项结转到(&Y)：").format(from_year))
        label.setBuddy(self.year_box)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.year_box)
        row.addStretch(1)
        self.target = QLabel()
        self.target.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("carryOverList")
        self.list.setHeaderLabels([self.tr("序号"), self.tr("工作任务"), self.tr("责任领导"),
                                   self.tr("牵头科室"), self.tr("责任人"), self.tr("进度")])
        self.list.setUniformRowHeights(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemChanged.connect(lambda _item, _column: self._count())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox()
        every = buttons.addButton(self.tr("全选(&A)"), QDialogButtonBox.ButtonRole.ActionRole)
        none = buttons.addButton(self.tr("全不选(&N)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.ok = buttons.addButton(self.tr("结转(&C)"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (every, none, cancel):
            button.setAutoDefault(False)
        self.ok.setDefault(True)
        every.clicked.connect(lambda: self._tick_all(True))
        none.clicked.connect(lambda: self._tick_all(False))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.target)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self._fill()
        self.list.setFocus()

    def _fill(self) -> None:
        to_year = self.year_box.value()
        self.target.setText(
            self.tr("{0} 年已有计划：事项加入该计划中同名的方面（没有则新建）。").format(to_year)
            if to_year in self._years else self.tr("将新建 {0} 年计划。").format(to_year))
        self.list.blockSignals(True)
        self.list.clear()
        areas: dict[str, QTreeWidgetItem] = {}
        muted = theme.muted_text(self.palette())
        for c in self._candidates(to_year) if to_year != self.from_year else []:
            area = areas.get(c.area)
            if area is None:
                area = QTreeWidgetItem(self.list, [c.code.split(".")[0], c.area])
                area.setFlags(area.flags() | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsAutoTristate)
                areas[c.area] = area
            item = QTreeWidgetItem(area, [c.code, c.title, c.leader, c.lead_dept, c.owner,
                                          words.percent(c.progress)])
            item.setData(0, CODE_ROLE, c.code)
            item.setToolTip(1, c.title)
            if c.carried:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setText(5, self.tr("已结转"))
                for column in range(6):
                    item.setForeground(column, muted)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
        self.list.expandAll()
        self.list.blockSignals(False)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._count()

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for a in range(self.list.topLevelItemCount()):
            area = self.list.topLevelItem(a)
            if area is not None:
                out += [c for i in range(area.childCount()) if (c := area.child(i)) is not None]
        return out

    def codes(self) -> list[str]:
        return [str(item.data(0, CODE_ROLE)) for item in self._items()
                if item.checkState(0) == Qt.CheckState.Checked
                and item.flags() & Qt.ItemFlag.ItemIsEnabled]

    def _tick_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for item in self._items():
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(0, state)

    def _count(self) -> None:
        open_items = [i for i in self._items() if i.flags() & Qt.ItemFlag.ItemIsEnabled]
        if not self._items():
            self.hint.setText(self.tr("{0} 年没有未完成的事项。").format(self.from_year)
                              if self.year_box.value() != self.from_year
                              else self.tr("请选择另一个年度。"))
        else:
            self.hint.setText(self.tr("已选 {0} 项，共 {1} 项未完成（责任领导、科室和责任人随事项结转，"
                                      "完成时限由新年度重新确定）。").format(
                len(self.codes()), len(open_items)))
        self.ok.setEnabled(bool(self.codes()))

    def _accept(self) -> None:
        codes = self.codes()
        if codes:
            self.chosen.emit(self.year_box.value(), codes)
            self.accept()
