"""Every damaged or unexpected file, through the command line: one Chinese line, exit 1,
the file left byte for byte, never re-seeded, and the newest good backup named."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.store.filedamage import PAGE, folder_state, overwrite, retarget_last_index_entry
from tracker.cli import main
from tracker.services import TrackingService, open_database


def _text(path: Path) -> None:
    path.write_text("会议纪要：这不是数据文件。", encoding="utf-8")


def _foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE songs (title TEXT)")
    c.close()


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _page(path: Path) -> None:
    overwrite(path, 4 * PAGE, b"\xff" * 16)


def _index(path: Path) -> None:
    retarget_last_index_entry(path, "checkin_node", 99)


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA user_version = 42")
    c.close()


DAMAGE: dict[str, tuple[Callable[[Path], None], str, bool]] = {
    # name: (damage, words in the message, a backup is offered)
    "text file": (_text, "不是 SQLite 文件", True),
    "another program's SQLite": (_foreign, "不是年度工作台账的数据文件", True),
    "truncated": (_truncated, "已损坏", True),
    "damaged page": (_page, "已损坏", True),
    "damaged index": (_index, "已损坏", True),
    "newer schema": (_newer, "更新版本", False),
}


@pytest.fixture
def used(db_path: Path) -> Path:
    """A data file with check-ins and its daily backup, closed."""
    with open_database(db_path) as db:
        tracking = TrackingService(db, who="test")
        for n in range(3):
            tracking.checkin("1.1", 10 * (n + 1), date="2018-06-30")
    open_database(db_path).close()  # the second open takes the daily backup
    return db_path


@pytest.mark.parametrize("kind", list(DAMAGE))
@pytest.mark.parametrize("command", [["tasks"], ["checkin", "1.1", "--progress", "50"], ["check"]])
def test_a_damaged_file_is_reported_and_left_alone(capsys, used, kind, command):
    damage, words, offers_backup = DAMAGE[kind]
    damage(used)
    before = folder_state(used.parent)
    code = main(["--db", str(used), *command])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("tracker: ") and err.count("\n") == 1, err
    assert words in err
    if offers_backup:
        assert "最新的完好备份" in err and ".backups" in err and "tracker restore" in err
    after = folder_state(used.parent)
    for name, digest in before.items():  # -shm is SQLite's scratch index, rebuilt at will
        assert name.endswith("-shm") or after.get(name) == digest, f"{name} was changed"
    assert not [n for n in after if n not in before and not n.endswith(("-wal", "-shm"))]


def test_without_backups_the_message_says_so(capsys, tmp_path):
    path = tmp_path / "t.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)
    assert main(["--db", str(path), "tasks"]) == 1
    assert "没有找到可用的备份" in capsys.readouterr().err


def test_a_missing_file_is_created_but_a_damaged_one_is_never_reseeded(capsys, used):
    _page(used)
    for _ in range(2):
        assert main(["--db", str(used), "plans"]) == 1
    capsys.readouterr()
    shutil.copyfile(used, used.with_name("copy.db"))
    assert used.read_bytes() == used.with_name("copy.db").read_bytes()


def test_check_reports_index_damage_found_after_open(capsys, used):
    """A file opened before it was damaged (or above the full-check size): check still finds it."""
    from tracker.cli_tracking import cmd_check
    from tracker.services import Workspace

    with Workspace(open_database(used)) as ws:
        _index(used)
        code = cmd_check(ws, None)  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert code == 1 and "处问题" in err and "最新的完好备份" in err
