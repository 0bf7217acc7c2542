"""User preferences the command line and the window share: data file, backup folder, who "I" am.

A small JSON file in the user's config folder, so the CLI reads the same choices without
loading Qt. Window-only state (size, layout, language) stays in QSettings.
"""

from __future__ import annotations

import getpass
import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

from tracker import APP_ID

ENV_VAR = "TRACKER_CONFIG"


def preferences_path() -> Path:
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False)) / "preferences.json"


@dataclass
class Preferences:
    data_file: str = ""  # empty: the default in the user data folder
    user_name: str = ""  # empty: the operating-system user
    backup_dir: str = ""  # empty: beside the data file

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        """Read the file; a missing or unreadable one gives the defaults (never blocks a start)."""
        path = path or preferences_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in raw.items() if k in known and isinstance(v, str | int)})

    def who(self) -> str:
        """Who "I" am in the change log and on check-ins: the chosen name, else the login name."""
        name = self.user_name.strip()
        if name:
            return name
        try:
            return getpass.getuser()
        except Exception:  # no login name (some services, containers)
            return ""

    def save(self, path: Path | None = None) -> None:
        """Write atomically, so a crash never leaves half a preferences file."""
        path = path or preferences_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".prefs-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self), fh, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
