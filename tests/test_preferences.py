"""Preferences shared by the command line and the window."""

from __future__ import annotations

import json

from tracker.cli import main
from tracker.preferences import Preferences, data_file_path, preferences_path
from tracker.services import Workspace


def test_missing_or_broken_preferences_give_defaults(tmp_path):
    assert Preferences.load(tmp_path / "none.json") == Preferences()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert Preferences.load(broken) == Preferences()
    broken.write_text('["a list"]', encoding="utf-8")
    assert Preferences.load(broken) == Preferences()


def test_save_and_load_round_trip_in_chinese(tmp_path):
    path = tmp_path / "p.json"
    Preferences(data_file="/数据/台账.db", user_name="办公室小王").save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["user_name"] == "办公室小王"
    assert Preferences.load(path) == Preferences(data_file="/数据/台账.db", user_name="办公室小王")


def test_chosen_data_file_is_the_default_for_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TRACKER_DB", raising=False)
    chosen = tmp_path / "chosen.db"
    Preferences(data_file=str(chosen)).save()
    assert data_file_path() == chosen
    assert main(["plans", "--json"]) == 0
    assert chosen.exists()
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "env.db"))
    assert data_file_path() == tmp_path / "env.db"  # the environment still wins


def test_chosen_user_name_signs_the_change_log(db_path, capsys):
    Preferences(user_name="办公室小王").save(preferences_path())
    assert main(["checkin", "1.1", "--progress", "10", "--db", str(db_path)]) == 0
    with Workspace.open(db_path) as ws:
        node = ws.tracking.find("1.1")
        assert [c.who for c in ws.tracking.changes(node.id)] == ["办公室小王"]
        assert ws.tracking.checkins(node.id)[0].reporter == "办公室小王"
