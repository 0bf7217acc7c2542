"""User values as stored: dates, progress, names and text, checked in one place.

The window, the command line and the ledger import all type values in; every one of them goes
through these functions, so "2018/9/30" or "6月底" means the same wherever it is typed, and a
refusal reads the same. Nothing here knows about storage or Qt.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from enum import Enum
from typing import Any

from tracker.domain.model import Status
from tracker.domain.text import TextTooLong, clean_text, split_names
from tracker.errors import UserError

YEAR_RANGE = (1900, 2999)


class _Unset(Enum):
    UNSET = 0

    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset.UNSET  # "leave this field as it is" (None means "clear it" for dates)

_NUMERIC = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")  # ASCII digits only: no "1_0", no "５０"
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MD = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_MONTH_END = re.compile(r"^(\d{1,2})\s*月\s*(?:底|末)$")
_YEAR_END = ("年底", "年末", "年底前", "年末前", "12月底前")


def parse_date(text: str, what: str = "日期", *, year: int | None = None) -> dt.date:
    """A date as office staff type it: 2018-09-30, 2018/9/30, 2018.9.30, 2018年9月30日, and, in
    the plan's `year`, 9月30日, 6月底 (the month's last day) and 年底 (Dec 31). A trailing 前
    ("by") is allowed; week dates and other ISO oddities are refused."""
    raw = text
    text = text.strip().removesuffix("前").strip()
    if not text:
        raise UserError(f"{what}是空的，请写成 YYYY-MM-DD，例如 2018-06-30。")
    value: dt.date | None = None
    try:
        if m := _YMD.match(text):
            value = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif year is not None and (m := _MD.match(text)):
            value = dt.date(year, int(m[1]), int(m[2]))
        elif year is not None and (m := _MONTH_END.match(text)):
            month = int(m[1])
            value = dt.date(year, month, calendar.monthrange(year, month)[1])
        elif year is not None and (text in _YEAR_END or f"{text}前" in _YEAR_END):
            value = dt.date(year, 12, 31)
    except ValueError:
        value = None
    if value is None:
        raise UserError(f"{what}“{raw}”不是有效日期，请写成 YYYY-MM-DD，例如 2018-06-30。")
    if not YEAR_RANGE[0] <= value.year <= YEAR_RANGE[1]:
        raise UserError(f"{what}“{raw}”超出范围。")
    return value


def parse_progress(value: object) -> float:
    """0–100, with an optional % sign; a typed "1_0" or full-width "５０" is refused, not guessed."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value).strip().removesuffix("%").removesuffix("％").strip()
        if not _NUMERIC.match(text):
            raise UserError(f"进度“{value}”不是数字，请填 0–100。")
        number = float(text)
    if math.isnan(number) or not 0 <= number <= 100:
        raise UserError(f"进度“{value}”超出范围，请填 0–100。")
    return number


def parse_points(value: str | float, what: str) -> float:
    """A light threshold in points of lag, 0–100."""
    try:
        number = float(str(value).strip().rstrip("%％"))
    except ValueError as exc:
        raise UserError(f"{what}“{value}”不是数字，请填 0–100。") from exc
    if not math.isfinite(number) or not 0 <= number <= 100:
        raise UserError(f"{what}“{value}”超出范围，请填 0–100。")
    return number


def parse_weight(value: object) -> float:
    try:
        weight = float(str(value).strip())
    except ValueError as exc:
        raise UserError(f"权重“{value}”不是数字，请填写不小于 0 的数字。") from exc
    if not math.isfinite(weight) or weight < 0:
        raise UserError(f"权重“{value}”无效，请填写不小于 0 的数字。")
    return weight


def clean_field(value: object, what: str, *, single_line: bool = True, limit: int = 100_000) -> str:
    """Text as stored (control characters dropped, bounded), refused with the field's name."""
    try:
        return clean_text("" if value is None else str(value), single_line=single_line, limit=limit)
    except TextTooLong as exc:
        raise UserError(f"{what}{exc}") from exc


def parse_names(value: object, what: str = "配合科室名称") -> tuple[str, ...]:
    """"A,B" / "A、B" / a list → ("A", "B"), blanks and repeats dropped."""
    if value is None:
        return ()
    if isinstance(value, str):
        raw = value
    elif isinstance(value, Iterable):
        raw = ",".join(str(v) for v in value)
    else:
        raw = str(value)
    try:
        return tuple(split_names(raw))
    except TextTooLong as exc:
        raise UserError(f"{what}{exc}") from exc


def _optional_date(value: object, what: str, year: int | None) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value), what, year=year)


def parse_status(value: object) -> Status:
    try:
        return Status(str(value.value if isinstance(value, Status) else value))
    except ValueError as exc:
        choices = "、".join(s.value for s in Status)
        raise UserError(f"状态“{value}”无效，可选：{choices}。") from exc


@dataclass(frozen=True)
class NodeChanges:
    """The fields of an item a user changes; UNSET fields stay as they are.

    `due=None` clears the deadline (年底前); `lead_dept=""` clears the lead department."""

    title: str | _Unset = UNSET
    detail: str | _Unset = UNSET
    leader: str | _Unset = UNSET
    lead_dept: str | _Unset = UNSET
    co_depts: tuple[str, ...] | _Unset = UNSET
    owner: str | _Unset = UNSET
    start: dt.date | None | _Unset = UNSET
    due: dt.date | None | _Unset = UNSET
    weight: float | _Unset = UNSET
    status: Status | _Unset = UNSET

    @classmethod
    def parse(cls, raw: Mapping[str, object], *, year: int | None = None) -> NodeChanges:
        """From typed input (dialog, command line, ledger): trimmed, checked, converted."""
        names = {f.name for f in fields(cls)}
        unknown = set(raw) - names
        if unknown:
            raise ValueError(f"unknown node fields: {sorted(unknown)}")
        out: dict[str, Any] = {}
        for name, value in raw.items():
            if name == "title":
                title = clean_field(value, "工作任务")
                if not title:
                    raise UserError("工作任务（标题）不能为空，请填写。")
                out[name] = title
            elif name == "detail":
                out[name] = clean_field(value, "具体内容", single_line=False)
            elif name in ("leader", "owner"):
                out[name] = clean_field(value, "责任领导" if name == "leader" else "责任人")
            elif name == "lead_dept":
                out[name] = clean_field(value, "牵头科室", limit=100)
            elif name == "co_depts":
                out[name] = parse_names(value)
            elif name in ("start", "due"):
                out[name] = _optional_date(value, "开始日期" if name == "start" else "完成时限", year)
            elif name == "weight":
                out[name] = parse_weight(value)
            else:
                out[name] = parse_status(value)
        changes = cls(**out)
        changes.check()
        return changes

    def check(self) -> None:
        """Rules between fields that one dialog can break: a department both leads and helps."""
        if isinstance(self.lead_dept, str) and isinstance(self.co_depts, tuple) \
                and self.lead_dept and self.lead_dept in self.co_depts:
            raise UserError(f"“{self.lead_dept}”不能既是牵头科室又是配合科室，请从配合科室中去掉它。")

    def differing_from(self, current: Mapping[str, object]) -> NodeChanges:
        """Only the fields whose new value differs from `current` (an editor sends just those)."""
        keep: dict[str, Any] = {k: v for k, v in self.items().items() if current.get(k) != v}
        return replace(NodeChanges(), **keep)

    def items(self) -> dict[str, object]:
        """The set fields, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not UNSET}

    def __bool__(self) -> bool:
        return bool(self.items())


@dataclass(frozen=True)
class CheckInValues:
    """A check-in's fields as stored, each checked: what a new check-in writes in full."""

    date: dt.date
    progress: float
    progress_text: str = ""
    problems: str = ""
    next_steps: str = ""
    reporter: str = ""

    @classmethod
    def parse(cls, *, date: object, progress: object, progress_text: object = "",
              problems: object = "", next_steps: object = "", reporter: object = "",
              today: dt.date | None = None) -> CheckInValues:
        return cls(
            date=checkin_date(date, today),
            progress=parse_progress(progress),
            progress_text=clean_field(progress_text, "进展情况", single_line=False),
            problems=clean_field(problems, "存在问题", single_line=False),
            next_steps=clean_field(next_steps, "下步措施", single_line=False),
            reporter=clean_field(reporter, "填报人"),
        )

    @property
    def has_text(self) -> bool:
        return bool(self.progress_text or self.problems or self.next_steps)


CHECKIN_FIELDS = ("date", "progress", "progress_text", "problems", "next_steps", "reporter")


def checkin_date(value: object, today: dt.date | None = None) -> dt.date:
    """A check-in's date: not in the future (a mistyped future date would stay the latest report)."""
    today = today or dt.date.today()
    day = value if isinstance(value, dt.date) else parse_date(str(value), "填报日期", year=today.year)
    if isinstance(day, dt.datetime):
        day = day.date()
    if day > today:
        raise UserError(f"填报日期 {day.isoformat()} 晚于今天，请检查日期。")
    return day


def checkin_changes(raw: Mapping[str, object], today: dt.date | None = None) -> dict[str, object]:
    """Some fields of a check-in to correct, each checked as `CheckInValues.parse` checks it."""
    unknown = set(raw) - set(CHECKIN_FIELDS)
    if unknown:
        raise ValueError(f"unknown check-in fields: {sorted(unknown)}")
    labels = {"progress_text": "进展情况", "problems": "存在问题", "next_steps": "下步措施"}
    out: dict[str, object] = {}
    for name, value in raw.items():
        if name == "date":
            out[name] = checkin_date(value, today)
        elif name == "progress":
            out[name] = parse_progress(value)
        elif name == "reporter":
            out[name] = clean_field(value, "填报人")
        else:
            out[name] = clean_field(value, labels[name], single_line=False)
    return out
