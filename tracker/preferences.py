"""User preferences the command line and the window share: data file, backup folder, who "I" am.

A small JSON file in the user's config folder, so the CLI reads the same choices without
loading Qt. Window-only state (size, layout, language) stays in QSettings.

This module is where paths typed by a person (an environment variable, a saved setting) become
`Path`s: a `~nosuchuser/…`, a blank or a NUL byte is a sentence naming where the value came
from, never a traceback. The store below receives finished paths and never reads this file.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from tracker import APP_ID
from tracker.errors import UserError
from tracker.store.location import default_db_path
from tracker.store.sql import is_server_location

ENV_VAR = "TRACKER_CONFIG"
DB_ENV_VAR = "TRACKER_DB"

# each sentence worded once and whole, for the translation; {where} is one of the WHERE phrases
BLANK_PATH = "{where}是空白的；请给出文件路径，或删除该设置。"
NO_SUCH_USER = "{where}中的路径无效：“{value}”（“~”后的用户不存在或无法确定其主目录）。"
NUL_IN_PATH = "{where}中的路径无效：“{value}”（含有空字符）。"
NOT_ABSOLUTE = "{where}中的路径无效：“{value}”（请使用完整路径）。"
NOT_A_FOLDER = "{where}中的文件夹不存在：“{value}”。"
IS_A_FOLDER = "{where}中的路径是一个文件夹，不是数据文件：“{value}”。"
FIX_IN_SETTINGS = "请在“设置”中更正，或编辑 {file}。"
BACKUP_DIR_IGNORED = "设置中的备份文件夹无效（{problem}），本次备份放在数据文件旁。"
ENV_WHERE = "环境变量 {name} "
WHERE = {"data_file": "设置项“数据文件”", "backup_dir": "设置项“备份文件夹”"}
_SHOWN = 80  # characters of a bad value quoted back


class PreferencesError(UserError):
    """A path from the environment or the preferences file that cannot be used."""


def _shown(value: str) -> str:
    value = value.replace("\x00", "\\0")
    return value if len(value) <= _SHOWN else value[:_SHOWN] + "…"


def user_path(value: str, where: str) -> Path:
    """`value` as a path with `~` expanded; PreferencesError naming `where` when it cannot be one."""
    if not value.strip():
        raise PreferencesError(BLANK_PATH.format(where=where))
    if "\x00" in value:
        raise PreferencesError(NUL_IN_PATH.format(where=where, value=_shown(value)))
    try:
        return Path(value).expanduser()
    except RuntimeError:  # "~nosuchuser": Python cannot find that home folder
        raise PreferencesError(NO_SUCH_USER.format(where=where, value=_shown(value))) from None


def _from_env(name: str) -> Path | None:
    """An environment variable naming a file: unset or "" is None; spaces only is refused
    (it would silently open the default file instead of the one meant)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return None
    return user_path(value.strip() or value, ENV_WHERE.format(name=name))


def preferences_path() -> Path:
    if found := _from_env(ENV_VAR):
        return found
    import platformdirs  # loaded only when the folder is not given (docs/performance.md)

    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False)) / "preferences.json"


@dataclass
class Preferences:
    data_file: str = ""  # empty: the default in the user data folder
    user_name: str = ""  # empty: the operating-system user
    backup_dir: str = ""  # empty: beside the data file

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        """Read the file; a missing or unreadable one gives the defaults (never blocks a start).
        Values are checked when used (`data_path`, `backup_path`), naming the setting."""
        path = path or preferences_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in raw.items() if k in known and isinstance(v, str | int)})

    def problems(self) -> list[str]:
        """What is wrong with the values, as sentences; empty when they can be saved."""
        out = []
        for name, check in (("data_file", self.data_path), ("backup_dir", self.backup_path)):
            try:
                check()
            except PreferencesError as exc:
                out.append(str(exc))
            else:
                if name == "data_file" and self.data_file.strip():
                    path = self.data_path()
                    if path is not None and path.is_dir():
                        out.append(IS_A_FOLDER.format(where=_where(name), value=_shown(self.data_file)))
                if name == "backup_dir" and self.backup_dir.strip():
                    folder = self.backup_path()
                    if folder is not None and not folder.is_dir():
                        out.append(NOT_A_FOLDER.format(where=_where(name), value=_shown(self.backup_dir)))
        return out

    def data_path(self) -> Path | None:
        """The chosen data file, None when none is chosen; PreferencesError when it cannot be one."""
        if not self.data_file.strip():
            return None
        return user_path(self.data_file.strip(), _where("data_file"))

    def backup_path(self) -> Path | None:
        """The chosen backup folder, None for "beside the data file"; PreferencesError when the
        value cannot name a folder (a folder that is missing now, e.g. an unplugged disk, is
        returned: the backup then fails with its own notice)."""
        if not self.backup_dir.strip():
            return None
        path = user_path(self.backup_dir.strip(), _where("backup_dir"))
        if not path.is_absolute():
            raise PreferencesError(NOT_ABSOLUTE.format(where=_where("backup_dir"),
                                                       value=_shown(self.backup_dir)))
        return path

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
        """Check, then write atomically, so a crash never leaves half a preferences file."""
        problems = self.problems()
        if problems:
            raise PreferencesError(problems[0])
        path = path or preferences_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # saved from the settings dialog only

        fd, tmp = tempfile.mkstemp(prefix=".prefs-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self), fh, ensure_ascii=False, indent=2)
        os.replace(tmp, path)


def _where(name: str) -> str:
    return WHERE[name]


def data_file_path(given: str | None = None, where: str = "--db ") -> Path | str:
    """The data file to open: `given` (--db), else $TRACKER_DB, else the file chosen in the
    settings, else the user data folder. A server's `postgresql://` URL is kept as it is (a
    path would fold its `//`). Raises PreferencesError for a value that cannot be a path (a
    blank --db would otherwise open the user's real default file)."""
    if given is not None:
        return given.strip() if is_server_location(given) else user_path(given, where)
    raw = os.environ.get(DB_ENV_VAR, "")
    if is_server_location(raw):
        return raw.strip()
    from_env = _from_env(DB_ENV_VAR)
    if from_env is not None:
        return from_env
    prefs = Preferences.load()
    if is_server_location(prefs.data_file):
        return prefs.data_file.strip()
    try:
        chosen = prefs.data_path()
    except PreferencesError as exc:
        raise PreferencesError(f"{exc}{FIX_IN_SETTINGS.format(file=preferences_path())}") from None
    return chosen or default_db_path()


def backup_dir_setting() -> tuple[Path | None, str | None]:
    """The backup folder chosen in the settings (None: beside the data file), and a notice when
    the saved value cannot be used: backups then go beside the file rather than nowhere."""
    try:
        return Preferences.load().backup_path(), None
    except PreferencesError as exc:
        return None, BACKUP_DIR_IGNORED.format(problem=str(exc).rstrip("。"))


def data_file_origin(open_path: Path | str, prefs: Preferences) -> str:
    """Which choice named the open data file: "env" ($TRACKER_DB), "settings" (the file the
    settings name, or the default) or "argument" (--db, the demo). The settings dialog says so,
    since its own choice then applies only to a start without them."""
    env = os.environ.get(DB_ENV_VAR, "")
    if env.strip() and _same_location(env.strip(), open_path):
        return "env"
    if is_server_location(prefs.data_file):
        chosen: Path | str = prefs.data_file
    else:
        try:
            chosen = prefs.data_path() or default_db_path()
        except PreferencesError:  # a start could not have used that value
            return "argument"
    return "settings" if _same_location(chosen, open_path) else "argument"


def _same_location(a: Path | str, b: Path | str) -> bool:
    """Two files are the same after `~` and links; any two servers count as the same (the window
    knows a server only by its address without the password)."""
    servers = [str(x).strip().lower().startswith("postgres") for x in (a, b)]
    if any(servers):
        return all(servers)
    try:
        return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):  # "~nosuchuser", a NUL byte: not the open file
        return False
