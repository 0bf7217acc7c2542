"""Fuzzing the ledger import: whatever comes back, the answer is a preview or a clear UserError.

Three kinds of damage: flipped and cut bytes (broken zip), mangled XML inside a valid zip,
and odd values typed into cells. Kept small (max_examples) so the suite stays fast.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.io.ledger.layout import FIRST_DATA_ROW, LEDGER_COLUMNS
from tracker.services import TrackingService, UserError, open_database
from tracker.services.ledger import LedgerPreview, LedgerService
from tracker.store import Database

FUZZ = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PARTS = ["xl/worksheets/sheet2.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/styles.xml",
         "docProps/core.xml", "xl/_rels/workbook.xml.rels"]


class Setup(NamedTuple):
    db: Database
    good: bytes
    folder: Path

    def __repr__(self) -> str:  # keeps hypothesis' failure reports short
        return f"Setup({self.folder})"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    folder = tmp_path_factory.mktemp("fuzz")
    db = open_database(folder / "tracker.db")
    TrackingService(db).checkin("1.1", 40, note="已沟通", date="2018-05-10")
    out = folder / "台账.xlsx"
    LedgerService(db).export(out, 2018)
    yield Setup(db, out.read_bytes(), folder)
    db.close()


def outcome(db: Database, path: Path) -> LedgerPreview | UserError:
    """A preview or a UserError with a message; any other exception fails the test."""
    try:
        return LedgerService(db).preview(path)
    except UserError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return exc


@FUZZ
@given(data=st.data())
def test_damaged_bytes(setup: Setup, data: st.DataObject) -> None:
    db, good, folder = setup
    raw = bytearray(good)
    if data.draw(st.booleans(), label="truncate"):
        raw = raw[: data.draw(st.integers(0, len(raw)), label="keep")]
    for _ in range(data.draw(st.integers(1, 20), label="flips")):
        if raw:
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    path = folder / "bytes.xlsx"
    path.write_bytes(bytes(raw))
    outcome(db, path)


_XML_NOISE = st.sampled_from([
    "<", ">", "&", "&lol;", "]]>", "<!--", '"', "<c r=\"A1\" t=\"s\"><v>999</v></c>",
    "<row r=\"1048576\"/>", "<c r=\"ZZZ1\" t=\"n\"><v>1e309</v></c>", "\x00", "é", "台账",
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', "<v>abc</v>", 't="d"', 't="b"', 't="e"',
])


@FUZZ
@given(data=st.data())
def test_mangled_xml(setup: Setup, data: st.DataObject) -> None:
    db, good, folder = setup
    part = data.draw(st.sampled_from(PARTS), label="part")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == part:
                text = body.decode("utf-8")
                for _ in range(data.draw(st.integers(1, 4), label="edits")):
                    at = data.draw(st.integers(0, len(text)), label="at")
                    cut = data.draw(st.integers(0, 40), label="cut")
                    text = text[:at] + data.draw(_XML_NOISE, label="noise") + text[at + cut:]
                body = text.encode("utf-8", "surrogatepass")
            zout.writestr(info.filename, body)
    path = folder / "xml.xlsx"
    path.write_bytes(buf.getvalue())
    outcome(db, path)


_ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2999, 12, 31)),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(["=1+1", "60%", "６０％", " 50 ", "1e3", "nan", "-0", "100.0001", "1.1.1",
                     "字" * 32_767, "0x10", "∞"]),
)


@FUZZ
@given(edits=st.lists(
    st.tuples(st.integers(FIRST_DATA_ROW - 3, FIRST_DATA_ROW + 16),
              st.integers(1, len(LEDGER_COLUMNS)), _ODD_VALUES),
    min_size=1, max_size=6,
))
def test_odd_cell_values(setup: Setup,
                         edits: list[tuple[int, int, object]]) -> None:
    db, good, folder = setup
    wb = openpyxl.load_workbook(io.BytesIO(good))
    ws = wb["台账"]
    for rng in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(rng))
    for row, col, value in edits:
        ws.cell(row, col).value = value
    path = folder / "cells.xlsx"
    wb.save(path)
    result = outcome(db, path)
    if isinstance(result, LedgerPreview):
        assert all(0 <= float(c.value) <= 100 for c in result.changes if c.field == "progress")
