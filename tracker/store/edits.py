"""SQL for editing a plan after import: the node tree, departments, people, check-ins, the baseline.

Kept beside repository.py (which loads and imports plans) so neither file grows past reading
size. Functions take a connection; the caller's service decides the transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from tracker.domain.model import (
    CheckIn,
    Department,
    Extension,
    Kind,
    NodeRecord,
    Person,
    PlanRecord,
    Status,
    Thresholds,
)
from tracker.store.sql import Tx, is_server


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def next_id(c: Tx, table: str) -> int:
    """The id a new row will get; chosen up front so an edit can name the row before writing it.

    Never an id the change log has seen: a new item must not inherit the history of a deleted
    one that happened to hold the highest id (undo puts a deleted row back under its own id)."""
    if table not in ("plan", "node", "department", "person", "checkin", "extension"):
        raise ValueError(table)
    row = c.execute(
        f"SELECT (SELECT max(id) FROM {table}),"
        " (SELECT max(entity_id) FROM change_log WHERE entity = ?)",
        (table,),
    ).fetchone()
    new_id = max(int(row[0] or 0), int(row[1] or 0)) + 1
    if is_server(c):
        # Safe with many writers: a server transaction holds the writer lock from its start
        # (store/server/database.py), as BEGIN IMMEDIATE does on a file. The identity sequence
        # is moved past the id, so a row inserted without one never takes it.
        c.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), ?)", (new_id,))
    return new_id


def highest_ids(c: Tx, tables: Iterable[str]) -> dict[str, int]:
    """`next_id(table) - 1` for several tables in one statement (one round trip to a server)."""
    names = [t for t in tables if t in ("plan", "node", "department", "person", "checkin", "extension")]
    parts = ", ".join(
        f"(SELECT max(id) FROM {t}), (SELECT max(entity_id) FROM change_log WHERE entity = ?)"
        for t in names)
    row = c.execute(f"SELECT {parts}", names).fetchone()
    return {t: max(int(row[2 * i] or 0), int(row[2 * i + 1] or 0)) for i, t in enumerate(names)}


# --- nodes ---------------------------------------------------------------------------


def node_row(c: Tx, node_id: int) -> NodeRecord | None:
    """A node with its plan's year and lock, and its lead department's name."""
    r = c.execute(
        "SELECT n.*, p.year, p.locked_at, d.name AS lead_dept FROM node n"
        " JOIN plan p ON p.id = n.plan_id LEFT JOIN department d ON d.id = n.lead_dept_id"
        " WHERE n.id = ?",
        (node_id,),
    ).fetchone()
    if r is None:
        return None
    return NodeRecord(
        id=r["id"], plan_id=r["plan_id"], parent_id=r["parent_id"], position=r["position"],
        kind=Kind(r["kind"]), title=r["title"], detail=r["detail"], leader=r["leader"],
        owner=r["owner"], start=_date(r["start"]), due=_date(r["due"]),
        baseline_due=_date(r["baseline_due"]), weight=float(r["weight"]), status=Status(r["status"]),
        lead_dept_id=r["lead_dept_id"], lead_dept=r["lead_dept"] or "", year=r["year"],
        locked_at=r["locked_at"],
    )


def co_dept_names(c: Tx, node_id: int) -> list[str]:
    return [
        r[0]
        for r in c.execute(
            "SELECT d.name FROM node_co_dept cd JOIN department d ON d.id = cd.dept_id"
            " WHERE cd.node_id = ? ORDER BY cd.position, d.name",
            (node_id,),
        )
    ]


def subtree_depths(c: Tx, node_id: int) -> dict[int, int]:
    """The node (0) and everything below it with its depth under the node, parents first."""
    rows = c.execute(
        "WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM node WHERE id = ? UNION ALL"
        " SELECT n.id, sub.depth + 1 FROM node n JOIN sub ON n.parent_id = sub.id)"
        " SELECT id, depth FROM sub ORDER BY depth, id",
        (node_id,),
    )
    return {int(r[0]): int(r[1]) for r in rows}


def subtree_ids(c: Tx, node_id: int) -> list[int]:
    return list(subtree_depths(c, node_id))


def ancestor_ids(c: Tx, node_id: int) -> list[int]:
    """From the node's parent up to its area (empty for an area)."""
    out: list[int] = []
    parent = c.execute("SELECT parent_id FROM node WHERE id = ?", (node_id,)).fetchone()
    while parent is not None and parent[0] is not None:
        out.append(int(parent[0]))
        parent = c.execute("SELECT parent_id FROM node WHERE id = ?", (parent[0],)).fetchone()
    return out


def child_ids(c: Tx, plan_id: int, parent_id: int | None) -> list[int]:
    """A parent's children (or a plan's areas) in order."""
    rows = c.execute(
        "SELECT id FROM node WHERE plan_id = ? AND parent_id IS ? ORDER BY position, id",
        (plan_id, parent_id),
    )
    return [int(r[0]) for r in rows]


def shift_positions(
    c: Tx, plan_id: int, parent_id: int | None, from_position: int, delta: int
) -> None:
    """Open (+1) or close (−1) a gap among siblings so positions stay 0..n-1."""
    c.execute(
        "UPDATE node SET position = position + ? WHERE plan_id = ? AND parent_id IS ?"
        " AND position >= ?",
        (delta, plan_id, parent_id, from_position),
    )


def insert_node(
    c: Tx, node_id: int, plan_id: int, parent_id: int | None, position: int,
    kind: str, title: str,
) -> None:
    c.execute(
        "INSERT INTO node (id, plan_id, parent_id, position, kind, title) VALUES (?, ?, ?, ?, ?, ?)",
        (node_id, plan_id, parent_id, position, kind, title),
    )


def place_node(c: Tx, node_id: int, parent_id: int | None, position: int) -> None:
    c.execute("UPDATE node SET parent_id = ?, position = ? WHERE id = ?", (parent_id, position, node_id))


def set_kind(c: Tx, node_id: int, kind: str) -> None:
    c.execute("UPDATE node SET kind = ? WHERE id = ?", (kind, node_id))


def delete_node(c: Tx, node_id: int) -> None:
    """The node and, by cascade, its subtree with check-ins, co-departments and extensions."""
    c.execute("DELETE FROM node WHERE id = ?", (node_id,))


def node_code(c: Tx, node_id: int) -> str:
    """序号 as the window shows it ("2.3"), from the positions of the node and its ancestors."""
    parts: list[str] = []
    row = c.execute("SELECT parent_id, position FROM node WHERE id = ?", (node_id,)).fetchone()
    while row is not None:
        parts.append(str(int(row["position"]) + 1))
        if row["parent_id"] is None:
            break
        row = c.execute(
            "SELECT parent_id, position FROM node WHERE id = ?", (row["parent_id"],)
        ).fetchone()
    return ".".join(reversed(parts))


def effective_dues(c: Tx, plan_id: int) -> dict[int, str]:
    """Each node's deadline as shown: its own, else its parent's, else Dec 31 (年底前)."""
    year = c.execute("SELECT year FROM plan WHERE id = ?", (plan_id,)).fetchone()[0]
    rows = c.execute(
        "SELECT id, parent_id, due FROM node WHERE plan_id = ?", (plan_id,)
    ).fetchall()
    own = {r["id"]: (r["parent_id"], r["due"]) for r in rows}
    out: dict[int, str] = {}

    def due_of(node_id: int) -> str:
        if node_id not in out:
            parent, due = own[node_id]
            out[node_id] = due or (due_of(parent) if parent is not None else f"{year}-12-31")
        return out[node_id]

    for node_id in own:
        due_of(node_id)
    return out


def plan_node_ids(c: Tx, plan_id: int) -> list[int]:
    return [int(r[0]) for r in c.execute("SELECT id FROM node WHERE plan_id = ?", (plan_id,))]


# --- departments and people ---------------------------------------------------------


def department_names_by_id(c: Tx) -> dict[int, str]:
    return {int(r[0]): r[1] for r in c.execute("SELECT id, name FROM department")}


def department_id_by_name(c: Tx, name: str) -> int | None:
    row = c.execute("SELECT id FROM department WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else None


def department_usage(c: Tx) -> list[Department]:
    """Each department with how many items it leads, helps with, and how many people it has."""
    rows = c.execute(
        "SELECT d.id, d.name, d.position,"
        " (SELECT count(*) FROM node n WHERE n.lead_dept_id = d.id) AS leads,"
        " (SELECT count(*) FROM node_co_dept cd WHERE cd.dept_id = d.id) AS cooperates,"
        " (SELECT count(*) FROM person p WHERE p.dept_id = d.id) AS people"
        " FROM department d ORDER BY d.position IS NULL, d.position, d.name"
    ).fetchall()
    return [Department(r["id"], r["name"], r["leads"], r["cooperates"], r["people"], r["position"])
            for r in rows]


def set_department_positions(c: Tx, positions: dict[int, int | None]) -> None:
    c.executemany("UPDATE department SET position = ? WHERE id = ?",
                  [(pos, dept_id) for dept_id, pos in positions.items()])


def insert_department(c: Tx, dept_id: int, name: str) -> None:
    c.execute("INSERT INTO department (id, name) VALUES (?, ?)", (dept_id, name))


def rename_department(c: Tx, dept_id: int, name: str) -> None:
    c.execute("UPDATE department SET name = ? WHERE id = ?", (name, dept_id))


def delete_department(c: Tx, dept_id: int) -> None:
    c.execute("DELETE FROM department WHERE id = ?", (dept_id,))


def nodes_using(c: Tx, dept_ids: Iterable[int]) -> set[int]:
    """Nodes whose lead or cooperating department is one of `dept_ids`."""
    ids = list(dept_ids)
    marks = ", ".join("?" * len(ids))
    rows = c.execute(
        f"SELECT id FROM node WHERE lead_dept_id IN ({marks})"
        f" UNION SELECT node_id FROM node_co_dept WHERE dept_id IN ({marks})",
        [*ids, *ids],
    )
    return {int(r[0]) for r in rows}


def lead_dept_id(c: Tx, node_id: int) -> int | None:
    row = c.execute("SELECT lead_dept_id FROM node WHERE id = ?", (node_id,)).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def set_lead_dept_id(c: Tx, node_id: int, dept_id: int | None) -> None:
    c.execute("UPDATE node SET lead_dept_id = ? WHERE id = ?", (dept_id, node_id))


def co_dept_ids(c: Tx, node_id: int) -> list[int]:
    rows = c.execute(
        "SELECT dept_id FROM node_co_dept WHERE node_id = ? ORDER BY position, dept_id", (node_id,)
    )
    return [int(r[0]) for r in rows]


def write_co_dept_ids(c: Tx, node_id: int, dept_ids: list[int]) -> None:
    c.execute("DELETE FROM node_co_dept WHERE node_id = ?", (node_id,))
    c.executemany(
        "INSERT INTO node_co_dept (node_id, dept_id, position) VALUES (?, ?, ?)",
        [(node_id, dept, position) for position, dept in enumerate(dept_ids)],
    )


def move_people(c: Tx, from_dept: int, to_dept: int | None) -> None:
    c.execute("UPDATE person SET dept_id = ? WHERE dept_id = ?", (to_dept, from_dept))


_PERSON_SQL = (
    "SELECT p.id, p.name, p.dept_id, p.role, d.name AS dept FROM person p"
    " LEFT JOIN department d ON d.id = p.dept_id"
)


def _person(r: Any) -> Person:
    return Person(r["id"], r["name"], r["dept_id"], r["dept"] or "", r["role"])


def people(c: Tx, dept_id: int | None = None) -> list[Person]:
    if dept_id is None:
        rows = c.execute(_PERSON_SQL + " ORDER BY d.name, p.name, p.id").fetchall()
    else:
        rows = c.execute(_PERSON_SQL + " WHERE p.dept_id = ? ORDER BY p.name, p.id",
                         (dept_id,)).fetchall()
    return [_person(r) for r in rows]


def person(c: Tx, person_id: int) -> Person | None:
    r = c.execute(_PERSON_SQL + " WHERE p.id = ?", (person_id,)).fetchone()
    return _person(r) if r is not None else None


def person_named(c: Tx, name: str, dept_id: int | None) -> int | None:
    row = c.execute(
        "SELECT id FROM person WHERE name = ? AND dept_id IS ?", (name, dept_id)
    ).fetchone()
    return int(row[0]) if row else None


def write_person(
    c: Tx, person_id: int, name: str, dept_id: int | None, role: str
) -> None:
    c.execute(
        "INSERT INTO person (id, name, dept_id, role) VALUES (?, ?, ?, ?) ON CONFLICT (id)"
        " DO UPDATE SET name = excluded.name, dept_id = excluded.dept_id, role = excluded.role",
        (person_id, name, dept_id, role),
    )


def delete_person(c: Tx, person_id: int) -> None:
    c.execute("DELETE FROM person WHERE id = ?", (person_id,))


# --- check-ins ----------------------------------------------------------------------


def checkin_row(c: Tx, checkin_id: int) -> CheckIn | None:
    r = c.execute("SELECT * FROM checkin WHERE id = ?", (checkin_id,)).fetchone()
    return checkin_from_row(r) if r is not None else None


def checkin_from_row(r: Any) -> CheckIn:
    return CheckIn(
        id=r["id"], node_id=r["node_id"], date=dt.date.fromisoformat(r["date"]),
        progress=r["progress"], progress_text=r["progress_text"], problems=r["problems"],
        next_steps=r["next_steps"], reporter=r["reporter"], created_at=r["created_at"],
    )


def checkin_count(c: Tx, node_ids: list[int]) -> int:
    marks = ", ".join("?" * len(node_ids))
    return int(
        c.execute(f"SELECT count(*) FROM checkin WHERE node_id IN ({marks})", node_ids).fetchone()[0]
    )


def insert_checkin(c: Tx, ci: CheckIn) -> None:
    """A check-in with the id chosen up front (see `next_id`)."""
    c.execute(
        "INSERT INTO checkin (id, node_id, date, progress, progress_text, problems, next_steps,"
        " reporter, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ci.id, ci.node_id, ci.date.isoformat(), ci.progress, ci.progress_text, ci.problems,
         ci.next_steps, ci.reporter, ci.created_at),
    )


CHECKIN_FIELDS = ("date", "progress", "progress_text", "problems", "next_steps", "reporter")


def update_checkin(c: Tx, checkin_id: int, values: dict[str, object]) -> None:
    if set(values) - set(CHECKIN_FIELDS):
        raise ValueError(f"unknown check-in fields: {sorted(set(values) - set(CHECKIN_FIELDS))}")
    if values:
        cols = ", ".join(f"{name} = ?" for name in values)
        params = [v.isoformat() if isinstance(v, dt.date) else v for v in values.values()]
        c.execute(f"UPDATE checkin SET {cols} WHERE id = ?", [*params, checkin_id])


def delete_checkin(c: Tx, checkin_id: int) -> None:
    c.execute("DELETE FROM checkin WHERE id = ?", (checkin_id,))


def latest_progress(c: Tx, node_id: int) -> tuple[int, float] | None:
    """(id, progress) of the node's latest check-in by (date, id), or None."""
    row = c.execute(
        "SELECT id, progress FROM checkin WHERE node_id = ? ORDER BY date DESC, id DESC LIMIT 1",
        (node_id,),
    ).fetchone()
    return (int(row[0]), float(row[1])) if row else None


def latest_checkin(c: Tx, node_id: int) -> CheckIn | None:
    """The node's latest check-in by (date, id), or None."""
    r = c.execute(
        "SELECT * FROM checkin WHERE node_id = ? ORDER BY date DESC, id DESC LIMIT 1", (node_id,)
    ).fetchone()
    return checkin_from_row(r) if r is not None else None


def set_status(c: Tx, node_id: int, status: str) -> None:
    c.execute("UPDATE node SET status = ? WHERE id = ?", (status, node_id))


# --- plan lock, extensions, thresholds ------------------------------------------------


def plan_row(c: Tx, plan_id: int) -> PlanRecord | None:
    r = c.execute("SELECT * FROM plan WHERE id = ?", (plan_id,)).fetchone()
    if r is None:
        return None
    return PlanRecord(r["id"], r["year"], r["title"], r["locked_at"],
                      Thresholds(r["green_max"], r["yellow_max"]))


def set_lock(c: Tx, plan_id: int, locked_at: str | None) -> None:
    c.execute("UPDATE plan SET locked_at = ? WHERE id = ?", (locked_at, plan_id))


def set_baselines(c: Tx, dues: dict[int, str | None]) -> None:
    c.executemany(
        "UPDATE node SET baseline_due = ? WHERE id = ?", [(due, nid) for nid, due in dues.items()]
    )


def set_thresholds(c: Tx, plan_id: int, green_max: float, yellow_max: float) -> None:
    c.execute(
        "UPDATE plan SET green_max = ?, yellow_max = ? WHERE id = ?", (green_max, yellow_max, plan_id)
    )


def insert_extension(
    c: Tx, extension_id: int, node_id: int, at: str, who: str,
    old_due: str | None, new_due: str | None, reason: str,
) -> None:
    c.execute(
        "INSERT INTO extension (id, node_id, at, who, old_due, new_due, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (extension_id, node_id, at, who, old_due, new_due, reason),
    )


def extensions_for(c: Tx, node_id: int) -> list[Extension]:
    """A node's extensions, oldest first."""
    rows = c.execute("SELECT * FROM extension WHERE node_id = ? ORDER BY at, id", (node_id,))
    return [
        Extension(r["id"], r["node_id"], r["at"], r["who"], _date(r["old_due"]), _date(r["new_due"]),
                  r["reason"])
        for r in rows
    ]
