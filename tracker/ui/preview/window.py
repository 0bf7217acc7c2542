"""The import preview: the plan read from a report beside the report's text, editable before
it is saved.

The left side shows the parsed tree (areas and items with their deadlines and departments) and
the passages that became no item, each with its reason; the right side shows the report, the
left-out passages greyed and the chosen row's passage marked. Every edit (rename, merge, split,
promote, demote, drop, take a passage back in, year and title) is a step on the preview's own
undo stack. 导入 hands the draft to `save` (the window makes that one step on its own stack);
the preview closes once it was saved, and stays open with the reason when it was refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import draft_edits as edits
from tracker.domain.model import PlanDraft
from tracker.services import UserError
from tracker.ui import words
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.preview import steps
from tracker.ui.preview.actions import Enabled, PreviewActions, PreviewHandlers
from tracker.ui.preview.model import Column, DraftTreeModel, Path
from tracker.ui.preview.plan_fields import PlanFields
from tracker.ui.preview.source_view import SourceView
from tracker.ui.preview.split_dialog import SplitDialog
from tracker.ui.preview.steps import DraftStep, Edited, Focus
from tracker.ui.preview.tree import DraftTree

SKIPPED_SHOWN = 90  # characters of a skipped passage in its list row (the tooltip has it all)


class Drafts(Protocol):
    """What the preview asks of the reports service (ReportService is one)."""

    def year_holder(self, year: int) -> str | None:
        """The title of the plan that already holds `year` (None when the year is free)."""

    def with_year(self, draft: PlanDraft, year: int) -> PlanDraft:
        """The draft as the plan of another year (its deadlines follow)."""


class ReportPreview(QDialog):
    """`save(draft)` returns True once the plan is saved (the preview then closes)."""

    def __init__(self, draft: PlanDraft, source_name: str, dialogs: Dialogs, reports: Drafts,
                 save: Callable[[PlanDraft], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.setWindowTitle(self.tr("导入预览 — {0}").format(source_name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.draft = draft
        self.dialogs = dialogs.within(self)
        self._save = save
        self.reports = reports
        self._closing = False
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(200)
        self.model = DraftTreeModel(self._edit_cell, self)
        self.commands = PreviewActions(self, self.stack, PreviewHandlers(
            rename=self.rename_current, merge=self.merge, split=self.split, promote=self.promote,
            demote=self.demote, drop=self.drop, include=lambda: self.include(as_area=False),
            include_as_area=lambda: self.include(as_area=True), save=self.save))
        self._build(source_name)
        self.source.set_source(draft.source_text)
        self._show(draft, Focus((0, 0) if draft.areas and draft.areas[0].children else None))
        self._share_height()
        self._fit_columns()
        if draft.year_unsure:
            self.fields.year_box.setFocus()
        else:
            self.tree.setFocus()

    # --- building -------------------------------------------------------------------

    def _build(self, source_name: str) -> None:
        self.fields = PlanFields()
        self.fields.year_chosen.connect(self._set_year)
        self.fields.title_chosen.connect(self._set_title)

        self.tree = DraftTree()
        self.tree.setObjectName("previewTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._tree_chosen())
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._tree_chosen())
        self.skipped = QListWidget()
        self.skipped.setObjectName("previewSkipped")
        self.skipped.setWordWrap(True)
        self.skipped.setUniformItemSizes(False)
        self.skipped.currentRowChanged.connect(lambda _row: self._skipped_chosen())
        self.skipped.itemActivated.connect(lambda _item: self.include(as_area=False))
        self.source = SourceView()
        self.source.position_chosen.connect(self._source_clicked)
        self.commands.context_menus(self.tree, self.skipped)

        self.tree_label, self.skipped_label = QLabel(), QLabel()
        self.tree_label.setBuddy(self.tree)
        self.skipped_label.setBuddy(self.skipped)
        source_label = QLabel(self.tr("原文(&O)：{0}（灰色为未列入计划的段落）").format(source_name))
        source_label.setBuddy(self.source)
        self.lists = QSplitter(Qt.Orientation.Vertical)
        self.lists.addWidget(_titled(self.tree_label, self.tree))
        self.lists.addWidget(_titled(self.skipped_label, self.skipped))
        self.lists.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.lists)
        self.splitter.addWidget(_titled(source_label, self.source))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("previewSave")
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)  # Enter in a field must not import
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.commands.toolbar())
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1280, 800
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)
        self.splitter.setSizes([width * 3 // 5, width * 2 // 5])

    def _fit_columns(self) -> None:
        """Columns as wide as the report's deadlines and departments need (departments capped),
        measured once: sizing to contents would read every row again after each edit."""
        header = self.tree.header()
        items = [i for a in self.draft.areas for i in a.children]
        longest = max((len(a.children) for a in self.draft.areas), default=0)
        texts = {
            Column.CODE: [f"{len(self.draft.areas)}.{longest}"],
            Column.DUE: ["0000-00-00"] if any(i.due for i in items) else [],
            Column.LEAD_DEPT: [i.lead_dept for i in items],
            Column.CO_DEPTS: ["、".join(i.co_depts) for i in items],
        }
        for column, values in texts.items():
            header.resizeSection(column, max(header.sectionSizeHint(column), self._room(column, values)))

    def _room(self, column: Column, texts: list[str]) -> int:
        """How wide a column must be to show `texts`. Departments get room for a usual name even
        when the report named none, so an empty cell reads as a place to fill in; and at most
        so much (the tooltip and the item editor show all)."""
        width = self.fontMetrics().horizontalAdvance
        least, most = {Column.LEAD_DEPT: (5, 8), Column.CO_DEPTS: (7, 12)}.get(column, (0, 40))
        needed = max([0, *(width(t) for t in texts)]) + 16
        if column == Column.CODE:
            needed += 2 * self.tree.indentation()
        return min(max(needed, width("国" * least) + 16), width("国" * most))

    def _share_height(self) -> None:
        """The tree and the skipped list share the height by how much each has to show."""
        share = steps.skipped_share(self.draft)
        height = max(self.lists.height(), 400)
        self.lists.setSizes([round(height * (1 - share)), round(height * share)])

    # --- showing a draft ------------------------------------------------------------

    def _show(self, draft: PlanDraft, focus: Focus) -> None:
        """Show a draft (after an edit, an undo or a redo) and select the row it was about."""
        self.draft = draft
        if self.model.set_draft(draft):
            self.tree.expandAll()
        self.skipped.blockSignals(True)
        self.skipped.clear()
        for passage in draft.skipped:
            text = " ".join(passage.text.split())
            shown = text if len(text) <= SKIPPED_SHOWN else text[:SKIPPED_SHOWN] + "…"
            row = QListWidgetItem(f"〔{words.skip_reason(passage.reason)}〕{shown}")
            row.setToolTip(text)
            self.skipped.addItem(row)
        self.skipped.blockSignals(False)
        self.source.set_skipped([p.span for p in draft.skipped if p.span is not None])
        self.fields.show_draft(draft, self.reports.year_holder(draft.year) if draft.year >= 1900 else None)
        self._update_counts()
        self._select(focus)

    def _update_counts(self) -> None:
        draft = self.draft
        self.tree_label.setText(self.tr("计划结构(&T)：{0} 个方面，{1} 项工作").format(
            len(draft.areas), draft.item_count))
        self.skipped_label.setText(self.tr("未列入计划的段落(&K)：{0} 段").format(len(draft.skipped)))
        year = str(draft.year) if draft.year >= 1900 else "?"
        self.save_button.setText(self.tr("导入为 {0} 年计划(&S)").format(year))

    def _select(self, focus: Focus) -> None:
        flags = QItemSelectionModel.SelectionFlag
        if focus.path is not None and self._valid(focus.path):
            index = self.model.index_of(focus.path)
            self.tree.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.tree.scrollTo(index)
        elif focus.skipped is not None and 0 <= focus.skipped < self.skipped.count():
            self.tree.selectionModel().clearSelection()
            self.skipped.setCurrentRow(focus.skipped)
        self._tree_chosen() if focus.skipped is None else self._skipped_chosen()

    def select_path(self, path: Path) -> None:
        """Select a row of the tree (and mark its passage in the report)."""
        self._select(Focus(path))

    def _valid(self, path: Path) -> bool:
        return self.model.index_of(path).isValid()

    # --- what is chosen -------------------------------------------------------------

    def chosen_paths(self) -> list[Path]:
        rows = self.tree.selectionModel().selectedRows(0)
        paths = [self.model.path(index) for index in rows]
        return sorted(p for p in paths if p is not None)

    def _tree_chosen(self) -> None:
        current = self.model.node(self.tree.currentIndex())
        if current is not None and self.tree.selectionModel().isSelected(self.tree.currentIndex()):
            self.source.mark(current.span)
        self._update_actions()

    def _skipped_chosen(self) -> None:
        row = self.skipped.currentRow()
        if 0 <= row < len(self.draft.skipped):
            self.source.mark(self.draft.skipped[row].span)
        self._update_actions()

    def _source_clicked(self, position: int) -> None:
        """A click in the report selects the item (or the skipped passage) written there."""
        focus = steps.written_at(self.draft, position)
        if focus is not None:
            self._select(focus)

    def _update_actions(self) -> None:
        paths = self.chosen_paths()
        items = steps.items_only(paths)
        mergeable = len(items) > 1 or (len(items) == 1 and items[0][1] + 1 < len(
            self.draft.areas[items[0][0]].children))
        one = self.model.node(self.model.index_of(items[0])) if len(items) == 1 else None
        self.commands.update(Enabled(
            row=len(paths) == 1, items=len(items), mergeable=mergeable,
            splittable=one is not None and bool(one.detail.strip()),
            demotable=len(paths) == 1 and len(paths[0]) == 1 and paths[0][0] > 0,
            skipped=0 <= self.skipped.currentRow() < len(self.draft.skipped)))

    # --- edits --------------------------------------------------------------------

    def _push(self, text: str, edit: Callable[[], Edited], merge_key: int = -1) -> bool:
        """Run one edit as one undoable step; a refusal is said in the status line."""
        try:
            after = edit()
        except (edits.DraftEditError, UserError) as exc:
            self.say(words.user_text(str(exc)))
            return False
        before = (self.draft, self._focus_now())
        self.stack.push(DraftStep(text, before, after, self._show, merge_key))
        self.say("")
        return True

    def _focus_now(self) -> Focus:
        paths = self.chosen_paths()
        if paths:
            return Focus(paths[0])
        row = self.skipped.currentRow()
        return Focus(skipped=row) if row >= 0 else Focus()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _edit_cell(self, path: Path, column: Column, text: str) -> bool:
        """A cell typed in the tree: a title for an area or item; a deadline or departments for
        an item (checked as the item editor checks them; a refusal is said in the status line)."""
        if column == Column.TITLE:
            return self._push(self.tr("重命名"), lambda: (edits.rename(self.draft, path, text), Focus(path)))
        if len(path) != 2:
            return False
        item = (path[0], path[1])
        if column == Column.DUE:
            done = self._push(self.tr("修改完成时限"),
                              lambda: (edits.set_due(self.draft, item, text), Focus(path)))
        elif column == Column.LEAD_DEPT:
            done = self._push(self.tr("修改牵头科室"),
                              lambda: (edits.set_departments(self.draft, item, lead=text), Focus(path)))
        else:
            done = self._push(self.tr("修改配合科室"),
                              lambda: (edits.set_departments(self.draft, item, co=text), Focus(path)))
        if done:  # the columns were fitted to the report: make room for what was typed
            shown = str(self.model.index_of(path, column).data() or "")
            wanted = self._room(column, [shown])
            if self.tree.columnWidth(column) < wanted:
                self.tree.setColumnWidth(column, wanted)
        return done

    def rename_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(Column.TITLE))

    def merge(self) -> None:
        self._push(self.tr("合并"), lambda: steps.merge(self.draft, self.chosen_paths()))

    def split(self) -> SplitDialog | None:
        items = steps.items_only(self.chosen_paths())
        if len(items) != 1:
            self.say(self.tr("请选择一项要拆分的事项。"))
            return None
        path = items[0]
        node = self.draft.areas[path[0]].children[path[1]]
        if not node.detail.strip():
            self.say(self.tr("这一项只有标题，没有可以拆分的具体内容。"))
            return None
        dialog = SplitDialog(node.title, node.detail, self)
        dialog.chosen.connect(lambda at: self._push(
            self.tr("拆分"), lambda: steps.split(self.draft, path, at)))
        self.dialogs.show(dialog)
        return dialog

    def promote(self) -> None:
        items = steps.items_only(self.chosen_paths())
        if len(items) == 1:
            self._push(self.tr("升为方面"), lambda: steps.promote(self.draft, items[0]))

    def demote(self) -> None:
        paths = self.chosen_paths()
        if len(paths) == 1 and len(paths[0]) == 1:
            self._push(self.tr("降为事项"), lambda: steps.demote(self.draft, paths[0][0]))

    def drop(self) -> None:
        if self.skipped.hasFocus():
            return  # Delete in the list of skipped passages: they are already out of the plan
        self._push(self.tr("移出计划"), lambda: steps.drop(self.draft, self.chosen_paths()))

    def include(self, *, as_area: bool) -> None:
        row = self.skipped.currentRow()
        if not 0 <= row < len(self.draft.skipped):
            self.say(self.tr("请先在“未列入计划的段落”中选择一段。"))
            return
        text = self.tr("列为新方面") if as_area else self.tr("列入计划")
        if self._push(text, lambda: steps.include(self.draft, row, as_area=as_area)):
            self.tree.setFocus()

    def _set_year(self, year: int) -> None:
        self._push(self.tr("修改年度"), lambda: (self.reports.with_year(self.draft, year), self._focus_now()),
                   steps.YEAR_STEP)

    def _set_title(self, title: str) -> None:
        if not self._push(self.tr("修改计划名称"),
                          lambda: (edits.set_title(self.draft, title), self._focus_now()), steps.TITLE_STEP):
            self.fields.restore_title()

    # --- saving and closing ---------------------------------------------------------

    def save(self) -> None:
        self.fields.commit_year()  # what is still being typed counts
        self.fields.commit_title()
        draft = self.draft
        if draft.year < 1900:
            self.say(self.tr("请先在“年度”中选择计划年度。"))
            self.fields.year_box.setFocus()
            return
        if not draft.item_count:
            self.say(self.tr("计划中没有事项：请把要导入的段落列入计划。"))
            return
        if draft.year_unsure:
            note = words.user_text(draft.year_note) if draft.year_note else ""
            self.dialogs.confirm(self.tr("确认年度"), self.tr("年度是推定的（{0}）。按 {1} 年导入？").format(
                note, draft.year), self._confirm_and_save, default_yes=True)
            return
        taken = self.reports.year_holder(draft.year)
        if taken is not None:
            self.dialogs.message(Level.WARNING, self.tr("导入年度报告"), self.tr(
                "{0} 年已有计划“{1}”，未导入。请改成其他年度，或先删除该年度计划（文件 → 删除年度计划）。"
            ).format(draft.year, taken))
            self.fields.year_box.setFocus()
            return
        if self._save(draft):
            self._closing = True
            self.accept()

    def _confirm_and_save(self) -> None:
        self._set_year(self.draft.year)
        if not self.draft.year_unsure:
            self.save()

    def reject(self) -> None:
        """Esc, 取消 or the close button: edits made here are lost, so ask first."""
        if self._closing or self.stack.isClean():
            self._closing = True
            super().reject()
            return
        self.dialogs.confirm(self.tr("放弃导入"), self.tr("放弃在预览中所做的修改？报告不会导入。"),
                             self._discard, yes=self.tr("放弃"), no=self.tr("继续编辑"))

    def _discard(self) -> None:
        self._closing = True
        super().reject()


def _titled(label: QLabel, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
