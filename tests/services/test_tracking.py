"""Assignments and check-ins: what is stored, logged and refused."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain.model import Light, Status
from tracker.services import Assignment, PlanService, TrackingService, UserError


def test_assign_logs_every_changed_field_with_who(db):
    service = TrackingService(db, who="office")
    service.assign(
        "1.2", Assignment(leader="李局长", lead_dept="法制科", co_depts="办公室,科技科", due="2018-09-30")
    )
    node = service.find("1.2")
    changes = {c.field: (c.old, c.new, c.who) for c in service.changes(node.id)}
    assert changes["leader"] == ("", "李局长", "office")
    assert changes["lead_dept"] == ("", "法制科", "office")
    assert changes["co_depts"] == ("", "办公室、科技科", "office")
    assert changes["due"] == ("", "2018-09-30", "office")


def test_assigning_the_same_values_again_logs_nothing_new(db):
    service = TrackingService(db, who="office")
    change = Assignment(leader="李局长")
    service.assign("1.2", change)
    service.assign("1.2", change)
    assert len(service.changes(service.find("1.2").id)) == 1


def test_checkins_newest_first_and_latest_drives_progress(db):
    service = TrackingService(db, who="office")
    service.checkin("3.1", 30, note="一月", date="2018-01-31")
    service.checkin("3.1", 60, note="三月", date="2018-03-31")
    service.checkin("3.1", 50, note="补报二月", date="2018-02-28")
    node = service.find("3.1")
    assert [c.progress_text for c in service.checkins(node.id)] == ["三月", "补报二月", "一月"]
    view = PlanService(db).view(today=dt.date(2018, 4, 1))
    ev = view.evaluations[node.id]
    assert ev.progress == 60
    assert ev.light is Light.GREEN  # expected ≈ 24.7 on Apr 1
    assert view.evaluations[view.area_of(node).id].progress == 30  # (60 + 0) / 2


def test_status_follows_checkins_but_suspended_stays(db):
    service = TrackingService(db, who="")
    service.checkin("1.1", 100)
    assert service.find("1.1").status is Status.DONE
    service.checkin("1.1", 80)
    assert service.find("1.1").status is Status.IN_PROGRESS


def test_huge_notes_are_refused_whole(db):
    service = TrackingService(db, who="")
    with pytest.raises(UserError, match="过长"):
        service.checkin("1.1", 10, note="字" * 100_001)
    assert service.checkins(service.find("1.1").id) == []


def test_control_characters_never_reach_the_file(db):
    service = TrackingService(db, who="")
    ci = service.checkin("1.1", 10, note="第一行\n第二行\x00\x1b[31m", problems="\u202e反转")
    assert ci.progress_text == "第一行\n第二行[31m" and ci.problems == "反转"


def test_a_checkin_dated_in_the_future_is_refused(db):
    service = TrackingService(db, who="")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(UserError, match="晚于今天"):
        service.checkin("1.1", 10, date=tomorrow.isoformat())
    assert service.checkins(service.find("1.1").id) == []
