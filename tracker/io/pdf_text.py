"""Make the text of a PDF that Qt wrote copy and search as the characters we wrote.

Qt's PDF writer maps each glyph back to the lowest code point the font gives it. CJK fonts such
as Noto Sans/Serif CJK draw 月 and the Kangxi radical ⽉ (U+2F49) with one glyph, so the PDF's
text layer says ⽉: pdftotext, search and copy-paste then miss 月, 工, 人 … The ToUnicode maps
Qt writes are plain text with four hex digits per code point, so swapping a radical for its
ideograph keeps every byte offset, and the cross-reference table stays valid.
"""

from __future__ import annotations

import re

_CMAP = re.compile(rb"begincmap.*?endcmap", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")
RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals


def fix_radicals(data: bytes, mapping: dict[int, int]) -> bytes:
    """`data` with every radical code point in its ToUnicode maps replaced by `mapping`'s
    ideograph (both four hex digits, so the length does not change)."""
    if not mapping:
        return data

    def swap(found: re.Match[bytes]) -> bytes:
        code = int(found.group(1), 16)
        if code in mapping and mapping[code] <= 0xFFFF:
            return b"<%04X>" % mapping[code]
        return found.group(0)

    def in_cmap(block: re.Match[bytes]) -> bytes:
        return _HEX.sub(swap, block.group(0))

    fixed = _CMAP.sub(in_cmap, data)
    assert len(fixed) == len(data)
    return fixed
