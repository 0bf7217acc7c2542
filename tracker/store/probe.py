"""Look at an SQLite file without changing it: its header, a read-only connection, its pages.

Used before a data file is opened for writing and on every backup, so a damaged or foreign
file is reported while it is still exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from tracker.store.errors import NotADataFile, StoreError

# "APT1" — lets `tracker check` and `file(1)` tell our data files from other SQLite files.
APPLICATION_ID = 0x41505431
SQLITE_HEADER = b"SQLite format 3\x00"
# Up to this size the open runs the full integrity_check (0.2 s for a 42 MB file of 10,000
# items with 120,000 check-ins); above it the cheaper quick_check (no index-content check).
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


A_FOLDER = "这是一个文件夹，不是数据文件：{path}"
A_DEVICE = "这是一个设备文件，不是普通文件，不能作为数据文件：{path}"
A_PIPE = "这是一个管道（FIFO），不是普通文件，不能作为数据文件：{path}"
NOT_A_REGULAR_FILE = "这不是普通文件，不能作为数据文件：{path}"


def exists_as_regular_file(path: Path) -> bool:
    """False when nothing is there; raises for a folder, device, pipe or socket, which SQLite
    would open and mistake for an empty database (/dev/null), block on (a FIFO) or damage."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreError(f"无法读取数据文件 {path}：{exc.strerror or exc}") from exc
    if stat.S_ISREG(mode):
        return True
    odd = A_FOLDER if stat.S_ISDIR(mode) else A_PIPE if stat.S_ISFIFO(mode) \
        else A_DEVICE if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else NOT_A_REGULAR_FILE
    raise StoreError(odd.format(path=path))


def check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before sqlite3 touches it (the message would be cryptic)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except IsADirectoryError as exc:
        raise StoreError(f"这是一个文件夹，不是数据文件：{path}") from exc
    except OSError as exc:
        raise StoreError(f"无法读取数据文件 {path}：{exc.strerror}") from exc
    if head and head != SQLITE_HEADER:  # an empty file is a new database
        raise NotADataFile(f"这不是年度工作台账的数据文件（不是 SQLite 文件）：{path}")


# Errors of a read-only open that mean "no -shm could be made here", not a damaged file.
_NO_SHM = {
    "SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_CANTINIT", "SQLITE_READONLY_CANTLOCK",
    "SQLITE_READONLY_RECOVERY", "SQLITE_CANTOPEN",
}


def connect_readonly(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection that cannot write `path`, and whether it is `immutable`.

    A WAL file in a folder we may not write cannot get its -shm; then the file is read as
    immutable (a -wal beside it is not read, and changes by others are not seen).
    """
    uri = path.absolute().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, False
    except sqlite3.OperationalError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "") not in _NO_SHM:
            raise
    conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                           check_same_thread=False)
    return conn, True


def page_problems(conn: sqlite3.Connection, full: bool = True) -> list[str]:
    """`PRAGMA integrity_check` (or `quick_check`); empty when every page is sound."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
    except sqlite3.DatabaseError as exc:  # too damaged to even walk the pages
        return [str(exc)]
    if rows == ["ok"]:
        return []
    # One problem per line; drop SQLite's "*** in database main ***" banners.
    lines = [line.strip() for row in rows for line in row.splitlines()]
    return [line for line in lines if line and not line.startswith("***")] or rows


@dataclass(frozen=True)
class Identity:
    """Whose file this is and which schema it carries."""

    application_id: int
    version: int
    has_tables: bool

    @property
    def is_blank(self) -> bool:
        """An SQLite file with nothing in it yet: fine to turn into a data file."""
        return self.application_id == 0 and self.version == 0 and not self.has_tables

    @property
    def is_ours(self) -> bool:
        return self.application_id == APPLICATION_ID


def identity(conn: sqlite3.Connection) -> Identity:
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    return Identity(app_id, version, bool(tables))


def file_id(conn: sqlite3.Connection, schema: str = "main") -> str:
    """The identity a data file keeps for life (schema 3 on); "" for an older or foreign file."""
    try:
        row = conn.execute(f"SELECT value FROM {schema}.meta WHERE key = 'file_id'").fetchone()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row and row[0] else ""
