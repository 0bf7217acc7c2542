"""Where a clause ends: the punctuation that cuts a title from its detail, or a ；-list into
items, except where that punctuation belongs to something else.

A report pasted from a spreadsheet or a web page carries web addresses and formulas
(=HYPERLINK("http://…")): the colon of http://, the ? and ; of a query string end no clause.
Nor does an ASCII colon between Latin letters or digits (ISO 9001:2015, 10:30).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# a web address runs over printable ASCII; punctuation at its end belongs to the sentence
_ADDRESS = re.compile(r"(?:https?://|www\.)[!-~]*", re.IGNORECASE)
_ADDRESS_TAIL = ".,;:!?"


def _addresses(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text.lower():
        return []
    spans = []
    for m in _ADDRESS.finditer(text):
        end = m.start() + len(m.group().rstrip(_ADDRESS_TAIL))
        spans.append((m.start(), end))
    return spans


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def clause_marks(text: str, marks: str) -> Iterator[int]:
    """The positions in `text` of the `marks` that end a clause, in order."""
    addresses = _addresses(text)
    for m in re.finditer(f"[{re.escape(marks)}]", text):
        at = m.start()
        if any(start < at < end for start, end in addresses):
            continue
        if text[at] == ":" and 0 < at < len(text) - 1 and _latin(text[at - 1]) and _latin(text[at + 1]):
            continue
        yield at


def clause_end(text: str, marks: str) -> int | None:
    """Where the first clause of `text` ends (at one of `marks`), or None when it runs on."""
    return next(clause_marks(text, marks), None)


def inside_address(text: str, at: int) -> tuple[int, int] | None:
    """The web address that a cut at `at` would split, if any."""
    return next(((s, e) for s, e in _addresses(text) if s < at < e), None)
