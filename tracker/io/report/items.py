"""Outline sections → areas and items, with every line accounted for.

An area is a section whose content is a list: numbered sub-sections, an inline list
(一是…二是…, （1）…, ①…, 要…；要…, ；-clauses) or, under a bare heading, several paragraphs. An item
is a section or a list piece: its first clause is the title, the rest its detail, and its
牵头单位/完成时限 words become fields. `Tally` records which lines went where, so whatever
no item took is listed as skipped with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.domain.model import Kind, NodeDraft, SkippedPassage, SkipReason
from tracker.io.report import inline
from tracker.io.report.clauses import clause_end
from tracker.io.report.fields import (
    find_departments,
    find_due,
    split_title,
    strip_end,
    without_fields,
)
from tracker.io.report.lines import Line, is_field
from tracker.io.report.outline import Section


@dataclass
class Tally:
    """Which lines ended in the plan, and the passages left out with their reasons."""

    used: set[int] = field(default_factory=set)
    skipped: list[SkippedPassage] = field(default_factory=list)
    noted: set[int] = field(default_factory=set)

    def use(self, line: Line | None) -> None:
        if line is not None:
            self.used.add(id(line))

    def skip(self, line: Line, reason: SkipReason) -> None:
        if id(line) in self.used or id(line) in self.noted:
            return
        self.noted.add(id(line))
        self.skipped.append(SkippedPassage(line.text, reason, (line.start, line.end)))

    def skip_section(self, section: Section, reason: SkipReason) -> None:
        for line in section.lines():
            self.skip(line, reason)

    def skip_text(self, text: str, reason: SkipReason, span: tuple[int, int] | None) -> None:
        text = text.strip(" \n，,。；;：:")
        if text:
            self.skipped.append(SkippedPassage(text, reason, span))


@dataclass
class Passage:
    """Texts from several lines joined by newlines, each remembering where it came from."""

    parts: list[tuple[str, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(t for t, _ in self.parts)

    def span(self, a: int, b: int) -> tuple[int, int] | None:
        """Source offsets of text[a:b]."""
        start = end = None
        pos = 0
        for t, origin in self.parts:
            if start is None and a <= pos + len(t):
                start = origin + max(0, a - pos)
            if b <= pos + len(t):
                end = origin + max(0, b - pos)
                break
            pos += len(t) + 1
        if start is None:
            return None
        return start, end if end is not None else start


def line_rest(line: Line, rest: str) -> tuple[str, int]:
    """The tail `rest` of a line, with its source offset."""
    at = line.text.rfind(rest) if rest else len(line.text)
    return rest, line.start + max(at, 0)


def item_node(text: str, span: tuple[int, int] | None, year: int, excerpt: str = "") -> NodeDraft | None:
    """An item from its text: title and detail, deadline and departments."""
    depts = find_departments(text)
    due = find_due(text, year)
    body = without_fields(text)
    if depts.lead:
        body = re.sub(r"[（(][^（()）]{2,120}?牵头[^（()）]{0,120}[）)]", "", body)
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    if not lines:
        return None
    title, rest = split_title(lines[0])
    detail = "\n".join(p for p in [rest, *lines[1:]] if p)
    if not title:
        if not detail:
            return None
        title, detail = split_title(detail)
    return NodeDraft(Kind.TASK, title, detail, (excerpt or text).strip(), due=due,
                     lead_dept=depts.lead, co_depts=depts.co, span=span)


def area_title(head: str) -> tuple[str, str, bool]:
    """(title, rest, listed): an area line's own words, the text after them, and whether the
    rest may be read as a ；-list ("1、强化监管，开展排查；加强检查；…" → 强化监管)."""
    at = clause_end(head, "。：:；;！!？?")
    if at is not None and at <= 60 and head[at] in "；;" and re.search(r"[，,]", head[:at]):
        title, first_item = re.split(r"[，,]", head[:at], maxsplit=1)
        return title.strip(" ，,、"), first_item + head[at:], True
    if at is not None and at <= 60:
        return head[:at].strip(" ，,、"), head[at + 1:].strip(), head[at] not in "；;"
    if len(head) <= 60:
        return strip_end(head).strip(" ，,、"), "", False
    title, rest = split_title(head)
    return title, rest, False


def is_bare_heading(head: str) -> bool:
    """A heading line only: short, and no sentence inside it."""
    return len(head) <= 40 and not re.search(r"[。；;！!？?]", head.rstrip("。：:"))


def content_paras(section: Section) -> list[Line]:
    return [p for p in section.paras if not is_field(p.text)]


def is_list(section: Section) -> bool:
    """Does this section hold several items (so it is an area rather than an item)?"""
    if section.children:
        return True
    # "（牵头单位：X；配合单位：Y）" is one item's fields, not a ；-list
    _, rest, listed = area_title(without_fields(section.head))
    passage = " ".join([rest, *(p.text for p in section.paras)])
    if inline.ordinals(passage) or inline.numbered(passage) or inline.directives(passage):
        return True
    if is_bare_heading(section.head) and len(content_paras(section)) >= 2:
        return True
    return listed and inline.semicolons(rest) is not None and not section.paras


class AreaBuilder:
    """Turns the chosen sections into areas and items for one plan year."""

    def __init__(self, tally: Tally, year: int) -> None:
        self.tally = tally
        self.year = year

    def item_from_section(self, section: Section) -> NodeDraft | None:
        lines = section.lines()
        for line in lines:
            self.tally.use(line)
        passage = Passage([(section.head, lines[0].start + max(0, lines[0].text.rfind(section.head)))]
                          if lines and lines[0] is section.line else [])
        passage.parts += [(ln.text, ln.start) for ln in lines if ln is not section.line]
        text = passage.text
        span = (lines[0].start, lines[-1].end) if lines else None
        node = item_node(text, span, self.year, "\n".join(ln.text for ln in lines))
        if node is None:
            for line in lines:
                self.tally.used.discard(id(line))
                self.tally.skip(line, SkipReason.PREAMBLE)
        return node

    def area(self, section: Section) -> NodeDraft:
        """An area from a list-holding section (see `is_list`)."""
        title, rest, listed = area_title(section.head)
        self.tally.use(section.line)
        excerpt = "\n".join(ln.text for ln in section.lines())
        span = (section.lines()[0].start, section.lines()[-1].end) if section.lines() else None
        node = NodeDraft(Kind.AREA, title, "", excerpt, span=span)
        if section.children:
            if rest and section.line is not None:
                text, at = line_rest(section.line, rest)
                self.tally.skip_text(text, SkipReason.PREAMBLE, (at, at + len(text)))
            for b in section.body:
                if isinstance(b, Section):
                    break
                self.tally.skip(b, SkipReason.PREAMBLE)
            node.children = [n for c in section.children if (n := self.item_from_section(c))]
        else:
            node.children = self.inline_items(section, title, rest, listed)
        if not node.children:  # an area stated in one sentence is its own single item
            node.children = [NodeDraft(Kind.TASK, title, "", excerpt, span=span)]
        return node

    def inline_items(self, section: Section, title: str, rest: str, listed: bool) -> list[NodeDraft]:
        """Items written inside the area's own text, or as its paragraphs."""
        passage = Passage()
        if rest and section.line is not None:
            passage.parts.append(line_rest(section.line, rest))
        passage.parts += [(p.text, p.start) for p in section.paras]
        for p in section.paras:
            self.tally.use(p)
        text = passage.text
        pieces = inline.ordinals(text) or inline.numbered(text) or inline.directives(text)
        if pieces is None and is_bare_heading(section.head) and len(content_paras(section)) >= 2:
            pieces = self._paragraph_pieces(passage)
        if pieces is None and listed and not section.paras:
            pieces = inline.semicolons(text)
        if pieces is None:
            if not text.strip():
                return []
            node = item_node(title + "。" + text if title else text, passage.span(0, len(text)), self.year,
                             text)
            if node is not None:
                node.title, node.detail = title, without_fields(text).strip() if title else node.detail
            return [node] if node else []
        first = pieces[0][0]
        if text[:first].strip():
            self.tally.skip_text(text[:first], SkipReason.PREAMBLE, passage.span(0, first))
        items = []
        for start, end, body_start in pieces:
            node = item_node(text[body_start:end], passage.span(start, end), self.year, text[start:end])
            if node is not None:
                items.append(node)
            else:
                self.tally.skip_text(text[start:end], SkipReason.PREAMBLE, passage.span(start, end))
        return items

    @staticmethod
    def _paragraph_pieces(passage: Passage) -> list[inline.Piece]:
        """Each paragraph is an item; a 牵头单位/完成时限 line stays with the paragraph above it."""
        text = passage.text
        starts: list[int] = []
        pos = 0
        for t, _ in passage.parts:
            if t.strip() and not is_field(t):
                starts.append(pos)
            pos += len(t) + 1
        ends = [s - 1 for s in starts[1:]] + [len(text)]
        return [(s, e, s) for s, e in zip(starts, ends, strict=True)]
