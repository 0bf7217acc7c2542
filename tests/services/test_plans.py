"""Opening data files and importing plans through the service."""

from __future__ import annotations

import sqlite3

import pytest

from tracker.services import PlanService, UserError, open_database
from tracker.store.migrations import MIGRATIONS


def test_a_missing_file_is_created_with_the_default_plan(tmp_path):
    db_path = tmp_path / "tracker.db"
    with open_database(db_path) as db:
        view = PlanService(db).view()
    assert view.plan.year == 2018
    assert len(view.plan.areas) == 4 and len(view.items()) == 10
    assert "孝感市科技局" in view.plan.source_text
    assert not list(db_path.parent.glob(".new-*"))  # no temporary file left behind


def test_an_existing_database_is_opened_not_reseeded(db_path):
    with open_database(db_path) as db, db.transaction() as c:
        c.execute("DELETE FROM plan")
    with open_database(db_path) as db:
        assert PlanService(db).years() == []
        with pytest.raises(UserError, match="还没有计划"):
            PlanService(db).view()


def test_the_file_has_our_ids_and_settings(tmp_path):
    db = open_database(tmp_path / "tracker.db")
    c = db.read()
    assert c.execute("PRAGMA application_id").fetchone()[0] == 0x41505431
    assert c.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE notes (t TEXT)")
        c.execute("INSERT INTO notes VALUES ('keep me')")
    before = other.read_bytes()
    with pytest.raises(UserError, match="不是年度工作台账的数据文件"):
        open_database(other)
    assert other.read_bytes() == before


def test_view_is_loaded_in_bulk(tmp_path):
    """A plan loads in a fixed number of statements, whatever its size (no per-row SQL)."""
    statements: list[str] = []
    db = open_database(tmp_path / "tracker.db")
    db.conn.set_trace_callback(statements.append)
    PlanService(db).view()
    db.conn.set_trace_callback(None)
    db.close()
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 6


def test_an_empty_file_without_backups_gets_the_default_plan(tmp_path):
    empty = tmp_path / "touched.db"
    empty.touch()
    with open_database(empty) as db:
        assert PlanService(db).years() == [2018]


def test_the_refusal_of_a_text_file_reads_as_sentences(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    with pytest.raises(UserError) as info:
        open_database(text)
    assert f"{text}。" in str(info.value) or f"{text}）" in str(info.value)
