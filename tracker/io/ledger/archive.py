"""Checks on an untrusted .xlsx before any XML parser of openpyxl sees it.

An xlsx is a zip of XML parts. The zip directory tells how large each part unpacks to (and
Python's zip reader refuses a part that unpacks larger than declared), which stops a classic
zip bomb. Files that pass that and still cost minutes and gigabytes in openpyxl — millions of
shared strings, of cell formats or of defined names, rows of 16,384 cells, one cell of 200 MB —
are stopped by streaming each part openpyxl will parse through expat once, counting against
the caps in tracker.io.limits and giving up at the first one exceeded. A DTD anywhere is
refused (no entity tricks). Everything works on the bytes already read, never on the path.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.parsers import expat

from openpyxl.xml.constants import XLSM, XLSX, XLTM, XLTX

from tracker.io import limits

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_CT_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
_STYLE_RECORDS = {"xf", "font", "fill", "border", "numFmt", "dxf", "cellStyle"}
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_CHUNK = 1024 * 1024
_RUNS_PER_STRING = 8  # elements a cell or shared string may take (value, runs, their formats)

# each sentence worded once, for the later translation
NOT_XLSX = "{name} 不是 Excel 工作簿（.xlsx）。"
OLD_OR_ENCRYPTED = "{name} 是旧版 .xls 或加密的工作簿，请在 Excel 中取消密码并另存为 .xlsx 后再导入。"
BROKEN_ZIP = "{name} 已损坏，无法作为 .xlsx 打开（{detail}）。"
NO_WORKBOOK = "{name} 不是 Excel 工作簿（.xlsx）：缺少工作簿部件。"
PASSWORD = "{name} 受密码保护，请取消密码后再导入。"
BOMB = "{name} 解压后过大（{part} 为 {size} MB），疑似压缩炸弹，已拒绝。"
TOO_MANY_PARTS = "{name} 内含的部件过多（超过 {limit:,} 个），不像是一份台账，已拒绝。"
TOO_MANY_SHEETS = "{name} 中的工作表过多（超过 {limit:,} 个），不像是一份台账，已拒绝。"
TOO_MANY_NAMES = "{name} 中定义的名称过多（超过 {limit:,} 个），不像是一份台账，已拒绝。"
TOO_MANY_FORMATS = "{name} 中的单元格格式过多（超过 {limit:,} 种），不像是一份台账，已拒绝。"
TOO_MANY_STRINGS = "{name} 中的共享文字过多（超过 {limit:,} 条），不像是一份台账，已拒绝。"
TOO_MANY_ELEMENTS = "{name} 的一个部件中 XML 元素过多（超过 {limit:,} 个），不像是一份台账，已拒绝。"
TOO_MANY_ROWS = "{name} 的台账行过多（超过 {limit:,} 行），不像是一份台账，已拒绝。"
TOO_MANY_CELLS = "{name} 的台账单元格过多（超过 {limit:,} 个），不像是一份台账，已拒绝。"
UNSAFE_XML = "文件中含有不安全的 XML 内容（实体声明），可能是恶意文件，已拒绝导入。"
BAD_XML = "{name} 已损坏或不是有效的 .xlsx 工作簿（{part} 不是有效的 XML），无法导入。"
LONG_TEXT = "{name} 中有一段文字超过 {limit:,} 字，不像是台账，已拒绝。"
LONG_SHARED_TEXT = ("{name} 中有一条共享文字超过 {limit:,} 字（Excel 单元格最多 32,767 字），"
                    "不像是台账，已拒绝。")
LONG_CELL = ("{name} 的“{sheet}”第 {row} 行有单元格超过 {limit:,} 字（Excel 单元格最多 32,767 字），"
             "不像是台账，已拒绝。")
WIDE_ROW = "{name} 的“{sheet}”第 {row} 行有超过 {limit} 个单元格，不像是台账；请删除多余的列后再导入。"


class UnsafeWorkbook(ValueError):
    """The file is not a workbook we may open; the message says why, for the user."""


@dataclass(frozen=True)
class CheckedWorkbook:
    """What the checks learnt: the zip part holding the named sheet (None when there is none)."""

    sheet_part: str | None


def check_xlsx(data: bytes, name: str, sheet: str) -> CheckedWorkbook:
    """Refuse what is not a plain, reasonably sized xlsx (or is a bomb of any kind); `sheet` is
    the one sheet that will be read through, the others only up to their cells."""
    if data[:8] == _OLE_MAGIC:
        raise UnsafeWorkbook(OLD_OR_ENCRYPTED.format(name=name))
    if not data.startswith(b"PK"):
        raise UnsafeWorkbook(NOT_XLSX.format(name=name))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UnsafeWorkbook(BROKEN_ZIP.format(name=name, detail=exc)) from exc
    with archive:
        return _Checker(archive, infos, name, sheet).run()


@dataclass
class _Checker:
    archive: zipfile.ZipFile
    infos: list[zipfile.ZipInfo]
    name: str
    sheet: str
    scanned: int = 0
    types: dict[str, str] = field(default_factory=dict)  # part → content type
    defaults: dict[str, str] = field(default_factory=dict)  # extension → content type

    def run(self) -> CheckedWorkbook:
        self._directory()
        names = {info.filename for info in self.infos}
        if "[Content_Types].xml" not in names:
            raise UnsafeWorkbook(NO_WORKBOOK.format(name=self.name))
        self._content_types()
        workbook = self._workbook_part(names)
        sheets = self._sheets(workbook)
        target = self._target(workbook, sheets.get(self.sheet))
        for info in self.infos:
            part = info.filename
            if part in ("[Content_Types].xml", workbook) or not self._is_xml(part):
                continue
            kind = self.types.get(part, "")
            if part == target:
                self._scan(part, _LedgerSheet(self.name, self.sheet))
            elif kind == _CT_WORKSHEET or part.startswith("xl/worksheets/"):
                self._scan(part, _Budget(self.name, stop_at="sheetData"))
            elif kind == _CT_SHARED_STRINGS or part == "xl/sharedStrings.xml":
                self._count_strings(part)
                self._scan(part, _SharedStrings(self.name))
            elif kind == _CT_STYLES or part == "xl/styles.xml":
                self._scan(part, _Budget(self.name, counted=_STYLE_RECORDS,
                                         count_limit=limits.MAX_STYLE_RECORDS, too_many=TOO_MANY_FORMATS))
            else:
                self._scan(part, _Budget(self.name))
        return CheckedWorkbook(target)

    # --- the zip directory --------------------------------------------------------------

    def _directory(self) -> None:
        if len(self.infos) > limits.MAX_PARTS:
            raise UnsafeWorkbook(TOO_MANY_PARTS.format(name=self.name, limit=limits.MAX_PARTS))
        for info in self.infos:
            if info.flag_bits & 0x1:
                raise UnsafeWorkbook(PASSWORD.format(name=self.name))
            cap = limits.MAX_PART_BYTES
            if info.filename.startswith("xl/worksheets/"):
                cap = limits.MAX_SHEET_PART_BYTES
            elif info.filename.endswith("sharedStrings.xml"):
                cap = limits.MAX_SHARED_STRINGS_PART_BYTES
            ratio = info.file_size > limits.RATIO_FLOOR and \
                info.file_size > limits.MAX_RATIO * max(info.compress_size, 1)
            if info.file_size > cap or ratio:
                raise UnsafeWorkbook(BOMB.format(name=self.name, part=info.filename,
                                                 size=info.file_size // limits.MB))

    # --- which part is which ------------------------------------------------------------

    def _content_types(self) -> None:
        def start(local: str, attrs: dict[str, str]) -> None:
            if local == "Override" and "PartName" in attrs:
                self.types[attrs["PartName"].lstrip("/")] = attrs.get("ContentType", "")
            elif local == "Default" and "Extension" in attrs:
                self.defaults[attrs["Extension"].lower()] = attrs.get("ContentType", "")

        self._scan("[Content_Types].xml", _Budget(self.name, on_start=start))

    def _is_xml(self, part: str) -> bool:
        kind = self.types.get(part) or self.defaults.get(posixpath.splitext(part)[1][1:].lower(), "")
        return part.lower().endswith(_XML_SUFFIXES) or "xml" in kind

    def _workbook_part(self, names: set[str]) -> str:
        """As openpyxl finds it: the first part with a workbook's content type, else the usual name."""
        for kind in (XLTM, XLTX, XLSM, XLSX):
            part = next((p for p, k in self.types.items() if k == kind), None)
            if part is not None:
                if part not in names:
                    raise UnsafeWorkbook(NO_WORKBOOK.format(name=self.name))
                return part
        if "xl/workbook.xml" in names:
            return "xl/workbook.xml"
        raise UnsafeWorkbook(NO_WORKBOOK.format(name=self.name))

    def _sheets(self, workbook: str) -> dict[str, str]:
        """Sheet name → relationship id, with the sheets and defined names counted."""
        sheets: dict[str, str] = {}
        counts = {"sheet": 0, "definedName": 0}
        caps = {"sheet": (limits.MAX_SHEETS, TOO_MANY_SHEETS),
                "definedName": (limits.MAX_DEFINED_NAMES, TOO_MANY_NAMES)}

        def start(local: str, attrs: dict[str, str]) -> None:
            if local in counts:
                counts[local] += 1
                limit, too_many = caps[local]
                if counts[local] > limit:
                    raise UnsafeWorkbook(too_many.format(name=self.name, limit=limit))
            if local == "sheet":
                rel = next((v for k, v in attrs.items() if k.endswith("}id")), "")
                sheets.setdefault(attrs.get("name", ""), rel)

        self._scan(workbook, _Budget(self.name, on_start=start))
        return sheets

    def _target(self, workbook: str, rel_id: str | None) -> str | None:
        """The part a relationship id of the workbook points at, resolved as openpyxl does."""
        if not rel_id:
            return None
        folder, base = posixpath.split(workbook)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in {info.filename for info in self.infos}:
            return None
        found: dict[str, str] = {}

        def start(local: str, attrs: dict[str, str]) -> None:
            if local == "Relationship" and attrs.get("Id") == rel_id:
                found.setdefault("target", attrs.get("Target", ""))

        self._scan(rels, _Budget(self.name, on_start=start))
        target = found.get("target", "")
        if not target:
            return None
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(folder, target))

    # --- streaming a part ---------------------------------------------------------------

    def _count_strings(self, part: str) -> None:
        """Shared strings counted at the speed of bytes.count before expat calls back for each:
        a table of millions of strings is refused in a fraction of a second. (Counting "<si"
        and ":si" over-counts only text that contains ":si"; expat's count below is exact.)"""
        found = 0
        tail = b""
        try:
            with self.archive.open(part) as source:
                while chunk := source.read(_CHUNK):
                    window = tail + chunk
                    found += window.count(b"<si") + window.count(b":si") - _count_in(tail)
                    tail = window[-3:]
                    if found > limits.MAX_SHARED_STRINGS:
                        raise UnsafeWorkbook(TOO_MANY_STRINGS.format(name=self.name,
                                                                     limit=limits.MAX_SHARED_STRINGS))
        except UnsafeWorkbook:
            raise
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError) as exc:
            raise UnsafeWorkbook(BROKEN_ZIP.format(name=self.name, detail=exc)) from exc

    def _scan(self, part: str, budget: _Budget) -> None:
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

        def refuse_dtd(*_: object) -> None:
            raise UnsafeWorkbook(UNSAFE_XML)

        parser.StartDoctypeDeclHandler = refuse_dtd
        parser.EntityDeclHandler = refuse_dtd
        parser.StartElementHandler = budget.start
        if budget.wants_end:
            parser.EndElementHandler = budget.end
        parser.CharacterDataHandler = budget.text
        try:
            with self.archive.open(part) as source:
                while True:
                    chunk = source.read(_CHUNK)
                    self.scanned += len(chunk)
                    if self.scanned > limits.MAX_SCANNED_BYTES:
                        raise UnsafeWorkbook(BOMB.format(name=self.name, part=part,
                                                         size=self.scanned // limits.MB))
                    parser.Parse(chunk, not chunk)
                    if not chunk:
                        break
        except _Done:
            return
        except UnsafeWorkbook:
            raise
        except expat.ExpatError as exc:
            raise UnsafeWorkbook(BAD_XML.format(name=self.name, part=part)) from exc
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError) as exc:  # a damaged or unsupported member, as zipfile reports it
            raise UnsafeWorkbook(BROKEN_ZIP.format(name=self.name, detail=exc)) from exc


def _count_in(tail: bytes) -> int:
    """Matches already counted in the carried-over end of the previous chunk."""
    return tail.count(b"<si") + tail.count(b":si")


class _Done(Exception):
    """Enough of the part has been seen (a sheet's head, up to its cells)."""


class _Budget:
    """Counts one part's elements and text runs; raises UnsafeWorkbook past a cap."""

    wants_end = True  # the parts read through skip the end-tag callback: a call per element saved

    def __init__(self, name: str, *, stop_at: str = "", counted: set[str] | None = None,
                 count_limit: int = 0, too_many: str = TOO_MANY_ELEMENTS,
                 on_start: Callable[[str, dict[str, str]], None] | None = None) -> None:
        self.name = name
        self.stop_at = stop_at
        self.counted = counted or set()
        self.count_limit = count_limit
        self.too_many = too_many
        self.on_start = on_start
        self.elements = 0
        self.count = 0
        self.run = 0  # characters of the current text run

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition("}")[2]
        if local == self.stop_at:
            raise _Done
        self.elements += 1
        if self.elements > limits.MAX_PART_ELEMENTS:
            raise UnsafeWorkbook(TOO_MANY_ELEMENTS.format(name=self.name, limit=limits.MAX_PART_ELEMENTS))
        if local in self.counted:
            self.count += 1
            if self.count > self.count_limit:
                raise UnsafeWorkbook(self.too_many.format(name=self.name, limit=self.count_limit))
        if self.on_start is not None:
            self.on_start(local, attrs)
        self.run = 0

    def end(self, tag: str) -> None:
        self.run = 0

    def text(self, data: str) -> None:
        self.run += len(data)
        if self.run > limits.MAX_TEXT_CHARS:
            raise UnsafeWorkbook(LONG_TEXT.format(name=self.name, limit=limits.MAX_TEXT_CHARS))


class _SharedStrings(_Budget):
    """The shared-string table: how many strings, and each one's length (all its runs)."""

    wants_end = False

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.strings = 0
        self.chars = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > _RUNS_PER_STRING * limits.MAX_SHARED_STRINGS:
            raise UnsafeWorkbook(TOO_MANY_ELEMENTS.format(
                name=self.name, limit=_RUNS_PER_STRING * limits.MAX_SHARED_STRINGS))
        if tag.endswith("}si") or tag == "si":
            self.strings += 1
            self.chars = 0
            if self.strings > limits.MAX_SHARED_STRINGS:
                raise UnsafeWorkbook(TOO_MANY_STRINGS.format(name=self.name, limit=limits.MAX_SHARED_STRINGS))

    def text(self, data: str) -> None:
        self.chars += len(data)
        if self.chars > limits.MAX_SCANNED_CELL_CHARS:
            raise UnsafeWorkbook(LONG_SHARED_TEXT.format(name=self.name, limit=limits.MAX_SCANNED_CELL_CHARS))


class _LedgerSheet(_Budget):
    """The sheet that is read through: rows, cells per row, cells, and each cell's text."""

    wants_end = False

    def __init__(self, name: str, sheet: str) -> None:
        super().__init__(name)
        self.sheet = sheet
        self.rows = 0
        self.cells = 0
        self.row_cells = 0
        self.chars = 0
        self.cell_parts = 0
        self.row_number = 0  # as the sheet numbers it (r="…"), for the messages

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition("}")[2]
        self.cell_parts += 1
        if self.cell_parts > _RUNS_PER_STRING * limits.MAX_LEDGER_CELLS:
            raise UnsafeWorkbook(TOO_MANY_ELEMENTS.format(
                name=self.name, limit=_RUNS_PER_STRING * limits.MAX_LEDGER_CELLS))
        if local == "c":
            self.cells += 1
            self.row_cells += 1
            self.chars = 0
            if self.row_cells > limits.MAX_ROW_CELLS:
                raise UnsafeWorkbook(WIDE_ROW.format(name=self.name, sheet=self.sheet, row=self.row_number,
                                                     limit=limits.MAX_ROW_CELLS))
            if self.cells > limits.MAX_LEDGER_CELLS:
                raise UnsafeWorkbook(TOO_MANY_CELLS.format(name=self.name, limit=limits.MAX_LEDGER_CELLS))
        elif local == "row":
            self.rows += 1
            self.row_cells = 0
            self.chars = 0
            number = attrs.get("r", "")
            self.row_number = int(number) if number.isdigit() else self.row_number + 1
            far = self.row_number > limits.MAX_LEDGER_ROWS
            if self.rows > limits.MAX_LEDGER_ROWS or far:
                raise UnsafeWorkbook(TOO_MANY_ROWS.format(name=self.name, limit=limits.MAX_LEDGER_ROWS))
        elif local not in ("v", "f", "is", "t", "r", "rPr"):
            super().start(tag, attrs)  # anything else (merged ranges, formats…) on the usual budget

    def text(self, data: str) -> None:
        self.chars += len(data)
        if self.chars > limits.MAX_SCANNED_CELL_CHARS:
            raise UnsafeWorkbook(LONG_CELL.format(name=self.name, sheet=self.sheet, row=self.row_number,
                                                  limit=limits.MAX_SCANNED_CELL_CHARS))
