"""The 月报's title never leaves a character or two alone on a line (found by rendering page 1: a
short unit's name gave "关于局2018年6月重点工作推进情况的通" / "报")."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.services import Workspace
from tracker.services.office import Office

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext") and not os.environ.get("CI"),
                                reason="poppler-utils (pdftotext) not installed")


def page_one(tmp_path: Path, unit: str) -> list[str]:
    """The text lines of the report's first page, for a bureau named `unit`."""
    path = tmp_path / "t.db"
    with Workspace.open(path, who="办公室") as ws:
        ws.office.save(Office(unit=unit))
        ws.periods.close("2018-06", today=dt.date(2018, 7, 2))
    out = tmp_path / "r.pdf"
    assert main(["--db", str(path), "report", "--period", "2018-06", "--out", str(out)]) == 0
    text = subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [line.strip() for line in text.splitlines() if line.strip()]


def title_lines(tmp_path: Path, unit: str) -> list[str]:
    """The lines page 1 shows the title on (between the period and the plan's title)."""
    lines = page_one(tmp_path, unit)
    start = lines.index("2018年6月") + 1
    end = next(n for n, line in enumerate(lines) if line.startswith("2018年工作目标和重点"))
    return lines[start:end]


@pytest.mark.parametrize("unit", ["局", "市局", "孝南区科技局", "孝感市科学技术局",
                                  "湖北省孝感市科学技术局（孝感市知识产权局）"])
def test_the_title_fits_one_line_or_breaks_into_even_lines(tmp_path: Path, unit: str) -> None:
    lines = title_lines(tmp_path, unit)
    title = "".join(lines)
    assert title == f"关于{unit}2018年6月重点工作推进情况的通报"
    shortest = min(len(line) for line in lines)
    assert len(lines) == 1 or shortest >= len(title) // 3, lines


@pytest.mark.parametrize("unit", ["局", "湖北省孝感市科学技术局（孝感市知识产权局）"])
def test_the_red_masthead_keeps_the_units_name_on_one_line(tmp_path: Path, unit: str) -> None:
    """A long name makes the masthead smaller instead of breaking it mid-word."""
    lines = page_one(tmp_path, unit)
    assert lines[:2] == [f"{unit}重点工作月报", "2018年6月"], lines[:3]
