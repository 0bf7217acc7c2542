"""What a heading says: the document's title, the year it looks back on, and whether a
heading announces goals, a review, a preamble or a closing part.

These are questions about one line (or the first lines), asked both before the outline is
built (which unnumbered lines are headings) and after it (which part holds the plan), so
they live apart from the plan finder that asks them of whole sections.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.io.report.fields import first_clause, strip_end, years_in
from tracker.io.report.items import is_bare_heading
from tracker.io.report.lines import Line
from tracker.io.report.outline import Section, marker
from tracker.io.report.words import (
    CLOSING,
    GOAL,
    NEXT_YEAR,
    NOTICE_TITLE,
    PLAN_TITLE,
    PREAMBLE,
    REVIEW,
    REVIEW_TITLE,
)

HEAD_PUNCT = re.compile(r"[。；;！!？?，,]")


def heading_words(text: str) -> str:
    return strip_end(first_clause(text))


def goal_year(words: str, report_year: int) -> int | None:
    """The year a heading's goals are for; 0 when it names none; None when not a goals heading."""
    if len(words) > 40 or not GOAL.search(words):
        return None
    years = years_in(words)
    if REVIEW.search(words) and not NEXT_YEAR.search(words) and not (years and max(years) > report_year > 0):
        return None
    if CLOSING.search(words) or PREAMBLE.match(words):
        return None
    if years:
        return max(years)
    if NEXT_YEAR.search(words):
        return report_year + 1 if report_year else -1
    return 0


def is_review(section: Section, report_year: int) -> bool:
    """A part about what was done: a heading (not a task sentence) with review words."""
    words = heading_words(section.head)
    return (bool(REVIEW.search(words)) and goal_year(words, report_year) is None
            and (is_bare_heading(section.head) or section.style == "part" or bool(section.children)))


def plain_heading_rule(title_line: Line | None, report_year: int) -> Callable[[Line], bool]:
    """Which unnumbered lines are headings: the title, goals/closing/preamble words, a plan's title."""

    def is_heading(line: Line) -> bool:
        if line is title_line:
            return True
        text = line.text
        colon = re.search(r"[：:]", text)
        if colon and colon.start() <= 20 and goal_year(text[: colon.start()], report_year) is not None \
                and NEXT_YEAR.search(text[: colon.start()]):
            return True  # "下步工作打算：一是…"
        words = text.rstrip("：: ")
        if len(words) > 40 or HEAD_PUNCT.search(words):
            return False
        if len(words) <= 12 and (CLOSING.search(words) or PREAMBLE.match(words)):
            return True
        if goal_year(words, report_year) is not None and (years_in(words) or NEXT_YEAR.search(words)):
            return True
        return bool(years_in(words) and (PLAN_TITLE.search(words) or REVIEW_TITLE.search(words)))

    return is_heading


def find_title(lines: list[Line]) -> Line | None:
    """The document's title: its first line when that is short and not a sentence.

    An organisation line above the title ("某某市科学技术局") gives way to the line below it.
    """
    heads = [ln for ln in lines[:3] if ln.kind == "text"]
    if not heads:
        return None
    first = heads[0]
    if len(first.text) > 60 or HEAD_PUNCT.search(first.text.rstrip("。")) or marker(first.text):
        return None
    if (len(heads) > 1 and len(first.text) <= 20 and not years_in(first.text) and not marker(heads[1].text)
            and not (PLAN_TITLE.search(first.text) or REVIEW_TITLE.search(first.text)
                     or NOTICE_TITLE.search(first.text))
            and len(heads[1].text) <= 60 and not HEAD_PUNCT.search(heads[1].text)
            and (PLAN_TITLE.search(heads[1].text) or REVIEW_TITLE.search(heads[1].text))):
        return heads[1]
    return first


def org_line_above(title_line: Line | None, lines: list[Line]) -> Line | None:
    """The short organisation line right above a title that find_title moved down to."""
    if title_line is None:
        return None
    index = next((i for i, ln in enumerate(lines) if ln is title_line), 0)
    if index == 0:
        return None
    above = lines[index - 1]
    return above if above.kind == "text" and len(above.text) <= 20 and not HEAD_PUNCT.search(above.text) \
        else None


def report_year_of(title: str, lines: list[Line]) -> tuple[int, bool]:
    """The year a report looks back on: the first year of its title, else of a dated line (unsure)."""
    years = years_in(title)
    if years:
        return min(years), False
    for line in lines[:40]:
        if line.kind == "text" and REVIEW.search(line.text[:30]):
            found = years_in(line.text[:30])
            if found:
                return min(found), False
    return 0, True
