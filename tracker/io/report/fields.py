"""What an item says besides its title: deadline, lead and cooperating departments; and years.

Deadlines are written as 6月底前, 9月30日前, 第三季度, 上半年, 年底前, 2020年6月底前, or in a
完成时限 field; departments as 牵头单位：X / 责任单位：Y、Z lines or "（X牵头，Y配合）". All
patterns here are linear: no nested quantifiers, so hostile text cannot make them hang.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from tracker.io.report.clauses import clause_end, clause_marks, inside_address
from tracker.io.report.lines import TERMINAL
from tracker.io.report.numerals import FULLWIDTH_DIGITS, cn_number, cn_year

TITLE_MAX = 60

# --- years ---------------------------------------------------------------------------

_CN_YEAR = "[〇零○Ｏ一二三四五六七八九]{4}"
YEAR = re.compile(rf"((?:19|20)\d{{2}}|{_CN_YEAR})\s*(?:年|学年|學年|—|-|–|～|~|至)")


def years_in(text: str) -> list[int]:
    """Years written in a heading: 2019年, 2019学年, 2019-2020学年, 二〇一九年 (plausible ones only)."""
    found = []
    for m in YEAR.finditer(text.translate(FULLWIDTH_DIGITS)):
        value = cn_year(m.group(1))
        if 1990 <= value <= 2100:
            found.append(value)
    return found


# --- titles --------------------------------------------------------------------------

def split_title(text: str) -> tuple[str, str]:
    """Title = the first clause (up to 。；！？ or a colon), at most ~60 characters; the rest is detail.

    A long first sentence is cut at its last comma before the limit, so the title is still
    words that belong together. Punctuation inside a web address cuts nothing (clauses.py).
    """
    text = text.strip()
    end = len(text)
    for i in clause_marks(text, "。；;！!？?：:"):
        if text[i] not in "：:" or i <= TITLE_MAX:
            end = i
            break
    title, rest = text[:end], text[end + 1:] if end < len(text) else ""
    if len(title) > TITLE_MAX:
        cut = max((i for i in clause_marks(title, "，,、") if i < TITLE_MAX), default=-1)
        if cut < 10:
            address = inside_address(title, TITLE_MAX)
            cut = TITLE_MAX if address is None else address[0] if address[0] >= 10 else address[1]
            title, tail = title[:cut], title[cut:]
        else:
            title, tail = title[:cut], title[cut + 1:]
        rest = text[len(title):].lstrip("，,、") if tail else rest
    return title.strip(" ，,、"), rest.strip()


def first_clause(text: str) -> str:
    end = clause_end(text, "。：:；;！!？?")
    return text[:end].strip(" ，,、")


def strip_end(text: str) -> str:
    return text.rstrip(TERMINAL + " ")


# --- deadlines -----------------------------------------------------------------------

_MONTH = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_Y = rf"(?:((?:19|20)\d{{2}}|{_CN_YEAR})\s*年(?:度)?\s*|(明年|次年|今年|当年|當年|本年)\s*)?"
_DUE = re.compile(
    rf"{_Y}(?:"
    rf"{_MONTH}\s*月\s*(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日\s*(?:前|之前|以前|完成|止|为止|為止)"
    rf"|{_MONTH}\s*月\s*(底|末|中旬|上旬|下旬|份)?\s*(?:前|之前|以前|完成|止|为止|為止)"
    r"|(上半年|下半年|年中|年底|年末|年内|年內|年度内|年度內)"
    r"|(?:第\s*)?([一二三四1-4])\s*季度(?:末|底)?"
    r")"
)
_DEADLINE_FIELD = re.compile(
    r"(?:完成|办结|辦結)?(?:时限|時限|时间|時間|时间节点|時間節點)\s*[:：]\s*([^；;。\n]{1,40})"
)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _one_due(m: re.Match[str], plan_year: int) -> dt.date | None:
    year = plan_year
    if m.group(1):
        year = cn_year(m.group(1).translate(FULLWIDTH_DIGITS))
    elif m.group(2) in ("明年", "次年"):
        year = plan_year + 1
    if not 1900 <= year <= 2999:
        return None
    try:
        if m.group(3):
            return dt.date(year, cn_number(m.group(3)), cn_number(m.group(4)))
        if m.group(5):
            month = cn_number(m.group(5))
            part = m.group(6) or ""
            if part in ("", "份", "底", "末", "下旬"):
                if part == "" and m.group(0).endswith("前") and month > 1:
                    return _last_day(year, month - 1)  # "6月前": before June
                return _last_day(year, month)
            return dt.date(year, month, 10 if part == "上旬" else 20)
        if m.group(7):
            word = m.group(7)
            return dt.date(year, 6, 30) if word in ("上半年", "年中") else dt.date(year, 12, 31)
        if m.group(8):
            quarter = cn_number(m.group(8))
            return _last_day(year, quarter * 3)
    except ValueError:  # 2月30日: not a date
        return None
    return None


def find_due(text: str, plan_year: int) -> dt.date | None:
    """The deadline the text gives: a 完成时限 field first, else the latest deadline written.

    "6月底前完成方案，年底前全面完成" is due at the end of the year: an item is finished
    when all of it is. Plain mentions of a month ("4月、9月开展执法月") are not deadlines.
    """
    if plan_year <= 0:
        return None
    text = text.translate(FULLWIDTH_DIGITS)
    field_match = _DEADLINE_FIELD.search(text)
    if field_match:
        value = field_match.group(1)
        dates = [d for m in _DUE.finditer(value) if (d := _one_due(m, plan_year))]
        bare = re.search(r"((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})(?:\s*[月.\-/]\s*(\d{1,2}))?", value)
        if not dates and bare:
            try:
                y, mo = int(bare.group(1)), int(bare.group(2))
                dates = [dt.date(y, mo, int(bare.group(3))) if bare.group(3) else _last_day(y, mo)]
            except ValueError:
                dates = []
        if not dates:
            m = re.search(rf"{_MONTH}\s*月(?:份|底|末)?", value)
            if m and 1 <= cn_number(m.group(1)) <= 12:
                dates = [_last_day(plan_year, cn_number(m.group(1)))]
        if dates:
            return max(dates)
    dates = [d for m in _DUE.finditer(text) if (d := _one_due(m, plan_year))]
    return max(dates) if dates else None


# --- departments ---------------------------------------------------------------------

_DEPT_LABEL = re.compile(
    r"(牵头|牽頭|主办|主辦|责任|責任|配合|协办|協辦|参与|參與|协同|協同|承办|承辦|落实|落實)"
    r"(单位|單位|部门|部門|科室|处室|處室)\s*[:：]\s*"
)


def _field_value(text: str, start: int) -> int:
    """Where a field's value ends: at ；。 or a line end, or at a parenthesis it did not open."""
    depth = 0
    i = start
    while i < len(text) and i - start < 200:
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                break
            depth -= 1
        elif ch in "；;。\n":
            break
        i += 1
    return i


def _dept_fields(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _DEPT_LABEL.finditer(text):
        out.append((m.group(1), text[m.end():_field_value(text, m.end())]))
    return out


_LEADER_FIELD = re.compile(r"(?:牵头|牽頭|责任|責任|分管)领导\s*[:：]")
_INLINE_LEAD = re.compile(
    r"[（(]([^（()）]{2,120}?)牵头"
    r"(?:[，,、；;]\s*([^（()）]{2,120}?)(?:配合|参与|协同|協同|按职责分工负责|负责|負責))?[）)]"
)
_SEPARATORS = "、，,；;/／ \t\u3000"
_TRAILING = re.compile(
    r"(?:等(?:有关|相关|各)?(?:部门|单位|科室|部門|單位)?|按职责分工负责|按職責分工負責|配合|参与)$"
)
_LEAD_MARK = re.compile(r"[（(]牵头[）)]|[（(]牽頭[）)]")


@dataclass
class Departments:
    lead: str = ""
    co: list[str] = field(default_factory=list)


def _split_names(value: str) -> list[str]:
    """Split at 、，; but not inside parentheses: 各县（市、区）人民政府 is one name."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in value:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if ch in _SEPARATORS and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _names(value: str) -> list[str]:
    names: list[str] = []
    for part in _split_names(value.strip()):
        name = _TRAILING.sub("", part.strip(" 。.")).strip()
        if name and len(name) <= 40 and name not in names:
            names.append(name)
    return names


def find_departments(text: str) -> Departments:
    """Lead and cooperating departments from 牵头单位/责任单位 fields or "（X牵头，Y配合）"."""
    found = Departments()
    lead_field = False
    responsible: list[str] = []
    for role, value in _dept_fields(text):
        if role in ("牵头", "牽頭", "主办", "主辦"):
            names = _names(value)
            if names:
                found.lead = found.lead or names[0]
                found.co.extend(n for n in names[1:] if n not in found.co)
                lead_field = True
        elif role in ("责任", "責任", "落实", "落實", "承办", "承辦"):
            marked = [_LEAD_MARK.sub("", n) for n in _names(value) if _LEAD_MARK.search(n)]
            if marked and not found.lead:
                found.lead = marked[0]
                lead_field = True
            responsible.extend(_LEAD_MARK.sub("", n) for n in _names(value))
        else:
            found.co.extend(n for n in _names(value) if n not in found.co)
    if not lead_field and responsible:
        found.lead = responsible[0]
        responsible = responsible[1:]
    for name in responsible:
        if name != found.lead and name not in found.co:
            found.co.append(name)
    if not found.lead:
        m = _INLINE_LEAD.search(text)
        if m:
            leads = _names(m.group(1))
            if leads:
                found.lead = leads[0]
                found.co = leads[1:] + [n for n in _names(m.group(2) or "") if n not in leads]
    found.co = [n for n in found.co if n != found.lead]
    return found


_LABELS = (
    r"(?:(?:牵头|牽頭|主办|主辦|责任|責任|配合|协办|協辦|参与|參與|协同|協同|承办|承辦|落实|落實)"
    r"(?:单位|單位|部门|部門|科室|处室|處室)|(?:完成|办结|辦結)?(?:时限|時限|时间|時間)|时间节点|時間節點)"
)
_FIELD_LABEL = re.compile(rf"[（(]?\s*{_LABELS}\s*[:：]")
# "（牵头单位：X；配合单位：Y）" as a whole, one level of inner parentheses allowed
_FIELD_GROUP = re.compile(rf"[（(]\s*{_LABELS}\s*[:：][^（()）]*(?:[（(][^（()）]*[）)][^（()）]*)*[）)]")


def without_fields(text: str) -> str:
    """The text with its 牵头单位/责任单位/完成时限 parts taken out (they become fields)."""
    text = _FIELD_GROUP.sub("", text)
    out: list[str] = []
    pos = 0
    for m in _FIELD_LABEL.finditer(text):
        if m.start() < pos:
            continue
        end = _field_value(text, m.end())
        opened = text[m.start()] in "（("
        if end < len(text) and text[end] in "；;。" :
            end += 1
        if opened and end < len(text) and text[end] in "）)":
            end += 1
        out.append(text[pos:m.start()])
        pos = end
    out.append(text[pos:])
    cleaned = "".join(out)
    cleaned = re.sub(r"[（(]\s*[）)]", "", cleaned)
    return "\n".join(ln.rstrip() for ln in cleaned.split("\n")).strip()


def has_fields(text: str) -> bool:
    return bool(_DEPT_LABEL.search(text) or _DEADLINE_FIELD.search(text) or _LEADER_FIELD.search(text))
