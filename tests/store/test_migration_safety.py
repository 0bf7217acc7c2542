"""A migration step that fails leaves the data and the schema version exactly as they were."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tracker.store import Database, MigrationFailed, ReadOnlyFile
from tracker.store.backup import Backups
from tracker.store.migrations import MIGRATIONS

V1 = Path(__file__).resolve().parent.parent / "fixtures" / "tracker-v1.db"


def contents(path: Path) -> tuple[int, list[tuple], list[str]]:
    """Schema version, every check-in and the table names: what a failed step must not change."""
    c = sqlite3.connect(path)
    try:
        version = c.execute("PRAGMA user_version").fetchone()[0]
        rows = c.execute("SELECT * FROM checkin ORDER BY id").fetchall()
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    finally:
        c.close()
    return version, rows, tables


def half_done_then_fails(c: sqlite3.Connection) -> None:
    """Does real work (a table, changed rows) before failing, as a buggy step would."""
    c.execute("CREATE TABLE leftover (x INTEGER)")
    c.execute("UPDATE checkin SET progress = 0")
    c.execute("INSERT INTO department (name) VALUES ('半途科')")
    raise ValueError("第二步出错")


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.db"
    shutil.copyfile(V1, path)
    return path


def test_a_failing_step_after_the_last_leaves_version_and_data(v1_file):
    with Database(v1_file):  # bring it to the current version first
        pass
    before = contents(v1_file)
    with pytest.raises(MigrationFailed) as caught:
        Database(v1_file, migrations=[*MIGRATIONS, half_done_then_fails])
    assert "数据与版本均未改动" in str(caught.value)
    assert contents(v1_file) == before
    assert before[0] == len(MIGRATIONS)


def test_a_failing_second_step_keeps_version_1_and_its_backup(v1_file):
    before = contents(v1_file)
    with pytest.raises(MigrationFailed) as caught:
        Database(v1_file, migrations=[MIGRATIONS[0], half_done_then_fails])
    assert contents(v1_file) == before
    assert before[0] == 1
    kept = [b for b in Backups(v1_file).files() if b.reason == "before-v2"]
    assert len(kept) == 1 and str(kept[0].path) in str(caught.value)
    assert contents(kept[0].path) == before
    with Database(v1_file, migrations=MIGRATIONS[:1]) as db:  # still opens with the old program
        assert db.integrity_errors() == []


def test_a_successful_extra_step_moves_data_and_version_together(v1_file):
    def add_column(c: sqlite3.Connection) -> None:
        c.execute("ALTER TABLE checkin ADD COLUMN source TEXT NOT NULL DEFAULT 'cli'")

    with Database(v1_file, migrations=[*MIGRATIONS, add_column]) as db:
        assert db.schema_version == len(MIGRATIONS) + 1
        assert [r[0] for r in db.read().execute("SELECT DISTINCT source FROM checkin")] == ["cli"]
        assert db.backup_before_migration is not None
        assert any("升级前的备份" in n for n in db.notices)


def test_a_read_only_file_that_needs_an_upgrade_is_refused_untouched(v1_file):
    before = v1_file.read_bytes()
    with pytest.raises(ReadOnlyFile, match="只读"):
        Database(v1_file, read_only=True)
    assert v1_file.read_bytes() == before
    assert Backups(v1_file).files() == []
