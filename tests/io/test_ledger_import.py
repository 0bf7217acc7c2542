"""Taking a filled-in 台账 back: the round trip, and every way a returned copy can be wrong."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tracker.domain.model import Status
from tracker.io.ledger.layout import FIRST_DATA_ROW, LEDGER_INDEX
from tracker.services import Assignment, PlanService, TrackingService, UserError
from tracker.services.ledger import LedgerService
from tracker.store import Database
from tracker.store import repository as repo

PROGRESS = LEDGER_INDEX["progress"] + 1
NOTE = LEDGER_INDEX["progress_text"] + 1
PROBLEMS = LEDGER_INDEX["problems"] + 1
TITLE = LEDGER_INDEX["title"] + 1
DATE = LEDGER_INDEX["date"] + 1
ID = LEDGER_INDEX["id"] + 1


@pytest.fixture
def ledger(db: Database, tmp_path: Path) -> Path:
    """The 2018 plan with a few check-ins, exported as a department would receive it."""
    t = TrackingService(db, who="办公室")
    t.assign("1.1", Assignment(leader="张局长", lead_dept="法制科"))
    t.checkin("1.1", 40, note="已沟通", problems="编制紧张", date="2018-05-10")
    t.checkin("2.1", 100, note="完成", date="2018-04-10")
    out = tmp_path / "台账.xlsx"
    LedgerService(db).export(out, 2018)
    return out


def checkins(db: Database) -> int:
    return len(repo.checkins_for_plan(db.read(), 1))


def row_of(ws, code: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 1).value == code)


def edit(path: Path, out: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Open the ledger with openpyxl as a department's Excel would, change it, save a copy."""
    wb = openpyxl.load_workbook(path)
    change(wb["台账"])
    wb.save(out)
    return out


def test_untouched_ledger_has_no_changes(db: Database, ledger: Path) -> None:
    preview = LedgerService(db).preview(ledger)
    assert preview.year == 2018 and preview.changes == []
    assert preview.diff.rows == 10 and preview.diff.summary_rows == 4
    assert preview.diff.ignored == [] and "不会导入" not in preview.describe()


def test_changed_assignments_are_said_not_imported(db: Database, ledger: Path, tmp_path: Path) -> None:
    leader, lead, co, due = (LEDGER_INDEX[k] + 1 for k in ("leader", "lead_dept", "co_depts", "due"))

    def change(ws) -> None:  # type: ignore[no-untyped-def]
        ws.cell(row_of(ws, "1.1"), leader).value = "李四"
        ws.cell(row_of(ws, "1.2"), lead).value = "办公室"
        ws.cell(row_of(ws, "1.3"), due).value = dt.datetime(2018, 9, 30)
        ws.cell(row_of(ws, "2.2"), co).value = "人事科、法制科"

    preview = LedgerService(db).preview(edit(ledger, tmp_path / "e.xlsx", change))
    assert preview.changes == []
    assert [i.split("的")[-1] for i in preview.diff.ignored] == [
        "责任领导",
        "牵头科室",
        "完成时限",
        "配合科室",
    ]
    assert "4 处分工或时限的修改不会导入" in preview.describe()


def test_round_trip_with_resorted_rows_and_a_deleted_row(db: Database, ledger: Path, tmp_path: Path) -> None:
    def department(ws) -> None:  # type: ignore[no-untyped-def]
        for rng in list(ws.merged_cells.ranges):  # Excel sorts only after unmerging
            if rng.min_row >= FIRST_DATA_ROW:
                ws.unmerge_cells(str(rng))
        ws.cell(row_of(ws, "1.1"), PROGRESS).value = 0.75
        ws.cell(row_of(ws, "1.1"), NOTE).value = "已形成方案，报编制部门审批"
        ws.cell(row_of(ws, "3.2"), PROGRESS).value = "30%"  # typed as text in a text cell
        ws.cell(row_of(ws, "3.2"), PROBLEMS).value = "人手不足"
        ws.cell(row_of(ws, "1.2"), PROGRESS).value = 0.5  # this row is then deleted
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=FIRST_DATA_ROW)]
        rows = [r for r in rows if r[0] != "1.2"]
        rows.sort(key=lambda r: str(r[0]), reverse=True)  # re-sorted by 序号, descending
        ws.delete_rows(FIRST_DATA_ROW, ws.max_row)
        for r in rows:
            ws.append(r)

    edited = edit(ledger, tmp_path / "返回.xlsx", department)
    service = LedgerService(db, who="办公室")
    before = checkins(db)
    preview = service.preview(edited)
    assert {(c.code, c.field, c.new) for c in preview.changes} == {
        ("1.1", "progress", "75%"),
        ("1.1", "progress_text", "已形成方案，报编制部门审批"),
        ("3.2", "progress", "30%"),
        ("3.2", "problems", "人手不足"),
    }
    assert checkins(db) == before  # a preview writes nothing
    applied = service.apply(preview, today=dt.date(2018, 6, 30))
    assert len(applied.checkin_ids) == 2 and checkins(db) == before + 2

    plan = PlanService(db).view(2018).plan
    one, two, three = plan.find("1.1"), plan.find("1.2"), plan.find("3.2")
    assert one and two and three and one.latest and three.latest
    assert (one.latest.progress, one.latest.progress_text, one.latest.problems) == (
        75,
        "已形成方案，报编制部门审批",
        "编制紧张",
    )  # the untouched field keeps its value
    assert one.latest.date == dt.date(2018, 6, 30)
    assert (three.latest.progress, three.latest.problems) == (30, "人手不足")
    assert three.status is Status.IN_PROGRESS
    assert two.latest is None  # its row was deleted: nothing said about it
    assert service.preview(edited).changes == []  # importing twice changes nothing more


def test_only_ticked_changes_are_recorded(db: Database, ledger: Path, tmp_path: Path) -> None:
    def department(ws) -> None:  # type: ignore[no-untyped-def]
        ws.cell(row_of(ws, "1.1"), PROGRESS).value = 0.9
        ws.cell(row_of(ws, "1.1"), NOTE).value = "新进展"
        ws.cell(row_of(ws, "1.3"), PROGRESS).value = 0.1

    service = LedgerService(db)
    preview = service.preview(edit(ledger, tmp_path / "e.xlsx", department))
    keep = [i for i, c in enumerate(preview.changes) if c.field == "progress_text"]
    service.apply(preview, keep)
    plan = PlanService(db).view(2018).plan
    one, three = plan.find("1.1"), plan.find("1.3")
    assert one and one.latest and three
    assert (one.latest.progress, one.latest.progress_text) == (40, "新进展")
    assert three.latest is None


def test_apply_is_one_transaction(db: Database, ledger: Path, tmp_path: Path) -> None:
    def department(ws) -> None:  # type: ignore[no-untyped-def]
        ws.cell(row_of(ws, "1.1"), PROGRESS).value = 0.9
        ws.cell(row_of(ws, "4.2"), PROGRESS).value = 0.2

    service = LedgerService(db)
    preview = service.preview(edit(ledger, tmp_path / "e.xlsx", department))
    before = checkins(db)
    last = PlanService(db).view(2018).plan.find("4.2")
    assert last is not None
    with db.transaction() as c:  # someone deletes the last item between preview and apply
        c.execute("DELETE FROM node WHERE id = ?", (last.id,))
    with pytest.raises(UserError, match="重新导入"):
        service.apply(preview)
    assert checkins(db) == before  # 1.1's check-in was rolled back with the rest


def test_undo_and_redo_replay_the_import(db: Database, ledger: Path, tmp_path: Path) -> None:
    def department(ws) -> None:  # type: ignore[no-untyped-def]
        ws.cell(row_of(ws, "1.3"), PROGRESS).value = 1

    service = LedgerService(db)
    before = checkins(db)
    applied = service.apply(service.preview(edit(ledger, tmp_path / "e.xlsx", department)))
    node = PlanService(db).view(2018).plan.find("1.3")
    assert node and node.status is Status.DONE
    service.undo(applied)
    node = PlanService(db).view(2018).plan.find("1.3")
    assert node and node.status is Status.NOT_STARTED and node.latest is None
    assert checkins(db) == before
    service.redo(applied)  # the same check-in comes back, with the same id
    node = PlanService(db).view(2018).plan.find("1.3")
    assert node and node.status is Status.DONE and node.latest
    assert node.latest.id == applied.checkin_ids[0]


def test_changed_date_becomes_the_checkin_date(db: Database, ledger: Path, tmp_path: Path) -> None:
    def department(ws) -> None:  # type: ignore[no-untyped-def]
        ws.cell(row_of(ws, "1.1"), PROGRESS).value = 0.5
        ws.cell(row_of(ws, "1.1"), DATE).value = "2018/6/15"

    service = LedgerService(db)
    service.apply(service.preview(edit(ledger, tmp_path / "e.xlsx", department)))
    node = PlanService(db).view(2018).plan.find("1.1")
    assert node and node.latest and node.latest.date == dt.date(2018, 6, 15)


def test_an_older_date_does_not_hide_the_new_report(db: Database, ledger: Path, tmp_path: Path) -> None:
    """A date before the latest check-in would leave the new progress unseen: today is used."""

    def department(ws) -> None:  # type: ignore[no-untyped-def]
        ws.cell(row_of(ws, "1.1"), PROGRESS).value = 0.5
        ws.cell(row_of(ws, "1.1"), DATE).value = dt.datetime(2018, 1, 2)

    service = LedgerService(db)
    service.apply(service.preview(edit(ledger, tmp_path / "e.xlsx", department)), today=dt.date(2018, 7, 1))
    node = PlanService(db).view(2018).plan.find("1.1")
    assert node and node.latest and (node.latest.date, node.latest.progress) == (dt.date(2018, 7, 1), 50)


def test_rows_match_by_code_and_title_without_the_id_column(
    db: Database, ledger: Path, tmp_path: Path
) -> None:
    def department(ws) -> None:  # type: ignore[no-untyped-def]
        ws.cell(row_of(ws, "2.2"), PROGRESS).value = 0.6
        ws.delete_cols(ID)

    preview = LedgerService(db).preview(edit(ledger, tmp_path / "e.xlsx", department))
    assert [(c.code, c.new) for c in preview.changes] == [("2.2", "60%")]


BAD_EDITS = [
    (
        "not a number",
        lambda ws: setattr(ws.cell(row_of(ws, "1.2"), PROGRESS), "value", "过半"),
        "1.2.*不是数字",
    ),
    (
        "over 100%",
        lambda ws: setattr(ws.cell(row_of(ws, "1.2"), PROGRESS), "value", 1.5),
        "1.2.*150%.*超出范围",
    ),
    ("negative", lambda ws: setattr(ws.cell(row_of(ws, "1.3"), PROGRESS), "value", "-5"), "1.3.*超出范围"),
    (
        "blank progress",
        lambda ws: setattr(ws.cell(row_of(ws, "1.3"), PROGRESS), "value", None),
        "1.3.*进度为空",
    ),
    (
        "a date as progress",
        lambda ws: setattr(ws.cell(row_of(ws, "1.3"), PROGRESS), "value", dt.datetime(2018, 1, 1)),
        "不是数字",
    ),
    (
        "changed title",
        lambda ws: setattr(ws.cell(row_of(ws, "2.1"), TITLE), "value", "另一件事"),
        "第 9 行.*不一致",
    ),
    (
        "unknown row",
        lambda ws: ws.append(["9.9", "新增的事项", "", "", "", "", None, 0.5]),
        "9.9 新增的事项.*找不到对应事项",
    ),
    ("duplicate", lambda ws: ws.append([c.value for c in ws[row_of(ws, "1.1")]]), "同一事项"),
    ("bad id", lambda ws: setattr(ws.cell(row_of(ws, "1.1"), ID), "value", "abc"), "ID.*无效"),
    ("bad date", lambda ws: setattr(ws.cell(row_of(ws, "1.1"), DATE), "value", "下周"), "1.1.*不是日期"),
    ("no header", lambda ws: ws.delete_rows(1, 3), "找不到表头"),
    ("renamed sheet", lambda ws: setattr(ws, "title", "Sheet1"), "没有名为“台账”的工作表"),
]


@pytest.mark.parametrize("what, change, message", BAD_EDITS, ids=[b[0] for b in BAD_EDITS])
def test_bad_rows_are_named_and_nothing_is_written(
    db: Database, ledger: Path, tmp_path: Path, what: str, change, message: str
) -> None:  # type: ignore[no-untyped-def]
    def department(ws) -> None:  # type: ignore[no-untyped-def]
        ws.cell(row_of(ws, "4.1"), PROGRESS).value = 0.5  # a good change that must not land
        change(ws)

    edited = edit(ledger, tmp_path / "e.xlsx", department)
    before = checkins(db)
    with pytest.raises(UserError, match=message):
        LedgerService(db).preview(edited)
    assert checkins(db) == before


def _rezip(src: Path, out: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name in replace.keys() - set(zin.namelist()):
            zout.writestr(name, replace[name])
    return out


def test_xml_bomb_is_refused(db: Database, ledger: Path, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    bomb = _rezip(ledger, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet2.xml": laughs})
    with pytest.raises(UserError, match="不安全的 XML"):
        LedgerService(db).preview(bomb)


def test_huge_cell_is_refused(db: Database, ledger: Path, tmp_path: Path) -> None:
    """Excel never writes more than 32,767 characters in a cell; a crafted file might."""
    with zipfile.ZipFile(ledger) as zf:
        sheet = zf.read("xl/worksheets/sheet2.xml").decode()
    # with lxml installed (python-docx needs it) openpyxl writes non-ASCII text as character references
    cell = next(t for t in ("<t>已沟通</t>", "<t>&#24050;&#27807;&#36890;</t>") if t in sheet)
    sheet = sheet.replace(cell, f"<t>{'字' * 40_000}</t>")
    crafted = _rezip(ledger, tmp_path / "huge.xlsx", {"xl/worksheets/sheet2.xml": sheet.encode()})
    with pytest.raises(UserError, match="1.1.*40,000 字.*32,767"):
        LedgerService(db).preview(crafted)


def test_zip_bomb_is_refused_before_unpacking(db: Database, ledger: Path, tmp_path: Path) -> None:
    zeros = b"<x>" + b"0" * (8 * 1024 * 1024) + b"</x>"  # 8 MB that packs into a few KB
    bomb = _rezip(ledger, tmp_path / "bomb.xlsx", {"xl/sharedStrings.xml": zeros})
    with pytest.raises(UserError, match="压缩炸弹"):
        LedgerService(db).preview(bomb)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "旧版 .xls"),
        ("序号,工作任务,进度\n1.1,x,50\n".encode(), "不是 Excel 工作簿"),
        (b"", "不是 Excel 工作簿"),
    ],
)
def test_files_that_are_not_xlsx_are_refused(
    db: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        LedgerService(db).preview(path)


def test_broken_zip_is_refused(db: Database, ledger: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(ledger.read_bytes()[: ledger.stat().st_size // 2])
    with pytest.raises(UserError, match="已损坏"):
        LedgerService(db).preview(broken)


def test_zip_without_a_workbook_is_refused(db: Database, tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    path = tmp_path / "x.xlsx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(UserError, match="缺少工作簿部件"):
        LedgerService(db).preview(path)


def test_missing_file_and_wrong_year(db: Database, ledger: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="找不到文件"):
        LedgerService(db).preview(tmp_path / "nope.xlsx")
    with pytest.raises(UserError, match="2018 年的台账.*2019"):
        LedgerService(db).preview(ledger, year=2019)
