"""Backups of a data file: SQLite's online backup API, checked, rotated, restored.

Backups sit in a folder beside the data file (`tracker.db.backups/`) or inside a backup folder
the caller passes in (chosen in 设置, e.g. another disk), one plain SQLite file each (journal
mode DELETE, so one file is the whole backup), named by time, reason and the data file's
identity, so a listing opens no database and two offices' `tracker.db` can share one folder.
A backup is written under a temporary name and renamed only after `PRAGMA integrity_check`
passed: a crash mid-backup never leaves a bad backup to restore.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from tracker.store.errors import BackupFailed
from tracker.store.newfile import sync
from tracker.store.probe import connect_readonly, file_id, identity, page_problems

AUTO = "auto"  # the daily backup taken at open
MANUAL = "manual"  # `tracker backup`, 文件→备份
BEFORE_RESTORE = "before-restore"
ROTATING = {AUTO}  # the others were asked for (or guard a change): kept until deleted
# Keep the newest backup of each of the last 7 days, 4 ISO weeks and 12 months.
KEEP = {"day": 7, "week": 4, "month": 12}
STAMP = "%Y%m%d-%H%M%S"
PARTIAL_PREFIX = ".partial-"
TAG_LENGTH = 8  # hex digits of the file identity in a backup's name
# <stem>-<time>[-n]-<reason>[.<tag>].db; names without a tag were written before files had an identity
_NAME = re.compile(
    r"-(\d{8}-\d{6})(?:-(\d+))?-(auto|manual|before-restore|before-v\d+)(?:\.([0-9a-f]{8}))?\.db$"
)


def before_migration(version: int) -> str:
    return f"before-v{version}"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime
    reason: str
    tag: str = ""  # the first hex digits of the backed-up file's identity; "" in older names


def folder(data_file: Path, backup_dir: Path | None = None) -> Path:
    """`<file>.backups/` beside the data file, or inside `backup_dir` (still named after the
    file, so files with different names can share it; same names are told apart by the tag)."""
    if backup_dir is not None:
        return backup_dir / (data_file.name + ".backups")
    return data_file.with_name(data_file.name + ".backups")


@dataclass(frozen=True)
class Backups:
    """One data file's backups: where they go and which of those in the folder are its own.

    `backup_dir` is passed in by the caller (the store never reads preferences); `file_id` is
    the data file's identity, "" when it is not known (a missing or unreadable file), and
    then every backup in the folder is listed.
    """

    data_file: Path
    backup_dir: Path | None = None
    file_id: str = ""

    @property
    def folder(self) -> Path:
        return folder(self.data_file, self.backup_dir)

    def with_id(self, file_id: str) -> Backups:
        return replace(self, file_id=file_id)

    def files(self) -> list[BackupFile]:
        """This file's backups (and untagged ones from older versions), newest first."""
        mine = self.file_id[:TAG_LENGTH]
        found = []
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return []
        for path in entries:
            m = _NAME.search(path.name)
            if m is None or (mine and m.group(4) and m.group(4) != mine):
                continue
            with contextlib.suppress(OSError):
                if not path.is_file():
                    continue
                taken = dt.datetime.strptime(m.group(1), STAMP)
                found.append((taken, int(m.group(2) or 0),
                              BackupFile(path, taken, m.group(3), m.group(4) or "")))
        found.sort(key=lambda t: (t[0], t[1]), reverse=True)
        return [f for _, _, f in found]

    def take(self, conn: sqlite3.Connection, reason: str, now: dt.datetime | None = None) -> BackupFile:
        """Back up the open file into its backups folder; raises BackupFailed, never half-writes."""
        taken = (now or dt.datetime.now()).replace(microsecond=0)
        target_dir = self.folder
        try:
            target_dir.mkdir(exist_ok=True)
        except OSError as exc:
            raise BackupFailed(f"无法创建备份文件夹 {target_dir}：{exc.strerror or exc}") from exc
        clean_partials(target_dir)
        tag = self.file_id[:TAG_LENGTH]
        suffix = f".{tag}.db" if tag else ".db"
        stem = self.data_file.stem
        dest = target_dir / f"{stem}-{taken.strftime(STAMP)}-{reason}{suffix}"
        n = 1
        while dest.exists():
            n += 1
            dest = target_dir / f"{stem}-{taken.strftime(STAMP)}-{n}-{reason}{suffix}"
        write(conn, dest)
        return BackupFile(dest, taken, reason, tag)

    def prune(self) -> list[Path]:
        removed = []
        for b in to_prune(self.files()):
            with contextlib.suppress(OSError):
                b.path.unlink(missing_ok=True)
                removed.append(b.path)
        return removed


def write(conn: sqlite3.Connection, dest: Path) -> None:
    """Copy the database behind `conn` to `dest` (which must not exist), checked before it appears."""
    if dest.exists():
        raise BackupFailed(f"目标文件已存在，未覆盖：{dest}。请换一个文件名。")
    tmp = dest.with_name(f"{PARTIAL_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}.db")
    try:
        target = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problems = page_problems(target)
        finally:
            target.close()
        if problems:
            raise BackupFailed(f"备份校验未通过（{problems[0]}），未保存备份。数据文件可能已损坏。")
        sync(tmp)
        if dest.exists():
            raise BackupFailed(f"目标文件已存在，未覆盖：{dest}。请换一个文件名。")
        os.replace(tmp, dest)
        sync(dest.parent)
    except sqlite3.Error as exc:
        raise BackupFailed(f"备份失败（{exc}），未保存备份：{dest}") from exc
    except OSError as exc:
        raise BackupFailed(f"无法写入备份 {dest}：{exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
            for suffix in ("-journal", "-wal", "-shm"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def clean_partials(target_dir: Path, older_than: float = 3600.0) -> None:
    """Remove what a killed backup left; young ones may be another process's backup in progress."""
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for path in target_dir.glob(f"{PARTIAL_PREFIX}*"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()


def to_prune(backups: list[BackupFile]) -> list[BackupFile]:
    """Rotating backups no rule keeps: each rule keeps the newest of each of its last N periods."""
    rotating = sorted((b for b in backups if b.reason in ROTATING),
                      key=lambda b: b.taken, reverse=True)
    keys = {
        "day": lambda t: t.date(),
        "week": lambda t: tuple(t.isocalendar())[:2],
        "month": lambda t: (t.year, t.month),
    }
    keep: set[Path] = set()
    for rule, count in KEEP.items():
        seen: set[object] = set()
        for b in rotating:
            key = keys[rule](b.taken)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(b.path)
    return [b for b in rotating if b.path not in keep]


@dataclass(frozen=True)
class Contents:
    """What a backup holds, for the restore list."""

    version: int
    items: int
    checkins: int
    years: tuple[int, ...]
    problems: tuple[str, ...]  # empty when sound (or when not checked)
    ours: bool  # an SQLite file of this program (False also when unreadable: see problems)
    file_id: str = ""  # the identity of the file it was taken from ("" before schema 3)


def inspect(path: Path, check: bool = True) -> Contents:
    """Read a backup without changing it; `check` runs the full integrity_check."""
    try:
        conn, _ = connect_readonly(path)
    except sqlite3.Error as exc:
        return Contents(0, 0, 0, (), (str(exc),), False)
    try:
        try:
            who = identity(conn)
        except sqlite3.Error as exc:
            return Contents(0, 0, 0, (), (str(exc),), False)
        if not who.is_ours:
            return Contents(who.version, 0, 0, (), (), False)
        problems = page_problems(conn) if check else []
        try:
            items = conn.execute("SELECT count(*) FROM node WHERE kind <> 'area'").fetchone()[0]
            checkins = conn.execute("SELECT count(*) FROM checkin").fetchone()[0]
            years = tuple(r[0] for r in conn.execute("SELECT year FROM plan ORDER BY year"))
        except sqlite3.Error as exc:
            return Contents(who.version, 0, 0, (), (*problems, str(exc)), True)
        return Contents(who.version, int(items), int(checkins), years, tuple(problems), True,
                        file_id(conn))
    finally:
        conn.close()


def read_file_id(path: Path) -> str:
    """The identity of a data file on disk, "" when it has none or cannot be read."""
    try:
        conn, _ = connect_readonly(path)
    except sqlite3.Error:
        return ""
    try:
        return file_id(conn)
    finally:
        conn.close()
