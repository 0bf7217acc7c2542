"""Where the data file lives when nobody chose one: the user's data folder.

Choices made by the user (`--db`, `TRACKER_DB`, the settings) are resolved above the store,
in tracker.preferences; the store never reads the preferences file.
"""

from __future__ import annotations

from pathlib import Path

FILE_NAME = "tracker.db"


def default_db_path() -> Path:
    """The user's data folder (e.g. ~/.local/share/annual-plan-tracker on Linux,
    %LOCALAPPDATA%\\annual-plan-tracker on Windows) / tracker.db."""
    import platformdirs  # only when no data file was given

    return Path(platformdirs.user_data_dir("annual-plan-tracker", appauthor=False)) / FILE_NAME
