"""What a file taken in from outside may hold: every cap of the importers, in one place.

Sized for what the app itself writes, with room, and checked before any parser sees the
content, so a hostile file is refused in seconds and a few MB instead of minutes and GBs.
Figures from the app's own 100,000-item ledger with a year of check-ins (12 per item,
`python benchmarks/import_limits.py`): 74 MB on disk; its 台账 sheet unpacks to 114 MB
(101,004 rows of 14 cells), its 进展记录 sheet to 863 MB, styles to 9 KB with 28 cell
formats, 45 defined names, no shared strings (the app writes text inline; Excel re-saves
it as shared strings).
"""

from __future__ import annotations

MB = 1024 * 1024

# --- any file --------------------------------------------------------------------------
MAX_REPORT_FILE_BYTES = 20 * MB  # a year's report, .txt/.docx/.pdf

# --- a returned ledger (.xlsx) -----------------------------------------------------------
MAX_LEDGER_FILE_BYTES = 160 * MB  # read whole into memory, once
MAX_PARTS = 2_000  # files inside the zip
# Unpacked size of one part. Only the 台账 sheet is read through; of the other sheets only
# the head before <sheetData> is parsed, so they may be as large as the app makes them.
MAX_SHEET_PART_BYTES = 4_096 * MB
MAX_SHARED_STRINGS_PART_BYTES = 256 * MB
MAX_PART_BYTES = 64 * MB  # any other part (workbook, styles, rels, properties, drawings…)
MAX_RATIO = 200  # unpacked/packed of a part over RATIO_FLOOR; real sheets stay below 50
RATIO_FLOOR = 1 * MB
MAX_SCANNED_BYTES = 512 * MB  # all that the checks unpack, together

MAX_LEDGER_ROWS = 150_000  # 台账 rows, header and area rows included
MAX_ROW_CELLS = 256  # cells written in one row (the ledger has 14 columns)
MAX_LEDGER_CELLS = 3_000_000  # cells in the 台账 sheet
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell's text (the row reader names the row)
# A cell's text the checks let through to the row reader; past it the file is a bomb, refused
# before a string that size is ever built (one 199 MB cell took 412 MB).
MAX_SCANNED_CELL_CHARS = 4 * MAX_CELL_CHARS
MAX_SHARED_STRINGS = 1_000_000  # an Excel re-save of a ~25,000-item ledger with a year of check-ins
MAX_STYLE_RECORDS = 20_000  # cell formats, fonts, fills, borders, number formats together
MAX_DEFINED_NAMES = 10_000
MAX_SHEETS = 1_000
MAX_PART_ELEMENTS = 500_000  # XML elements in any part other than the 台账 sheet's rows
MAX_TEXT_CHARS = 1_000_000  # one text run anywhere else (a property, a formula…)
