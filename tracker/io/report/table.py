"""A 任务分解表 (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限) becomes the plan directly.

Tables arrive as tab-separated rows: the Word reader writes each table row that way, and
a table copied out of Excel or Word and pasted as text looks the same. A category row
opens an area: a single cell ("一、提升政务服务水平", or "教育类" merged across the row) or
a 序号 in Chinese numerals beside one short name ("一 | 教育类", the rest merged or empty);
a 类别/领域 column does the same when its value changes (Word repeats a vertically merged
cell, Excel leaves it empty).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tracker.domain.model import Kind, NodeDraft
from tracker.io.report.fields import find_departments, find_due, split_title, strip_end
from tracker.io.report.lines import Line
from tracker.io.report.outline import marker

_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("seq", re.compile(r"^(?:序号|序號|编号|編號|No\.?)$")),
    ("category", re.compile(r"类别|類別|领域|領域|方面|板块|板塊|分类|分類|任务类型|重点领域")),
    ("leader", re.compile(r"责任领导|責任領導|分管领导|分管領導|牵头领导|牽頭領導|领导|領導")),
    ("lead", re.compile(r"牵头|牽頭|主办|主辦")),
    ("due", re.compile(r"时限|時限|完成时间|完成時間|时间节点|時間節點|时间安排|時間安排|"
                       r"进度安排|進度安排|完成日期")),
    ("co", re.compile(r"责任单位|責任單位|责任部门|責任部門|责任科室|責任科室|"
                      r"配合|协办|協辦|参与|參與|协同|協同")),
    ("detail", re.compile(r"具体内容|具體內容|措施|举措|舉措|目标要求|目標要求|工作目标|工作目標|"
                          r"任务要求|任務要求|主要内容|主要內容|工作要求|预期成效|預期成效|标准|標準")),
    ("task", re.compile(r"任务|任務|事项|事項|工作内容|工作內容|重点工作|重點工作|项目|項目|内容|內容")),
]


@dataclass
class TaskTable:
    """A table found in the lines: where it sits and what each column means."""

    start: int  # index of the header line
    end: int  # index after the last row
    columns: list[str]
    names: list[str]
    areas: list[NodeDraft] = field(default_factory=list)


def cells(line: Line) -> list[str]:
    return [c.strip() for c in line.text.split("\t")]


def _column_kind(name: str) -> str:
    for kind, pattern in _COLUMNS:
        if pattern.search(name):
            return kind
    return "other"


def is_task_header(names: Sequence[str]) -> bool:
    """Do these column names head a task table: a task column and a lead, unit or deadline one?"""
    kinds = {_column_kind(n) for n in names}
    return "task" in kinds and bool({"lead", "co", "due"} & kinds) and len(names) >= 3


def find_task_table(lines: list[Line]) -> TaskTable | None:
    """The first table whose header names a task column and a lead, unit or deadline column."""
    for i, line in enumerate(lines):
        if "\t" not in line.text:
            continue
        names = cells(line)
        kinds = [_column_kind(n) for n in names]
        if is_task_header(names):
            end = i + 1
            while end < len(lines) and (_is_row(lines[end]) or _is_group(lines[end], lines[end + 1:end + 2])):
                end += 1
            while end > i + 1 and not _is_row(lines[end - 1]):
                end -= 1  # a group row with no task below it is no part of the table
            if end > i + 1:
                return TaskTable(i, end, kinds, names)
    return None


def _is_row(line: Line) -> bool:
    return "\t" in line.text and len([c for c in cells(line) if c]) >= 2 and _group_title(line) is None


def _is_group(line: Line, following: Sequence[Line] = ()) -> bool:
    """A category row; a plain name with no number only when a task row follows it."""
    title = _group_title(line)
    if title is None:
        return False
    numbered = "\t" in line.text or marker(line.text) is not None
    return numbered or (bool(following) and _is_row(following[0]))


_CN_SEQ = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]?$")
_LABEL_PUNCT = re.compile(r"[。；;，,：:！!？?]")


def _group_title(line: Line) -> str | None:
    """The area a category row names, or None when the row is not one."""
    parts = [c for c in cells(line) if c]
    if len(parts) == 1:
        found = marker(parts[0])
        if found is not None and len(parts[0]) <= 40 and not re.search(r"[。；;]", parts[0]):
            return strip_end(found.rest)
        if found is None and "\t" not in line.text and len(parts[0]) <= 20 \
                and not _LABEL_PUNCT.search(parts[0]):
            return parts[0]
        return None
    if len(parts) == 2 and _CN_SEQ.match(parts[0]) and len(parts[1]) <= 20 \
            and not _LABEL_PUNCT.search(parts[1]) and marker(parts[1]) is None:
        return parts[1]
    return None


def build_areas(table: TaskTable, lines: list[Line], plan_title: str, year: int) -> list[NodeDraft]:
    """Areas and items from the table's rows (a table without groups is one area)."""
    areas: list[NodeDraft] = []
    current: NodeDraft | None = None
    last_category = ""
    for line in lines[table.start + 1: table.end]:
        title = _group_title(line)
        if title is not None:
            current = NodeDraft(Kind.AREA, title, "", line.text, span=(line.start, line.end))
            areas.append(current)
            continue
        row = dict.fromkeys(table.columns, "")
        extra: list[str] = []
        for kind, name, value in zip(table.columns, table.names, cells(line), strict=False):
            if kind in ("other", "leader") and value:
                extra.append(f"{name}：{value}")
            elif value and not row.get(kind):
                row[kind] = value
            elif value:  # a second column of a kind ("项目名称", "建设内容"): kept in the detail
                extra.append(f"{name}：{value}")
        category = row.get("category", "") or last_category
        if category and category != last_category:
            current = NodeDraft(Kind.AREA, strip_end(category), "", category)
            areas.append(current)
        last_category = category
        if current is None:
            current = NodeDraft(Kind.AREA, plan_title, "", "")
            areas.append(current)
        item = _item(row, extra, line, year)
        if item is not None:
            current.children.append(item)
            if current.span is None:
                current.span = item.span
            else:
                current.span = (current.span[0], line.end)
    return [a for a in areas if a.children]


def _item(row: dict[str, str], extra: list[str], line: Line, year: int) -> NodeDraft | None:
    task = row.get("task", "")
    if not task:
        return None
    title, rest = split_title(task)
    detail = "\n".join(p for p in [rest, row.get("detail", ""), *extra] if p)
    lead_text = row.get("lead", "")
    co_text = row.get("co", "")
    if lead_text:
        co_part = f"；配合单位：{co_text}" if co_text else ""
        depts = find_departments(f"牵头单位：{lead_text}{co_part}")
    else:
        depts = find_departments(f"责任单位：{co_text}")
    due = find_due(f"完成时限：{row['due']}", year) if row.get("due") else find_due(task, year)
    return NodeDraft(Kind.TASK, title, detail, line.text.replace("\t", " | "), due=due,
                     lead_dept=depts.lead, co_depts=depts.co, span=(line.start, line.end))
