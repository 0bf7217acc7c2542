"""Checks on an untrusted .xlsx before any XML parser sees it.

An xlsx is a zip: its directory tells how large each part unpacks to, and Python's zip
reader refuses a part that unpacks larger than declared, so checking the directory is
enough to refuse a zip bomb cheaply.

The caps are sized for what the app itself writes: its ledger of a city-wide plan (100,000
items with a year of check-ins) is a 79 MB file whose 台账 sheet unpacks to 160 MB and whose
进展记录 sheet unpacks to 1.1 GB (both about 16:1). The import reads the 台账 sheet (as a
stream) and the workbook's small parts, never the other sheets: so the size caps apply to the
parts that are read, and every part must still pack like a real sheet (MAX_RATIO), which is
what gives a bomb away.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import NoReturn

from defusedxml import DefusedXmlException, ElementTree

MB = 1024 * 1024
MAX_FILE_BYTES = 256 * MB  # the app's own 100,000-item ledger: 79 MB (more with per-department copies)
MAX_SHEET_BYTES = 512 * MB  # the sheet read, unpacked (streamed): 160 MB for 100,000 items
MAX_PART_BYTES = 200 * MB  # any other part read whole (shared strings, styles, the workbook)
MAX_TOTAL_BYTES = 768 * MB  # everything read, unpacked
MAX_RATIO = 200  # unpacked/packed for every part; real sheets stay below 20
MAX_PARTS = 2_000
_RATIO_FLOOR = MB  # small parts may compress as they like
_SHEETS = "xl/worksheets/"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnsafeWorkbook(ValueError):
    """The file is not a workbook we may open; the message says why, for the user."""


def check_xlsx(path: Path, sheet: str | None = None) -> None:
    """Refuse what is not a plain, reasonably sized xlsx zip (or is a bomb). `sheet`: the one
    worksheet that will be read (the others are never unpacked); None: all of them."""
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
        raise UnsafeWorkbook(
            f"文件过大（{size / MB:.0f} MB，上限 {MAX_FILE_BYTES // MB} MB），不像是台账：{path}")
    if head == _OLE_MAGIC:
        raise UnsafeWorkbook(
            f"{path.name} 是旧版 .xls 或加密的工作簿，请在 Excel 中取消密码并另存为 .xlsx 后再导入。"
        )
    if not head.startswith(b"PK"):
        raise UnsafeWorkbook(f"{path.name} 不是 Excel 工作簿（.xlsx）。")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_parts(path, zf, infos, sheet)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        if isinstance(exc, UnsafeWorkbook):
            raise
        raise UnsafeWorkbook(f"{path.name} 已损坏，无法作为 .xlsx 打开（{exc}）。") from exc


def _check_parts(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                 sheet: str | None) -> None:
    if len(infos) > MAX_PARTS:
        raise UnsafeWorkbook(f"{path.name} 内含 {len(infos)} 个部件，不像是台账，已拒绝。")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnsafeWorkbook(f"{path.name} 不是 Excel 工作簿（.xlsx）：缺少工作簿部件。")
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeWorkbook(f"{path.name} 受密码保护，请取消密码后再导入。")
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            _bomb(path, info)
    small = [i for i in infos if not _is_sheet(i.filename)]
    for info in small:  # read whole: workbook, relations, styles, shared strings, properties
        if info.file_size > MAX_PART_BYTES:
            _bomb(path, info)
    read = [*small, *_sheets_read(zf, infos, sheet)]
    for info in read:
        if _is_sheet(info.filename) and info.file_size > MAX_SHEET_BYTES:
            _bomb(path, info)
    if sum(i.file_size for i in read) > MAX_TOTAL_BYTES:
        _bomb(path, max(read, key=lambda i: i.file_size))


def _is_sheet(name: str) -> bool:
    return name.startswith(_SHEETS) and "/" not in name[len(_SHEETS):]


def _sheets_read(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                 sheet: str | None) -> list[zipfile.ZipInfo]:
    """The worksheet parts the reader will unpack: the one named `sheet` (none when the
    workbook has no such sheet), or all of them."""
    sheets = [i for i in infos if _is_sheet(i.filename)]
    if sheet is None:
        return sheets
    target = _sheet_part(zf, sheet)  # its parts passed the caps above: safe to parse
    return [i for i in sheets if i.filename == target]


def _sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    """The part holding the worksheet named `sheet`, from the workbook and its relations."""
    try:
        workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, DefusedXmlException):
        return None
    rel_id = next((s.get(f"{_REL}id") for s in workbook.iter(f"{_MAIN}sheet")
                   if s.get("name") == sheet), None)
    target = next((r.get("Target") for r in rels.iter(f"{_PKG_REL}Relationship")
                   if r.get("Id") == rel_id), None)
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _bomb(path: Path, info: zipfile.ZipInfo) -> NoReturn:
    raise UnsafeWorkbook(
        f"{path.name} 解压后过大（{info.filename} 为 {info.file_size / MB:.0f} MB），"
        "疑似压缩炸弹，已拒绝。"
    )
