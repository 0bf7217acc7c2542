"""All SQL of the app. Functions take a connection so the caller decides the transaction.

A plan is loaded in bulk (three queries, whatever its size) so models never query per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.domain.model import (
    CheckIn,
    Kind,
    LogEntry,
    Node,
    NodeDraft,
    Plan,
    PlanDraft,
    Status,
    Thresholds,
)
from tracker.store.edits import checkin_from_row, next_id
from tracker.store.sql import Tx


def now_iso() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class PlanSummary:
    id: int
    year: int
    title: str


def list_plans(c: Tx) -> list[PlanSummary]:
    rows = c.execute("SELECT id, year, title FROM plan ORDER BY year").fetchall()
    return [PlanSummary(r["id"], r["year"], r["title"]) for r in rows]


def plan_id_for_year(c: Tx, year: int) -> int | None:
    row = c.execute("SELECT id FROM plan WHERE year = ?", (year,)).fetchone()
    return int(row[0]) if row else None


def insert_plan(c: Tx, draft: PlanDraft) -> int:
    """A parsed plan, with ids that never repeat one in the change log (see `next_id`)."""
    plan_id = next_id(c, "plan")
    c.execute(
        "INSERT INTO plan (id, year, title, source_text, created_at) VALUES (?, ?, ?, ?, ?)",
        (plan_id, draft.year, draft.title, draft.source_text, now_iso()),
    )
    node_id = next_id(c, "node")

    def insert(nodes: list[NodeDraft], parent_id: int | None) -> None:
        nonlocal node_id
        for position, node in enumerate(nodes):
            this = node_id
            node_id += 1
            c.execute(
                "INSERT INTO node (id, plan_id, parent_id, position, kind, title, detail,"
                " source_excerpt, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (this, plan_id, parent_id, position, node.kind.value, node.title, node.detail,
                 node.source_excerpt, node.due.isoformat() if node.due else None),
            )
            if node.lead_dept:  # departments named in the report are created as needed
                set_lead_dept(c, this, node.lead_dept)
            co = [d for d in node.co_depts if d != node.lead_dept]  # one role per department
            if co:
                set_co_depts(c, this, co)
            insert(node.children, this)

    insert(draft.areas, None)
    return plan_id


def load_plan(c: Tx, plan_id: int) -> Plan:
    """The whole plan tree with departments and each leaf's latest check-in."""
    row = c.execute("SELECT * FROM plan WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise KeyError(plan_id)
    plan = Plan(
        id=row["id"],
        year=row["year"],
        title=row["title"],
        source_text=row["source_text"],
        created_at=row["created_at"],
        thresholds=Thresholds(row["green_max"], row["yellow_max"]),
        locked_at=row["locked_at"],
    )
    nodes: dict[int, Node] = {}
    for r in c.execute(
        "SELECT n.*, d.name AS lead_dept FROM node n LEFT JOIN department d"
        " ON d.id = n.lead_dept_id WHERE n.plan_id = ? ORDER BY n.parent_id, n.position, n.id",
        (plan_id,),
    ):
        nodes[r["id"]] = Node(
            id=r["id"],
            plan_id=plan_id,
            parent_id=r["parent_id"],
            position=r["position"],
            kind=Kind(r["kind"]),
            title=r["title"],
            detail=r["detail"],
            source_excerpt=r["source_excerpt"],
            leader=r["leader"],
            lead_dept=r["lead_dept"] or "",
            owner=r["owner"],
            start=_date(r["start"]),
            due=_date(r["due"]),
            baseline_due=_date(r["baseline_due"]),
            weight=r["weight"],
            status=Status(r["status"]),
        )
    for r in c.execute(
        "SELECT cd.node_id, d.name FROM node_co_dept cd JOIN department d ON d.id = cd.dept_id"
        " JOIN node n ON n.id = cd.node_id WHERE n.plan_id = ? ORDER BY cd.node_id, cd.position",
        (plan_id,),
    ):
        nodes[r["node_id"]].co_depts.append(r["name"])
    for r in c.execute(
        # latest check-in per node: greatest (date, id)
        "SELECT ch.* FROM checkin ch JOIN node n ON n.id = ch.node_id WHERE n.plan_id = ?"
        " AND ch.id = (SELECT c2.id FROM checkin c2 WHERE c2.node_id = ch.node_id"
        " ORDER BY c2.date DESC, c2.id DESC LIMIT 1)",
        (plan_id,),
    ):
        nodes[r["node_id"]].latest = checkin_from_row(r)
    for node in sorted(nodes.values(), key=lambda n: (n.position, n.id)):
        if node.parent_id is None:
            plan.areas.append(node)
        else:
            nodes[node.parent_id].children.append(node)
    return plan


def checkins_for(c: Tx, node_id: int) -> list[CheckIn]:
    """A node's check-ins, newest first."""
    rows = c.execute(
        "SELECT * FROM checkin WHERE node_id = ? ORDER BY date DESC, id DESC", (node_id,)
    ).fetchall()
    return [checkin_from_row(r) for r in rows]


def checkins_for_plan(c: Tx, plan_id: int) -> list[CheckIn]:
    """Every check-in of a plan, oldest first (the ledger's 进展记录 sheet)."""
    rows = c.execute(
        "SELECT ch.* FROM checkin ch JOIN node n ON n.id = ch.node_id WHERE n.plan_id = ?"
        " ORDER BY ch.date, ch.id",
        (plan_id,),
    ).fetchall()
    return [checkin_from_row(r) for r in rows]


def department_id(c: Tx, name: str) -> int:
    """The department's id, created on first use (names are typed freely in assignments)."""
    row = c.execute("SELECT id FROM department WHERE name = ?", (name,)).fetchone()
    if row:
        return int(row[0])
    new_id = next_id(c, "department")  # never the id of a deleted department (see next_id)
    c.execute("INSERT INTO department (id, name) VALUES (?, ?)", (new_id, name))
    return new_id


def department_names(c: Tx) -> list[str]:
    return [r[0] for r in c.execute("SELECT name FROM department ORDER BY name")]


# Columns a caller may set with update_node, with how each is stored.
NODE_FIELDS = {
    "title", "detail", "leader", "owner", "start", "due", "baseline_due", "weight", "status",
}


def update_node(c: Tx, node_id: int, **values: object) -> None:
    unknown = set(values) - NODE_FIELDS
    if unknown:
        raise ValueError(f"unknown node fields: {sorted(unknown)}")
    if not values:
        return
    cols = ", ".join(f"{name} = ?" for name in values)
    params = [_store_value(v) for v in values.values()]
    c.execute(f"UPDATE node SET {cols} WHERE id = ?", [*params, node_id])


def _store_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Status | Kind):
        return value.value
    return value


def set_lead_dept(c: Tx, node_id: int, name: str | None) -> None:
    dept = department_id(c, name) if name else None
    c.execute("UPDATE node SET lead_dept_id = ? WHERE id = ?", (dept, node_id))


def set_co_depts(c: Tx, node_id: int, names: Iterable[str]) -> None:
    c.execute("DELETE FROM node_co_dept WHERE node_id = ?", (node_id,))
    for position, name in enumerate(names):
        c.execute(
            "INSERT INTO node_co_dept (node_id, dept_id, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (node_id, department_id(c, name), position),
        )


def add_checkin(c: Tx, ci: CheckIn) -> int:
    new_id = next_id(c, "checkin")
    c.execute(
        "INSERT INTO checkin (id, node_id, date, progress, progress_text, problems, next_steps,"
        " reporter, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (new_id, ci.node_id, ci.date.isoformat(), ci.progress, ci.progress_text, ci.problems,
         ci.next_steps, ci.reporter, ci.created_at or now_iso()),
    )
    return new_id


def log_change(
    c: Tx, who: str, entity: str, entity_id: int, field: str,
    old: object, new: object,
) -> None:
    c.execute(
        "INSERT INTO change_log (at, who, entity, entity_id, field, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (now_iso(), who, entity, entity_id, field,
         None if old is None else str(old), None if new is None else str(new)),
    )


def changes_for(c: Tx, entity: str, entity_id: int) -> list[LogEntry]:
    rows = c.execute(
        "SELECT at, who, field, old, new FROM change_log WHERE entity = ? AND entity_id = ?"
        " ORDER BY at DESC, id DESC",
        (entity, entity_id),
    ).fetchall()
    return [LogEntry(r["at"], r["who"], r["field"], r["old"], r["new"]) for r in rows]


def counts(c: Tx) -> dict[str, int]:
    """Row counts for a quick look at a file (check, backups)."""
    return {
        t: int(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
        for t in ("plan", "node", "checkin", "department")
    }


def delete_plan(c: Tx, plan_id: int) -> None:
    """A plan with its items, check-ins and extensions (the foreign keys cascade)."""
    c.execute("DELETE FROM plan WHERE id = ?", (plan_id,))


def plan_node_ids(c: Tx, plan_id: int) -> list[int]:
    return [int(r[0]) for r in c.execute("SELECT id FROM node WHERE plan_id = ? ORDER BY id", (plan_id,))]


@dataclass(frozen=True)
class PlanCounts:
    """What a plan holds, for a confirmation that names what a deletion takes away."""

    areas: int
    items: int
    checkins: int
    extensions: int
    carried_on: int  # items of other plans carried over from this one


def plan_counts(c: Tx, plan_id: int) -> PlanCounts:
    def one(sql: str) -> int:
        return int(c.execute(sql, (plan_id,)).fetchone()[0])

    return PlanCounts(
        one("SELECT count(*) FROM node WHERE plan_id = ? AND parent_id IS NULL"),
        one("SELECT count(*) FROM node WHERE plan_id = ? AND parent_id IS NOT NULL"),
        one("SELECT count(*) FROM checkin k JOIN node n ON n.id = k.node_id WHERE n.plan_id = ?"),
        one("SELECT count(*) FROM extension e JOIN node n ON n.id = e.node_id WHERE n.plan_id = ?"),
        one("SELECT count(*) FROM node o JOIN node n ON n.id = o.origin_id"
            " WHERE n.plan_id = ? AND o.plan_id <> n.plan_id"),
    )


def carried_origins(c: Tx, plan_id: int) -> set[int]:
    """The ids of the items that items of this plan were carried over from."""
    rows = c.execute("SELECT origin_id FROM node WHERE plan_id = ? AND origin_id IS NOT NULL", (plan_id,))
    return {int(r[0]) for r in rows}


def origin_of(c: Tx, node_id: int) -> int | None:
    row = c.execute("SELECT origin_id FROM node WHERE id = ?", (node_id,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def add_node(c: Tx, plan_id: int, parent_id: int | None, node: Node,
             origin_id: int | None = None) -> int:
    """Append a copy of `node` (its words, owners and departments) under `parent_id`."""
    position = c.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM node WHERE plan_id = ? AND parent_id IS ?",
        (plan_id, parent_id),
    ).fetchone()[0]
    node_id = next_id(c, "node")  # known before writing, so an undoable edit can name the row
    c.execute(
        "INSERT INTO node (id, plan_id, parent_id, position, kind, title, detail, source_excerpt,"
        " leader, owner, weight, origin_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (node_id, plan_id, parent_id, position, node.kind.value, node.title, node.detail,
         node.source_excerpt, node.leader, node.owner, node.weight, origin_id),
    )
    set_lead_dept(c, node_id, node.lead_dept or None)
    set_co_depts(c, node_id, node.co_depts)
    return node_id
