"""Clear words instead of tracebacks or wrong advice (issue 12, items 11, 13, 16, 17, 18).

Most run the real command in its own process: a traceback at start-up, an interpreter's
complaint at exit or an exit status are only seen from outside.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.io.ledger_export import STALE_TEMP_SECONDS, TEMP_PREFIX, TEMP_SUFFIX
from tracker.preferences import Preferences, PreferencesError
from tracker.services import TrackingService, open_database
from tracker.store import Database

ROOT = Path(__file__).resolve().parent.parent
NO_SUCH_USER = "~nosuchuser-tracker/x.db"


def tracker(*args: str, env: dict[str, str] | None = None, stdout: int | None = subprocess.PIPE,
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tracker", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8", timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.stderr.startswith("tracker: ") and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    return done.stderr


# --- item 11: bad paths in the environment and the settings ----------------------------------

@pytest.mark.parametrize("variable", ["TRACKER_DB", "TRACKER_CONFIG"])
def test_a_home_of_nobody_in_the_environment_is_named_and_help_still_works(variable, tmp_path):
    env = {variable: NO_SUCH_USER}
    if variable == "TRACKER_CONFIG":
        env["TRACKER_DB"] = str(tmp_path / "t.db")
    assert tracker("--help", env=env).returncode == 0
    done = tracker("tasks", env=env)
    assert done.returncode == 2
    assert variable in one_line(done) and "nosuchuser" in done.stderr


def test_a_saved_data_file_that_cannot_be_a_path_names_the_setting_and_the_file(tmp_path, monkeypatch):
    config = tmp_path / "prefs.json"
    config.write_text(json.dumps({"data_file": NO_SUCH_USER}), encoding="utf-8")
    done = tracker("tasks", env={"TRACKER_CONFIG": str(config), "TRACKER_DB": ""})
    assert done.returncode == 2
    assert "数据文件" in one_line(done) and str(config) in done.stderr


def test_a_bad_saved_backup_folder_is_a_notice_and_backups_go_beside_the_file(tmp_path):
    config = tmp_path / "prefs.json"
    config.write_text(json.dumps({"backup_dir": "~nosuchuser-tracker/备份"}), encoding="utf-8")
    db = tmp_path / "t.db"
    env = {"TRACKER_CONFIG": str(config)}
    assert tracker("--db", str(db), "plans", env=env).returncode == 0
    done = tracker("--db", str(db), "plans", env=env)  # the second open takes the daily backup
    assert done.returncode == 0
    assert "备份文件夹无效" in one_line(done) and "内部错误" not in done.stderr
    assert list((tmp_path / "t.db.backups").iterdir())


@pytest.mark.parametrize(("field", "value", "words"), [
    ("data_file", NO_SUCH_USER, "用户不存在"),
    ("backup_dir", "~nosuchuser-tracker/b", "用户不存在"),
    ("backup_dir", "relative/folder", "完整路径"),
    ("backup_dir", "/no/such/folder", "文件夹不存在"),
])
def test_preferences_are_checked_when_saved(tmp_path, field, value, words):
    with pytest.raises(PreferencesError, match=words):
        Preferences(**{field: value}).save(tmp_path / "p.json")
    assert not (tmp_path / "p.json").exists()


# --- item 13: Ctrl-C while starting ------------------------------------------------------------

def test_ctrl_c_while_starting_is_one_line_not_a_traceback(tmp_path):
    """Before: a KeyboardInterrupt traceback for a Ctrl-C in the first 0.2 s (modules loading).
    What is left is the interpreter's own start (~40 ms here, before any of our code runs)."""
    db = tmp_path / "t.db"
    open_database(db).close()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare_start = time.perf_counter() - started
    for delay in (0.05, 0.1, 0.15, 0.2, 0.3):
        proc = subprocess.Popen([sys.executable, "-m", "tracker", "--db", str(db), "tasks"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        time.sleep(bare_start + delay)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        assert "Traceback" not in err, (delay, err)
        # 1 with the line; 0 when it had finished; killed by the signal itself when it came while
        # the interpreter was starting or shutting down (no Python handler then, and no output)
        assert proc.returncode in (0, 1, -signal.SIGINT), (delay, proc.returncode, err)
        assert err in ("", "tracker: 已中断，未完成的操作没有写入。\n"), (delay, err)


# --- item 16: a blank --db, a device ----------------------------------------------------------

@pytest.mark.parametrize("args", [["--db", ""], ["--db", "   "]])
def test_a_blank_db_is_refused_not_taken_for_the_default_file(capsys, args):
    assert main([*args, "plans"]) == 2
    err = capsys.readouterr().err
    assert "--db" in err and "空白" in err and err.count("\n") == 1


def test_tracker_db_of_spaces_is_refused(tmp_path):
    done = tracker("plans", env={"TRACKER_DB": "   ", "TRACKER_CONFIG": str(tmp_path / "p.json")})
    assert done.returncode == 2 and "TRACKER_DB" in one_line(done) and "空白" in done.stderr


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_dev_null_is_not_a_data_file_and_gets_no_journal(capsys):
    journal = Path("/dev/null-journal")
    existed = journal.exists()
    assert main(["--db", "/dev/null", "plans"]) == 1
    err = capsys.readouterr().err
    assert "设备文件，不是普通文件" in err and "升级" not in err
    assert journal.exists() == existed


def test_a_folder_as_db_is_refused(capsys, tmp_path):
    assert main(["--db", str(tmp_path), "plans"]) == 1
    assert "文件夹" in capsys.readouterr().err


# --- item 17: saved, then the output fails ----------------------------------------------------

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_saved_checkin_whose_output_fails_is_not_a_failure_and_a_retry_is_not_a_duplicate(db_path):
    open_database(db_path).close()
    args = ["--db", str(db_path), "checkin", "1.1", "--progress", "40", "--note", "已沟通",
            "--date", "2018-06-30"]
    with open("/dev/full", "w") as full:
        done = tracker(*args, stdout=full.fileno())
    assert done.returncode == 0, done.stderr
    assert "结果无法输出" in one_line(done) and "内部错误" not in done.stderr
    retry = tracker(*args)
    assert "未重复保存" in retry.stderr
    with Database(db_path) as db:
        assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 1


def test_a_reader_that_leaves_early_is_quiet(db_path):
    open_database(db_path).close()
    proc = subprocess.Popen([sys.executable, "-m", "tracker", "--db", str(db_path), "tasks", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    err = proc.stderr.read() if proc.stderr else ""
    assert proc.wait(timeout=60) == 0 and err == ""


# --- item 18: the minor ones ------------------------------------------------------------------

def test_a_huge_code_is_not_echoed_back_in_full(capsys, db_path):
    assert main(["--db", str(db_path), "checkin", "9" * 130_000, "--progress", "10"]) == 1
    assert len(capsys.readouterr().err) < 300


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--progress", "1_0", "不是数字"),
    ("--progress", "５０", "不是数字"),
    ("--date", "2018-W10-1", "不是有效日期"),
])
def test_loose_numbers_and_dates_are_refused(capsys, db_path, option, value, words):
    args = ["--progress", "10", "--date", "2018-06-30"]
    args[args.index(option) + 1] = value
    assert main(["--db", str(db_path), "checkin", "1.1", *args]) == 1
    assert words in capsys.readouterr().err


def test_a_name_that_is_not_utf8_is_refused_not_stored_empty(capsys, db_path):
    reporter = b"\xff\xfe\xcd".decode("utf-8", "surrogateescape")  # as Python hands over such argv bytes
    assert main(["--db", str(db_path), "checkin", "1.1", "--progress", "10", "--reporter", reporter]) == 2
    err = capsys.readouterr().err
    assert "--reporter" in err and "UTF-8" in err
    assert not db_path.exists() or _checkins(db_path) == 0


def test_leading_tab_and_line_break_of_a_note_are_kept(db_path):
    with open_database(db_path) as db:
        ci = TrackingService(db, who="t").checkin("1.1", 10, note="\r\t一是调研；\n\t二是起草。\n",
                                                  date="2018-06-30")
    assert ci.progress_text == "\n\t一是调研；\n\t二是起草。"


def test_temporary_files_of_killed_exports_are_cleaned_up(db, tmp_path):
    from tracker.services.ledger import LedgerService

    old = tmp_path / f"{TEMP_PREFIX}killed{TEMP_SUFFIX}"
    young = tmp_path / f"{TEMP_PREFIX}running{TEMP_SUFFIX}"
    for leftover in (old, young):
        leftover.write_bytes(b"half a workbook")
    past = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (past, past))
    LedgerService(db).export(tmp_path / "台账.xlsx", 2018)
    assert not old.exists() and young.exists()


def _checkins(path: Path) -> int:
    with Database(path) as db:
        return int(db.read().execute("SELECT count(*) FROM checkin").fetchone()[0])


def test_ctrl_c_inside_a_module_being_loaded_is_still_an_interruption(tmp_path, monkeypatch, capsys):
    """Commands load their services when they run; a Ctrl-C in the middle of building a dataclass
    comes back as RuntimeError("Error calling __set_name__ …") from the KeyboardInterrupt. It
    must read as the interruption, not as an internal error (found by the test above on CI)."""
    db = tmp_path / "t.db"
    open_database(db).close()

    def loading(_ws, _args):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__ on 'Field' instance 'areas'") from exc

    monkeypatch.setattr("tracker.cli._handler", lambda _name: loading)
    assert main(["--db", str(db), "tasks"]) == 1
    assert capsys.readouterr().err == "tracker: 已中断，未完成的操作没有写入。\n"
