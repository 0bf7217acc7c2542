"""Taking a file in from outside (a report, a returned ledger): one open, regular files only,
never more than a limit.

The file is opened once and read whole from that handle, so what is checked is what is
parsed (a file swapped between a check and a second open let a zip bomb through). A FIFO
would block for ever and /dev/zero never ends; both are refused before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

REPORT, LEDGER = "report", "ledger"  # what the file is taken in as
# each sentence worded once and whole (no Chinese word left to fill a hole), for the translation
NOT_FOUND = "找不到文件：{path}"
REPORT_IS_A_FOLDER = "这是一个文件夹，不是报告文件：{path}"
LEDGER_IS_A_FOLDER = "这是一个文件夹，不是台账文件：{path}"
REPORT_TOO_LARGE = "文件过大（{size} MB，上限 {limit} MB），不像是年度报告：{path}"
LEDGER_TOO_LARGE = "文件过大（{size} MB，上限 {limit} MB），不像是台账：{path}"
A_PIPE = "这是一个管道（FIFO），不是普通文件，不能导入：{path}"
A_DEVICE = "这是一个设备文件，不是普通文件，不能导入：{path}"
NOT_REGULAR = "这不是普通文件，不能导入：{path}"
CANNOT_READ = "无法读取文件 {path}：{reason}"
_CHUNK = 1024 * 1024


class FileRefused(ValueError):
    """The file cannot be taken in; the message is a sentence for the user."""


def read_file(path: str | Path, limit: int, *, kind: str) -> bytes:
    """The whole content of `path`, at most `limit` bytes; `kind` (REPORT or LEDGER) words the
    refusals."""
    path = Path(path)
    folder = REPORT_IS_A_FOLDER if kind == REPORT else LEDGER_IS_A_FOLDER
    too_big = REPORT_TOO_LARGE if kind == REPORT else LEDGER_TOO_LARGE
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO without a writer returns at once
    except FileNotFoundError as exc:
        raise FileRefused(NOT_FOUND.format(path=path)) from exc
    except IsADirectoryError as exc:
        raise FileRefused(folder.format(path=path)) from exc
    except OSError as exc:
        if path.is_dir():  # Windows refuses to open a folder with PermissionError
            raise FileRefused(folder.format(path=path)) from exc
        raise FileRefused(CANNOT_READ.format(path=path, reason=exc.strerror or exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise FileRefused(folder.format(path=path))
        if not stat.S_ISREG(mode):
            odd = A_PIPE if stat.S_ISFIFO(mode) else A_DEVICE if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
                else NOT_REGULAR
            raise FileRefused(odd.format(path=path))

        def too_large(size: int) -> FileRefused:
            return FileRefused(too_big.format(size=size // (1024 * 1024), limit=limit // (1024 * 1024),
                                              path=path))

        size = os.fstat(fd).st_size
        if size > limit:
            raise too_large(size)
        chunks: list[bytes] = []
        total = 0
        while True:  # to the limit only: the file may grow while it is read
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large(total)
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(CANNOT_READ.format(path=path, reason=exc.strerror or exc)) from exc
    finally:
        os.close(fd)
