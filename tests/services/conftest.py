"""The whole service suite runs against both stores: a data file and a server database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import STORES


@pytest.fixture(params=STORES)
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new data file's path, or the URL of a fresh server database (office login)."""
    if request.param == "file":
        return tmp_path / "tracker.db"
    return str(request.getfixturevalue("server_db"))


@pytest.fixture
def on_server(db_path: Path | str) -> bool:
    return isinstance(db_path, str)
