"""Find the plan in a report's outline: which part, which year, which levels are areas.

Three kinds of document carry a plan. A whole-document plan (…年工作要点/计划/安排, a 任务
分解方案) is all plan except its preamble (指导思想, 总体要求, targets) and closing
(保障措施, 工作要求, signature). A review report carries it as one section (三、2019年工作打算,
下步工作打算：, 明年…). A notice (通知) carries it as its attachment (附件). Anything else —
an information-disclosure report, a cover letter without tasks — is refused with a sentence
saying what was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain.model import PlanDraft, SkipReason
from tracker.io.report.errors import ReportError
from tracker.io.report.fields import strip_end, years_in
from tracker.io.report.headings import (
    HEAD_PUNCT,
    goal_year,
    heading_words,
    is_review,
    org_line_above,
    report_year_of,
)
from tracker.io.report.items import Tally
from tracker.io.report.lines import Line
from tracker.io.report.notice import names_plan, notice_names
from tracker.io.report.outline import Section
from tracker.io.report.part_areas import PartAreas
from tracker.io.report.table import TaskTable, build_areas
from tracker.io.report.words import CLOSING, NEXT_YEAR, NOT_PLAN, NOTICE_TITLE, PLAN_TITLE, REVIEW_TITLE


@dataclass
class Year:
    """The plan's year, and whether it was guessed (then `note` says from what)."""

    value: int = 0
    unsure: bool = False
    note: str = ""


class PlanFinder:
    """One report: chooses the plan part and builds the draft."""

    def __init__(self, root: Section, title_line: Line | None, lines: list[Line], tally: Tally,
                 year: int | None) -> None:
        self.root = root
        self.title_line = title_line
        self.title = strip_end(title_line.text) if title_line else ""
        self.org_line = org_line_above(title_line, lines)
        if self.org_line is not None and years_in(self.title[:8]):
            self.title = self.org_line.text + self.title  # 某县人社局 / 二〇二〇年工作要点
        self.lines = lines
        self.tally = tally
        self.forced_year = year
        self.report_year, _ = report_year_of(self.title, lines)
        self.lead_in: list[Line] = []  # paragraphs under the title, before the first section
        self.parts = PartAreas(tally, self.title, self.report_year)

    @property
    def intro(self) -> str:
        """The words under the goals heading before its first area (shown in the preview)."""
        return self.parts.intro

    # --- the document and its parts ----------------------------------------------------

    def tops(self) -> tuple[list[Section], str]:
        """The top-level sections of the part that holds the plan, and that part's title.

        A notice's cover letter gives way to its attachment: the part after a 附件 line, or a
        plan title after the signature.
        """
        body = self.root.body
        start = 0
        title = self.title
        named = notice_names(self.title)
        if NOTICE_TITLE.search(self.title) or any(isinstance(b, Section) and b.style == "attachment"
                                                  for b in body):
            for i, b in enumerate(body):
                if not isinstance(b, Section) or i == 0:
                    continue
                after_attachment = b.style == "attachment"
                before = body[i - 1]
                plan_title = (b.style == "plain" and b.line is not None and b.line is not self.title_line
                              and bool(PLAN_TITLE.search(b.head)) and not REVIEW_TITLE.search(b.head)
                              and ((isinstance(before, Section) and before.style in ("closing", "attachment"))
                                   or names_plan(named, b.head)))
                if after_attachment or plan_title:
                    start = i
            if start:
                for b in body[:start]:
                    self._skip_any(b, SkipReason.OUTSIDE)
                part = body[start:]
                if isinstance(part[0], Section) and part[0].style == "attachment":
                    self._skip_any(part[0], SkipReason.CLOSING)
                    part = part[1:]
                plain = next((b for b in part if isinstance(b, Section) and b.style == "plain"), None)
                if plain is not None and plain.line is not None:
                    title = strip_end(plain.head)
                    self.tally.use(plain.line)
                body = part
        tops: list[Section] = []
        for b in body:
            if isinstance(b, Line):
                self.lead_in.append(b)
            elif b.style == "plain" and (b.line is self.title_line or strip_end(b.head) == title):
                for inner in b.body:
                    if isinstance(inner, Line):
                        self.lead_in.append(inner)
                    else:
                        tops.append(inner)
            else:
                tops.append(b)
        return tops, title

    def _skip_any(self, b: Line | Section, reason: SkipReason) -> None:
        if isinstance(b, Line):
            self.tally.skip(b, reason)
        else:
            self.tally.skip_section(b, reason)

    # --- choosing ----------------------------------------------------------------------

    def draft(self, source: str) -> PlanDraft:
        if NOT_PLAN.search(self.title):
            raise ReportError(self._refusal("这是一份信息公开或统计类报告，不是工作计划"))
        tops, title = self.tops()
        goals = self._goal_candidates(tops)
        review = [s for s in tops
                  if s.style not in ("closing", "attachment") and is_review(s, self.report_year)]
        plan_titled = bool(PLAN_TITLE.search(title)) and not REVIEW_TITLE.search(title)
        dated_goals = [g for g, y in goals if y != 0]
        if plan_titled and not (review and dated_goals):
            areas = self.parts.whole(tops, self._year_of_whole(self.title).value)
            year = self._year_of_whole(title)
            plan_title = title or f"{year.value}年工作计划"
            if title == self.title:
                self._use_title()
        elif goals:
            best, found = min(goals, key=lambda gy: (gy[1] == 0, gy[0].depth))
            for s in tops:
                if s is not best and not _contains(s, best):
                    self.tally.skip_section(s, self._reason_outside(s))
            self._skip_outside_siblings(best, tops)
            year = self._year_of_goals(found)
            areas = self.parts.under(best, year.value)
            plan_title = heading_words(best.head) or f"{year.value}年工作目标"
            if not areas:
                raise ReportError(
                    f"在“{plan_title}”下没有找到编号的工作事项（1、 1. （一） 一是…二是… 或以分号分隔）。")
        elif (NOTICE_TITLE.search(title) or plan_titled or not review) and self._has_tasks(tops):
            areas = self.parts.whole(tops, self._year_of_whole(self.title).value)
            year = self._year_of_whole(title)
            plan_title = title or f"{year.value}年工作计划"
            if title == self.title:
                self._use_title()
        else:
            raise ReportError(self._refusal())
        if not areas:
            raise ReportError(self._refusal())
        whole = plan_title == title and (plan_titled or not goals)
        for line in self.lead_in:
            self.tally.skip(line, SkipReason.PREAMBLE if whole else SkipReason.OUTSIDE)
        return PlanDraft(year.value, plan_title, source, "", areas, year_unsure=year.unsure,
                         year_note=year.note)

    def table_draft(self, table: TaskTable, source: str) -> PlanDraft:
        """A plan given as a 任务分解表: the table's rows are the items, the rest is around them."""
        # the table's own title (a notice's attachment) is the nearest plan title above it
        own = next((ln for ln in reversed(self.lines[:table.start])
                    if PLAN_TITLE.search(ln.text) and len(ln.text) <= 60 and not HEAD_PUNCT.search(ln.text)),
                   None)
        title_line = own or self.title_line
        title = strip_end(own.text) if own else self.title
        year = self._year_of_whole(title)
        plan_title = title or f"{year.value}年重点工作任务"
        areas = build_areas(table, self.lines, plan_title, year.value)
        if not areas:
            raise ReportError(self._refusal("表格中没有读到工作任务"))
        if own is None:
            self._use_title()
        self.tally.use(title_line)
        cover = own is not None and own is not self.title_line
        for i, line in enumerate(self.lines):
            if i == table.start:
                self.tally.skip(line, SkipReason.NOISE)  # the header row: column names, not tasks
            elif table.start < i < table.end:
                self.tally.use(line)
            elif i < table.start:
                self.tally.skip(line, SkipReason.OUTSIDE if cover else SkipReason.PREAMBLE)
            else:
                self.tally.skip(line, SkipReason.CLOSING)
        return PlanDraft(year.value, plan_title, source, "", areas, year_unsure=year.unsure,
                         year_note=year.note)

    def _use_title(self) -> None:
        self.tally.use(self.title_line)
        if self.org_line is not None and self.title.startswith(self.org_line.text):
            self.tally.use(self.org_line)

    def _goal_candidates(self, tops: list[Section]) -> list[tuple[Section, int]]:
        found: list[tuple[Section, int]] = []
        stack = list(reversed(tops))
        while stack:
            s = stack.pop()
            if s.style in ("closing", "attachment"):
                continue
            words = heading_words(s.head)
            y = goal_year(words, self.report_year)
            if y is not None and (s.style != "plain" or y != 0 or len(words) <= 20):
                found.append((s, y))
                continue
            if s.depth <= 3:
                stack.extend(reversed(s.children))
        return found

    def _skip_outside_siblings(self, best: Section, tops: list[Section]) -> None:
        """Everything around the goals section, up its ancestors, is outside the plan."""
        node = best
        while node.parent is not None and node not in tops:
            parent = node.parent
            for b in parent.body:
                if b is not node:
                    self._skip_any(b, SkipReason.OUTSIDE)
            if parent.line is not None:
                self.tally.skip(parent.line, SkipReason.OUTSIDE)
            node = parent

    def _reason_outside(self, s: Section) -> SkipReason:
        if s.style == "closing" or CLOSING.search(heading_words(s.head)):
            return SkipReason.CLOSING
        return SkipReason.OUTSIDE

    def _has_tasks(self, tops: list[Section]) -> bool:
        return any(s.style not in ("closing", "attachment", "plain") or s.children for s in tops)

    # --- years -------------------------------------------------------------------------

    def _year_of_goals(self, found: int) -> Year:
        if self.forced_year:
            return Year(self.forced_year)
        if found > 0:
            return Year(found)
        if self.report_year:
            return Year(self.report_year + 1)
        return self._year_from_dates("计划部分的标题没有写年份")

    def _year_of_whole(self, title: str) -> Year:
        if self.forced_year:
            return Year(self.forced_year)
        years = years_in(title)
        if years:
            return Year(min(years))
        if NEXT_YEAR.search(title) and self.report_year:
            return Year(self.report_year + 1)
        return self._year_from_dates("标题没有写年份")

    def _year_from_dates(self, why: str) -> Year:
        """No year in the headings: guess from a dated line (a December notice plans next year)."""
        for line in reversed(self.lines):
            m = re.search(r"((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})", line.text)
            if m and line.kind in ("closing", "noise"):
                y, month = int(m.group(1)), int(m.group(2))
                guess = y + 1 if month >= 10 else y
                return Year(guess, True, f"{why}，按文中日期 {y} 年 {month} 月推定为 {guess} 年")
        return Year(0, True, f"{why}，文中也没有可推定年度的日期")

    # --- refusal -----------------------------------------------------------------------

    def _refusal(self, what: str = "") -> str:
        heads = [s for s in self.root.body if isinstance(s, Section) and s.style not in ("closing",)]
        if len(heads) == 1 and heads[0].style == "plain":
            heads = [heads[0], *heads[0].children]
        names = [heading_words(s.line.text if s.line else s.head)[:24] for s in heads if s.line][:6]
        listed = "、".join(f"“{n}”" for n in names) if names else "没有编号的标题"
        kind = what or (
            "这是一份通知，正文没有列出工作任务，也没有附带计划" if NOTICE_TITLE.search(self.title)
            else "这份文件没有“××年工作目标/重点/打算/要点/计划/安排”一类的部分")
        title = f"（标题“{self.title}”）" if self.title else ""  # whole: find_title keeps it short
        return f"没有找到下一年度的工作计划：{kind}{title}。读到的标题有：{listed}。"


def _contains(outer: Section, inner: Section) -> bool:
    node: Section | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.parent
    return False

