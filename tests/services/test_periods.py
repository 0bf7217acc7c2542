"""Closed periods hold on every write path: corrections, deletions, undo and redo, the ledger
import; the cadence is an undoable setting; the office's details are saved once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.services import UserError, Workspace
from tracker.services.office import Office

TODAY = dt.date(2018, 8, 1)


@pytest.fixture
def ws(db) -> Workspace:
    return Workspace(db, who="办公室")


def _node(ws: Workspace, code: str) -> int:
    return ws.tracking.find(code).id


def test_correcting_or_deleting_a_check_in_of_a_closed_period_is_refused(ws: Workspace) -> None:
    node = _node(ws, "1.1")
    inside = ws.tracking.add_checkin(node, 30, date="2018-06-10")
    outside = ws.tracking.add_checkin(node, 40, date="2018-07-10")
    ws.periods.close("2018-06", today=TODAY)
    with pytest.raises(UserError, match="已关账"):
        ws.tracking.edit_checkin(inside.checkin_id, progress=35)
    with pytest.raises(UserError, match="已关账"):
        ws.tracking.delete_checkin(inside.checkin_id)
    with pytest.raises(UserError, match="已关账"):  # moving a July report into June
        ws.tracking.edit_checkin(outside.checkin_id, date=dt.date(2018, 6, 30))
    ws.tracking.edit_checkin(outside.checkin_id, progress=45)  # July stays open
    assert ws.tracking.latest(node).progress == 45


def test_undo_and_redo_of_a_check_in_inside_a_closed_period_are_refused(ws: Workspace) -> None:
    node = _node(ws, "1.2")
    change = ws.tracking.add_checkin(node, 30, date="2018-06-10")
    ws.periods.close("2018-06", today=TODAY)
    with pytest.raises(UserError, match="已关账"):
        ws.tracking.undo(change)
    assert ws.tracking.latest(node) is not None
    ws.periods.reopen("2018-06", "更正填报日期")
    ws.tracking.undo(change)
    ws.periods.close("2018-06", today=TODAY)
    with pytest.raises(UserError, match="已关账"):
        ws.tracking.redo(change)
    assert ws.tracking.latest(node) is None


def test_a_ledger_import_dated_inside_a_closed_period_is_refused(ws: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "ledger.xlsx"
    ws.ledger.export(out, today=dt.date(2018, 6, 20))
    wb = load_workbook(out)
    sheet = wb["台账"]
    headers = [c.value for c in sheet[3]]
    for row in sheet.iter_rows(min_row=4):
        if row[0].value == "1.1":
            row[headers.index("进度")].value = 0.5
            row[headers.index("更新日期")].value = dt.datetime(2018, 6, 15)
    wb.save(out)
    preview = ws.ledger.preview(out)
    ws.periods.close("2018-06", today=TODAY)
    with pytest.raises(UserError, match="已关账"):
        ws.ledger.apply(preview, today=dt.date(2018, 6, 20))
    assert ws.tracking.latest(_node(ws, "1.1")) is None


def test_the_frozen_rows_survive_deleting_the_item(ws: Workspace) -> None:
    node = _node(ws, "3.2")
    ws.tracking.add_checkin(node, 50, date="2018-06-10", problems="缺经费")
    ws.periods.close("2018-06", today=TODAY)
    ws.editing.delete(node)
    frozen = {i.code: i for i in ws.periods.frozen("2018-06")}
    assert frozen["3.2"].progress == 50 and frozen["3.2"].latest.problems == "缺经费"
    view = ws.periods.view_as_of("2018-06")
    assert view.plan.find("3.2") is not None and view.evaluations[node].progress == 50


def test_the_cadence_change_is_undoable_and_refused_once_a_period_is_closed(ws: Workspace) -> None:
    plan_id = ws.plans.view().plan.id
    change = ws.periods.set_settings(plan_id, "quarter", 10)
    assert ws.periods.settings().report_day == 10
    ws.periods.undo(change)
    assert ws.periods.settings().cadence.value == "month" and ws.periods.settings().report_day == 25
    ws.periods.close("2018-06", today=TODAY)
    with pytest.raises(UserError, match="关账"):
        ws.periods.set_settings(plan_id, "quarter", 25)
    ws.periods.set_settings(plan_id, "month", 31)  # the day alone may change
    assert ws.periods.periods()[1].report_by == dt.date(2018, 2, 28)


def test_the_office_details_are_saved_once_and_undone_as_one_edit(ws: Workspace) -> None:
    change = ws.office.save(Office(unit="孝感市科学技术局", reporter="王明", reviewer="李华",
                                   phone="0712-1234567"))
    assert ws.office.details().unit == "孝感市科学技术局"
    ws.office.undo(change)
    assert ws.office.details() == Office()
    with pytest.raises(UserError, match="过长"):
        ws.office.save(Office(unit="局" * 101))
