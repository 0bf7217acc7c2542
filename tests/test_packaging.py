"""The one-folder build: the frozen program opens its window and exports a ledger."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from build_bundle import build
    finally:
        sys.path.pop(0)
    work = tmp_path_factory.mktemp("pyinstaller")
    folder = build(dist=work / "dist", work=work / "build")
    exe = ".exe" if sys.platform == "win32" else ""
    assert (folder / f"tracker{exe}").exists() and (folder / f"tracker-gui{exe}").exists()
    return folder


def run(program: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_built_program_exports_a_ledger(bundle, tmp_path):
    from openpyxl import load_workbook

    db, out = tmp_path / "t.db", tmp_path / "台账.xlsx"
    result = run(bundle / "tracker", "export", "--db", str(db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out)["台账"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "继续突出重点领域开展专项检查" in texts


def test_built_program_opens_its_window(bundle, tmp_path):
    result = run(bundle / "tracker", "--db", str(tmp_path / "w.db"), TRACKER_SMOKE_EXIT_MS="1500")
    assert result.returncode == 0, result.stderr
    assert "年度工作台账" in result.stdout


def test_built_program_finds_its_translations(bundle, tmp_path):
    result = run(bundle / "tracker", "--db", str(tmp_path / "e.db"),
                 TRACKER_SMOKE_EXIT_MS="1500", TRACKER_LANG="en")
    assert result.returncode == 0, result.stderr
    assert "Annual Plan Tracker" in result.stdout


def test_built_program_writes_the_period_report_with_its_chart(bundle, tmp_path):
    db, out = tmp_path / "t.db", tmp_path / "月报.pdf"
    result = run(bundle / "tracker", "report", "--db", str(db), "--period", "2018-06", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 20_000  # text, fonts and chart
