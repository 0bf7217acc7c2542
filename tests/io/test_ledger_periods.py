"""The ledger, sendable as is: the office's footer and page numbers that restart on every sheet,
the 1月…12月 progress matrix, the period's 通报 as a sheet, and no data bar that LibreOffice and
WPS draw wrongly."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tracker.services import Assignment, Workspace
from tracker.services.office import Office

TODAY = dt.date(2018, 7, 10)


@pytest.fixture
def exported(db, tmp_path: Path) -> Path:
    ws = Workspace(db, who="王明")
    ws.office.save(Office(unit="孝感市科学技术局", reviewer="李华", phone="0712-1234567"))
    ws.tracking.assign("1.1", Assignment(lead_dept="法制科"))
    ws.tracking.checkin("1.1", 20, date="2018-03-20")
    ws.tracking.checkin("1.1", 25, date="2018-06-15", problems="编制未落实", next_steps="再次协调")
    ws.tracking.checkin("2.1", 100, date="2018-05-02")
    ws.periods.close("2018-06", today=TODAY)
    out = tmp_path / "台账.xlsx"
    ws.ledger.export(out, today=TODAY)
    return out


def test_every_sheet_has_the_office_footer_and_numbers_its_own_pages(exported: Path) -> None:
    wb = load_workbook(exported)
    for ws in wb.worksheets:
        left = ws.oddFooter.left.text
        assert "填报单位：孝感市科学技术局" in left and "填报人：王明" in left and "审核人：李华" in left
        assert "联系电话：0712-1234567" in left and "填报日期：2018-07-10" in left
        assert ws.oddFooter.right.text == "第 &P 页"
        assert ws.page_setup.firstPageNumber == 1 and ws.page_setup.useFirstPageNumber


def test_the_matrix_sheet_holds_each_months_progress_in_its_light(exported: Path) -> None:
    ws = load_workbook(exported)["进度月报表"]
    header = [c.value for c in ws[3]]
    assert header[:4] == ["序号", "工作任务", "牵头科室", "1月*"]
    assert header[8] == "6月" and header[9] == "7月*" and len(header) == 3 + 12
    row = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "1.1")
    values = [c.value for c in row]
    assert values[2 + 2] is None or values[2 + 2] == 0  # February: nothing reported yet
    assert values[2 + 3] == pytest.approx(0.20)  # March
    assert values[2 + 6] == pytest.approx(0.25)  # June, frozen
    assert values[2 + 8] is None  # August has not begun
    assert row[2 + 6].fill.fgColor.rgb.endswith(("FFC7CE", "FFEB9C", "C6EFCE"))  # a light's fill


def test_the_closed_periods_report_is_a_sheet(exported: Path) -> None:
    wb = load_workbook(exported)
    assert "6月月报" in wb.sheetnames
    text = " ".join(str(c.value) for row in wb["6月月报"].iter_rows() for c in row if c.value is not None)
    assert "关于孝感市科学技术局2018年6月重点工作推进情况的通报" in text
    assert "编制未落实" in text and "再次协调" in text and "未报送" in text


def test_the_progress_column_has_no_data_bar(exported: Path) -> None:
    ws = load_workbook(exported)["台账"]
    assert not list(ws.conditional_formatting)


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice and poppler-utils not installed")
def test_libreoffice_prints_page_one_on_the_ledger_sheet(exported: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(exported)],
                   capture_output=True, timeout=180, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "台账.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    ledger = next(p for p in pages if "年度工作台账" in p and "具体内容" in p)
    assert "".join(ledger.split()).endswith("第1页")
