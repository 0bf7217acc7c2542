"""Read a year's plan out of a report: a whole-document 工作要点, a review report's goals
section, a 任务分解 notice or its table, from text, Word or PDF.

`parse_report(text)` returns a `PlanDraft` (areas, items with deadlines and departments,
and every passage left out with its reason) or raises `ReportError` with a message for
the user. The steps live in their own modules: lines (furniture), outline (numbering),
headings (what a heading says), plan (which part), part_areas
(which sections are areas), items (areas and items), fields (deadlines, departments), table
(任务分解表), and the readers word, pdf and files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tracker.domain.model import PlanDraft, SkipReason
from tracker.io.report.errors import ReportError
from tracker.io.report.fields import split_title
from tracker.io.report.headings import find_title, plain_heading_rule, report_year_of
from tracker.io.report.items import Tally
from tracker.io.report.lines import Line, classify, clean, closes_above, split_lines, unwrap
from tracker.io.report.numerals import CN_DIGITS, cn_number, cn_numeral
from tracker.io.report.outline import ANY_MARKER, build
from tracker.io.report.plan import PlanFinder
from tracker.io.report.table import find_task_table
from tracker.io.report.text_files import decode_report

MAX_REPORT_CHARS = 2_000_000

__all__ = [
    "CN_DIGITS", "MAX_REPORT_CHARS", "ReportError", "cn_number", "cn_numeral", "decode_report",
    "parse_report", "split_sentence",
]


def split_sentence(text: str) -> tuple[str, str]:
    """Title = the first clause (at most ~60 characters), detail = the rest."""
    return split_title(text)


def parse_report(text: str, year: int | None = None, *, hard_wrapped: bool | None = None,
                 require_year: bool = True, furniture: Sequence[str] = (),
                 headings: Mapping[int, int] | None = None) -> PlanDraft:
    """Find the plan in `text` and return it as a draft (nothing is saved).

    `year` overrides the year read from the text. With `require_year` (the command line),
    a text whose year cannot be found is refused; the preview passes False and asks.
    `hard_wrapped` says whether lines were cut at a fixed width (None: look). `furniture`
    is what the file's reader took out (running headers and footers of a PDF or a Word file):
    listed as skipped noise.
    `headings` gives the outline level of the lines a file's styles mark as headings, by line
    number.
    """
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError(f"报告文本过长（{len(text):,} 字），上限 {MAX_REPORT_CHARS:,} 字。")
    if year is not None and not 1900 <= year <= 2999:
        raise ReportError(f"年度 {year} 不在 1900–2999 之间。")
    source = clean(text)
    lines = split_lines(source, headings)
    if not lines:
        raise ReportError("报告文本为空。")
    classify(lines)
    tally = Tally()
    lines = unwrap(_cut_furniture(lines, tally), ANY_MARKER, hard_wrapped)
    if not lines:
        raise ReportError("报告文本中只有网页或版面杂项（来源、链接、页码），没有正文。")
    title_line = find_title(lines)
    report_year, _ = report_year_of(title_line.text if title_line else "", lines)
    root = build(lines, plain_heading_rule(title_line, report_year))
    finder = PlanFinder(root, title_line, lines, tally, year)
    table = find_task_table(lines)
    draft = finder.table_draft(table, source) if table else finder.draft(source)
    _tidy(draft, tally)
    if require_year and draft.year <= 0:
        raise ReportError("无法确定计划年度：标题中没有年份，请用 --year 指定。")
    for line in lines:  # whatever no rule placed is still listed, never dropped
        if id(line) not in tally.used:
            tally.skip(line, SkipReason.OUTSIDE)
    for text in furniture:
        tally.skip_text(text, SkipReason.NOISE, None)
    draft.skipped = sorted(tally.skipped, key=lambda s: s.span[0] if s.span else -1)
    draft.intro = finder.intro
    return draft


def _tidy(draft: PlanDraft, tally: Tally) -> None:
    """No untitled item or area reaches the plan; an untitled area takes its first item's words."""
    for area in draft.areas:
        kept = []
        for item in area.children:
            if item.title.strip():
                kept.append(item)
            else:
                tally.skip_text(item.source_excerpt, SkipReason.NOISE, item.span)
        area.children = kept
        if not area.title.strip() and kept:
            area.title = kept[0].title
    for area in draft.areas:
        if not area.children:
            tally.skip_text(area.source_excerpt, SkipReason.NOISE, area.span)
    draft.areas = [a for a in draft.areas if a.children and a.title.strip()]
    if not draft.areas:
        raise ReportError(
            f"在“{draft.title}”下没有找到编号的工作事项（1、 1. （一） 一是…二是… 或以分号分隔）。")


def _cut_furniture(lines: list[Line], tally: Tally) -> list[Line]:
    """Take out noise lines, and everything after the article's end (相关链接, an attribution)."""
    kept: list[Line] = []
    ended = False
    for index, line in enumerate(lines):
        if ended or line.kind in ("noise", "stop"):
            ended = ended or line.kind == "stop"
            tally.skip(line, SkipReason.NOISE)
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        # a parenthesis that a line break cut ("（市政府" / "办公室牵头）") is not an attribution
        cut = None if closes_above(following) else _attribution_at(line.text)
        if cut is not None and line.kind == "text":
            head, tail = line.text[:cut].rstrip(), line.text[cut:]
            tally.skip_text(tail, SkipReason.NOISE, (line.start + cut, line.end))
            ended = True
            if not head:
                continue
            line = Line(head, line.start, line.start + len(head), line.kind, line.blank_before, line.level)
        kept.append(line)
    return kept


def _attribution_at(text: str) -> int | None:
    """Where a trailing source in an unclosed parenthesis starts: "…部门。(孝感市政府法制办 孝感市科技局"."""
    depth = 0
    opened_at = -1
    for i, ch in enumerate(text):
        if ch in "（(":
            if depth == 0:
                opened_at = i
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    if depth == 0 or opened_at < 0:
        return None
    tail = text[opened_at + 1:]
    if len(tail) > 60 or any(ch in tail for ch in "。；;！!？?，,：:"):
        return None
    return opened_at
