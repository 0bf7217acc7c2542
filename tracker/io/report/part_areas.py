"""The chosen part of a report → its areas: which sections are areas, which are items.

The plan finder decides *where* the plan is (a goals section, or the whole document); this
decides *what* in it is tasks: preamble and closing parts are left out, a heading holding
lists gives one area per list, and sections that are single items are grouped under one area.
"""

from __future__ import annotations

from tracker.domain.model import Kind, NodeDraft, SkipReason
from tracker.io.report.fields import first_clause
from tracker.io.report.headings import goal_year, heading_words, is_review
from tracker.io.report.items import AreaBuilder, Tally, is_bare_heading, is_list
from tracker.io.report.lines import Line
from tracker.io.report.outline import Section
from tracker.io.report.words import CLOSING, CONTAINER, PREAMBLE


class PartAreas:
    """Areas of one report's plan part, recording in the tally every line they leave out."""

    def __init__(self, tally: Tally, title: str, report_year: int) -> None:
        self.tally = tally
        self.title = title
        self.report_year = report_year
        self.intro = ""  # the words under the goals heading, before its first area

    def under(self, goals: Section, year: int, *, titled: bool = True) -> list[NodeDraft]:
        """Areas of a goals section: its list-holding children, or it is one area itself.

        `titled` says the heading names the plan; in a whole plan it is not its title (三、重点
        任务 under the document's), so when it is no area either it is listed as skipped.
        """
        self.tally.use(goals.line)
        builder = AreaBuilder(self.tally, year)
        kids = self._drop_preamble_and_closing(goals.children)
        words = heading_words(goals.head)
        rest = goals.head[len(first_clause(goals.head)):].lstrip("。：:；; ")
        if not kids:
            if not goals.paras and not rest:
                return []
            single = Section(goals.style, goals.number, goals.line, goals.head, list(goals.paras))
            area = builder.area(single)
            area.title = words or f"{year}年工作目标"
            return [area]
        intro = _before_first_section(goals)
        for line in intro:
            self.tally.skip(line, SkipReason.PREAMBLE)
        self.intro = "\n".join(ln.text for ln in intro)
        head = goals.line
        head_end = head.end if head is not None else 0
        if rest and head is not None and head.text.endswith(rest):
            head_end = head.end - len(rest)
            self.tally.skip_text(rest, SkipReason.PREAMBLE, (head_end, head.end))
        if not titled and head is not None:
            self.tally.skip_text(head.text[:head_end - head.start], SkipReason.HEADING,
                                 (head.start, head_end))
        return self._areas_from(kids, builder, words or f"{year}年工作目标")

    def whole(self, tops: list[Section], year: int) -> list[NodeDraft]:
        """A whole-document plan: its task parts, without preamble, review and closing."""
        parts = [s for s in tops if s.style != "plain" or s.children or s.paras]
        parts = self._drop_preamble_and_closing(parts)
        tasks = []
        for s in parts:
            if is_review(s, self.report_year) and s.style != "plain":
                self.tally.skip_section(s, SkipReason.OUTSIDE)
            else:
                tasks.append(s)
        builder = AreaBuilder(self.tally, year)
        if len(tasks) == 1 and tasks[0].children and (
                CONTAINER.match(heading_words(tasks[0].head)) or goal_year(heading_words(tasks[0].head),
                                                                          self.report_year) is not None):
            return self.under(tasks[0], year, titled=False)
        plain_tasks = [s for s in tasks if s.style == "plain"]
        for s in plain_tasks:  # a plain heading in a whole plan ("主要任务") holds its sections
            if s.line is not None:
                self.tally.skip(s.line, SkipReason.HEADING)
        expanded: list[Section] = []
        for s in tasks:
            if s.style == "plain":
                for b in s.body:
                    if isinstance(b, Line):
                        self.tally.skip(b, SkipReason.PREAMBLE)
                expanded.extend(s.children)
            else:
                expanded.append(s)
        if not expanded:
            return []
        title = self.title or f"{year}年工作计划"
        return self._areas_from(expanded, builder, title)

    def _areas_from(self, kids: list[Section], builder: AreaBuilder, group_title: str) -> list[NodeDraft]:
        """One area per list-holding section; sections that are single items share one area."""
        if any(is_list(k) for k in kids):
            return [builder.area(k) for k in kids]
        items = [n for k in kids if (n := builder.item_from_section(k))]
        if not items:
            return []
        lines = [ln for k in kids for ln in k.lines()]
        return [NodeDraft(Kind.AREA, group_title, "", "\n".join(ln.text for ln in lines), items,
                          span=(lines[0].start, lines[-1].end))]

    def _drop_preamble_and_closing(self, kids: list[Section]) -> list[Section]:
        """Closing parts never hold tasks; preamble parts only when nothing else does."""
        keep: list[Section] = []
        preamble: list[Section] = []
        for k in kids:
            words = heading_words(k.head)
            if k.style in ("closing", "attachment") or (CLOSING.search(words) and is_bare_heading(k.head)):
                self.tally.skip_section(k, SkipReason.CLOSING)
            elif PREAMBLE.match(words) and len(words) <= 16:
                preamble.append(k)
            else:
                keep.append(k)
        if not keep:
            return preamble
        for k in preamble:
            self.tally.skip_section(k, SkipReason.PREAMBLE)
        return keep


def _before_first_section(section: Section) -> list[Line]:
    out = []
    for b in section.body:
        if isinstance(b, Section):
            break
        out.append(b)
    return out
