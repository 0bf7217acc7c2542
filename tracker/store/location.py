"""Where the data file lives when the user does not say (`--db`, then `TRACKER_DB`)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "TRACKER_DB"
FILE_NAME = "tracker.db"


def default_db_path() -> Path:
    """$TRACKER_DB, else the file chosen in the preferences, else the user's data folder
    (e.g. ~/.local/share/annual-plan-tracker on Linux, %LOCALAPPDATA%\\annual-plan-tracker on Windows)."""
    from tracker.preferences import Preferences

    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    chosen = Preferences.load().data_file.strip()
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir("annual-plan-tracker", appauthor=False)) / FILE_NAME


def default_location() -> Path | str:
    """As `default_db_path`, but a `postgresql://` URL (in $TRACKER_DB or the settings) is kept
    as it is: a path would fold its `//`."""
    from tracker.preferences import Preferences
    from tracker.store.sql import is_server_location

    for text in (os.environ.get(ENV_VAR, "").strip(), Preferences.load().data_file.strip()):
        if text:
            return text if is_server_location(text) else Path(text).expanduser()
    return default_db_path()


def location_of(text: str) -> Path | str:
    """What `--db` names: a server URL as it is, else a path."""
    from tracker.store.sql import is_server_location

    return text.strip() if is_server_location(text) else Path(text)
