"""User text as stored: control characters removed, length bounded.

Pasted text from other programs carries NULs, form feeds and bidi marks that break
exports and terminals; they are dropped at the door rather than in every writer.
"""

from __future__ import annotations

import unicodedata

MAX_FIELD_CHARS = 100_000


class TextTooLong(ValueError):
    pass


def clean_text(value: str, *, single_line: bool = False, limit: int = MAX_FIELD_CHARS) -> str:
    """Strip control and format characters (newlines and tabs kept unless `single_line`).

    Multi-line text keeps its leading tabs and line breaks (an indented first point, a note
    that starts on a new line): only trailing whitespace goes, and text of nothing but
    whitespace is empty. A single line is trimmed and its runs of whitespace made one space."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    keep = "" if single_line else "\n\t"
    cleaned = "".join(
        ch for ch in value
        if ch in keep or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    ).rstrip()
    if single_line:
        cleaned = " ".join(cleaned.split())
    elif not cleaned.strip():
        cleaned = ""
    if len(cleaned) > limit:
        raise TextTooLong(f"文本过长（{len(cleaned):,} 字），上限 {limit:,} 字。")
    return cleaned


def split_names(value: str) -> list[str]:
    """"A,B" / "A，B" / "A、B" / "A;B" → ["A", "B"], blanks and repeats dropped."""
    for sep in "，、;；/\n":
        value = value.replace(sep, ",")
    names: list[str] = []
    for part in value.split(","):
        name = clean_text(part, single_line=True, limit=100)
        if name and name not in names:
            names.append(name)
    return names
