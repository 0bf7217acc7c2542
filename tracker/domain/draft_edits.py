"""Edits a user makes to an imported plan before saving it (the preview's operations).

Each function takes a draft and returns a new one, leaving the given draft untouched, so
the preview can keep the drafts as its undo history. Items are addressed as (area, item)
indexes, areas by their index. Nothing is lost: a dropped item goes to `skipped` with the
reason "dropped", and a skipped passage can be taken back in as an item.
"""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import re

from tracker.domain.model import Kind, NodeDraft, PlanDraft, SkippedPassage, SkipReason
from tracker.domain.values import clean_field, parse_date, parse_names

ItemPath = tuple[int, int]
TITLE_MAX = 60


class DraftEditError(ValueError):
    """The edit does not apply to this draft (no such item, an empty title…)."""


def _copy(draft: PlanDraft) -> PlanDraft:
    return copy.deepcopy(draft)


def _area(draft: PlanDraft, a: int) -> NodeDraft:
    if not 0 <= a < len(draft.areas):
        raise DraftEditError(f"没有第 {a + 1} 个方面。")
    return draft.areas[a]


def _item(draft: PlanDraft, path: ItemPath) -> NodeDraft:
    area = _area(draft, path[0])
    if not 0 <= path[1] < len(area.children):
        raise DraftEditError(f"第 {path[0] + 1} 个方面没有第 {path[1] + 1} 项。")
    return area.children[path[1]]


def _clean_title(title: str) -> str:
    title = " ".join(title.split()).strip(" ，,、。；;")
    if not title:
        raise DraftEditError("标题不能为空。")
    return title


def title_and_detail(text: str) -> tuple[str, str]:
    """The first sentence (at most ~60 characters, cut at a comma) as the title, the rest as detail."""
    text = " ".join(text.split("\n")).strip()
    m = re.search(r"[。；;！!？?]", text)
    title, rest = (text[: m.start()], text[m.end():]) if m else (text, "")
    if len(title) > TITLE_MAX:
        cut = max(title.rfind(c, 0, TITLE_MAX) for c in "，,、")
        cut = cut if cut >= 10 else TITLE_MAX
        rest = (title[cut:].lstrip("，,、") + ("。" if m else "") + rest).strip()
        title = title[:cut]
    return title.strip(" ，,、"), rest.strip()


def _joined_span(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def set_title(draft: PlanDraft, title: str) -> PlanDraft:
    out = _copy(draft)
    out.title = _clean_title(title)
    return out


def set_year(draft: PlanDraft, year: int) -> PlanDraft:
    """The plan's year, as the user confirms it (no longer a guess).

    Deadlines read as dates of the old year ("6月底前" in a plan taken for 2024) move with it;
    a date the report wrote in another year stays.
    """
    if not 1900 <= year <= 2999:
        raise DraftEditError(f"年度 {year} 不在 1900–2999 之间。")
    out = _copy(draft)
    old = out.year
    out.year, out.year_unsure, out.year_note = year, False, ""
    if old != year:
        for area in out.areas:
            for node in (area, *area.children):
                if node.due is not None and node.due.year == old:
                    node.due = _in_year(node.due, year)
    return out


def _in_year(day: dt.date, year: int) -> dt.date:
    """The same day of another year (29 February becomes the 28th)."""
    last = calendar.monthrange(year, day.month)[1]
    return dt.date(year, day.month, min(day.day, last))


def rename(draft: PlanDraft, path: tuple[int] | ItemPath, title: str) -> PlanDraft:
    """A new title for an area (path of one index) or an item."""
    out = _copy(draft)
    node = _area(out, path[0]) if len(path) == 1 else _item(out, (path[0], path[1]))
    node.title = _clean_title(title)
    return out


def set_due(draft: PlanDraft, path: ItemPath, text: str) -> PlanDraft:
    """An item's deadline as typed in the preview ("6月底", "2019/9/30", "年底", empty for none),
    read in the draft's year like everywhere else."""
    out = _copy(draft)
    node = _item(out, path)
    node.due = None if not text.strip() else parse_date(text, "完成时限", year=out.year)
    return out


def set_departments(draft: PlanDraft, path: ItemPath, lead: str | None = None,
                    co: str | None = None) -> PlanDraft:
    """An item's lead (`lead`) or cooperating departments (`co`, "A、B" or "A,B"); the one not
    given stays. A department cannot lead and cooperate on one item (as in the saved plan)."""
    out = _copy(draft)
    node = _item(out, path)
    if lead is not None:
        node.lead_dept = clean_field(lead, "牵头科室")
    if co is not None:
        node.co_depts = list(parse_names(co))
    if node.lead_dept and node.lead_dept in node.co_depts:
        raise DraftEditError(f"“{node.lead_dept}”不能既是牵头科室又是配合科室，请从配合科室中去掉它。")
    return out


def merge(draft: PlanDraft, first: ItemPath, second: ItemPath) -> PlanDraft:
    """Fold `second` into `first`: its words join the detail, deadlines and departments combine."""
    if first == second:
        raise DraftEditError("不能把一项与它自己合并。")
    out = _copy(draft)
    keep, gone = _item(out, first), _item(out, second)
    extra = gone.title + ("。" + gone.detail if gone.detail else "。")
    keep.detail = (keep.detail + "\n" + extra).strip() if keep.detail else extra
    keep.source_excerpt = "\n".join(p for p in (keep.source_excerpt, gone.source_excerpt) if p)
    dues = [d for d in (keep.due, gone.due) if d is not None]
    keep.due = max(dues) if dues else None
    keep.lead_dept = keep.lead_dept or gone.lead_dept
    keep.co_depts = [d for d in dict.fromkeys([*keep.co_depts, gone.lead_dept, *gone.co_depts])
                     if d and d != keep.lead_dept]
    keep.span = _joined_span(keep.span, gone.span)
    del out.areas[second[0]].children[second[1]]
    return out


def split(draft: PlanDraft, path: ItemPath, at: int) -> PlanDraft:
    """Cut an item's detail at character `at`: the text from there becomes the next item.

    At 0 the whole detail becomes the next item and the item keeps its title (what a merge of
    an item without detail leaves behind).
    """
    out = _copy(draft)
    item = _item(out, path)
    if not 0 <= at < len(item.detail) or not item.detail[at:].strip():
        raise DraftEditError("拆分位置之后必须还有具体内容。")
    head, tail = item.detail[:at].strip(), item.detail[at:].strip()
    title, detail = title_and_detail(tail)
    item.detail = head
    new = NodeDraft(Kind.TASK, _clean_title(title), detail, tail, due=None)
    out.areas[path[0]].children.insert(path[1] + 1, new)
    return out


def promote(draft: PlanDraft, path: ItemPath) -> PlanDraft:
    """An item becomes an area after its own; the items below it in its area move under it."""
    out = _copy(draft)
    item = _item(out, path)
    area = out.areas[path[0]]
    below = area.children[path[1] + 1:]
    del area.children[path[1]:]
    new_area = NodeDraft(Kind.AREA, item.title, item.detail, item.source_excerpt, below, item.due,
                         item.lead_dept, list(item.co_depts), item.span)  # its words and owners stay
    if not below:  # an area needs an item: the promoted one stays as its only item
        new_area.children = [item]
    out.areas.insert(path[0] + 1, new_area)
    if not area.children:
        del out.areas[path[0]]
    return out


def demote(draft: PlanDraft, a: int) -> PlanDraft:
    """An area becomes the last item of the area before it; its items follow it there."""
    if a == 0:
        raise DraftEditError("第一个方面前面没有方面，无法降级。")
    out = _copy(draft)
    area = _area(out, a)
    previous = out.areas[a - 1]
    as_item = NodeDraft(Kind.TASK, area.title, area.detail, area.source_excerpt, [], area.due,
                        area.lead_dept, list(area.co_depts), area.span)
    previous.children += [as_item, *[c for c in area.children
                                     if (c.title, c.detail) != (area.title, area.detail)]]
    del out.areas[a]
    return out


def drop(draft: PlanDraft, path: ItemPath) -> PlanDraft:
    """Take an item out of the plan; it is kept among the skipped passages ("dropped")."""
    out = _copy(draft)
    item = _item(out, path)
    text = item.title + ("。" + item.detail if item.detail else "")
    out.skipped.append(SkippedPassage(text, SkipReason.DROPPED, item.span))
    del out.areas[path[0]].children[path[1]]
    if not out.areas[path[0]].children:
        del out.areas[path[0]]
    return out


def include(draft: PlanDraft, index: int, area: int | None, position: int | None = None) -> PlanDraft:
    """Make skipped passage `index` an item of `area` (at `position`, default last), or a new area."""
    out = _copy(draft)
    if not 0 <= index < len(out.skipped):
        raise DraftEditError(f"没有第 {index + 1} 段未列入的内容。")
    passage = out.skipped.pop(index)
    title, detail = title_and_detail(passage.text)
    item = NodeDraft(Kind.TASK, _clean_title(title), detail, passage.text, span=passage.span)
    if area is None:
        out.areas.append(NodeDraft(Kind.AREA, item.title, "", passage.text, [item], span=passage.span))
        return out
    target = _area(out, area)
    target.children.insert(len(target.children) if position is None else position, item)
    return out
