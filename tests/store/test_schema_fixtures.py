"""Every released schema version, as committed in tests/fixtures, opens and upgrades."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tracker.services import PlanService, open_database
from tracker.store import Database
from tracker.store.backup import Backups
from tracker.store.migrations import MIGRATIONS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("tracker-v*.db"))


def schema(path: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as c:
        rows = c.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    c.close()
    return {(name, " ".join(sql.split())) for name, sql in rows}


def test_there_is_a_fixture_for_version_1():
    assert FIXTURES / "tracker-v1.db" in RELEASED


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_an_old_file_upgrades_with_its_data_and_a_backup(fixture, tmp_path):
    old_version = int(fixture.stem.removeprefix("tracker-v"))
    path = tmp_path / "tracker.db"
    shutil.copyfile(fixture, path)
    with open_database(path) as db:
        assert db.schema_version == len(MIGRATIONS)
        assert db.integrity_errors() == []
        view = PlanService(db).view(2018)
        first = view.plan.find("1.1")
        assert first.leader == "张局长" and first.lead_dept == "法制科"
        assert first.co_depts == ["办公室", "执法科"]
        assert first.latest is not None and first.latest.progress == 60
        assert view.plan.find("1.2").status.value == "done"
        assert db.read().execute("SELECT count(*) FROM checkin").fetchone()[0] == 3
    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()
    assert schema(path) == schema(fresh)  # an upgraded file is shaped like a new one
    if old_version < len(MIGRATIONS):
        kept = [b for b in Backups(path).files() if b.reason.startswith("before-v")]
        assert len(kept) == 1
        with Database(kept[0].path, read_only=True, migrations=MIGRATIONS[:old_version]) as backup:
            assert backup.schema_version == old_version  # the file as it was before the upgrade
