"""Making a new data file appear under its name exactly once, complete.

Two processes may start on a data file that does not exist yet (the window and a command,
two commands). Each builds its file under a temporary name; the first to hard-link its build
to the real name wins, and the other opens what the winner made. The name is never replaced
(os.replace would throw away check-ins already saved in the winner's file).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BUILD_PREFIX = ".new-"
BUILD_SUFFIX = ".db"
# A build takes milliseconds; one this old was left by a killed process.
STALE_BUILD_SECONDS = 600.0
_COMPANIONS = ("", "-wal", "-shm", "-journal")


class NoHardLinks(OSError):
    """The filesystem cannot hard-link (FAT, some network shares): create in place instead."""


def place_new(path: Path, build: Callable[[Path], object]) -> bool:
    """Build a file with `build(tmp)` and give it the name `path` unless that name exists.

    True when ours took the name; False when another process's file was there first (ours is
    discarded). Raises NoHardLinks where the filesystem has no hard links, OSError otherwise.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    clean_stale_builds(folder)
    fd, name = tempfile.mkstemp(prefix=BUILD_PREFIX, suffix=BUILD_SUFFIX, dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)  # mkstemp makes 0600; a data file gets the usual mode
        build(tmp)
        sync(tmp)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError as exc:
            if path.exists():
                return False
            raise NoHardLinks(exc.errno, exc.strerror) from exc
        sync(folder)
        return True
    finally:
        for suffix in _COMPANIONS:
            with contextlib.suppress(OSError):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def sync(path: Path) -> None:
    """fsync a file or a folder, so a new file or backup survives a power cut before we count on it
    (a no-op where folders cannot be opened, i.e. Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_stale_builds(folder: Path, older_than: float = STALE_BUILD_SECONDS) -> list[Path]:
    """Remove builds (and their journals) that killed processes left behind."""
    cutoff = time.time() - older_than
    removed = []
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f"{BUILD_PREFIX}*"):
            base = leftover.name
            for suffix in _COMPANIONS[1:]:
                base = base.removesuffix(suffix)
            if not base.endswith(BUILD_SUFFIX):
                continue
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
                    removed.append(leftover)
    return removed
