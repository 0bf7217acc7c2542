"""The preview's edits on an imported draft: each returns a new draft and loses nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain import draft_edits as edits
from tracker.domain.draft_edits import DraftEditError
from tracker.domain.model import Kind, NodeDraft, PlanDraft, SkippedPassage, SkipReason
from tracker.errors import UserError


def draft() -> PlanDraft:
    return PlanDraft(2024, "2024年工作要点", areas=[
        NodeDraft(Kind.AREA, "加强管理", children=[
            NodeDraft(Kind.TASK, "完善制度", "年底前出台办法。先调研。", due=dt.date(2024, 12, 31),
                      lead_dept="办公室"),
            NodeDraft(Kind.TASK, "落实责任", "6月底前签订责任书。", due=dt.date(2024, 6, 30),
                      lead_dept="法制科", co_depts=["人事科"]),
            NodeDraft(Kind.TASK, "强化督查", ""),
        ]),
        NodeDraft(Kind.AREA, "优化服务", children=[NodeDraft(Kind.TASK, "推行网办", "")]),
    ], skipped=[SkippedPassage("保障措施：加强组织领导。", SkipReason.CLOSING, (10, 20))], year_unsure=True)


def titles(d: PlanDraft) -> list[tuple[str, list[str]]]:
    return [(a.title, [i.title for i in a.children]) for a in d.areas]


def test_edits_leave_the_given_draft_as_it_was():
    before = draft()
    edits.drop(before, (0, 0))
    edits.rename(before, (0,), "新名")
    assert titles(before) == titles(draft())


def test_rename_area_and_item_and_refuse_an_empty_title():
    d = edits.rename(edits.rename(draft(), (0,), " 加强内部管理 "), (0, 1), "落实主体责任。")
    assert titles(d)[0] == ("加强内部管理", ["完善制度", "落实主体责任", "强化督查"])
    with pytest.raises(DraftEditError, match="不能为空"):
        edits.rename(draft(), (0, 0), "  ")


def test_merge_joins_words_deadlines_and_departments():
    d = edits.merge(draft(), (0, 0), (0, 1))
    item = d.areas[0].children[0]
    assert [i.title for i in d.areas[0].children] == ["完善制度", "强化督查"]
    assert item.detail == "年底前出台办法。先调研。\n落实责任。6月底前签订责任书。"
    assert item.due == dt.date(2024, 12, 31) and item.lead_dept == "办公室"
    assert item.co_depts == ["法制科", "人事科"]


def test_split_cuts_the_detail_into_a_new_item():
    d = edits.split(draft(), (0, 0), len("年底前出台办法。"))
    assert [i.title for i in d.areas[0].children][:2] == ["完善制度", "先调研"]
    assert d.areas[0].children[0].detail == "年底前出台办法。"
    whole = edits.split(draft(), (0, 1), 0)
    assert [(i.title, i.detail) for i in whole.areas[0].children][1:3] == [
        ("落实责任", ""), ("6月底前签订责任书", "")]
    with pytest.raises(DraftEditError):
        edits.split(draft(), (0, 2), 1)


def test_promote_and_demote_are_inverse():
    promoted = edits.promote(draft(), (0, 1))
    assert titles(promoted) == [("加强管理", ["完善制度"]), ("落实责任", ["强化督查"]),
                                ("优化服务", ["推行网办"])]
    assert (promoted.areas[1].detail, promoted.areas[1].lead_dept) == ("6月底前签订责任书。", "法制科")
    back = edits.demote(promoted, 1)
    assert back.areas == draft().areas  # words, deadline and departments came back too
    last = edits.demote(edits.promote(draft(), (0, 2)), 1)  # a promoted last item, and back
    assert last.areas == draft().areas
    with pytest.raises(DraftEditError):
        edits.demote(draft(), 0)


def test_drop_keeps_the_item_among_the_skipped_and_include_takes_it_back():
    d = edits.drop(draft(), (1, 0))
    assert titles(d) == titles(draft())[:1]  # the area had no other item
    assert d.skipped[-1].reason == SkipReason.DROPPED and d.skipped[-1].text == "推行网办"
    back = edits.include(d, len(d.skipped) - 1, 0)
    assert titles(back)[0][1][-1] == "推行网办" and len(back.skipped) == 1


def test_include_a_skipped_passage_as_a_new_area():
    d = edits.include(draft(), 0, None)
    assert titles(d)[-1] == ("保障措施：加强组织领导", ["保障措施：加强组织领导"])
    assert d.skipped == []


def test_year_and_title_are_set_and_the_year_is_no_longer_a_guess():
    d = edits.set_title(edits.set_year(draft(), 2025), "2025年工作要点")
    assert (d.year, d.year_unsure, d.title) == (2025, False, "2025年工作要点")
    with pytest.raises(DraftEditError, match="1900–2999"):
        edits.set_year(draft(), 20250)


def test_deadlines_of_the_old_year_move_with_a_new_year():
    d = draft()
    d.areas[1].children[0].due = dt.date(2023, 2, 28)  # written with its own year: stays
    d.areas[0].children[2].due = dt.date(2024, 2, 29)
    moved = edits.set_year(d, 2025)
    assert [i.due for i in moved.areas[0].children] == [
        dt.date(2025, 12, 31), dt.date(2025, 6, 30), dt.date(2025, 2, 28)]
    assert moved.areas[1].children[0].due == dt.date(2023, 2, 28)


def test_long_text_gets_a_title_of_at_most_sixty_characters():
    text = "推进" + "，".join(["各项改革任务落实落地见效"] * 8) + "。其他内容。"
    title, detail = edits.title_and_detail(text)
    assert len(title) <= 60 and detail.endswith("其他内容。") and (title + detail).startswith("推进各项")


def test_deadline_and_departments_are_read_as_typed_and_checked():
    d = draft()
    changed = edits.set_due(d, (0, 2), "9月底")
    assert changed.areas[0].children[2].due == dt.date(2024, 9, 30)  # in the draft's year
    assert edits.set_due(changed, (0, 2), "  ").areas[0].children[2].due is None
    with pytest.raises(UserError, match="不是有效日期"):
        edits.set_due(d, (0, 2), "13月1日")
    both = edits.set_departments(d, (0, 1), co="人事科、办公室,人事科")
    assert both.areas[0].children[1].co_depts == ["人事科", "办公室"]
    assert both.areas[0].children[1].lead_dept == "法制科"  # the one not given stays
    with pytest.raises(DraftEditError, match="不能既是牵头科室又是配合科室"):
        edits.set_departments(d, (0, 1), lead="人事科")
    with pytest.raises(DraftEditError):
        edits.set_due(d, (0, 9), "年底")
    assert d.areas[0].children[1].co_depts == ["人事科"] and d.areas[0].children[2].due is None
