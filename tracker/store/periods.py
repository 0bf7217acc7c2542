"""SQL for reporting periods: cadence, closed periods with their frozen rows, their log, and the
office's settings. Plain, portable SQL (no SQLite-only functions); dates are ISO text, which
compares in date order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tracker.domain.model import CheckIn, Kind, Light, Status
from tracker.domain.snapshot import FrozenItem
from tracker.store.edits import checkin_from_row
from tracker.store.sql import Tx


@dataclass(frozen=True)
class ClosedPeriod:
    period: str
    start: dt.date
    end: dt.date
    closed_at: str
    who: str


@dataclass(frozen=True)
class PeriodLogEntry:
    period: str
    action: str  # close | reopen
    at: str
    who: str
    reason: str


def cadence(c: Tx, plan_id: int) -> tuple[str, int] | None:
    """(period_kind, report_day) of a plan, or None when there is no such plan."""
    row = c.execute("SELECT period_kind, report_day FROM plan WHERE id = ?", (plan_id,)).fetchone()
    return (str(row[0]), int(row[1])) if row else None


def set_cadence(c: Tx, plan_id: int, kind: str, report_day: int) -> None:
    c.execute("UPDATE plan SET period_kind = ?, report_day = ? WHERE id = ?", (kind, report_day, plan_id))


def closed(c: Tx, plan_id: int) -> list[ClosedPeriod]:
    rows = c.execute(
        "SELECT period, start_date, end_date, closed_at, who FROM period_close WHERE plan_id = ?"
        " ORDER BY start_date",
        (plan_id,),
    )
    return [
        ClosedPeriod(r[0], dt.date.fromisoformat(r[1]), dt.date.fromisoformat(r[2]), r[3], r[4]) for r in rows
    ]


def closed_containing(c: Tx, plan_id: int, days: Iterable[dt.date]) -> list[str]:
    """The closed periods of a plan that hold any of `days`."""
    found: list[str] = []
    for day in sorted(set(days)):
        row = c.execute(
            "SELECT period FROM period_close WHERE plan_id = ? AND start_date <= ? AND end_date >= ?",
            (plan_id, day.isoformat(), day.isoformat()),
        ).fetchone()
        if row is not None and row[0] not in found:
            found.append(str(row[0]))
    return found


def plan_of_node(c: Tx, node_id: int) -> int | None:
    row = c.execute("SELECT plan_id FROM node WHERE id = ?", (node_id,)).fetchone()
    return int(row[0]) if row else None


def any_closed(c: Tx) -> bool:
    """Cheap test so writes on a file without closed periods pay nothing more."""
    return c.execute("SELECT 1 FROM period_close LIMIT 1").fetchone() is not None


def insert_close(
    c: Tx,
    plan_id: int,
    period: str,
    start: dt.date,
    end: dt.date,
    at: str,
    who: str,
    items: list[FrozenItem],
) -> None:
    c.execute(
        "INSERT INTO period_close (plan_id, period, start_date, end_date, closed_at, who)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (plan_id, period, start.isoformat(), end.isoformat(), at, who),
    )
    c.executemany(
        "INSERT INTO period_item (plan_id, period, node_id, parent_id, position, kind, code, area,"
        " title, detail, leader, lead_dept, co_depts, owner, due, weight, progress, expected, status,"
        " light, checkin_id, checkin_date, checkin_progress, progress_text, problems, next_steps,"
        " reporter, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?)",
        [
            (
                plan_id,
                period,
                i.node_id,
                i.parent_id,
                i.position,
                i.kind.value,
                i.code,
                i.area,
                i.title,
                i.detail,
                i.leader,
                i.lead_dept,
                json.dumps(list(i.co_depts), ensure_ascii=False),
                i.owner,
                i.due.isoformat(),
                i.weight,
                i.progress,
                i.expected,
                i.status.value,
                i.light.value,
                i.latest.id if i.latest else None,
                i.latest.date.isoformat() if i.latest else None,
                i.latest.progress if i.latest else None,
                i.latest.progress_text if i.latest else "",
                i.latest.problems if i.latest else "",
                i.latest.next_steps if i.latest else "",
                i.latest.reporter if i.latest else "",
                seq,
            )
            for seq, i in enumerate(items)
        ],
    )


def delete_close(c: Tx, plan_id: int, period: str) -> None:
    """The close and (by cascade) its frozen rows."""
    c.execute("DELETE FROM period_close WHERE plan_id = ? AND period = ?", (plan_id, period))


def frozen(c: Tx, plan_id: int, period: str) -> list[FrozenItem]:
    """The frozen rows of a closed period in plan order (empty when it is not closed)."""
    rows = c.execute(
        "SELECT * FROM period_item WHERE plan_id = ? AND period = ? ORDER BY seq", (plan_id, period)
    ).fetchall()
    return [_item(r) for r in rows]


def _item(r: Any) -> FrozenItem:
    latest = None
    if r["checkin_id"] is not None:
        latest = CheckIn(
            r["checkin_id"],
            r["node_id"],
            dt.date.fromisoformat(r["checkin_date"]),
            float(r["checkin_progress"]),
            r["progress_text"],
            r["problems"],
            r["next_steps"],
            r["reporter"],
        )
    return FrozenItem(
        r["node_id"],
        r["parent_id"],
        r["position"],
        Kind(r["kind"]),
        r["code"],
        r["area"],
        r["title"],
        r["detail"],
        r["leader"],
        r["lead_dept"],
        tuple(json.loads(r["co_depts"] or "[]")),
        r["owner"],
        dt.date.fromisoformat(r["due"]),
        float(r["progress"]),
        float(r["expected"]),
        Status(r["status"]),
        Light(r["light"]),
        latest,
        float(r["weight"]),
    )


def frozen_lights(c: Tx, plan_id: int) -> dict[int, dict[str, Light]]:
    """Each node's light in every closed period of the plan: {node_id: {period: light}}."""
    out: dict[int, dict[str, Light]] = {}
    for r in c.execute("SELECT node_id, period, light FROM period_item WHERE plan_id = ?", (plan_id,)):
        out.setdefault(int(r[0]), {})[str(r[1])] = Light(r[2])
    return out


def add_log(
    c: Tx, plan_id: int, period: str, action: str, at: str, who: str, reason: str = ""
) -> None:
    c.execute(
        "INSERT INTO period_log (plan_id, period, action, at, who, reason) VALUES (?, ?, ?, ?, ?, ?)",
        (plan_id, period, action, at, who, reason),
    )


def log(c: Tx, plan_id: int) -> list[PeriodLogEntry]:
    rows = c.execute(
        "SELECT period, action, at, who, reason FROM period_log WHERE plan_id = ? ORDER BY at, id", (plan_id,)
    )
    return [PeriodLogEntry(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def reported_between(c: Tx, plan_id: int, start: dt.date, end: dt.date) -> set[int]:
    """Nodes of the plan with a check-in dated inside [start, end]."""
    rows = c.execute(
        "SELECT DISTINCT ch.node_id FROM checkin ch JOIN node n ON n.id = ch.node_id"
        " WHERE n.plan_id = ? AND ch.date >= ? AND ch.date <= ?",
        (plan_id, start.isoformat(), end.isoformat()),
    )
    return {int(r[0]) for r in rows}


def latest_as_of(c: Tx, plan_id: int, day: dt.date) -> dict[int, CheckIn]:
    """Each node's latest check-in dated on or before `day` (by date, then entry)."""
    rows = c.execute(
        "SELECT ch.* FROM checkin ch JOIN node n ON n.id = ch.node_id WHERE n.plan_id = ?"
        " AND ch.date <= ? AND ch.id = (SELECT c2.id FROM checkin c2 WHERE c2.node_id = ch.node_id"
        " AND c2.date <= ? ORDER BY c2.date DESC, c2.id DESC LIMIT 1)",
        (plan_id, day.isoformat(), day.isoformat()),
    )
    return {int(r["node_id"]): checkin_from_row(r) for r in rows}


# --- the office's settings ------------------------------------------------------------


def settings(c: Tx) -> dict[str, str]:
    return {str(r[0]): str(r[1]) for r in c.execute("SELECT key, value FROM setting")}


def put_setting(c: Tx, key: str, value: str) -> None:
    """Insert or replace one setting (portable: update first, insert when nothing was there)."""
    cur = c.execute("UPDATE setting SET value = ? WHERE key = ?", (value, key))
    if cur.rowcount == 0:
        c.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (key, value))
