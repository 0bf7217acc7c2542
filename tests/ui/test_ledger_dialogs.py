"""The ledger's windows: export in the background with progress, Cancel and "open it?", and the
import preview with tick boxes."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from tests.ui.scripted import ScriptedDialogs
from tracker.io.ledger.layout import FIRST_DATA_ROW, LEDGER_INDEX
from tracker.services import Changed, PlanService, TrackingService, UserError, Workspace
from tracker.services.ledger import LedgerService
from tracker.store import Database
from tracker.ui.dialog_service import Dialogs, Level
from tracker.ui.jobs import Job
from tracker.ui.ledger_dialogs import LedgerImportDialog
from tracker.ui.views.data_file import DataFile

WAIT = 10000


class UrlCatcher(QObject):
    """Receives the URLs the app asks the desktop to open (Qt's own URL-handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def catcher() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def data_file(parent: QWidget, workspace: Workspace, dialogs: ScriptedDialogs,
              settings: QSettings) -> DataFile:
    return DataFile(workspace, dialogs, settings, parent)


@pytest.fixture
def ledger(db: Database, tmp_path: Path) -> Path:
    TrackingService(db).checkin("1.1", 40, note="已沟通", problems="编制紧张", date="2018-05-10")
    out = tmp_path / "台账.xlsx"
    LedgerService(db).export(out, 2018)
    return out


def fill_in(ledger: Path, out: Path, edits: dict[tuple[str, str], object]) -> Path:
    wb = openpyxl.load_workbook(ledger)
    ws = wb["台账"]
    rows = {ws.cell(r, 1).value: r for r in range(FIRST_DATA_ROW, ws.max_row + 1)}
    for (code, key), value in edits.items():
        ws.cell(rows[code], LEDGER_INDEX[key] + 1).value = value
    wb.save(out)
    return out


def latest(db: Database, code: str):
    node = PlanService(db).view(2018).plan.find(code)
    assert node is not None
    return node.latest


def finish(qtbot, job: Job) -> None:
    """Wait for a background job (its outcome arrives through the GUI thread's event loop)."""
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass


def preview(qtbot, data_file: DataFile, dialogs: ScriptedDialogs, path: Path,
            stack: QUndoStack | None = None) -> LedgerImportDialog:
    finish(qtbot, data_file.preview_ledger(path, 2018, stack or QUndoStack()))
    dialog = dialogs.last
    assert isinstance(dialog, LedgerImportDialog) and dialog.isVisible()
    return dialog


# --- export ------------------------------------------------------------------------------

def test_export_writes_the_file_and_offers_to_open_it(
        qtbot, data_file: DataFile, dialogs: ScriptedDialogs, catcher, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    job = data_file.export_to(out, 2018)
    assert data_file.busy  # the poll waits while it runs
    finish(qtbot, job)
    assert out.exists() and data_file.last_export is not None and data_file.last_export.path == out
    assert not data_file.busy
    [(title, text, open_it)] = dialogs.offers
    assert title == "台账已导出" and str(out) in text
    assert catcher.urls == []  # nothing opens unless the user asks
    open_it()
    assert [u.toLocalFile() for u in catcher.urls] == [str(out)]


@pytest.mark.parametrize("decline", ["Enter", "关闭"])
def test_declining_the_offer_opens_nothing(qtbot, parent: QWidget, workspace: Workspace, settings: QSettings,
                                           catcher, tmp_path: Path, decline: str) -> None:
    parent.show()
    data_file = DataFile(workspace, Dialogs(parent), settings, parent)  # the real box
    finish(qtbot, data_file.export_to(tmp_path / "out.xlsx", 2018))
    [box] = [w for w in parent.findChildren(QMessageBox) if w.isVisible()]
    assert "已导出" in box.text() and any("表格程序" in b.text() for b in box.buttons())
    if decline == "Enter":  # the offer is never the default (Esc: see test_new_user.py)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    else:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    qtbot.wait(50)  # the box deletes itself; nothing may fire after
    assert catcher.urls == []


@pytest.fixture
def slow_export(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Exports stop at their first progress report until the returned gate is set, as a big plan
    keeps the user waiting; the user's 取消 counts at that report."""
    gate = threading.Event()
    export = LedgerService.export

    def held(self: LedgerService, *args: object, progress, **kwargs: object):
        def report(done: int, total: int) -> bool:
            progress(done, total)  # the bar moves
            gate.wait(WAIT / 1000)
            return progress(done, total)
        return export(self, *args, progress=report, **kwargs)

    monkeypatch.setattr(LedgerService, "export", held)
    return gate


def test_a_long_export_shows_its_progress(qtbot, data_file: DataFile, dialogs: ScriptedDialogs,
                                          slow_export: threading.Event, tmp_path: Path) -> None:
    job = data_file.export_to(tmp_path / "out.xlsx", 2018)
    bar = job.dialog
    qtbot.waitUntil(lambda: bar.isVisible() and bar.value() > 0, timeout=WAIT)
    assert bar.windowTitle() == "导出台账" and "正在导出" in bar.labelText()
    assert bar.maximum() > 10 and bar.value() == bar.maximum() // 2  # rows built, file not saved yet
    assert dialogs.offers == []
    closed: list[bool] = []
    job.finished.connect(lambda: closed.append(not bar.isVisible()))
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        slow_export.set()
    assert closed == [True] and len(dialogs.offers) == 1


def test_export_can_be_cancelled_from_its_progress_dialog(
        qtbot, data_file: DataFile, dialogs: ScriptedDialogs, slow_export: threading.Event,
        tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    job = data_file.export_to(out, 2018)
    cancelled: list[bool] = []
    job.cancelled.connect(lambda: cancelled.append(True))
    qtbot.waitUntil(job.dialog.isVisible, timeout=WAIT)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        slow_export.set()
    assert cancelled == [True]
    assert not out.exists()  # nothing written
    assert dialogs.offers == [] and dialogs.messages == []
    assert not data_file.busy


def test_an_outside_write_during_an_export_is_reloaded_after_it(
        qtbot, data_file: DataFile, workspace: Workspace, db: Database,
        slow_export: threading.Event, tmp_path: Path) -> None:
    news: list[Changed] = []
    workspace.subscribe(news.append)
    job = data_file.export_to(tmp_path / "out.xlsx", 2018)
    with Database(db.path) as other:  # the command line, meanwhile
        TrackingService(other, who="cli").checkin("2.2", 70, date="2018-06-30")
    assert not data_file.check_outside_change()  # never a reload in the middle of an export
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        slow_export.set()
    assert [c.outside for c in news] == [True]  # … but right after it


def test_export_through_the_file_dialog_of_a_filtered_view(
        qtbot, data_file: DataFile, dialogs: ScriptedDialogs, db: Database, tmp_path: Path) -> None:
    only = [PlanService(db).view(2018).plan.find("2.2").id]  # type: ignore[union-attr]
    target = tmp_path / "filtered.xlsx"
    dialogs.files = [target]
    data_file.export_ledger(2018, only)
    assert dialogs.suggested.name == "2018年度工作台账（筛选结果）.xlsx"
    qtbot.waitUntil(lambda: bool(dialogs.offers), timeout=WAIT)
    ws = openpyxl.load_workbook(target)["台账"]
    assert [ws.cell(r, 1).value for r in range(FIRST_DATA_ROW, ws.max_row + 1)] == ["2", "2.2"]
    data_file.export_ledger(2018, None)  # next time the dialog starts where the user saved
    assert dialogs.suggested.parent == tmp_path


def test_export_error_is_shown_not_raised(qtbot, data_file: DataFile, dialogs: ScriptedDialogs,
                                          tmp_path: Path) -> None:
    target = tmp_path / "locked.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, 0o444)  # stands in for a file Excel holds open
    finish(qtbot, data_file.export_to(target, 2018))
    [said] = dialogs.messages
    assert said.level is Level.WARNING and "关闭该文件后重试" in said.text
    assert dialogs.offers == []
    assert target.read_bytes() == b"old"


# --- import ------------------------------------------------------------------------------

def test_preview_lists_every_change_and_applies_only_ticked_ones(
    qtbot, data_file: DataFile, dialogs: ScriptedDialogs, db: Database, ledger: Path,
    tmp_path: Path,
) -> None:
    edited = fill_in(ledger, tmp_path / "e.xlsx", {
        ("1.1", "progress"): 0.6, ("1.1", "progress_text"): "方案已报批",
        ("3.1", "problems"): "经费不足",
    })
    stack = QUndoStack()
    dialog = preview(qtbot, data_file, dialogs, edited, stack)
    rows = [(i.text(2), i.text(4), i.text(5), i.text(6)) for i in dialog.items()]
    assert rows == [("1.1", "进度", "40%", "60%"), ("1.1", "进展情况", "已沟通", "方案已报批"),
                    ("3.1", "存在问题", "（空）", "经费不足")]
    dialog.items()[0].setCheckState(0, Qt.CheckState.Unchecked)  # keep the old progress
    assert "2 处" in dialog.import_button.text()
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    one, three = latest(db, "1.1"), latest(db, "3.1")
    assert (one.progress, one.progress_text, one.problems) == (40, "方案已报批", "编制紧张")
    assert three.problems == "经费不足"

    assert stack.count() == 1
    stack.undo()
    assert latest(db, "1.1").progress_text == "已沟通" and latest(db, "3.1") is None
    stack.redo()
    assert latest(db, "3.1").problems == "经费不足"


def test_untick_all_disables_import(qtbot, data_file: DataFile, dialogs: ScriptedDialogs,
                                    ledger: Path, tmp_path: Path) -> None:
    edited = fill_in(ledger, tmp_path / "e.xlsx", {("2.1", "progress"): 0.3})
    dialog = preview(qtbot, data_file, dialogs, edited)
    dialog.none_button.click()
    assert not dialog.import_button.isEnabled()
    dialog.all_button.click()
    assert dialog.import_button.isEnabled() and "1 处" in dialog.import_button.text()


def test_bad_file_shows_the_row_in_a_message(qtbot, data_file: DataFile, dialogs: ScriptedDialogs,
                                             db: Database, ledger: Path, tmp_path: Path) -> None:
    edited = fill_in(ledger, tmp_path / "e.xlsx", {("1.3", "progress"): "一半"})
    before = latest(db, "1.3")
    finish(qtbot, data_file.preview_ledger(edited, 2018, QUndoStack()))
    assert dialogs.shown == []
    assert dialogs.messages[-1].level is Level.WARNING
    assert "1.3" in dialogs.said and "不是数字" in dialogs.said
    assert latest(db, "1.3") == before


def test_import_action_asks_for_a_file_first(qtbot, data_file: DataFile, dialogs: ScriptedDialogs,
                                             ledger: Path) -> None:
    data_file.import_ledger(2018, QUndoStack())  # the user closes the file dialog: nothing happens
    assert not data_file.busy and dialogs.shown == []
    dialogs.files = [ledger]
    data_file.import_ledger(2018, QUndoStack())
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=WAIT)
    [dialog] = dialogs.shown
    assert isinstance(dialog, LedgerImportDialog) and dialog.preview.changes == []
    assert not dialog.import_button.isEnabled()


def test_undo_of_an_import_whose_checkin_was_since_corrected_is_refused_in_a_message(
    qtbot, data_file: DataFile, dialogs: ScriptedDialogs, db: Database, ledger: Path,
    tmp_path: Path,
) -> None:
    edited = fill_in(ledger, tmp_path / "e.xlsx", {("3.1", "problems"): "经费不足"})
    stack = QUndoStack()
    dialog = preview(qtbot, data_file, dialogs, edited, stack)
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    imported = latest(db, "3.1")
    TrackingService(db).edit_checkin(imported.id, problems="经费已落实")  # someone corrects it meanwhile
    stack.undo()  # must not raise out of the stack
    assert stack.count() == 0  # the refused step left the stack
    assert latest(db, "3.1").problems == "经费已落实"  # the correction is kept
    assert dialogs.messages and dialogs.messages[-1].title == "导入台账"


def test_an_export_refused_while_writing_asks_again_where(
        qtbot, data_file: DataFile, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """The chosen file is open in Excel (Windows refuses the final rename) or the disk is full:
    the message says why and the save dialog comes back in that folder; the second place works."""
    export = LedgerService.export
    refusals = iter([UserError("无法写入 台账.xlsx：文件正被其他程序（例如 Excel）打开，请关闭后再试。")])

    def once_refused(self: LedgerService, path: Path, *args: object, **kwargs: object):
        refusal = next(refusals, None)
        if refusal is not None:
            raise refusal
        return export(self, path, *args, **kwargs)

    monkeypatch.setattr(LedgerService, "export", once_refused)
    dialogs.files.append(tmp_path / "另存.xlsx")
    finish(qtbot, data_file.export_to(tmp_path / "台账.xlsx", 2018))
    assert "Excel" in dialogs.messages[-1].text
    qtbot.waitUntil(lambda: (tmp_path / "另存.xlsx").exists() and len(dialogs.offers) == 1, timeout=WAIT)
    assert dialogs.suggestions[-1].parent == tmp_path and not (tmp_path / "台账.xlsx").exists()
