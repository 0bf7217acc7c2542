"""`tracker export` and `tracker import-ledger` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tracker.cli import main
from tracker.io.ledger.layout import FIRST_DATA_ROW, LEDGER_INDEX


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def progress_of(capsys: pytest.CaptureFixture[str], db: str, code: str) -> float:
    assert main(["tasks", "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return next(r["progress"] for r in rows if r["code"] == code)


def fill_in(ledger: Path, out: Path, code: str, progress: object, note: str = "") -> Path:
    wb = openpyxl.load_workbook(ledger)
    ws = wb["台账"]
    row = next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 1).value == code)
    ws.cell(row, LEDGER_INDEX["progress"] + 1).value = progress
    if note:
        ws.cell(row, LEDGER_INDEX["progress_text"] + 1).value = note
    wb.save(out)
    return out


def test_export_writes_the_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path, new_db: str) -> None:
    db, out = new_db, tmp_path / "台账.xlsx"
    code, stdout, err = run(capsys, "export", "--db", db, "--out", str(out), "--by-dept")
    assert code == 0 and err == ""
    assert "10 项" in stdout and str(out) in stdout
    assert openpyxl.load_workbook(out).sheetnames[:3] == ["汇总", "台账", "进展记录"]


def test_import_dry_run_prints_the_changes_and_writes_nothing(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path, new_db: str) -> None:
    db, out = new_db, tmp_path / "l.xlsx"
    assert run(capsys, "export", "--db", db, "--out", str(out))[0] == 0
    edited = fill_in(out, tmp_path / "e.xlsx", "2.3", 0.45, "已开展培训两次")
    code, stdout, _ = run(capsys, "import-ledger", str(edited), "--db", db, "--dry-run")
    assert code == 0
    assert "2.3" in stdout and "进度：0% → 45%" in stdout and "已开展培训两次" in stdout
    assert "试运行" in stdout
    assert progress_of(capsys, db, "2.3") == 0

    code, stdout, _ = run(capsys, "import-ledger", str(edited), "--db", db)
    assert code == 0 and "已写入 1 条进展填报" in stdout
    assert progress_of(capsys, db, "2.3") == 45
    code, stdout, _ = run(capsys, "import-ledger", str(edited), "--db", db)
    assert code == 0 and "没有需要导入的修改" in stdout


def test_bad_progress_is_one_line_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         new_db: str) -> None:
    db, out = new_db, tmp_path / "l.xlsx"
    assert run(capsys, "export", "--db", db, "--out", str(out))[0] == 0
    edited = fill_in(out, tmp_path / "e.xlsx", "1.2", "大部分")
    code, stdout, err = run(capsys, "import-ledger", str(edited), "--db", db)
    assert code == 1 and stdout == ""
    assert err.count("\n") == 1 and "第 " in err and "1.2" in err and "不是数字" in err
    assert progress_of(capsys, db, "1.2") == 0


@pytest.mark.parametrize("args, message", [
    (["import-ledger", "nope.xlsx"], "找不到文件"),
    (["export", "--out", "l.txt"], ".xlsx"),
    (["export", "--out", "l.xlsx", "--year", "2031"], "没有 2031 年的计划"),
])
def test_data_errors_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch, args: list[str], message: str,
                            new_db: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args, "--db", new_db)
    assert code == 1 and message in err and err.count("\n") == 1


def test_export_without_out_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "tracker", "export", "--db", str(tmp_path / "t.db")],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "--out" in done.stderr and "Traceback" not in done.stderr


def test_export_never_writes_over_the_data_file_or_into_its_backups(tmp_path, capsys, monkeypatch):
    """A data file that happens to end in .xlsx, named again as --out (also spelled another way,
    or reached through a link): refused, the data file left as it was."""
    from tests.store.filedamage import digest

    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data.xlsx"
    assert main(["--db", str(data), "plans"]) == 0
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.xlsx"
    link.symlink_to(data)
    before = digest(data)
    for out in ("data.xlsx", str(data), "sub/../data.xlsx", str(link), "data.xlsx.backups/x.xlsx"):
        capsys.readouterr()
        assert main(["--db", str(data), "export", "--out", out]) == 1, out
        err = capsys.readouterr().err
        assert "不能写到数据文件本身" in err and err.count("\n") == 1
    assert digest(data) == before
