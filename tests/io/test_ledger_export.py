"""The exported 台账 workbook, read back with openpyxl and python-calamine."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tracker.domain.model import CheckIn
from tracker.io.ledger import sheet as ledger_sheet
from tracker.io.ledger.layout import (
    CELL_LIMIT,
    FIRST_DATA_ROW,
    HEADER_ROW,
    LEDGER_COLUMNS,
    LIGHT_LABELS,
    display_width,
    sheet_name,
)
from tracker.services import Assignment, PlanService, TrackingService, UserError
from tracker.services.ledger import ExportCancelled, LedgerService
from tracker.store import Database
from tracker.store import repository as repo

TODAY = dt.date(2018, 6, 30)
HEADERS = [c.header for c in LEDGER_COLUMNS]
NASTY = "=HYPERLINK(\"http://x\",\"点我\")"


@pytest.fixture
def filled(db: Database) -> Database:
    """The 2018 plan with owners, check-ins and the kinds of text that break naive writers."""
    t = TrackingService(db, who="办公室")
    t.assign("1.1", Assignment(leader="张局长", lead_dept="法制科", co_depts="办公室,人事科"))
    t.assign("1.2", Assignment(leader="张局长", lead_dept="法制科", due="2018-03-31"))
    t.assign("2.1", Assignment(leader="李副局长", lead_dept="办公室/综合", owner="王五"))
    t.assign("3.1", Assignment(lead_dept="执法[监督]科"))
    t.checkin("1.1", 40, note=NASTY, problems="+1 编制紧张", next_steps="-继续协调\n@所有人",
              date="2018-05-10")
    t.checkin("1.2", 20, note="应城已组建", date="2018-02-10")
    t.checkin("2.1", 50, note="第一次", date="2018-03-01")
    t.checkin("2.1", 100, note="完成" * 20_000, date="2018-06-01")  # 40,000 chars: cut on export
    with db.transaction() as c:  # written past the service, as an old or foreign file might hold
        node = PlanService(db).view(2018).plan.find("3.1")
        assert node is not None
        repo.add_checkin(c, CheckIn(0, node.id, dt.date(2018, 4, 1), 30,
                                    progress_text="响铃\x07与\x1b转义", problems="零宽\u200b字符"))
    return db


def export(db: Database, out: Path, **kw: object) -> None:
    LedgerService(db, who="测试").export(out, 2018, today=TODAY, **kw)  # type: ignore[arg-type]


def expected_rows(db: Database) -> dict[int, list[object]]:
    """What each item's 台账 row must hold, straight from the data file."""
    view = PlanService(db).view(2018, TODAY)
    rows: dict[int, list[object]] = {}
    for node in view.items():
        ev = view.evaluations[node.id]
        latest = node.latest
        rows[node.id] = [
            node.code, node.title, node.detail, node.leader, node.lead_dept,
            "、".join(node.co_depts), ev.due, pytest.approx(ev.progress / 100),
            latest.progress_text[:CELL_LIMIT] if latest else "", latest.problems if latest else "",
            latest.next_steps if latest else "", LIGHT_LABELS[ev.light],
            latest.date if latest else None, node.id,
        ]
    return rows


def _clean_expected(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\x07", "").replace("\x1b", "").replace("\u200b", "")
    return value


def test_every_item_reads_back_the_same_with_openpyxl(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export(filled, out)
    ws = openpyxl.load_workbook(out)["台账"]
    assert [c.value for c in ws[HEADER_ROW]] == HEADERS
    got = {}
    for row in ws.iter_rows(min_row=FIRST_DATA_ROW, values_only=True):
        got[row[-1]] = list(row)
    want = expected_rows(filled)
    for node_id, values in want.items():
        row = got[node_id]
        row[6] = row[6].date()
        row[12] = row[12].date() if row[12] else None
        for i, v in enumerate(values):
            cell = row[i]
            expected = _clean_expected(v)
            assert (cell if cell is not None else "") == (expected if expected is not None else ""), \
                (node_id, HEADERS[i])


def test_every_item_reads_back_the_same_with_calamine(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export(filled, out)
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("台账").to_python()
    assert sheet[HEADER_ROW - 1] == HEADERS
    got = {int(r[-1]): r for r in sheet[FIRST_DATA_ROW - 1:]}
    want = expected_rows(filled)
    areas = [r for r in sheet[FIRST_DATA_ROW - 1:] if int(r[-1]) not in want]
    assert [r[1] for r in areas] == [a.title for a in PlanService(filled).view(2018).plan.areas]
    for node_id, values in want.items():
        for i, v in enumerate(values):
            expected = _clean_expected(v)
            assert got[node_id][i] == ("" if expected is None else expected), (node_id, HEADERS[i])


def test_history_sheet_holds_every_checkin(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "l.xlsx"
    export(filled, out)
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("进展记录").to_python()
    rows = sheet[FIRST_DATA_ROW - 1:]
    plan = PlanService(filled).view(2018).plan
    codes = {n.id: (n.code, n.title) for n in plan.walk()}
    want = [
        [*codes[c.node_id], c.date, pytest.approx(c.progress / 100),
         _clean_expected(c.progress_text[:CELL_LIMIT]), _clean_expected(c.problems), c.next_steps,
         c.reporter, c.created_at.replace("T", " ")]
        for c in repo.checkins_for_plan(filled.read(), plan.id)
    ]
    assert len(rows) == len(want) == 5
    assert sorted(rows, key=lambda r: (r[0], r[2])) == sorted(want, key=lambda r: (r[0], r[2]))


def test_formula_like_text_stays_text(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "l.xlsx"
    export(filled, out)
    ws = openpyxl.load_workbook(out)["台账"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in (NASTY, "+1 编制紧张", "-继续协调\n@所有人"):
        assert cells[text].data_type == "s"
    with zipfile.ZipFile(out) as zf:
        sheet_xml = zf.read("xl/worksheets/sheet2.xml").decode()
    assert "<f>" not in sheet_xml  # no formula anywhere in the sheet


def test_control_characters_removed_and_long_text_cut_with_warning(filled: Database,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "l.xlsx"
    result = LedgerService(filled).export(out, 2018, today=TODAY)
    assert any("2.1" in w and "32,767" in w for w in result.warnings)
    ws = openpyxl.load_workbook(out)["台账"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "响铃与转义" in texts and "零宽字符" in texts
    assert max(len(t) for t in texts) == CELL_LIMIT


def test_workbook_looks_like_a_ledger(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "l.xlsx"
    export(filled, out, by_dept=True)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["汇总", "台账", "进展记录"]
    assert {"法制科", "办公室_综合", "执法_监督_科", "未分配科室"} <= set(wb.sheetnames)
    assert wb.active.title == "台账"
    assert wb["法制科"].protection.sheet and not wb["台账"].protection.sheet  # only 台账 is read back
    assert "请在“台账”表中填写" in str(wb["法制科"].cell(1, 1).value)
    assert wb.properties.title == "2018年度工作台账" and wb.properties.creator == "测试"
    ws = wb["台账"]
    assert ws.freeze_panes == f"C{FIRST_DATA_ROW}"
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:N")
    assert ws.column_dimensions["N"].hidden
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert "&P" in ws.oddFooter.right.text
    header = ws.cell(HEADER_ROW, 1)
    assert header.font.b and header.fill.fgColor.rgb.endswith("1F4E78")
    assert "B4:G4" in {str(r) for r in ws.merged_cells.ranges}  # area 1 spans 工作任务…完成时限
    assert not list(ws.conditional_formatting)  # no data bar (LibreOffice and WPS drew it wrongly)
    item = next(r for r in ws.iter_rows(min_row=FIRST_DATA_ROW) if r[0].value == "1.1")
    assert item[7].number_format == "0%" and item[6].number_format == "yyyy-mm-dd"
    assert item[1].alignment.wrap_text
    light = item[11]
    assert light.value == "绿灯" and light.fill.fgColor.rgb.endswith("C6EFCE")
    width_b = ws.column_dimensions["B"].width
    assert 12 <= width_b <= 24  # long Chinese titles wrap instead of widening the column
    assert ws.row_dimensions[item[0].row].height > 15  # and the row grows to show them
    summary = wb["汇总"]
    assert len(summary._charts) == 2


def test_summary_counts_match_the_plan(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "l.xlsx"
    export(filled, out)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("汇总").to_python()
    view = PlanService(filled).view(2018, TODAY)
    total = next(r for r in rows if r[1] == "合计")
    assert total[2] == len(view.items()) and total[3] == 1
    assert total[4] == pytest.approx(view.progress / 100)
    dept = next(r for r in rows if r[1] == "法制科")
    assert dept[2] == 2


def test_filtered_export_holds_only_the_shown_items(filled: Database, tmp_path: Path) -> None:
    view = PlanService(filled).view(2018)
    only = {view.plan.find("1.1").id, view.plan.find("3.2").id}  # type: ignore[union-attr]
    out = tmp_path / "l.xlsx"
    LedgerService(filled).export(out, 2018, only=only, today=TODAY)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("台账").to_python()
    assert [r[0] for r in rows[FIRST_DATA_ROW - 1:]] == ["1", "1.1", "3", "3.2"]


def test_cjk_width_counts_wide_characters_double() -> None:
    assert display_width("abc") == 3
    assert display_width("台账") == 4
    assert display_width("第1项") == 5


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    names = []
    for wanted in ["a/b", "a\\b", "x" * 40, "x" * 40, "History", "'q'", ""]:
        name = sheet_name(wanted, taken)
        taken.add(name)
        names.append(name)
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert len(set(n.lower() for n in names)) == len(names)
    assert names[4] != "History" and names[5] == "q"


def test_cancel_leaves_the_old_file_and_no_temp(filled: Database, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "l.xlsx"
    out.write_bytes(b"old")
    calls = []

    def cancel(done: int, total: int) -> bool:
        calls.append(done)
        return False

    monkeypatch.setattr(ledger_sheet, "PROGRESS_EVERY", 1)  # 10 items: report every row
    with pytest.raises(ExportCancelled):
        LedgerService(filled).export(out, 2018, progress=cancel)
    assert calls and out.read_bytes() == b"old"
    assert [p.name for p in out.parent.iterdir()] == ["l.xlsx"]


def test_read_only_target_file_is_not_replaced(filled: Database, tmp_path: Path) -> None:
    """A read-only file stands in for one Excel holds open (PermissionError on Windows)."""
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "l.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o444)
    with pytest.raises(UserError, match="另存为其他文件名"):
        export(filled, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in out.parent.iterdir()] == ["l.xlsx"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file modes")
def test_read_only_folder_gives_a_clear_message(filled: Database, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(UserError, match="权限"):
            export(filled, folder / "l.xlsx")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name, message", [("l.csv", ".xlsx"), ("missing/l.xlsx", "不存在")])
def test_bad_targets_are_refused(db: Database, tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        export(db, tmp_path / name)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_ledger_to_pdf(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    export(filled, out, by_dept=True)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / "ledger.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "2018年度工作台账" in text and "第1页" in "".join(text.split())
