"""The command-line contract of DESIGN.md, run as a user (and outside checks) would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.services import open_database

TASK_KEYS = {
    "id",
    "code",
    "area",
    "title",
    "detail",
    "leader",
    "lead_dept",
    "co_depts",
    "owner",
    "due",
    "progress",
    "status",
    "light",
}
REPORTS = Path(__file__).parent / "io" / "reports"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def tasks(capsys, db: Path | str, *extra: str) -> list[dict]:
    code, out, _ = run(capsys, "tasks", "--db", str(db), "--json", *extra)
    assert code == 0
    return json.loads(out)


def query(location: Path | str, sql: str) -> list[tuple]:
    """Rows of `sql` read through the store, from a data file or a server database."""
    with open_database(location) as db:
        return [tuple(r) for r in db.read().execute(sql)]


def test_new_file_lists_the_ten_items_in_four_areas(capsys, new_db):
    rows = tasks(capsys, new_db)
    assert len(rows) == 10
    assert [r["code"] for r in rows] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2"]
    assert {r["area"] for r in rows} == {
        "推进法治队伍建设",
        "强化法制学习培训",
        "强化规范公正文明执法",
        "加强行政执法监督",
    }
    assert all(set(r) == TASK_KEYS for r in rows)
    assert rows[6]["title"] == "继续突出重点领域开展专项检查"
    assert rows[0]["due"] == "2018-12-31" and rows[0]["status"] == "not_started"


def test_plans_json(capsys, new_db):
    code, out, _ = run(capsys, "plans", "--db", new_db, "--json")
    assert code == 0
    assert json.loads(out) == [
        {"id": 1, "year": 2018, "title": "2018年工作目标和重点", "tasks": 10, "progress": 0.0}
    ]


def test_assign_then_checkin_show_in_tasks(capsys, new_db):
    db = new_db
    code, _, err = run(
        capsys,
        "assign",
        "2.3",
        "--db",
        str(db),
        "--leader",
        "王副局长",
        "--lead-dept",
        "法制科",
        "--co-depts",
        "办公室，人事科、办公室",
        "--due",
        "2018-06-30",
    )
    assert code == 0, err
    code, out, err = run(
        capsys,
        "checkin",
        "2.3",
        "--db",
        str(db),
        "--progress",
        "40",
        "--note",
        "=1+1",
        "--problems",
        "人手不足",
        "--next",
        "加强培训",
        "--date",
        "2018-03-01",
    )
    assert code == 0, err
    row = next(r for r in tasks(capsys, db) if r["code"] == "2.3")
    assert row["leader"] == "王副局长" and row["lead_dept"] == "法制科"
    assert row["co_depts"] == ["办公室", "人事科"]
    assert row["due"] == "2018-06-30" and row["progress"] == 40.0 and row["status"] == "in_progress"
    assert row["light"] == "red"  # 2018 is long past
    assert query(db, "SELECT progress_text FROM checkin") == [("=1+1",)]


def test_checkin_of_100_marks_done_and_blue(capsys, new_db):
    db = new_db
    assert run(capsys, "checkin", "1.1", "--db", str(db), "--progress", "100")[0] == 0
    row = tasks(capsys, db)[0]
    assert (row["status"], row["light"], row["progress"]) == ("done", "blue", 100.0)


def test_import_report_adds_a_second_plan_and_year_selects_it(capsys, new_db):
    db = new_db
    code, out, err = run(capsys, "import-report", str(REPORTS / "style_c_part_headings.txt"), "--db", str(db))
    assert code == 0, err
    assert "3 个方面，7 项工作" in out
    assert len(tasks(capsys, db, "--year", "2021")) == 7
    assert len(tasks(capsys, db, "--year", "2018")) == 10
    assert len(tasks(capsys, db)) == 7  # the newest plan by default


def test_import_report_dry_run_writes_nothing(capsys, new_db):
    db = new_db
    code, out, _ = run(
        capsys, "import-report", str(REPORTS / "style_b_semicolons.txt"), "--db", str(db), "--dry-run"
    )
    assert code == 0 and "试运行" in out
    code, out, _ = run(capsys, "plans", "--db", str(db), "--json")
    assert [p["year"] for p in json.loads(out)] == [2018]


def test_import_of_an_existing_year_is_refused(capsys, new_db):
    seed = Path(__file__).resolve().parents[1] / "resources" / "reports" / "xiaogan-keji-2017.txt"
    code, _, err = run(capsys, "import-report", str(seed), "--db", new_db)
    assert code == 1 and "2018 年的计划已存在" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["checkin", "9.9", "--progress", "5"], 1, "没有序号为“9.9”"),
        (["checkin", "1", "--progress", "5"], 1, "有下级事项"),
        (["checkin", "1.1", "--progress", "abc"], 1, "不是数字"),
        (["checkin", "1.1", "--progress", "101"], 1, "超出范围"),
        (["checkin", "1.1", "--progress", "nan"], 1, "不是数字"),
        (["checkin", "1.1", "--progress", "5", "--date", "2018-02-30"], 1, "不是有效日期"),
        (["assign", "1.1", "--due", "明年"], 1, "不是有效日期"),
        (["assign", "1.1"], 2, "至少一个选项"),
        (["tasks", "--year", "2030"], 1, "没有 2030 年的计划"),
        (["import-report", "/nonexistent/report.txt"], 1, "找不到文件"),
        (["checkin", "1.1"], 2, "用法错误"),
        (["frobnicate"], 2, "用法错误"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_written(capsys, new_db, args, code, message):
    db = new_db
    run(capsys, "plans", "--db", str(db))
    got, out, err = run(capsys, *args[:1], "--db", str(db), *args[1:])
    assert got == code
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert query(db, "SELECT count(*) FROM checkin") == [(0,)]
    assert query(db, "SELECT count(*) FROM change_log") == [(0,)]


def test_a_file_that_is_not_a_database_is_refused_and_kept(capsys, tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("my notes, not a database")
    code, _, err = run(capsys, "tasks", "--db", str(bad), "--json")
    assert code == 1 and "不是年度工作台账的数据文件" in err
    assert bad.read_text() == "my notes, not a database"


def test_tracker_db_environment_variable_is_the_default(capsys, tmp_path, monkeypatch):
    target = tmp_path / "env.db"
    monkeypatch.setenv("TRACKER_DB", str(target))
    assert run(capsys, "plans", "--json")[0] == 0
    assert target.exists()


def test_check_on_a_sound_file(capsys, new_db):
    code, out, _ = run(capsys, "check", "--db", new_db)
    assert code == 0 and "完好" in out


def test_console_entry_runs_without_a_traceback(new_db):
    """The installed `python -m tracker` path, in a real process with a non-UTF-8 locale."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    proc = subprocess.run(
        [sys.executable, "-m", "tracker", "tasks", "--db", new_db, "--json"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 10
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tracker",
            "checkin",
            "7.7",
            "--progress",
            "1",
            "--db",
            new_db,
        ],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr and proc.stderr.count(b"\n") == 1


def test_moving_a_deadline_of_a_locked_plan_needs_a_reason(capsys, new_db):
    from tracker.services import BaselineService, PlanService

    db_file = new_db
    with open_database(db_file) as db:
        BaselineService(db, who="office").lock(PlanService(db).view().plan.id)
    code, _, err = run(capsys, "assign", "1.1", "--db", str(db_file), "--due", "2018-10-31")
    assert code == 1 and "理由" in err
    code, _, err = run(
        capsys, "assign", "1.1", "--db", str(db_file), "--due", "2018-10-31", "--reason", "编制未批"
    )
    assert code == 0, err
    assert tasks(capsys, db_file)[0]["due"] == "2018-10-31"


def test_output_piped_into_head_ends_quietly_and_the_import_is_kept(new_db):
    db = new_db
    report = str(REPORTS / "style_c_part_headings.txt")
    for args in (["tasks", "--json"], ["import-report", report]):
        proc = subprocess.run(
            f"{sys.executable} -m tracker {' '.join(args)} --db '{db}' | head -c 10",
            shell=True, capture_output=True, timeout=60,
        )
        assert b"Traceback" not in proc.stderr and "内部错误".encode() not in proc.stderr
    assert query(db, "SELECT year FROM plan ORDER BY year") == [(2018,), (2021,)]
