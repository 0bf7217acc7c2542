"""Shared fixtures: a fresh data file per test, Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TRACKER_DB", None)  # a developer's own data file is never touched by tests

from tracker.services import open_database
from tracker.store import Database

SEED_DIR = Path(__file__).resolve().parent.parent / "resources" / "reports"


@pytest.fixture(autouse=True)
def _private_preferences(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test reads and writes its own preferences file, never the developer's."""
    path = tmp_path_factory.mktemp("config") / "preferences.json"
    monkeypatch.setenv("TRACKER_CONFIG", str(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tracker.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new data file holding the default 2018 plan."""
    database = open_database(db_path)
    yield database
    database.close()
