"""Lines → an outline tree, on the numbering of Chinese official documents.

GB/T 9704 numbers levels 一、 → （一） → 1. → （1）; reports add 第一部分, 壹、, ①, paragraphs
that start with 一是/第一， and unnumbered paragraphs under a heading. Which style is which
level is not fixed (a report may use （一） on top), so the level of a style is decided by
where it first appears, as a stack: a style already open closes what is below it (a
sibling); a new style opens one level deeper (a child).

Headings without a number — 【扩大有效投资】, ■夯实基层基础, ◆ … — have no sequence to keep:
any count of them is accepted. Each bullet glyph is a style of its own, so "◆ 党建引领" over
"● 推进…" nests as 一、 over （一） does, by the order the glyphs first appear.

Numbering continuity keeps prose from posing as a heading: a marker counts only as the next
number of its level, a fresh 1, or the next number of a list that runs on across parents
(（四） under 二、 after （三） under 一、). "5、6月份开展…" after "2." is a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tracker.io.report.lines import Line
from tracker.io.report.numerals import CAPITAL_DIGITS, CIRCLED, FULLWIDTH_DIGITS, PAREN_GLYPHS, cn_number

_CN = "一二三四五六七八九十"
BULLETS = "■□◆◇●○▲△▶►★☆❖◼◾▪•"
# "·" and "-" are bullets only before words: "- 3 -" is a page number, "-0.5%" a number.
_WORD_BULLETS = "·\\-"

# Outermost first; each captures the number and the rest of the line.
STYLES: dict[str, re.Pattern[str]] = {
    "part": re.compile(rf"^第\s*([{_CN}]{{1,3}}|\d{{1,2}})\s*(?:部分|篇|章|节|節)\s*[、，,.．:：]?\s*(.*)$"),
    "capital": re.compile(rf"^([{CAPITAL_DIGITS}]{{1,3}})\s*[、．.]\s*(.*)$"),
    "cn": re.compile(rf"^([{_CN}]{{1,3}})\s*[、．.]\s*(.*)$"),
    "paren_cn": re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[）)]\s*[、.．，,]?\s*(.*)$"),
    "num": re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(.*)$"),
    "num_paren": re.compile(r"^(\d{1,2})\s*[）)]\s*(.*)$"),
    "paren_num": re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.*)$"),
    "paren_glyph": re.compile(rf"^([{PAREN_GLYPHS}])\s*[、.．]?\s*(.*)$"),
    "circled": re.compile(rf"^([{CIRCLED}])\s*[、.．]?\s*(.*)$"),
    "ordinal": re.compile(rf"^([{_CN}]{{1,3}})[是要]\s*[：:，,]?\s*(.*)$"),
    "di": re.compile(rf"^第\s*([{_CN}]{{1,3}})\s*[，,、：:]\s*(.*)$"),
    "bracket": re.compile(r"^(【)(?=[^】]{2,40}】)(.*)$"),
    "bullet": re.compile(f"^([{BULLETS}]|[{_WORD_BULLETS}](?=\\s*[^\\d\\s.{_WORD_BULLETS}]))\\s*(.*)$"),
}
UNNUMBERED = ("bracket", "bullet")
ANY_MARKER = re.compile(
    "|".join(f"(?:{p.pattern.removesuffix('(.*)$')})" for p in STYLES.values())
)


@dataclass
class Marker:
    style: str
    number: int
    rest: str  # the line after its number


def marker(text: str) -> Marker | None:
    probe = text.translate(FULLWIDTH_DIGITS)
    for style, pattern in STYLES.items():
        m = pattern.match(probe)
        if m and style == "bullet":  # one style per glyph: ◆ and ● are two levels
            return Marker(bullet_style(m.group(1)), 0, _unbracket(text[m.start(2):].strip()))
        if m and style in UNNUMBERED:
            return Marker(style, 0, _unbracket(text[m.start(2):].strip()))
        if m:
            number = cn_number(m.group(1))
            if number <= 0:
                return None
            return Marker(style, number, text[m.start(2):].strip())
    return None


def bullet_style(glyph: str) -> str:
    """The style of a bullet glyph; look-alikes (◼◾▪ of ■, ► of ▶) are one glyph."""
    return "bullet" + glyph.translate(_SAME_GLYPH)


_SAME_GLYPH = str.maketrans("◼◾▪►", "■■■▶")


def unnumbered(style: str) -> bool:
    return style in UNNUMBERED or style.startswith("bullet")


def _unbracket(rest: str) -> str:
    """"扩大有效投资】加快…" (after 【) → "扩大有效投资。加快…"; a bullet's rest is kept."""
    head, closed, tail = rest.partition("】")
    if not closed:
        return rest
    return f"{head.strip()}。{tail.strip()}" if tail.strip() else head.strip()


@dataclass
class Section:
    """A numbered (or plain-headed) block: its first line, then lines and sub-sections in order."""

    style: str  # a key of STYLES, or "root", "plain" (an unnumbered heading), "heading" (a file's
    # heading style, `number` its level), "group", "closing", "attachment"
    number: int
    line: Line | None
    head: str  # the first line without its number
    body: list[Line | Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)

    @property
    def children(self) -> list[Section]:
        return [b for b in self.body if isinstance(b, Section)]

    @property
    def paras(self) -> list[Line]:
        return [b for b in self.body if isinstance(b, Line)]

    def lines(self) -> list[Line]:
        """Every line of this section, its own first line included, in source order."""
        out: list[Line] = [self.line] if self.line else []
        for b in self.body:
            out.extend([b] if isinstance(b, Line) else b.lines())
        return out

    @property
    def depth(self) -> int:
        d, node = 0, self.parent
        while node is not None:
            d, node = d + 1, node.parent
        return d


def build(lines: list[Line], plain_heading: Callable[[Line], bool]) -> Section:
    """The outline of `lines` (noise already taken out).

    Closing lines (signatures, dates, 特此报告) close every open section and collect what
    follows them until the next heading; `plain_heading` tells which unnumbered lines are
    headings (a goals line like "2022年重点工作安排", a document title).
    """
    root = Section("root", 0, None, "")
    stack: list[Section] = [root]
    last_seen: dict[str, int] = {}

    def open_at_root(section: Section) -> None:
        del stack[1:]
        section.parent = root
        root.body.append(section)
        stack.append(section)

    for index, line in enumerate(lines):
        if line.kind == "closing":
            if stack[-1].style != "closing":
                open_at_root(Section("closing", 0, None, ""))
            stack[-1].body.append(line)
            continue
        if line.kind == "attachment":
            open_at_root(Section("attachment", 0, line, line.text))
            continue
        found = marker(line.text) if line.kind == "text" else None
        if found is not None and _accept(found, stack, last_seen, _bare(found.rest)):
            level = next((k for k in range(len(stack) - 1, 0, -1) if stack[k].style == found.style), None)
            if level is not None and not _restarts_inside(found, stack[-1]):
                del stack[level:]
            parent = stack[-1]
            section = Section(found.style, found.number, line, found.rest, parent=parent)
            parent.body.append(section)
            stack.append(section)
            last_seen[found.style] = found.number
            continue
        if line.kind == "text" and plain_heading(line):
            open_at_root(Section("plain", 0, line, line.text))
            continue
        if line.kind == "text" and line.level:  # Heading 2 in Word: closes headings of 2 and deeper
            level = next((k for k in range(1, len(stack))
                          if stack[k].style == "heading" and stack[k].number >= line.level), None)
            if level is not None:
                del stack[level:]
            section = Section("heading", line.level, line, line.text, parent=stack[-1])
            stack[-1].body.append(section)
            stack.append(section)
            continue
        listed = _group_heading(line, lines[index + 1] if index + 1 < len(lines) else None, last_seen)
        if listed is not None:
            level = next((k for k in range(len(stack) - 1, 0, -1) if stack[k].style == "group"), None)
            if level is not None:
                del stack[level:]
            while len(stack) > 1 and stack[-1].style == listed:
                stack.pop()  # the heading sits at the level of the list it heads
            parent = stack[-1]
            section = Section("group", 0, line, line.text, parent=parent)
            parent.body.append(section)
            stack.append(section)
            continue
        stack[-1].body.append(line)
    return root


def _group_heading(line: Line, following: Line | None, last_seen: dict[str, int]) -> str | None:
    """The numbering style that an unnumbered heading line heads, or None when it is not one.

    Word documents often set area headings in bold with no number ("深化医药卫生体制改革")
    and number the items below, the numbers running on across areas. Such a line is short,
    has no punctuation, and the next line starts the list afresh or continues it.
    """
    if line.kind != "text" or following is None or following.kind != "text":
        return None
    if len(line.text) > 30 or re.search(r"[。，,；;：:！!？?（()）“”\d]", line.text):
        return None
    found = marker(following.text)
    if found is None or unnumbered(found.style):
        return None
    return found.style if found.number in (1, last_seen.get(found.style, -1) + 1) else None


def _restarts_inside(found: Marker, open_section: Section) -> bool:
    """"二、2020年工作计划" then "一、抓好乡村振兴": a list numbered afresh in the same style
    right under a bare heading is that heading's content, not its sibling."""
    return (found.number == 1 and open_section.style == found.style and open_section.number >= 2
            and not open_section.children and _bare(open_section.head))


def _bare(rest: str) -> bool:
    """A short heading without a sentence in it ("四、下一步工作打算")."""
    return len(rest) <= 30 and not re.search(r"[。；;！!？?，,]", rest.rstrip("。：:"))


def _accept(found: Marker, stack: list[Section], last_seen: dict[str, int], bare: bool) -> bool:
    """Is this number the next one at its level, a fresh list, or a list running on?

    A heading line may skip a number or two (a section deleted in a draft) or repeat the
    number of a heading with sub-sections (a typo); a sentence may not.
    Unnumbered headings (【】, ■) have no sequence to keep.
    """
    if unnumbered(found.style):
        return True
    for section in reversed(stack[1:]):
        if section.style == found.style:
            if found.number in (section.number + 1, 1):
                return True
            if bare and found.number == section.number and section.children:
                return True  # a number typed twice ("十、" for "十一、") still opens a heading
            return bare and section.number + 1 < found.number <= section.number + 3
    if found.number == 1 or found.number == last_seen.get(found.style, -1) + 1:
        return True
    # the first marker of a style right under a heading may start anywhere (a pasted section "三、…")
    return found.style not in last_seen and stack[-1].style in ("root", "plain", "attachment")
