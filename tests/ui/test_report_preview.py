"""The import preview, driven like a user drives it: keys on the tree, clicks in the report,
every edit undone and redone with Ctrl+Z / Ctrl+Shift+Z inside the preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from tests.ui.scripted import ScriptedDialogs
from tracker.domain.model import PlanDraft, SkipReason
from tracker.services import Workspace
from tracker.services.reports import ReportService
from tracker.ui.preview.model import Column, DraftTreeModel
from tracker.ui.preview.split_dialog import SplitDialog
from tracker.ui.preview.window import ReportPreview

DATA = Path(__file__).resolve().parents[1] / "data"
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
NO_YEAR = """某区司法局工作要点

一、深化法治政府建设
（一）推进行政执法三项制度落实，6月底前完成执法公示平台建设。
（二）开展行政复议规范化建设。复议案件按期办结率达到100%。同时完善复议案件庭审程序。

二、加强公共法律服务
（一）建设村居法律顾问微信群，实现全覆盖。
（二）组织法律援助进社区活动12场。

某区司法局
"""


class Saves:
    """Stands in for the window's save step: records the drafts, answers as told."""

    def __init__(self) -> None:
        self.drafts: list[PlanDraft] = []
        self.answer = True

    def __call__(self, draft: PlanDraft) -> bool:
        self.drafts.append(draft)
        return self.answer


@pytest.fixture
def reports(workspace: Workspace) -> ReportService:
    return workspace.reports


@pytest.fixture
def saves() -> Saves:
    return Saves()


@pytest.fixture
def open_preview(qtbot, reports: ReportService, dialogs: ScriptedDialogs, saves: Saves):
    def make(draft: PlanDraft, name: str = "报告.txt") -> ReportPreview:
        preview = ReportPreview(draft, name, dialogs, reports, saves)
        qtbot.addWidget(preview)
        preview.show()
        qtbot.waitExposed(preview)
        preview.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
        return preview
    return make


def key(qtbot, preview: ReportPreview, k: Qt.Key,
        mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, on=None) -> None:
    widget = on or preview.tree
    widget.setFocus()
    qtbot.keyClick(widget, k, mods)


def titles(preview: ReportPreview) -> list[tuple[str, list[str]]]:
    return [(a.title, [i.title for i in a.children]) for a in preview.draft.areas]


def shown_titles(preview: ReportPreview) -> list[str]:
    """What the tree shows in its title column, top to bottom."""
    model, out = preview.model, []
    for a in range(model.rowCount()):
        area = model.index(a, Column.TITLE)
        out.append(area.data())
        out += [model.index(i, Column.TITLE, model.index(a, 0)).data() for i in range(model.rowCount(
            model.index(a, 0)))]
    return out


def test_the_tree_model_passes_the_model_tester(qtmodeltester, reports: ReportService) -> None:
    model = DraftTreeModel(lambda _path, _column, _text: True)
    qtmodeltester.check(model)  # empty
    model.set_draft(reports.read_file(DATA / "documents" / "table.docx"))
    qtmodeltester.check(model)
    model.set_draft(reports.read_file(DATA / "reports" / "17_2030_thirty_areas.txt"))
    qtmodeltester.check(model)
    assert model.rowCount() == 30


def test_an_item_shows_its_passage_and_the_skipped_ones_are_greyed(open_preview, reports, qtbot) -> None:
    draft = reports.read_file(DATA / "documents" / "review.docx")
    preview = open_preview(draft, "review.docx")
    assert "review.docx" in preview.windowTitle()
    assert preview.tree_label.text() == "计划结构(&T)：3 个方面，6 项工作"
    assert preview.source.toPlainText() == draft.source_text
    assert preview.source.greyed() == sorted(p.span for p in draft.skipped if p.span)
    rows = [preview.skipped.item(i).text() for i in range(preview.skipped.count())]
    assert rows[:2] == ["〔网页或版面杂项〕某区发展和改革局文件",  # the Word header and footer
                        "〔网页或版面杂项〕内部资料 注意保存"]
    assert rows[2].startswith("〔计划部分之外〕") and rows[-1] == "〔结尾/保障措施〕特此报告。"

    preview.select_path((1, 0))
    start, end = preview.source.marked()
    assert draft.source_text[start:end].startswith("一是深化投资审批制度改革")
    assert preview.source.extraSelections()[-1].cursor.selectedText().startswith("一是深化投资审批")

    preview.skipped.setCurrentRow(3)
    assert draft.skipped[3].span is not None
    assert preview.source.marked() == draft.skipped[3].span


def test_a_click_in_the_report_selects_the_item_written_there(open_preview, reports, qtbot) -> None:
    draft = reports.read_file(DATA / "documents" / "numbered.docx")
    preview = open_preview(draft)
    span = draft.areas[1].children[1].span
    cursor = preview.source.textCursor()
    cursor.setPosition(span[0] + 3)
    rect = preview.source.cursorRect(cursor)
    qtbot.mouseClick(preview.source.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert preview.chosen_paths() == [(1, 1)]
    preview.source.setFocus()
    cursor.setPosition(draft.skipped[-1].span[0] + 1)
    preview.source.setTextCursor(cursor)
    qtbot.keyClick(preview.source, Qt.Key.Key_Return)
    assert preview.skipped.currentRow() == len(draft.skipped) - 1


def test_f2_renames_and_ctrl_z_undoes_it_in_the_preview(open_preview, reports, qtbot) -> None:
    preview = open_preview(reports.read_file(DATA / "documents" / "numbered.docx"))
    preview.select_path((0, 1))
    key(qtbot, preview, Qt.Key.Key_F2)
    editor = preview.tree.findChild(QLineEdit)
    assert editor is not None and editor.text() == "开展“蓝天”专项整治行动，严厉打击非正常专利申请"
    editor.setText("开展蓝天行动")  # typed (QTest cannot type CJK keys)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    qtbot.waitUntil(lambda: titles(preview)[0][1][1] == "开展蓝天行动")
    assert "开展蓝天行动" in shown_titles(preview)
    key(qtbot, preview, Qt.Key.Key_Z, CTRL)
    assert titles(preview)[0][1][1].startswith("开展“蓝天”")
    key(qtbot, preview, Qt.Key.Key_Z, CTRL | SHIFT)
    assert titles(preview)[0][1][1] == "开展蓝天行动"
    assert preview.chosen_paths() == [(0, 1)]


def test_merge_split_promote_demote_each_one_step(open_preview, reports, qtbot, dialogs) -> None:
    preview = open_preview(reports.read_file(DATA / "documents" / "numbered.docx"))
    before = titles(preview)
    preview.select_path((0, 0))
    key(qtbot, preview, Qt.Key.Key_M, CTRL)  # the next item joins the first
    area = preview.draft.areas[0]
    assert len(area.children) == 2 and "开展“蓝天”专项整治行动" in area.children[0].detail
    assert preview.tree_label.text().endswith("6 项工作")

    key(qtbot, preview, Qt.Key.Key_T, CTRL)  # split it again where the merged item began
    dialog = dialogs.last
    assert isinstance(dialog, SplitDialog)
    dialog.place(area.children[0].detail.index("开展"))
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert titles(preview) == before  # the two items as they were read
    assert preview.chosen_paths() == [(0, 1)]

    key(qtbot, preview, Qt.Key.Key_Left, ALT)  # 开展“蓝天”… heads an area of its own
    assert [a.title for a in preview.draft.areas][:2] == [
        "强化知识产权保护", "开展“蓝天”专项整治行动，严厉打击非正常专利申请"]
    key(qtbot, preview, Qt.Key.Key_Right, ALT)  # and goes back
    assert [a.title for a in preview.draft.areas][:2] == ["强化知识产权保护", "促进知识产权运用"]

    for _ in range(4):
        key(qtbot, preview, Qt.Key.Key_Z, CTRL)
    assert titles(preview) == before
    assert preview.stack.isClean()


def test_several_items_chosen_merge_into_the_first(open_preview, reports, qtbot) -> None:
    preview = open_preview(reports.read_file(DATA / "documents" / "numbered.docx"))
    preview.select_path((0, 0))
    preview.tree.setFocus()
    qtbot.keyClick(preview.tree, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(preview.tree, Qt.Key.Key_Down, SHIFT)
    assert preview.chosen_paths() == [(0, 0), (0, 1), (0, 2)]
    key(qtbot, preview, Qt.Key.Key_M, CTRL)
    [only] = preview.draft.areas[0].children
    assert only.due == dt.date(2024, 12, 31)  # the latest deadline of the three
    assert preview.stack.count() == 1


def test_a_dropped_item_is_listed_and_can_be_taken_back(open_preview, reports, qtbot) -> None:
    preview = open_preview(reports.read_file(DATA / "reports" / "16_web_pasted.txt"))
    preview.select_path((0, 3))
    key(qtbot, preview, Qt.Key.Key_Delete)
    assert len(preview.draft.areas[0].children) == 3
    last = preview.draft.skipped[-1]
    assert last.reason is SkipReason.DROPPED and last.text.startswith("提升物业服务水平")
    assert preview.skipped.item(preview.skipped.count() - 1).text().startswith("〔已从计划中移出〕")
    assert last.span in preview.source.greyed()

    preview.skipped.setCurrentRow(len(preview.draft.skipped) - 1)
    key(qtbot, preview, Qt.Key.Key_Delete, on=preview.skipped)  # already out: nothing happens
    assert preview.stack.count() == 1
    key(qtbot, preview, Qt.Key.Key_I, CTRL, on=preview.skipped)  # back where it stood
    assert preview.draft.areas[0].children[3].title.startswith("提升物业服务水平")
    assert preview.chosen_paths() == [(0, 3)]

    byline = next(i for i, p in enumerate(preview.draft.skipped) if p.text.startswith("会议强调"))
    preview.skipped.setCurrentRow(byline)
    key(qtbot, preview, Qt.Key.Key_I, CTRL | SHIFT, on=preview.skipped)
    assert preview.draft.areas[-1].title.startswith("会议强调")
    assert preview.chosen_paths() == [(1,)]


def test_an_unsure_year_is_asked_for_and_deadlines_follow_it(open_preview, reports, qtbot, saves,
                                                            dialogs) -> None:
    preview = open_preview(reports.read_text(NO_YEAR))
    assert preview.draft.year == 0 and preview.fields.notice.isVisible()
    assert "标题没有写年份" in preview.fields.notice.text()
    assert preview.fields.year_box.hasFocus() and preview.fields.year_box.text() == "未确定"
    preview.save()
    assert saves.drafts == [] and "请先在“年度”中选择" in preview.status.text()

    box = preview.fields.year_box
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "2026")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert preview.draft.year == 2026 and not preview.draft.year_unsure
    assert preview.draft.areas[0].children[0].due == dt.date(2026, 6, 30)  # "6月底前", read now
    assert not preview.fields.notice.isVisible()
    assert preview.save_button.text() == "导入为 2026 年计划(&S)"
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "2025")  # typed, and saved straight away: the typed year counts
    assert preview.draft.year == 2026
    qtbot.keyClick(box, Qt.Key.Key_S, CTRL)
    [saved] = saves.drafts
    assert (saved.year, saved.areas[0].children[0].due) == (2025, dt.date(2025, 6, 30))
    assert not preview.isVisible()


def test_a_guessed_year_is_confirmed_before_saving(open_preview, reports, saves, dialogs) -> None:
    preview = open_preview(reports.read_text(NO_YEAR + "2023年12月20日\n"))
    assert preview.draft.year == 2024 and preview.draft.year_unsure
    assert preview.fields.confirm_year.isVisible()
    dialogs.answers = [False]
    preview.save()
    assert "按 2024 年导入" in dialogs.questions[-1] and saves.drafts == []
    preview.save()  # yes
    assert saves.drafts[-1].year == 2024 and not saves.drafts[-1].year_unsure


def test_a_year_that_has_a_plan_is_refused_and_the_preview_stays(open_preview, reports, saves,
                                                                 dialogs) -> None:
    seed = Path(__file__).resolve().parents[2] / "resources" / "reports" / "xiaogan-keji-2017.txt"
    preview = open_preview(reports.read_file(seed))
    assert "2018 年已有计划" in preview.fields.notice.text()
    preview.save()
    assert saves.drafts == [] and preview.isVisible()
    assert "2018 年已有计划" in dialogs.said
    preview.fields.year_box.setValue(2019)
    assert not preview.fields.notice.isVisible()
    preview.save()
    assert [d.year for d in saves.drafts] == [2019]


def test_title_edits_are_steps_and_an_empty_title_is_refused(open_preview, reports, qtbot) -> None:
    preview = open_preview(reports.read_file(DATA / "documents" / "numbered.docx"))
    edit = preview.fields.title_edit
    edit.setFocus()
    edit.setText("知识产权局2024年工作要点")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert preview.draft.title == "知识产权局2024年工作要点"
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "知识产权局2024年工作要点" and "标题不能为空" in preview.status.text()
    key(qtbot, preview, Qt.Key.Key_Z, CTRL)
    assert preview.draft.title == "某市知识产权局2024年工作要点" and edit.text() == preview.draft.title


def test_escape_closes_at_once_without_edits_and_asks_with_them(open_preview, reports, qtbot,
                                                               dialogs) -> None:
    draft = reports.read_file(DATA / "documents" / "numbered.docx")
    untouched = open_preview(draft)
    key(qtbot, untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and dialogs.questions == []

    edited = open_preview(draft)
    edited.select_path((0, 0))
    key(qtbot, edited, Qt.Key.Key_Delete)
    dialogs.answers = [False]
    key(qtbot, edited, Qt.Key.Key_Escape)
    assert edited.isVisible() and "放弃在预览中所做的修改" in dialogs.questions[-1]
    key(qtbot, edited, Qt.Key.Key_Escape)  # yes
    assert not edited.isVisible()


def test_every_command_has_a_key_and_a_menu_entry(open_preview, reports, qtbot) -> None:
    preview = open_preview(reports.read_file(DATA / "documents" / "numbered.docx"))
    commands = preview.commands
    for action in [*commands.tree_actions, *commands.skipped_actions, commands.save]:
        assert not action.shortcut().isEmpty(), action.text()
        assert "&" in action.text(), action.text()
    assert set(commands.tree_actions) <= set(preview.tree.actions())
    assert set(commands.skipped_actions) <= set(preview.skipped.actions())
    assert preview.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    keys = [a.shortcut().toString() for a in preview.findChildren(type(commands.save))
            if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))  # no key does two things
    preview.select_path((0,))
    assert not commands.drop.isEnabled() and commands.rename.isEnabled()
    assert not commands.demote.isEnabled()  # the first area has none before it
    preview.select_path((1,))
    assert commands.demote.isEnabled()


def type_into_cell(qtbot, preview: ReportPreview, path: tuple[int, int], column: Column, text: str) -> None:
    """Double-click the cell (as a user does), type, Enter."""
    preview.select_path(path)
    index = preview.model.index_of(path, column)
    rect = preview.tree.visualRect(index)
    qtbot.mouseClick(preview.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(preview.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [editor] = [e for e in preview.tree.findChildren(QLineEdit) if e.isVisible()]
    editor.setText(text)  # typed (QTest cannot type CJK keys)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: preview.tree.state() != QAbstractItemView.State.EditingState)


def test_deadlines_and_departments_are_edited_in_the_tree_and_saved(
        open_preview, reports, qtbot, saves) -> None:
    """What the report did not say (or said wrong) is filled in before saving: a deadline as
    office staff write it, the lead and cooperating departments; each a step Ctrl+Z undoes."""
    preview = open_preview(reports.read_text(NO_YEAR.replace("工作要点", "2026年工作要点")))
    assert preview.draft.year == 2026
    item = preview.draft.areas[1].children[0]
    assert (item.due, item.lead_dept, item.co_depts) == (None, "", [])

    type_into_cell(qtbot, preview, (1, 0), Column.DUE, "9月底")
    type_into_cell(qtbot, preview, (1, 0), Column.LEAD_DEPT, "法律服务科")
    type_into_cell(qtbot, preview, (1, 0), Column.CO_DEPTS, "办公室、基层科")
    item = preview.draft.areas[1].children[0]
    filled = (dt.date(2026, 9, 30), "法律服务科", ["办公室", "基层科"])
    assert (item.due, item.lead_dept, item.co_depts) == filled
    assert preview.model.index_of((1, 0), Column.DUE).data() == "2026-09-30"
    assert preview.model.index_of((1, 0), Column.CO_DEPTS).data() == "办公室、基层科"

    type_into_cell(qtbot, preview, (1, 0), Column.DUE, "9月35日")  # no such day: refused, said
    assert "不是有效日期" in preview.status.text()
    type_into_cell(qtbot, preview, (1, 0), Column.CO_DEPTS, "法律服务科")  # the lead again: refused
    assert "不能既是牵头科室又是配合科室" in preview.status.text()
    assert preview.draft.areas[1].children[0].co_depts == ["办公室", "基层科"]

    key(qtbot, preview, Qt.Key.Key_Z, CTRL)
    assert preview.draft.areas[1].children[0].co_depts == []
    key(qtbot, preview, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(preview.tree, Qt.Key.Key_S, CTRL)
    [saved] = saves.drafts
    node = saved.areas[1].children[0]
    assert (node.due, node.lead_dept, node.co_depts) == filled


def test_an_area_row_takes_a_title_only(open_preview, reports) -> None:
    preview = open_preview(reports.read_text(NO_YEAR))
    model = preview.model
    area = model.index_of((0,), Column.DUE)
    assert not model.flags(area) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index_of((0,), Column.TITLE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(area, "6月底")


def test_f2_then_tab_walks_the_items_cells_from_the_keyboard(open_preview, reports, qtbot) -> None:
    preview = open_preview(reports.read_text(NO_YEAR.replace("工作要点", "2026年工作要点")))
    preview.select_path((0, 1))
    key(qtbot, preview, Qt.Key.Key_F2)
    for text in ("开展行政复议规范化建设", "年底", "复议科", "办公室"):
        [editor] = [e for e in preview.tree.findChildren(QLineEdit) if e.isVisible()]
        editor.setText(text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits, and the next cell of the row opens
    qtbot.waitUntil(lambda: preview.tree.state() != QAbstractItemView.State.EditingState)
    item = preview.draft.areas[0].children[1]
    assert (item.title, item.due, item.lead_dept, item.co_depts) == (
        "开展行政复议规范化建设", dt.date(2026, 12, 31), "复议科", ["办公室"])
    assert preview.chosen_paths() == [(0, 1)]


def test_empty_department_columns_leave_room_for_a_name(open_preview, reports) -> None:
    """A report that names no departments still shows their columns wide enough for a usual
    name, so the empty cells read as places to fill in, not as a squeezed header."""
    preview = open_preview(reports.read_text(NO_YEAR))
    assert not any(i.lead_dept or i.co_depts for a in preview.draft.areas for i in a.children)
    width = preview.tree.fontMetrics().horizontalAdvance
    assert preview.tree.columnWidth(Column.LEAD_DEPT) > width("法律服务科")
    assert preview.tree.columnWidth(Column.CO_DEPTS) > width("办公室、基层科")
