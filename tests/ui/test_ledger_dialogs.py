"""The ledger's windows: export with progress and "open it?", import preview with tick boxes."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker.io.ledger.layout import FIRST_DATA_ROW, LEDGER_INDEX
from tracker.services import PlanService, TrackingService
from tracker.services.ledger import LedgerService
from tracker.store import Database
from tracker.ui.ledger_dialogs import LedgerExport, LedgerImportDialog, import_ledger, preview_ledger


class UrlCatcher(QObject):
    """Receives the URLs the app asks the desktop to open (Qt's own URL-handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def parent(qtbot) -> QWidget:  # noqa: ANN001
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


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


def latest(db: Database, code: str):  # noqa: ANN201
    node = PlanService(db).view(2018).plan.find(code)
    assert node is not None
    return node.latest


def test_export_writes_the_file_and_offers_to_open_it(qtbot, parent: QWidget, db: Database,  # noqa: ANN001
                                                      tmp_path: Path) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        export = LedgerExport(parent, db, 2018)
        with qtbot.waitSignal(export.exported):
            result = export.export_to(tmp_path / "out.xlsx")
        assert result is not None and result.path.exists()
        assert export.progress is not None and not export.progress.isVisible()
        done, total = export.reported
        assert done == total > 10  # the bar went to its end: every row, area and check-in
        offer = export.message
        assert offer is not None and offer.isVisible() and "现在用表格程序打开吗" in offer.text()
        qtbot.mouseClick(offer.button(QMessageBox.StandardButton.Open), Qt.MouseButton.LeftButton)
        assert [u.toLocalFile() for u in catcher.urls] == [str(tmp_path / "out.xlsx")]
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_declining_the_offer_opens_nothing(qtbot, parent: QWidget, db: Database,  # noqa: ANN001
                                           tmp_path: Path) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        export = LedgerExport(parent, db, 2018)
        export.export_to(tmp_path / "out.xlsx")
        assert export.message is not None
        qtbot.mouseClick(export.message.button(QMessageBox.StandardButton.Close),
                         Qt.MouseButton.LeftButton)
        assert catcher.urls == []
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_export_through_the_file_dialog_of_a_filtered_view(qtbot, parent: QWidget, db: Database,  # noqa: ANN001
                                                           tmp_path: Path) -> None:
    only = [PlanService(db).view(2018).plan.find("2.2").id]  # type: ignore[union-attr]
    export = LedgerExport(parent, db, 2018, only=only)
    dialog = export.start()
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    target = tmp_path / "filtered.xlsx"
    with qtbot.waitSignal(export.exported):
        dialog.fileSelected.emit(str(target))
    ws = openpyxl.load_workbook(target)["台账"]
    assert [ws.cell(r, 1).value for r in range(FIRST_DATA_ROW, ws.max_row + 1)] == ["2", "2.2"]


def test_export_error_is_shown_not_raised(parent: QWidget, db: Database, tmp_path: Path) -> None:
    target = tmp_path / "locked.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, 0o444)  # stands in for a file Excel holds open
    export = LedgerExport(parent, db, 2018)
    assert export.export_to(target) is None
    assert export.message is not None and export.message.isVisible()
    assert "关闭该文件后重试" in export.message.text()
    assert target.read_bytes() == b"old"


def test_preview_lists_every_change_and_applies_only_ticked_ones(
    qtbot, parent: QWidget, db: Database, ledger: Path, tmp_path: Path  # noqa: ANN001
) -> None:
    edited = fill_in(ledger, tmp_path / "e.xlsx", {
        ("1.1", "progress"): 0.6, ("1.1", "progress_text"): "方案已报批",
        ("3.1", "problems"): "经费不足",
    })
    stack = QUndoStack()
    dialog = preview_ledger(parent, db, 2018, edited, stack)
    assert isinstance(dialog, LedgerImportDialog) and dialog.isVisible()
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


def test_untick_all_disables_import(parent: QWidget, db: Database, ledger: Path,
                                    tmp_path: Path) -> None:
    edited = fill_in(ledger, tmp_path / "e.xlsx", {("2.1", "progress"): 0.3})
    dialog = preview_ledger(parent, db, 2018, edited)
    assert isinstance(dialog, LedgerImportDialog)
    dialog.none_button.click()
    assert not dialog.import_button.isEnabled()
    dialog.all_button.click()
    assert dialog.import_button.isEnabled() and "1 处" in dialog.import_button.text()


def test_bad_file_shows_the_row_in_a_message(parent: QWidget, db: Database, ledger: Path,
                                             tmp_path: Path) -> None:
    edited = fill_in(ledger, tmp_path / "e.xlsx", {("1.3", "progress"): "一半"})
    before = latest(db, "1.3")
    box = preview_ledger(parent, db, 2018, edited)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "1.3" in box.text() and "不是数字" in box.text()
    assert latest(db, "1.3") == before


def test_import_action_asks_for_a_file_first(qtbot, parent: QWidget, db: Database,  # noqa: ANN001
                                             ledger: Path) -> None:
    dialog = import_ledger(parent, db, 2018)
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    dialog.fileSelected.emit(str(ledger))
    previews = [w for w in parent.findChildren(LedgerImportDialog) if w.isVisible()]
    assert len(previews) == 1 and previews[0].preview.changes == []
    assert not previews[0].import_button.isEnabled()


def test_undo_of_an_import_whose_checkin_was_since_corrected_is_refused_in_a_message(
    qtbot, parent: QWidget, db: Database, ledger: Path, tmp_path: Path  # noqa: ANN001
) -> None:
    edited = fill_in(ledger, tmp_path / "e.xlsx", {("3.1", "problems"): "经费不足"})
    stack = QUndoStack()
    dialog = preview_ledger(parent, db, 2018, edited, stack)
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    imported = latest(db, "3.1")
    TrackingService(db).edit_checkin(imported.id, problems="经费已落实")  # someone corrects it meanwhile
    stack.undo()  # must not raise out of the stack
    assert stack.count() == 0  # the refused step left the stack
    assert latest(db, "3.1").problems == "经费已落实"  # the correction is kept
    boxes = [w for w in parent.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "导入台账" in boxes[-1].windowTitle()
