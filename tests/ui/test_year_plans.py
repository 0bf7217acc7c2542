"""The window's year-plan commands on a real data file: import a Word/PDF/text report or pasted
text through the preview, delete a plan, carry unfinished items on; each one undoable step on
the window's stack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.ui.scripted import ScriptedDialogs
from tracker.services import Assignment, PlanService, TrackingService
from tracker.services.backups import list_backups
from tracker.services.plans import default_report_text
from tracker.store import Database
from tracker.ui.dialog_service import Level
from tracker.ui.dialogs.carry_over import CarryOverDialog
from tracker.ui.jobs import Job
from tracker.ui.preview.window import ReportPreview
from tracker.ui.views.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data"
WAIT = 10000


def finish(qtbot, job: Job | None) -> None:
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass


def preview_of(dialogs: ScriptedDialogs) -> ReportPreview:
    preview = dialogs.last
    assert isinstance(preview, ReportPreview) and preview.isVisible()
    return preview


def undo(window: MainWindow, qtbot) -> None:
    window.commands.undo.trigger()
    qtbot.wait(1)  # the window refreshes once the step has returned


def redo(window: MainWindow, qtbot) -> None:
    window.commands.redo.trigger()
    qtbot.wait(1)


def test_a_word_report_is_previewed_saved_and_the_save_undone(qtbot, window: MainWindow, db: Database,
                                                              dialogs: ScriptedDialogs) -> None:
    dialogs.files = [DATA / "documents" / "table.docx"]
    window.commands.import_report.trigger()  # 文件 → 导入年度报告… (Ctrl+O)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=WAIT)
    preview = preview_of(dialogs)
    assert preview.draft.year == 2024 and preview.draft.item_count == 5
    preview.select_path((1, 2))
    preview.drop()  # an edit before saving: it must be in the saved plan
    preview.save_button.click()
    assert not preview.isVisible()
    assert PlanService(db).years() == [2018, 2024]
    assert window.year == 2024 and "2024" in window.windowTitle()
    plan = window.view.plan
    assert [len(a.children) for a in plan.areas] == [2, 2]
    assert plan.find("1.1").lead_dept == "县发改局"
    assert "已导入 2024 年计划" in window.statusBar().currentMessage()

    assert window.commands.undo.text() == "撤销(&U) 导入 2024 年计划"
    undo(window, qtbot)
    assert PlanService(db).years() == [2018] and window.year == 2018
    redo(window, qtbot)
    assert PlanService(db).years() == [2018, 2024] and window.year == 2024
    assert window.view.plan.find("1.1").lead_dept == "县发改局"


def test_a_pdf_report_opens_the_preview(qtbot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    finish(qtbot, window.year_plans.import_file(DATA / "documents" / "numbered.pdf"))
    preview = preview_of(dialogs)
    assert preview.windowTitle() == "导入预览 — numbered.pdf"
    assert [a.title for a in preview.draft.areas] == [
        "强化知识产权保护", "促进知识产权运用", "加强知识产权服务"]


def test_pasted_web_text_opens_the_preview(qtbot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    text = (DATA / "reports" / "16_web_pasted.txt").read_text(encoding="utf-8")
    QGuiApplication.clipboard().setText(text)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.tree, Qt.Key.Key_V, ctrl_shift)  # 编辑 → 粘贴报告文本
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=WAIT)
    preview = preview_of(dialogs)
    assert preview.windowTitle() == "导入预览 — 粘贴的文本"
    assert preview.draft.year == 2021 and preview.draft.item_count == 4
    assert any(p.text.startswith("发布时间") for p in preview.draft.skipped)  # the byline, left out
    assert window.commands.paste_report in window.commands.edit_menu.actions()


def test_a_page_copied_as_html_only_is_read_as_text(qtbot, window: MainWindow,
                                                     dialogs: ScriptedDialogs) -> None:
    lines = (DATA / "reports" / "16_web_pasted.txt").read_text(encoding="utf-8").splitlines()
    data = QMimeData()
    data.setHtml("<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>")
    QGuiApplication.clipboard().setMimeData(data)
    finish(qtbot, window.year_plans.paste_text())
    assert preview_of(dialogs).draft.item_count == 4


def test_an_empty_clipboard_or_a_non_report_says_why(qtbot, window: MainWindow, dialogs: ScriptedDialogs,
                                                      tmp_path: Path) -> None:
    QGuiApplication.clipboard().clear()
    assert window.year_plans.paste_text() is None
    assert "剪贴板中没有文字" in dialogs.said
    junk = tmp_path / "notes.txt"
    junk.write_text("会议纪要：今天讨论了午餐。", encoding="utf-8")
    finish(qtbot, window.year_plans.import_file(junk))
    assert dialogs.messages[-1].level is Level.WARNING and dialogs.said
    finish(qtbot, window.year_plans.import_file(tmp_path / "nope.pdf"))
    assert "找不到文件" in dialogs.said
    assert dialogs.shown == []


def test_the_same_year_is_refused_and_the_preview_stays_open(
        qtbot, window: MainWindow, db: Database, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    again = tmp_path / "again.txt"
    again.write_text(default_report_text(), encoding="utf-8")
    finish(qtbot, window.year_plans.import_file(again))
    preview = preview_of(dialogs)
    preview.save()
    assert "2018 年已有计划" in dialogs.said and preview.isVisible()
    assert PlanService(db).years() == [2018] and window.undo_stack.count() == 0


def test_delete_a_plan_names_what_goes_backs_up_and_undoes(qtbot, window: MainWindow, db: Database,
                                                          dialogs: ScriptedDialogs) -> None:
    TrackingService(db, who="t").checkin("1.1", 30, date="2018-03-01", note="开会部署")
    qtbot.wait(1)
    dialogs.answers = [False]
    window.commands.delete_plan.trigger()
    asked = dialogs.asked[-1]
    assert asked.text.startswith("删除 2018 年计划“")
    assert "4 个方面、10 项工作、1 条进展填报记录、0 次延期记录" in asked.details
    assert PlanService(db).years() == [2018]  # said no

    window.commands.delete_plan.trigger()  # yes
    assert PlanService(db).years() == [] and window.view is None
    assert list_backups(db.path)
    assert "删除前的备份" in window.statusBar().currentMessage()
    undo(window, qtbot)
    assert window.year == 2018 and window.view.plan.find("1.1").latest.progress_text == "开会部署"
    redo(window, qtbot)
    assert PlanService(db).years() == []


def test_carry_over_chosen_items_keeps_owners_and_switches_years(qtbot, window: MainWindow, db: Database,
                                                                 dialogs: ScriptedDialogs) -> None:
    tracking = TrackingService(db, who="t")
    tracking.assign("1.1", Assignment(leader="张局长", lead_dept="人事科", owner="李四"))
    tracking.checkin("1.2", 100, date="2018-06-30")
    qtbot.wait(1)
    window.commands.carry_over.trigger()
    dialog = dialogs.last
    assert isinstance(dialog, CarryOverDialog)
    assert dialog.year_box.value() == 2019 and "将新建 2019 年计划" in dialog.target.text()
    assert "1.2" not in dialog.codes() and len(dialog.codes()) == 9  # done: not offered
    first_area = dialog.list.topLevelItem(0)
    assert first_area.child(0).text(4) == "李四"
    first_area.child(1).setCheckState(0, Qt.CheckState.Unchecked)  # 1.3 stays behind
    assert "已选 8 项" in dialog.hint.text()
    dialog.ok.click()
    assert window.year == 2019
    plan = window.view.plan
    assert plan.find("1.1").owner == "李四" and plan.find("1.1").leader == "张局长"
    assert len(window.view.items()) == 8
    assert "已将 8 项从 2018 年结转到 2019 年" in window.statusBar().currentMessage()
    undo(window, qtbot)
    assert PlanService(db).years() == [2018] and window.year == 2018
    redo(window, qtbot)
    assert window.year == 2019

    window.show_year(2018)
    again = window.year_plans.carry_over(2018)
    assert again is not None and again.codes() == ["1.3"]  # the others are carried already
    assert "2019 年已有计划" in again.target.text()


def test_the_file_menu_holds_delete_and_carry_over(window: MainWindow) -> None:
    actions = window.commands.file_menu.actions()
    assert window.commands.delete_plan in actions and window.commands.carry_over in actions
    for menu in (window.commands.file_menu, window.commands.edit_menu):
        keys = [a.text().split("(&")[1][0] for a in menu.actions() if "(&" in a.text()]
        assert len(keys) == len(set(keys)), keys  # every accelerator of a menu is its own
    assert window.commands.paste_report.shortcut().toString() == "Ctrl+Shift+V"
