"""Hostile and odd workbooks made from the app's own ledger, small on disk.

Each maker takes an exported ledger and writes a copy with one part changed, the way a
tester (or an attacker) would: a stale <dimension>, a formula, an error value, and the bombs
of issue 12 scaled so that each trips its own cap (tracker.io.limits) rather than the zip
ratio check. Used by tests/io/test_ledger_limits.py and benchmarks/import_limits.py.
"""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

SHEET = "xl/worksheets/sheet2.xml"  # 台账 in the app's export
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def rezip(src: Path, out: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name in sorted(replace.keys() - set(zin.namelist())):
            zout.writestr(name, replace[name])
    return out


def part(src: Path, name: str) -> str:
    with zipfile.ZipFile(src) as zf:
        return zf.read(name).decode("utf-8")


def set_cell(sheet: str, ref: str, xml: str) -> str:
    """Replace the cell `ref` (e.g. "H17") of a sheet's XML with `xml`."""
    pattern = re.compile(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', re.S)
    assert pattern.search(sheet), ref
    return pattern.sub(xml, sheet, count=1)


def with_cell(src: Path, out: Path, ref: str, xml: str) -> Path:
    return rezip(src, out, {SHEET: set_cell(part(src, SHEET), ref, xml).encode()})


def stale_dimension(src: Path, out: Path, ref: str, xml: str) -> Path:
    """A cell changed in the last row while <dimension> still ends one row above it."""
    sheet = set_cell(part(src, SHEET), ref, xml)
    last = max(int(n) for n in re.findall(r'<row r="(\d+)"', sheet))
    sheet = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:N{last - 1}"/>', sheet)
    return rezip(src, out, {SHEET: sheet.encode()})


def shared_strings_bomb(src: Path, out: Path, strings: int) -> Path:
    """Many short distinct strings: packs about 5:1, so only a count stops it."""
    rng = random.Random(12)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    body = "".join(f"<si><t>{''.join(rng.choices(alphabet, k=4))}</t></si>" for _ in range(strings))
    sst = f'<sst xmlns="{NS}" count="{strings}" uniqueCount="{strings}">{body}</sst>'
    types = part(src, "[Content_Types].xml").replace(
        "</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}"/></Types>')
    return rezip(src, out, {"xl/sharedStrings.xml": sst.encode(), "[Content_Types].xml": types.encode()})


def styles_bomb(src: Path, out: Path, formats: int) -> Path:
    styles = part(src, "xl/styles.xml")
    start, end = styles.index("<cellXfs"), styles.index("</cellXfs>") + len("</cellXfs>")
    xfs = f'<cellXfs count="{formats}">' + '<xf numFmtId="0"/>' * formats + "</cellXfs>"
    return rezip(src, out, {"xl/styles.xml": (styles[:start] + xfs + styles[end:]).encode()})


def names_bomb(src: Path, out: Path, names: int) -> Path:
    workbook = part(src, "xl/workbook.xml")
    defined = "".join(f'<definedName name="n{i}">A{i}</definedName>' for i in range(names))
    workbook = re.sub(r"<definedNames>", "<definedNames>" + defined, workbook, count=1)
    return rezip(src, out, {"xl/workbook.xml": workbook.encode()})


def wide_row(src: Path, out: Path, columns: int) -> Path:
    """One row written out to column `columns` (16,384 is Excel's last, XFD)."""
    from openpyxl.utils import get_column_letter

    cells = "".join(f'<c r="{get_column_letter(c)}20" t="n"><v>{c}</v></c>' for c in range(1, columns + 1))
    sheet = part(src, SHEET).replace("</sheetData>", f'<row r="20">{cells}</row></sheetData>')
    return rezip(src, out, {SHEET: sheet.encode()})


def long_cell(src: Path, out: Path, ref: str, chars: int) -> Path:
    """One cell holding `chars` random CJK characters (incompressible enough to pass the ratio)."""
    rng = random.Random(7)
    text = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(chars))
    return with_cell(src, out, ref, f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')


def many_rows(src: Path, out: Path, rows: int) -> Path:
    extra = "".join(f'<row r="{n}"><c r="A{n}" t="n"><v>{n}</v></c></row>' for n in range(100, 100 + rows))
    sheet = part(src, SHEET).replace("</sheetData>", extra + "</sheetData>")
    return rezip(src, out, {SHEET: sheet.encode()})
