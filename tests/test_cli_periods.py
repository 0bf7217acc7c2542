"""The periods contract of issue 11, run as outside checks run it: periods, missing (at the
period's edges), close-period, snapshot immutability through tasks --as-of, and reopen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def ok_json(capsys, *args: str):
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return json.loads(out)


def checkin(capsys, db: Path | str, code: str, progress: int, date: str, **extra: str) -> tuple[int, str]:
    args = ["--db", str(db), "checkin", code, "--progress", str(progress), "--date", date]
    for key, value in extra.items():
        args += [f"--{key}", value]
    result, _out, err = run(capsys, *args)
    return result, err


def test_periods_lists_the_twelve_months_with_their_edges(capsys, new_db: str) -> None:
    db = new_db
    periods = ok_json(capsys, "--db", str(db), "periods", "--json")
    assert [p["period"] for p in periods][:3] == ["2018-01", "2018-02", "2018-03"]
    assert len(periods) == 12
    assert periods[1] == {"period": "2018-02", "start": "2018-02-01", "end": "2018-02-28", "closed": False}
    assert set(periods[0]) == {"period", "start", "end", "closed"}


def test_missing_counts_check_ins_on_the_first_and_last_day_and_not_outside(capsys, new_db: str) -> None:
    db = new_db
    assert checkin(capsys, db, "1.1", 10, "2018-06-01")[0] == 0  # first day: inside
    assert checkin(capsys, db, "1.2", 10, "2018-06-30")[0] == 0  # last day: inside
    assert checkin(capsys, db, "1.3", 10, "2018-05-31")[0] == 0  # the day before: outside
    assert checkin(capsys, db, "2.1", 10, "2018-07-01")[0] == 0  # the day after: outside
    missing = ok_json(capsys, "--db", str(db), "missing", "--period", "2018-06", "--json")
    codes = [m["code"] for m in missing]
    assert "1.1" not in codes and "1.2" not in codes
    assert "1.3" in codes and "2.1" in codes
    assert len(codes) == 8
    assert set(missing[0]) == {"code", "title", "lead_dept"}


def test_missing_names_the_lead_department(capsys, new_db: str) -> None:
    db = new_db
    assert run(capsys, "--db", str(db), "assign", "2.2", "--lead-dept", "法制科")[0] == 0
    missing = ok_json(capsys, "--db", str(db), "missing", "--period", "2018-03", "--json")
    assert {"code": "2.2", "title": missing[[m["code"] for m in missing].index("2.2")]["title"],
            "lead_dept": "法制科"} in missing


def test_a_later_check_in_leaves_the_closed_period_unchanged(capsys, new_db: str) -> None:
    db = new_db
    checkin(capsys, db, "1.1", 40, "2018-06-20", problems="人手不足")
    assert run(capsys, "--db", str(db), "close-period", "2018-06")[0] == 0
    before = ok_json(capsys, "--db", str(db), "tasks", "--as-of", "2018-06", "--json")
    assert checkin(capsys, db, "1.1", 90, "2018-07-05")[0] == 0
    assert run(capsys, "--db", str(db), "assign", "1.1", "--lead-dept", "办公室")[0] == 0
    after = ok_json(capsys, "--db", str(db), "tasks", "--as-of", "2018-06", "--json")
    assert after == before
    row = next(r for r in after if r["code"] == "1.1")
    assert row["progress"] == 40 and row["status"] == "in_progress" and row["lead_dept"] == ""
    live = ok_json(capsys, "--db", str(db), "tasks", "--json")
    assert set(live[0]) == set(row)
    assert next(r for r in live if r["code"] == "1.1")["progress"] == 90


def test_closing_freezes_the_values_at_the_periods_end_not_today(capsys, new_db: str) -> None:
    db = new_db
    checkin(capsys, db, "1.1", 30, "2018-06-10")
    checkin(capsys, db, "1.1", 100, "2018-07-02")  # already in July when June is closed
    assert run(capsys, "--db", str(db), "close-period", "2018-06")[0] == 0
    row = next(r for r in ok_json(capsys, "--db", str(db), "tasks", "--as-of", "2018-06", "--json")
               if r["code"] == "1.1")
    assert row["progress"] == 30 and row["status"] == "in_progress" and row["light"] != "blue"


def test_a_check_in_inside_a_closed_period_is_refused_until_it_is_reopened(capsys, new_db: str) -> None:
    db = new_db
    assert run(capsys, "--db", str(db), "close-period", "2018-06")[0] == 0
    code, err = checkin(capsys, db, "1.1", 40, "2018-06-30")
    assert code == 1 and "2018-06 已关账" in err
    assert checkin(capsys, db, "1.1", 40, "2018-07-01")[0] == 0  # the next day is open
    code, _out, err = run(capsys, "--db", str(db), "reopen-period", "2018-06", "--reason", " ")
    assert code == 1 and "理由" in err
    assert run(capsys, "--db", str(db), "reopen-period", "2018-06", "--reason", "科室补报")[0] == 0
    assert checkin(capsys, db, "1.1", 35, "2018-06-30")[0] == 0
    periods = ok_json(capsys, "--db", str(db), "periods", "--json")
    assert not next(p for p in periods if p["period"] == "2018-06")["closed"]
    code, _out, err = run(capsys, "--db", str(db), "tasks", "--as-of", "2018-06", "--json")
    assert code == 1 and "尚未关账" in err


def test_reopen_is_logged_with_its_reason(capsys, new_db: str) -> None:
    from tracker.services import Workspace

    db = new_db
    run(capsys, "--db", str(db), "close-period", "2018-06")
    run(capsys, "--db", str(db), "reopen-period", "2018-06", "--reason", "科室补报")
    run(capsys, "--db", str(db), "close-period", "2018-06")
    with Workspace.open(db, who="办公室") as ws:
        log = ws.periods.log(2018)
    assert [(e.period, e.action) for e in log] == [("2018-06", "close"), ("2018-06", "reopen"),
                                                   ("2018-06", "close")]
    assert log[1].reason == "科室补报"


@pytest.mark.parametrize("args, message", [
    (["close-period", "2018-13"], "无法识别"),
    (["close-period", "2019-06"], "没有“2019-06”"),
    (["missing", "--period", "2018Q2", "--json"], "按月报送"),
    (["reopen-period", "2018-06", "--reason", "x"], "尚未关账"),
])
def test_bad_periods_are_one_line_errors(capsys, new_db: str, args: list[str], message: str) -> None:
    code, _out, err = run(capsys, "--db", new_db, *args)
    assert code == 1 and message in err and err.count("\n") == 1


def test_closing_twice_or_before_the_period_began_is_refused(capsys, new_db: str) -> None:
    db = new_db
    assert run(capsys, "--db", str(db), "close-period", "2018-06")[0] == 0
    code, _out, err = run(capsys, "--db", str(db), "close-period", "2018-06")
    assert code == 1 and "已于" in err


def test_a_quarterly_plan_uses_quarter_keys(capsys, new_db: str) -> None:
    from tracker.services import Workspace

    db = new_db
    with Workspace.open(db) as ws:
        ws.periods.set_settings(ws.plans.view().plan.id, "quarter", 10)
    periods = ok_json(capsys, "--db", str(db), "periods", "--json")
    assert [p["period"] for p in periods] == ["2018Q1", "2018Q2", "2018Q3", "2018Q4"]
    assert periods[1]["start"] == "2018-04-01" and periods[1]["end"] == "2018-06-30"
    checkin(capsys, db, "1.1", 10, "2018-04-01")
    codes = [m["code"] for m in ok_json(capsys, "--db", str(db), "missing", "--period", "2018Q2", "--json")]
    assert "1.1" not in codes and len(codes) == 9
