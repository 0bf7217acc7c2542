"""Lists written inside a paragraph: 一是…二是…, （1）…（2）…, ①…②…, and ；-separated clauses.

Each splitter returns (start, end, marker_end) offsets into the text, or None when the
text holds fewer than two pieces, so callers keep the source positions of every item.
"""

from __future__ import annotations

import re

from tracker.io.report.clauses import clause_marks
from tracker.io.report.numerals import CIRCLED, FULLWIDTH_DIGITS, PAREN_GLYPHS, cn_numeral

Piece = tuple[int, int, int]  # start, end, where the text after the marker begins

_BEFORE_MARKER = "。；;，,：:！!？?\n \t)）"


def ordinals(body: str) -> list[Piece] | None:
    """Split at 一是 … 二是 … (or 一要 … 二要 …) in sequence; a marker counts only after
    punctuation or at the start, so words like 统一是 are left alone."""
    return _ordinal_series(body, "是") or _ordinal_series(body, "要")


def _ordinal_series(body: str, word: str) -> list[Piece] | None:
    found: list[tuple[int, int]] = []
    expected = 1
    pos = 0
    while expected < 100:  # cn_numeral stops at 99; a 100th "是" stays in the 99th item
        marker = cn_numeral(expected) + word
        search_from = pos
        hit = -1
        while True:
            i = body.find(marker, search_from)
            if i < 0:
                break
            if i == 0 or body[i - 1] in _BEFORE_MARKER:
                hit = i
                break
            search_from = i + 1
        if hit < 0:
            break
        end = hit + len(marker)
        while end < len(body) and body[end] in "：:，, ":
            end += 1
        found.append((hit, end))
        pos = end
        expected += 1
    return _pieces(found, len(body))


_INLINE_NUM = re.compile(
    r"(?:^|(?<=[。；;！!？?\n\s：:]))"  # at the start or after a stop
    rf"(?:[（(](\d{{1,2}})[）)]|(\d{{1,2}})[、．.](?!\d)|([{CIRCLED}])|([{PAREN_GLYPHS}]))"
)


def numbered(body: str) -> list[Piece] | None:
    """Split at 1. 2. / （1）（2） / ⑴⑵ / ①② in sequence (inline or one per line)."""
    found: list[tuple[int, int]] = []
    expected = 1
    style = ""
    for m in _INLINE_NUM.finditer(body.translate(FULLWIDTH_DIGITS)):
        kind = "p" if m.group(1) or m.group(4) else "n" if m.group(2) else "c"
        raw = m.group(1) or m.group(2)
        number = (int(raw) if raw else CIRCLED.index(m.group(3)) + 1 if m.group(3)
                  else PAREN_GLYPHS.index(m.group(4)) + 1)
        if number == expected and (not style or kind == style):
            style = kind
            found.append((m.start(), m.end()))
            expected += 1
    return _pieces(found, len(body))


def directives(body: str) -> list[Piece] | None:
    """Split "要加强…；要组织…；要落实…。" at each clause that opens with 要: a 要点's way of
    listing tasks in one paragraph. The 要 is the marker, not part of the task."""
    found = [(i, i + 1) for i, ch in enumerate(body)
             if ch == "要" and (i == 0 or body[i - 1] in "。；;\n") and i + 1 < len(body)]
    return _pieces(found, len(body))


def semicolons(body: str) -> list[Piece] | None:
    found: list[tuple[int, int]] = []
    start = 0
    for at in clause_marks(body, "；;"):
        if body[start:at].strip():
            found.append((start, start))
        start = at + 1
    if body[start:].strip(" 。.\n"):
        found.append((start, start))
    if len(found) < 2:
        return None
    out: list[Piece] = []
    for n, (s, _) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(body)
        out.append((s, end, s))
    return out


def _pieces(found: list[tuple[int, int]], length: int) -> list[Piece] | None:
    if len(found) < 2:
        return None
    return [(s, found[n + 1][0] if n + 1 < len(found) else length, e) for n, (s, e) in enumerate(found)]
