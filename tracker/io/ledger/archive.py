"""Checks on an untrusted .xlsx before any XML parser sees it.

An xlsx is a zip: its directory tells how large each part unpacks to, and Python's zip
reader refuses a part that unpacks larger than declared, so checking the directory is
enough to refuse a zip bomb cheaply.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200  # unpacked/packed; real sheets stay well below 50
MAX_PARTS = 2_000
_RATIO_FLOOR = 1024 * 1024  # small parts may compress as they like

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnsafeWorkbook(ValueError):
    """The file is not a workbook we may open; the message says why, for the user."""


def check_xlsx(path: Path) -> None:
    """Refuse what is not a plain, reasonably sized xlsx zip (or is a bomb)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError as exc:
        raise UnsafeWorkbook(f"找不到文件：{path}") from exc
    except IsADirectoryError as exc:
        raise UnsafeWorkbook(f"这是一个文件夹，不是台账文件：{path}") from exc
    except OSError as exc:
        raise UnsafeWorkbook(f"无法读取文件 {path}：{exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise UnsafeWorkbook(f"文件过大（{size / 1024 / 1024:.0f} MB，上限 50 MB），不像是台账：{path}")
    if head == _OLE_MAGIC:
        raise UnsafeWorkbook(
            f"{path.name} 是旧版 .xls 或加密的工作簿，请在 Excel 中取消密码并另存为 .xlsx 后再导入。"
        )
    if not head.startswith(b"PK"):
        raise UnsafeWorkbook(f"{path.name} 不是 Excel 工作簿（.xlsx）。")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UnsafeWorkbook(f"{path.name} 已损坏，无法作为 .xlsx 打开（{exc}）。") from exc
    if len(infos) > MAX_PARTS:
        raise UnsafeWorkbook(f"{path.name} 内含 {len(infos)} 个部件，不像是台账，已拒绝。")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnsafeWorkbook(f"{path.name} 不是 Excel 工作簿（.xlsx）：缺少工作簿部件。")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeWorkbook(f"{path.name} 受密码保护，请取消密码后再导入。")
        total += info.file_size
        bomb = (
            info.file_size > MAX_PART_BYTES
            or total > MAX_TOTAL_BYTES
            or (info.file_size > _RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(info.compress_size, 1))
        )
        if bomb:
            raise UnsafeWorkbook(
                f"{path.name} 解压后过大（{info.filename} 为 {info.file_size / 1024 / 1024:.0f} MB），"
                "疑似压缩炸弹，已拒绝。"
            )
