"""Where the data file lives when the user does not say (`--db`, then `TRACKER_DB`)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "TRACKER_DB"
FILE_NAME = "tracker.db"


def default_db_path() -> Path:
    """The user's data folder (e.g. ~/.local/share/annual-plan-tracker on Linux,
    %LOCALAPPDATA%\\annual-plan-tracker on Windows), unless TRACKER_DB says otherwise."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("annual-plan-tracker", appauthor=False)) / FILE_NAME
