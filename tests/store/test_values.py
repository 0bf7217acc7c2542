"""`tracker check` looks at the values, not only the pages (issue 12, item 15).

Before: 21 of 60 random byte flips inside text passed `check` (other commands then failed
with "Could not decode to UTF-8" and no backup offer), and a stored due='soon' passed too.
"""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.store.filedamage import overwrite
from tracker.cli import main
from tracker.services import TrackingService, open_database
from tracker.store import Database

NOTE = "第一季度已完成调研，形成初步方案，正在征求各科室意见。" * 3


@pytest.fixture
def used(db_path: Path) -> Path:
    with open_database(db_path) as db:
        TrackingService(db, who="test").checkin("1.1", 40, note=NOTE, date="2018-06-30")
    open_database(db_path).close()  # its daily backup, for the offer
    return db_path


def check(capsys, path: Path) -> tuple[int, str]:
    code = main(["--db", str(path), "check"])
    return code, capsys.readouterr().err


def raw(path: Path, sql: str) -> None:
    """Write past the program and its constraints, as a damaged copy or another tool would."""
    with closing(sqlite3.connect(path)) as c:
        c.execute("PRAGMA ignore_check_constraints = ON")
        c.execute(sql)
        c.commit()


def test_a_sound_file_passes(capsys, used):
    assert check(capsys, used)[0] == 0


@pytest.mark.parametrize(("sql", "words"), [
    ("UPDATE node SET due = 'soon' WHERE id = 2", "不是有效日期"),
    ("UPDATE node SET due = '2018-02-30' WHERE id = 2", "不是有效日期"),
    ("UPDATE checkin SET date = 20180630", "不是有效日期"),
    ("UPDATE checkin SET progress = 150", "超出范围"),
    ("UPDATE checkin SET progress = 'abc'", "类型不对"),
    ("UPDATE node SET status = 'finished' WHERE id = 2", "不是允许的值"),
    ("UPDATE node SET weight = -1 WHERE id = 2", "超出范围"),
    ("UPDATE plan SET year = 1066", "超出范围"),
    ("UPDATE checkin SET progress_text = CAST(x'e7acacffe4b880' AS TEXT)", "UTF-8"),
])
def test_values_no_command_could_read_are_found_and_a_backup_offered(capsys, used, sql, words):
    raw(used, sql)
    code, err = check(capsys, used)
    assert code == 1 and words in err, err
    assert "最新的完好备份" in err and "tracker restore" in err


def test_random_byte_flips_inside_text_are_all_found(capsys, used):
    """Each flip writes 0xFF (never valid in UTF-8) somewhere inside the stored note."""
    with closing(sqlite3.connect(used)) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = used.read_bytes()
    start = data.index(NOTE.encode("utf-8"))
    rng = random.Random(60)
    for offset in rng.sample(range(len(NOTE.encode("utf-8"))), 20):
        copy = used.with_name(f"flip-{offset}.db")
        copy.write_bytes(data)
        overwrite(copy, start + offset, b"\xff")
        code, err = check(capsys, copy)
        assert code == 1 and "UTF-8" in err, (offset, err)


def test_other_commands_point_at_check_for_undecodable_text(capsys, used):
    raw(used, "UPDATE checkin SET progress_text = CAST(x'ff' AS TEXT)")
    with Database(used) as db:
        assert any("UTF-8" in p for p in db.integrity_errors())
    assert main(["--db", str(used), "tasks", "--json"]) in (0, 1)  # tasks does not read notes
    capsys.readouterr()
    assert main(["--db", str(used), "export", "--out", str(used.with_name("x.xlsx"))]) == 1
    err = capsys.readouterr().err
    assert "tracker check" in err and err.count("\n") == 1
