"""Notice when the files an open connection writes through are deleted or swapped under it.

In WAL mode a commit goes to `<file>-wal`, indexed by `<file>-shm`. Deleted by an outside
hand (a cleanup tool, a sync client, a user tidying up) while the file is open, SQLite keeps
writing to the unlinked -wal, and the next process to open the file makes a new one: check-ins
reported as saved then vanish. No legitimate path removes them while we are open (SQLite
deletes them only when the last connection closes), so a changed file identity is a fault.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

_SUFFIXES = ("", "-wal", "-shm")

# one sentence, shown as it is by the command line and the window
FILES_CHANGED = (
    "{name} 在程序打开数据文件后被删除或替换：{path}。为避免丢失数据，已停止写入；"
    "{what}请关闭所有使用该文件的程序后重新打开，并运行 tracker check 检查。"
)
NOT_SAVED = "这次修改没有保存。"
MAYBE_NOT_SAVED = "这次修改可能没有保存，请重新打开后核对。"

FileKey = tuple[int, int] | None


def _key(path: str) -> FileKey:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


class Companions:
    """The (device, inode) of the data file and its -wal and -shm as they were at open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[str, FileKey] = {s: _key(f"{path}{s}") for s in _SUFFIXES}

    def changed(self) -> str | None:
        """The suffix ("" for the data file) of a file that is gone or another file now."""
        for suffix, before in self.seen.items():
            now = _key(f"{self.path}{suffix}")
            if before is None:
                self.seen[suffix] = now  # made since (SQLite creates them lazily)
            elif now != before:
                return suffix
        return None

    def message(self, suffix: str, after_commit: bool) -> str:
        name = f"{self.path.name}{suffix}" if suffix else self.path.name
        return FILES_CHANGED.format(name=name, path=self.path,
                                    what=MAYBE_NOT_SAVED if after_commit else NOT_SAVED)


def owned_by(data_file: Path, backups_folder: Path, target: Path) -> bool:
    """Is `target` the data file, its -wal/-shm/-journal (by name, or the same file through a
    link), or inside its backup folder?"""
    for suffix in ("", "-wal", "-shm", "-journal"):
        mine = Path(f"{data_file}{suffix}")
        with suppress(OSError):
            if target.exists() and mine.exists() and os.path.samefile(target, mine):
                return True
        if _absolute(target) == _absolute(mine):
            return True
    folder = _absolute(backups_folder)
    return _absolute(target).parent == folder or _absolute(target) == folder


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))
