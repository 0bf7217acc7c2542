"""Ways to damage a copy of a data file on purpose, byte by byte, the way disks and copies do."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

PAGE = 4096


def digest(path: Path) -> str:
    """The file's bytes, to prove it was left exactly as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Name → digest of every file in `folder` (and below), to prove nothing else was written."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def root_page(path: Path, name: str) -> int:
    with closing(sqlite3.connect(path)) as c:  # closed now, so its -wal goes now
        return int(c.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0])


def _varint(buf: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = buf[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    raise AssertionError("unreachable")


def retarget_last_index_entry(path: Path, index: str, new_rowid: int) -> None:
    """Point the last entry of a one-page index at a row that does not exist.

    Keys stay in order, so the b-tree looks well formed (quick_check passes); only a full
    integrity_check, which compares the index with its table, sees the damage.
    """
    page_no = root_page(path, index)
    data = path.read_bytes()
    page = data[(page_no - 1) * PAGE: page_no * PAGE]
    assert page[0] == 0x0A, "the index must fit on one leaf page"
    cells = int.from_bytes(page[3:5], "big")
    cell = int.from_bytes(page[8 + 2 * (cells - 1): 10 + 2 * (cells - 1)], "big")
    _, at = _varint(page, cell)  # payload size
    header_size, body = _varint(page, at)
    header_end = at + header_size
    types = []
    pos = body
    while pos < header_end:
        t, pos = _varint(page, pos)
        types.append(t)
    assert types[-1] == 1, "the rowid must be a one-byte integer"
    sizes = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 7: 8, 8: 0, 9: 0}
    offset = header_end
    for t in types[:-1]:
        offset += sizes[t] if t < 12 else (t - 12) // 2
    overwrite(path, (page_no - 1) * PAGE + offset, bytes([new_rowid]))
