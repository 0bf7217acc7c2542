"""The period report (月报/季报): the PDF is produced, names the period, the items behind schedule
and their problems, and embeds a Chinese font (checked with poppler-utils where installed — .ci/run
installs them); the Word file reads back with python-docx."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.services import Workspace
from tracker.services.office import Office

# CI installs poppler-utils and a Chinese font (.ci/run): there a missing tool fails, never skips
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts")) and not os.environ.get("CI"),
    reason="poppler-utils (pdftotext, pdffonts) not installed",
)


@pytest.fixture
def month_db(tmp_path: Path) -> Path:
    """June 2018: one item far behind with its problems, one on track, May and June closed."""
    path = tmp_path / "t.db"
    with Workspace.open(path, who="办公室") as ws:
        ws.office.save(Office(unit="孝感市科学技术局"))
        ws.tracking.assign("1.1", _lead("法制科"))
        ws.tracking.checkin(
            "1.1", 10, date="2018-06-20", problems="执法人员编制未落实", next_steps="七月上旬再次协调编办"
        )
        ws.tracking.checkin("2.1", 55, date="2018-06-03", note="已开展学法活动三次")
        ws.tracking.checkin("3.1", 100, date="2018-06-28")
        import datetime as dt

        ws.periods.close("2018-05", today=dt.date(2018, 7, 2))
        ws.periods.close("2018-06", today=dt.date(2018, 7, 2))
    return path


def _lead(name: str):
    from tracker.services import Assignment

    return Assignment(lead_dept=name)


def test_the_pdf_is_written_by_the_command(month_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "月报.pdf"
    assert main(["--db", str(month_db), "report", "--period", "2018-06", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 10_000
    assert "已生成月报" in capsys.readouterr().out


@needs_poppler
def test_the_pdf_names_the_period_the_lagging_items_and_their_problems(
    month_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.pdf"
    assert main(["--db", str(month_db), "report", "--period", "2018-06", "--out", str(out)]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "2018年6月" in flat  # 月 itself, not the radical ⽉ a CJK font shares its glyph with
    assert "孝感市科学技术局" in flat
    assert "与编制等部门沟通" in flat and "执法人员编制未落实" in flat and "七月上旬再次协调编办" in flat
    assert "新完成1项" in flat and "3.1" in flat
    assert not [ch for ch in flat if 0x2E80 <= ord(ch) < 0x2FE0]  # no radical left in the text layer
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows, fonts
    cjk = [
        r for r in rows if any(k in r[0] for k in ("CJK", "Song", "Hei", "Fang", "Kai", "WenQuanYi", "Droid"))
    ]
    assert cjk, fonts
    assert all(r[-5] == "yes" for r in cjk), fonts  # the "emb" column


def test_the_docx_reads_back_with_its_sections_and_table(month_db: Path, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "月报.docx"
    assert main(["--db", str(month_db), "report", "--period", "2018-06", "--out", str(out)]) == 0
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "关于孝感市科学技术局2018年6月重点工作推进情况的通报" in text
    assert "执法人员编制未落实" in text and "七月上旬再次协调编办" in text
    assert "三、进度滞后事项" in text and "四、未报送情况" in text
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "工作任务", "牵头科室"]
    assert len(table.rows) == 1 + 10
    assert any(shape for shape in doc.inline_shapes)  # the chart


def test_an_unknown_suffix_is_refused_and_nothing_is_written(month_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "r.txt"
    assert main(["--db", str(month_db), "report", "--period", "2018-06", "--out", str(out)]) == 1
    assert not out.exists() and ".pdf" in capsys.readouterr().err
