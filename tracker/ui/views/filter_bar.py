"""The filter bar above the plan tree: a search box, who leads, light, status and deadlines.

It only drives a PlanFilter; the window decides what a change means (open areas, note the
filter in the status bar, export what is shown). Combos are filled from the loaded PlanView.

On a plan of up to INSTANT_ITEMS items every key filters at once; on a bigger one the search
waits for a pause in typing (SEARCH_PAUSE_MS, or Enter). Either way it filters by what the tree
holds at once, and looks for the words in the long texts (details, every check-in) on a second
connection in the background; their hits join when they arrive (a few milliseconds on a small
plan, under a second on a city's).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.model import Light, Status
from tracker.services import PlanView, UserError
from tracker.services.search import SearchService
from tracker.ui import theme, words
from tracker.ui.jobs import Progress, run_job
from tracker.ui.models.plan_filter import UNASSIGNED, Criteria, PlanFilter
from tracker.ui.ordering import names_in_order

INSTANT_ITEMS = 3_000
SEARCH_PAUSE_MS = 200
SEARCH_ONE_ROW_WIDTH = 220  # narrower than this beside the lists, the search box gets its own row


def light_icon(color: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class FilterBar(QWidget):
    """Emits `changed` after the filter it drives has been applied."""

    changed = Signal()

    def __init__(self, proxy: PlanFilter, search: SearchService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.proxy = proxy
        self.search = search
        self._filling = False
        self._plan_id: int | None = None
        self.instant = True  # a small plan: filter on every key
        self._generation = 0  # bumped when hits already asked for may be out of date
        self._asked: set[str] = set()  # words being looked up in the background
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.timeout.connect(self._apply)
        self._area: tuple[int, str] | None = None  # set from the dashboard; 清除筛选 clears it

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("filterSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("搜索：任务、具体内容、进展填报中的文字"))
        self.search_edit.setToolTip(self.tr("多个词用空格隔开，事项须包含每个词（Ctrl+F）"))
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search_edit.setMinimumWidth(160)

        self.dept_combo = self._combo("filterLeadDept", self.tr("牵头科室"))
        self.leader_combo = self._combo("filterLeader", self.tr("责任领导"))
        self.light_combo = self._combo("filterLight", self.tr("亮灯"))
        self.light_combo.addItem(self.tr("全部亮灯"))
        for light in words.LIGHT_ORDER:
            self.light_combo.addItem(light_icon(theme.light_color(light)), words.light_short(light),
                                     light.value)
            self.light_combo.setItemData(self.light_combo.count() - 1, words.light_name(light),
                                         Qt.ItemDataRole.ToolTipRole)
        self.status_combo = self._combo("filterStatus", self.tr("状态"))
        self.status_combo.addItem(self.tr("全部状态"))
        for status in Status:
            self.status_combo.addItem(words.status_name(status), status.value)

        self.cooperating_check = QCheckBox(self.tr("含配合"))
        self.cooperating_check.setObjectName("filterWithCooperating")
        self.cooperating_check.setToolTip(self.tr("所选科室牵头或配合的事项都显示（科室负责人看本科室的全部工作）"))
        self.overdue_check = QCheckBox(self.tr("逾期"))
        self.overdue_check.setObjectName("filterOverdue")
        self.overdue_check.setToolTip(self.tr("已过完成时限仍未完成的事项"))
        self.due_month_check = QCheckBox(self.tr("本月到期"))
        self.due_month_check.setObjectName("filterDueThisMonth")
        self.due_month_check.setToolTip(self.tr("完成时限在本月的事项"))
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("filterClear")
        self.clear_button.setText(self.tr("清除筛选"))
        self.clear_button.setToolTip(self.tr("显示全部事项"))
        self.clear_button.setEnabled(False)

        self._first_row = QHBoxLayout()
        self._second_row = QHBoxLayout()
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(self._first_row)
        rows.addLayout(self._second_row)
        self._one_row: bool | None = None
        self._arrange(one_row=True)
        self._fill_names(self.dept_combo, self.tr("全部科室"), [])
        self._fill_names(self.leader_combo, self.tr("全部领导"), [])

        self.search_edit.installEventFilter(self)  # the first focus readies the word index
        self.search_edit.textChanged.connect(self._text_changed)
        self.search_edit.returnPressed.connect(self._apply)
        for combo in (self.dept_combo, self.leader_combo, self.light_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._apply)
        self.overdue_check.toggled.connect(self._apply)
        self.cooperating_check.toggled.connect(self._apply)
        self.due_month_check.toggled.connect(self._apply)
        self.clear_button.clicked.connect(self.clear)

    # --- layout: one row, or two on a narrow window ----------------------------------------

    def _parts(self) -> list[QWidget]:
        return [self.search_edit, self.dept_combo, self.cooperating_check, self.leader_combo,
                self.light_combo, self.status_combo, self.overdue_check, self.due_month_check,
                self.clear_button]

    def _one_row_width(self) -> int:
        """The width every part needs side by side (the search box at a readable width)."""
        others = [w for w in self._parts() if w is not self.search_edit]
        spacing = max(self._first_row.spacing(), 0) * len(others)
        return SEARCH_ONE_ROW_WIDTH + sum(w.sizeHint().width() for w in others) + spacing

    def _arrange(self, *, one_row: bool) -> None:
        """Squeezed into one row on a narrow window (1024 px, or English words) the parts would
        overlap; two rows keep each at its own size: search and check boxes, then the lists."""
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for row in (self._first_row, self._second_row):
            while row.count():
                row.takeAt(0)
        combos = [self.dept_combo, self.leader_combo, self.light_combo, self.status_combo]
        if one_row:
            first, second = self._parts(), []
        else:
            first = [w for w in self._parts() if w not in combos]
            second = combos
        for widget in first:
            self._first_row.addWidget(widget, 1 if widget is self.search_edit else 0)
        for widget in second:
            self._second_row.addWidget(widget)
        if second:
            self._second_row.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(one_row=event.size().width() >= self._one_row_width())
        super().resizeEvent(event)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    # --- loading ----------------------------------------------------------------------

    def set_view(self, view: PlanView | None, department_order: Sequence[str] = ()) -> None:
        """Refill the name lists from a (re)loaded plan and filter it again.

        Departments follow the bureau's own order (`department_order`), the rest pinyin order.
        A chosen name that the plan no longer has stays chosen, so the empty tree explains itself.
        """
        self.fill_names(view, department_order)
        self._apply()

    def fill_names(self, view: PlanView | None, department_order: Sequence[str] = ()) -> None:
        """Refill the name lists only (an edit brought or took a name): the filter stays."""
        items = view.items() if view is not None else []
        self._plan_id = view.plan.id if view is not None else None
        self.instant = len(items) <= INSTANT_ITEMS
        self._filling = True
        try:
            depts = [n.lead_dept for n in items] + [d for n in items for d in n.co_depts]
            self._fill_names(self.dept_combo, self.tr("全部科室"), depts, department_order)
            self._fill_names(self.leader_combo, self.tr("全部领导"), [n.leader for n in items])
        finally:
            self._filling = False
        self._arrange(one_row=self.width() >= self._one_row_width())  # names change the lists' widths

    def _fill_names(self, combo: QComboBox, everyone: str, names: list[str],
                    order: Sequence[str] = ()) -> None:
        chosen = combo.currentData() if combo.currentIndex() > 0 else None
        present = names_in_order(names, order)
        if chosen and chosen not in present:
            present.append(chosen)
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(everyone)
            combo.addItem(self.tr("（未指定）"), UNASSIGNED)
            for name in present:
                combo.addItem(name, name)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)

    # --- state --------------------------------------------------------------------------

    def criteria(self) -> Criteria:
        def picked(combo: QComboBox) -> str | None:
            return None if combo.currentIndex() <= 0 else str(combo.currentData())

        light, status = picked(self.light_combo), picked(self.status_combo)
        return Criteria(
            text=self.search_edit.text().strip(),
            lead_dept=picked(self.dept_combo),
            with_cooperating=self.cooperating_check.isChecked(),
            leader=picked(self.leader_combo),
            light=Light(light) if light else None,
            status=Status(status) if status else None,
            overdue=self.overdue_check.isChecked(),
            due_this_month=self.due_month_check.isChecked(),
            area_id=self._area[0] if self._area else None,
        )

    def is_active(self) -> bool:
        return self.proxy.is_active()

    def visible_node_ids(self) -> list[int]:
        return self.proxy.visible_node_ids()

    def summary(self) -> str:
        """The filter in words for the status bar, e.g. 筛选：牵头科室 法制科，逾期 ("" when off)."""
        c = self.proxy.criteria
        parts = []
        if self._area is not None and c.area_id is not None:
            parts.append(self.tr("方面 {0}").format(self._area[1]))
        if c.text:
            parts.append(self.tr("含“{0}”").format(c.text))
        for combo, value in ((self.dept_combo, c.lead_dept), (self.leader_combo, c.leader),
                             (self.light_combo, c.light), (self.status_combo, c.status)):
            if value is not None:
                parts.append(f"{combo.toolTip()} {combo.currentText()}")
        if c.lead_dept is not None and c.with_cooperating:
            parts.append(self.cooperating_check.text())
        if c.overdue:
            parts.append(self.overdue_check.text())
        if c.due_this_month:
            parts.append(self.due_month_check.text())
        return self.tr("筛选：{0}").format("，".join(parts)) if parts else ""

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def show_area(self, area_id: int, title: str) -> None:
        """Only one area's items (the dashboard's bar was clicked); other choices are cleared."""
        self._reset()
        self._area = (area_id, title)
        self._apply()

    def show_department(self, name: str) -> None:
        """Only the items a department leads ("" : none assigned); other choices are cleared."""
        self._reset()
        self._filling = True
        try:
            index = self.dept_combo.findData(name)
            self.dept_combo.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False
        self._apply()

    def clear(self) -> None:
        self._reset()
        self._apply()

    def _reset(self) -> None:
        self._area = None
        self._filling = True
        try:
            self.search_edit.clear()
            for combo in (self.dept_combo, self.leader_combo, self.light_combo, self.status_combo):
                combo.setCurrentIndex(0)
            self.overdue_check.setChecked(False)
            self.due_month_check.setChecked(False)
            self.cooperating_check.setChecked(False)
        finally:
            self._filling = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.FocusIn:
            self.proxy.warm_up()
        return super().eventFilter(watched, event)

    def _text_changed(self) -> None:
        if self.instant:
            self._apply()
        else:
            self._typing.start(SEARCH_PAUSE_MS)

    def _apply(self) -> None:
        if self._filling:
            return
        self._typing.stop()
        self.proxy.set_criteria(self.criteria())
        self._look_up_later(self.proxy.missing_note_words())
        self.clear_button.setEnabled(self.proxy.is_active())
        self.changed.emit()

    # --- words in the long texts (details, every check-in) --------------------------------

    def forget_notes(self) -> None:
        """A reload: hits found so far may be out of date."""
        self._generation += 1
        self.proxy.forget_note_hits()

    def stop(self) -> None:
        """The window closes: answers still on their way are dropped (the session closes)."""
        self.search = None
        self._generation += 1
        self._typing.stop()

    def notes_changed(self, view: PlanView, node_ids: AbstractSet[int]) -> None:
        """An edit touched these items: look at their long texts again for the words known."""
        self._generation += 1
        words = [w for w in self.proxy.criteria.words() if self.proxy.note_hits(w) is not None]
        if not words or not node_ids or self.search is None:
            return
        try:
            found = self.search.nodes_mentioning(view.plan.id, words, among=node_ids)
        except UserError:
            return
        self.proxy.set_note_hits({w: (self.proxy.note_hits(w) or frozenset()) - node_ids | found[w]
                                  for w in words}, refilter=False)

    def _look_up_later(self, words: list[str]) -> None:
        words = [w for w in words if w not in self._asked]
        if not words or self.search is None or self._plan_id is None:
            return
        search, plan_id, generation = self.search, self._plan_id, self._generation
        self._asked.update(words)

        def work(_progress: Progress) -> dict[str, frozenset[int]]:
            with search.on_another_connection() as other:
                return other.nodes_mentioning(plan_id, words)

        def found(hits: object) -> None:
            self._asked.difference_update(words)
            if self.search is None:  # the window closed while the file was read
                return
            if generation != self._generation or plan_id != self._plan_id:
                self._look_up_later(self.proxy.missing_note_words())  # ask again, afresh
                return
            assert isinstance(hits, dict)
            self.proxy.set_note_hits(hits)
            self.changed.emit()

        def failed(_message: str) -> None:
            self._asked.difference_update(words)

        run_job(self, "", "", work, on_success=found, on_failure=failed, quiet=True)
