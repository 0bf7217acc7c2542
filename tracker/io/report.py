"""Read next year's goals out of a pasted annual report (工作总结/情况报告).

Reports share a shape but not a format: the goals sit under a heading such as
"三、2018年工作目标和重点" or "（四）明年工作打算"; areas are numbered 1、 1. （一） or 一、;
items inside an area are "一是…二是…", numbered 1. / （1）, or separated by ；. Pasted text
also drags along trailing fragments (a source in an unclosed parenthesis, 相关链接, the
titles of other reports), which must not become goals.

`parse_report` returns a `PlanDraft` or raises `ReportError` with a message for the user.
Every pattern here is linear (no nested quantifiers), so hostile text cannot make it hang.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tracker.domain.model import Kind, NodeDraft, PlanDraft

MAX_REPORT_CHARS = 2_000_000

CN_DIGITS = "〇零一二三四五六七八九十百"
_CN_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}


class ReportError(ValueError):
    """The text holds no goals we can read; the message says what was looked for."""


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (enough for area and item numbers)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_VALUE.get(tens, 1) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)
    return _CN_VALUE.get(text, 0)


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二 (inverse of cn_number for 1–99)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


# Heading styles, outermost first. Each captures the number and the rest of the line.
_STYLES: dict[str, re.Pattern[str]] = {
    "part": re.compile(rf"^第([{CN_DIGITS}]+)(?:部分|章)[、，,.．:：\s]*(.*)$"),
    "cn": re.compile(rf"^([{CN_DIGITS}]+)\s*[、.．]\s*(.*)$"),
    "paren_cn": re.compile(rf"^[（(]\s*([{CN_DIGITS}]+)\s*[）)]\s*[、.．]?\s*(.*)$"),
    "num": re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(.*)$"),
    "paren_num": re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.*)$"),
    "circled": re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$"),
}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_GOAL_WORDS = re.compile(r"目标|重点|打算|要点|计划|安排|思路|设想|举措|任务")
_REVIEW_WORDS = re.compile(r"情况|回顾|总结|成效|成绩|问题|不足|困难|做法|经验|完成|落实情况")
_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年")
_NEXT_YEAR = re.compile(r"明年|下一?年度?|下步|下一步|来年|新的一年")

# Lines that end an article: links, sources, editors, page furniture.
_STOP_LINE = re.compile(
    r"^(?:相关链接|相关阅读|相关新闻|延伸阅读|来源[:：]|信息来源|文章来源|责任编辑|编辑[:：]|"
    r"【|上一篇|下一篇|附件[:：]?|打印本页|关闭窗口|分享到)"
)
_SENTENCE_PUNCT = re.compile(r"[。；;，,！!？?：:]")
_SENTENCE_END = "。；;！!？?"


@dataclass
class _Heading:
    index: int  # line number
    style: str
    number: int
    text: str  # the line after its number


def _clean(text: str) -> str:
    """Unify line ends, drop control characters (keep tab/newline) and the BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return "".join(
        ch for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )


def _heading(line: str, index: int) -> _Heading | None:
    for style, pattern in _STYLES.items():
        m = pattern.match(line)
        if m:
            num = m.group(1)
            number = _CIRCLED.index(num) + 1 if style == "circled" else cn_number(num)
            return _Heading(index, style, number, m.group(2).strip())
    return None


def _first_clause(text: str) -> str:
    """A heading's own words: up to its first full stop or colon."""
    m = re.search(r"[。：:；;]", text)
    return (text[: m.start()] if m else text).strip()


def _goal_year(words: str, report_year: int | None) -> int | None:
    """The year a heading's goals are for, or None when it is not a goals heading."""
    if not _GOAL_WORDS.search(words) or _REVIEW_WORDS.search(words) or len(words) > 40:
        return None
    years = [int(y) for y in _YEAR.findall(words)]
    if years:
        return max(years)
    if _NEXT_YEAR.search(words):
        return report_year + 1 if report_year else 0
    return 0  # a goals heading without a year ("工作打算"): year decided by the caller


def _report_year(lines: list[str]) -> int | None:
    """The year the report is about: the first year in its first lines (its title)."""
    for line in lines[:5]:
        m = _YEAR.search(line)
        if m:
            return int(m.group(1))
    return None


def _is_foreign_line(line: str) -> bool:
    """A pasted fragment after the goals: a link line, or a bare title without punctuation."""
    if _STOP_LINE.match(line):
        return True
    if _heading(line, 0) is not None:
        return False
    return len(line) <= 60 and not _SENTENCE_PUNCT.search(line)


def _cut_source(text: str) -> str:
    """Drop a trailing attribution in an unclosed parenthesis: "…部门。(孝感市政府法制办 …"."""
    depth = 0
    opened_at = -1
    for i, ch in enumerate(text):
        if ch in "（(":
            if depth == 0:
                opened_at = i
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    if depth and opened_at >= 0:
        return text[:opened_at].rstrip()
    return text


def split_sentence(text: str) -> tuple[str, str]:
    """Title = the first sentence (without its stop), detail = the rest."""
    text = text.strip()
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            return text[:i].strip(" ，,、"), text[i + 1 :].strip()
    return text.strip(" ，,、"), ""


_ORDINAL = re.compile(rf"([{CN_DIGITS}]+)是")


def _split_ordinals(body: str) -> list[tuple[str, str]] | None:
    """Split at 一是 … 二是 … in sequence; a marker counts only after punctuation or at the
    start, so words like 统一是 are left alone. Returns (prefix, [item texts]) or None."""
    pieces: list[int] = []
    expected = 1
    pos = 0
    while expected < 100:  # cn_numeral stops at 99; a 100th "是" stays in the 99th item
        marker = cn_numeral(expected) + "是"
        found = -1
        search_from = pos
        while True:
            i = body.find(marker, search_from)
            if i < 0:
                break
            before = body[i - 1] if i > 0 else ""
            if i == 0 or before in "。；;，,：:！!？?\n \t)）":
                found = i
                break
            search_from = i + 1
        if found < 0:
            break
        pieces.append(found)
        pos = found + len(marker)
        expected += 1
    if len(pieces) < 2:
        return None
    items = []
    for n, start in enumerate(pieces):
        end = pieces[n + 1] if n + 1 < len(pieces) else len(body)
        marker_len = len(cn_numeral(n + 1)) + 1
        items.append((body[start:end].strip(), body[start + marker_len : end].strip()))
    return items


_INLINE_NUM = re.compile(
    r"(?:^|(?<=[。；;！!？?\n\s：:]))"  # at the start or after a stop
    r"(?:[（(](\d{1,2})[）)]|(\d{1,2})[、．.](?!\d)|([①-⑳]))"  # （1） | 1. 1、 | ①
)


def _split_numbered(body: str) -> list[tuple[str, str]] | None:
    """Split at 1. 2. / （1）（2） / ①② in sequence (inline or one per line)."""
    matches = []
    expected = 1
    for m in _INLINE_NUM.finditer(body):
        raw = m.group(1) or m.group(2)
        number = int(raw) if raw else _CIRCLED.index(m.group(3)) + 1
        if number == expected:
            matches.append(m)
            expected += 1
    if len(matches) < 2:
        return None
    items = []
    for n, m in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(body)
        items.append((body[m.start() : end].strip(), body[m.end() : end].strip()))
    return items


def _split_semicolons(body: str) -> list[tuple[str, str]] | None:
    parts = [p.strip() for p in re.split(r"[；;]", body) if p.strip()]
    if len(parts) < 2:
        return None
    return [(p, p) for p in parts]


def _items(body: str) -> list[NodeDraft]:
    """An area's items, trying the styles from most to least explicit."""
    for splitter in (_split_ordinals, _split_numbered, _split_semicolons):
        found = splitter(body)
        if found:
            break
    else:
        found = [(body, body)] if body.strip() else []
    items = []
    for excerpt, text in found:
        title, detail = split_sentence(text.replace("\n", ""))
        if title:
            items.append(NodeDraft(Kind.TASK, title, detail, excerpt))
    return items


def _area(text: str, excerpt: str) -> NodeDraft:
    """An area line: its first clause is the title, the rest holds the items."""
    first, _, more = text.strip().partition("\n")
    m = re.search(r"[。：:；;]", first)
    if m and m.start() <= 60 and m.group() in "；;" and re.search(r"[，,]", first[: m.start()]):
        # "1、强化监管，开展排查；加强检查；…": the title is the words before the comma and the
        # rest of that clause is the first of the ；-separated items
        title, first_item = re.split(r"[，,]", first[: m.start()], maxsplit=1)
        body = first_item + first[m.start() :] + "\n" + more
    elif m and m.start() <= 60:
        title, body = first[: m.start()], first[m.end() :] + "\n" + more
    elif len(first) <= 60:
        title, body = first, more
    else:
        title, body = split_sentence(text)
    title = title.strip(" ，,、")
    return NodeDraft(Kind.AREA, title, "", excerpt.strip(), _items(body))


def parse_report(text: str, year: int | None = None) -> PlanDraft:
    """Find the coming year's goals in `text` and return them as a draft plan."""
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError(f"报告文本过长（{len(text):,} 字），上限 {MAX_REPORT_CHARS:,} 字。")
    source = _clean(text)
    lines = [ln.strip().replace("\u3000", " ").strip() for ln in source.split("\n")]
    if not any(lines):
        raise ReportError("报告文本为空。")
    report_year = _report_year(lines)

    # 1. the goals heading: a numbered or short stand-alone line naming goals (目标/打算/…)
    goals: _Heading | None = None
    goals_year = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        head = _heading(line, i)
        words = _first_clause(head.text if head else line)
        if head is None and (len(line) > 40 or _SENTENCE_PUNCT.search(line)):
            continue
        found_year = _goal_year(words, report_year)
        if found_year is None:
            continue
        goals = head or _Heading(i, "plain", 0, line)
        goals_year = found_year
        # keep looking: a later heading with an explicit year wins over a vague one
        if found_year:
            break
    if goals is None:
        raise ReportError(
            "没有找到下一年度的工作目标部分：需要一个带年份和“目标、重点、打算、要点、计划、安排”"
            "等字样的标题，例如“三、2018年工作目标和重点”。"
        )
    if year is not None and not 1900 <= year <= 2999:
        raise ReportError(f"年度 {year} 不在 1900–2999 之间。")
    plan_year = year or goals_year or (report_year + 1 if report_year else 0)
    if not plan_year:
        raise ReportError("无法确定计划年度：标题中没有年份，请用 --year 指定。")

    # 2. the section's lines: up to the next heading of the goals heading's style or outer
    order = list(_STYLES)
    section: list[tuple[int, str]] = []
    for i in range(goals.index + 1, len(lines)):
        line = lines[i]
        if not line:
            continue
        head = _heading(line, i)
        if head and goals.style != "plain" and (
            head.style == goals.style or order.index(head.style) < order.index(goals.style)
        ):
            break
        section.append((i, line))
    rest_of_heading = goals.text[len(_first_clause(goals.text)) :].lstrip("。：:；; ")
    if rest_of_heading:
        section.insert(0, (goals.index, rest_of_heading))

    # 3. the area style: the first numbered style met in the section
    area_style = next(
        (h.style for i, ln in section if (h := _heading(ln, i)) and h.style != goals.style), None
    )
    areas: list[NodeDraft] = []
    intro: list[str] = []
    current: list[str] | None = None
    expected = 1

    def close() -> None:
        if current:
            body = _cut_source("\n".join(current))
            areas.append(_area(body, body))

    for i, line in section:
        head = _heading(line, i)
        if head and head.style == area_style and head.number == expected:
            close()
            current = [head.text]
            expected += 1
            continue
        if _is_foreign_line(line) and (current is not None or _STOP_LINE.match(line)):
            break
        if current is None:
            intro.append(line)
            continue
        if _cut_source(current[-1]) != current[-1]:
            break  # an attribution closed the article; what follows was pasted below it
        current.append(line)
    close()

    if not areas and intro:
        # no numbered areas: the section's paragraphs are one area named by the heading
        body = _cut_source("\n".join(intro))
        areas = [NodeDraft(Kind.AREA, _first_clause(goals.text) or f"{plan_year}年工作目标",
                           "", body, _items(body))]
        intro = []
    areas = [a for a in areas if a.title]
    if areas and not any(a.children for a in areas):
        # a flat numbered list ("1、加强…。2、…"): each numbered line is an item of one area
        items = [NodeDraft(Kind.TASK, *split_sentence(a.source_excerpt.replace("\n", "")), a.source_excerpt)
                 for a in areas]
        areas = [NodeDraft(Kind.AREA, _first_clause(goals.text) or f"{plan_year}年工作目标", "",
                           "\n".join(a.source_excerpt for a in areas), items)]
    for area in areas:
        if not area.children:  # an area stated in one sentence is its own single item
            area.children = [NodeDraft(Kind.TASK, area.title, "", area.source_excerpt)]
    if not areas:
        raise ReportError(
            f"在“{_first_clause(goals.text) or goals.text}”下没有找到编号的工作事项"
            "（1、 1. （一） 一是…二是… 或以分号分隔）。"
        )
    title = _first_clause(goals.text) or f"{plan_year}年工作目标"
    return PlanDraft(plan_year, title, source, "\n".join(intro), areas)


def decode_report(data: bytes) -> str:
    """Report files from Windows offices are often GB18030, or UTF-16 from Notepad's "Unicode"
    choice (with a byte-order mark); try those before calling a file binary."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReportError("文件标记为 UTF-16 编码，但内容不完整或已损坏。") from exc
    if b"\x00" in data[:4096]:
        raise ReportError("这不是文本文件（含有二进制数据）。请粘贴或保存为 .txt 后再导入。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportError("无法识别文件编码：请以 UTF-8 或 GBK 保存为 .txt 后再导入。")
