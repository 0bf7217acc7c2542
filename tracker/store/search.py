"""Reads for the window's search box: which items mention a word in their long texts.

The tree holds what it shows; the long texts (an item's details, the report's words, every
check-in's progress, problems, next steps and reporter) stay in the file and are searched here,
one query per word. Plain LIKE with an escaped pattern: portable, and case-insensitive for
ASCII letters as the window's own matching is.
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker.store.sql import Tx

_CHUNK = 500


def _pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def nodes_mentioning(c: Tx, plan_id: int, word: str,
                     among: Iterable[int] | None = None) -> set[int]:
    """Items (not areas) of the plan whose details, report excerpt or any check-in hold `word`;
    only those in `among` when given (after an edit, to look at the items it touched)."""
    pattern = _pattern(word)
    out: set[int] = set()
    for where, params in _scope(plan_id, among):
        out.update(r[0] for r in c.execute(
            "SELECT n.id FROM node n WHERE " + where + " AND n.parent_id IS NOT NULL AND"
            " (n.detail LIKE ? ESCAPE '\\' OR n.source_excerpt LIKE ? ESCAPE '\\')",
            [*params, pattern, pattern]))
        out.update(r[0] for r in c.execute(
            "SELECT DISTINCT ch.node_id FROM checkin ch JOIN node n ON n.id = ch.node_id WHERE "
            + where + " AND (ch.progress_text LIKE ? ESCAPE '\\' OR ch.problems LIKE ? ESCAPE '\\'"
            " OR ch.next_steps LIKE ? ESCAPE '\\' OR ch.reporter LIKE ? ESCAPE '\\')",
            [*params, pattern, pattern, pattern, pattern]))
    return out


def _scope(plan_id: int, among: Iterable[int] | None) -> list[tuple[str, list[object]]]:
    if among is None:
        return [("n.plan_id = ?", [plan_id])]
    ids = sorted(set(among))
    return [(f"n.plan_id = ? AND n.id IN ({', '.join('?' * len(chunk))})", [plan_id, *chunk])
            for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK))]
