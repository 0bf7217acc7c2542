"""All SQL of the app. Functions take a connection so the caller decides the transaction.

A plan is loaded in bulk (three queries, whatever its size) so models never query per row.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Sequence
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
from tracker.store.sql import Tx, plain_rows


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


def plan_year(c: Tx, plan_id: int) -> int | None:
    row = c.execute("SELECT year FROM plan WHERE id = ?", (plan_id,)).fetchone()
    return int(row[0]) if row else None


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


def load_plan(c: Tx, plan_id: int, *, texts: bool = True) -> Plan:
    """The whole plan tree with departments and each leaf's latest check-in (three queries).

    `texts=False` leaves out the long texts (details, the report's words, the words of the
    latest check-in) that a tree does not show: a window over 100,000 items reads those for the
    one item it shows in full (`load_texts`)."""
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
    nodes = _read_nodes(c, plan_id, None, texts)
    for node in sorted(nodes.values(), key=_sibling_order):
        if node.parent_id is None:
            plan.areas.append(node)
        else:
            nodes[node.parent_id].children.append(node)
    return plan


def _sibling_order(node: Node) -> tuple[int, int]:
    return node.position, node.id


def node_at(c: Tx, plan_id: int, positions: Sequence[int]) -> int | None:
    """The node at these positions (an area's, then its child's, …), in one query: how a 序号
    such as "2.3" is found without reading the plan."""
    joins = "".join(f" JOIN node n{k} ON n{k}.parent_id = n{k - 1}.id AND n{k}.position = ?"
                    for k in range(1, len(positions)))
    row = c.execute(
        f"SELECT n{len(positions) - 1}.id FROM node n0{joins}"
        " WHERE n0.plan_id = ? AND n0.parent_id IS NULL AND n0.position = ?",
        [*positions[1:], plan_id, positions[0]],
    ).fetchone()
    return int(row[0]) if row else None


def load_nodes(c: Tx, plan_id: int, node_ids: Iterable[int], *,
               texts: bool = True) -> dict[int, Node]:
    """These nodes of the plan as `load_plan` reads them, without their children (ids of
    other plans or of deleted nodes are left out): what a view re-reads after an edit."""
    return _read_nodes(c, plan_id, sorted(set(node_ids)), texts)


def load_texts(c: Tx, node_id: int) -> tuple[str, str, CheckIn | None] | None:
    """A node's detail, report excerpt and latest check-in in full (None: no such node)."""
    row = c.execute("SELECT detail, source_excerpt FROM node WHERE id = ?", (node_id,)).fetchone()
    if row is None:
        return None
    latest = c.execute(
        "SELECT * FROM checkin WHERE node_id = ? ORDER BY date DESC, id DESC LIMIT 1", (node_id,)
    ).fetchone()
    return row[0], row[1], checkin_from_row(latest) if latest is not None else None


def plan_shape(c: Tx, plan_id: int) -> list[tuple[int, int | None, int]]:
    """(id, parent id, position) of every node of the plan: the tree without its contents."""
    return [tuple(r) for r in plain_rows(  # type: ignore[misc]
        c, "SELECT id, parent_id, position FROM node WHERE plan_id = ?"
        " ORDER BY parent_id, position, id", (plan_id,))]


_NODE_COLUMNS = (
    "n.id, n.parent_id, n.position, n.kind, n.title, {texts}, n.leader, n.lead_dept_id, n.owner,"
    " n.start, n.due, n.baseline_due, n.weight, n.status"
)
_CHECKIN_COLUMNS = "ch.id, ch.node_id, ch.date, ch.progress, {texts}, ch.created_at"
_NODE_TEXTS = ("n.detail, n.source_excerpt", "'', ''")
_CHECKIN_TEXTS = ("ch.progress_text, ch.problems, ch.next_steps, ch.reporter", "'', '', '', ''")
_KINDS = {k.value: k for k in Kind}
_STATUSES = {s.value: s for s in Status}
_CHUNK = 500  # ids per IN (...) list, below SQLite's bound-parameter limit


def _read_nodes(c: Tx, plan_id: int, ids: list[int] | None,
                texts: bool) -> dict[int, Node]:
    """Nodes of a plan (all of them when `ids` is None) with co-departments and latest check-in.

    Rows come as plain tuples and repeated words (names, dates) are shared between nodes, so a
    plan of 100,000 items loads in well under a second and takes a fraction of the memory."""
    depts = {int(r[0]): sys.intern(r[1]) for r in plain_rows(c, "SELECT id, name FROM department")}
    depts_get = depts.get
    dates: dict[str | None, dt.date | None] = {None: None, "": None}
    dates_get = dates.get
    intern = sys.intern
    nodes: dict[int, Node] = {}
    node_columns = _NODE_COLUMNS.format(texts=_NODE_TEXTS[0 if texts else 1])
    checkin_columns = _CHECKIN_COLUMNS.format(texts=_CHECKIN_TEXTS[0 if texts else 1])

    def date(text: str | None) -> dt.date | None:
        value = dates[text] = dt.date.fromisoformat(text) if text else None
        return value

    for where, params in _batches(plan_id, ids):
        for (node_id, parent_id, position, kind, title, detail, excerpt, leader, lead_dept_id,
             owner, start, due, baseline_due, weight, status) in plain_rows(
                c, f"SELECT {node_columns} FROM node n WHERE {where}", params):
            nodes[node_id] = Node(
                node_id, plan_id, parent_id, position, _KINDS[kind], title, detail, excerpt,
                intern(leader), depts_get(lead_dept_id, "") if lead_dept_id is not None else "", [],
                intern(owner),
                dates_get(start) if start in dates else date(start),
                dates_get(due) if due in dates else date(due),
                dates_get(baseline_due) if baseline_due in dates else date(baseline_due),
                weight, _STATUSES[status])
        for node_id, dept_id in plain_rows(
                c, "SELECT cd.node_id, cd.dept_id FROM node_co_dept cd JOIN node n ON n.id = cd.node_id"
                f" WHERE {where} ORDER BY cd.node_id, cd.position", params):
            nodes[node_id].co_depts.append(depts[dept_id])
        for (ci_id, node_id, day, progress, text, problems, next_steps, reporter, created) in plain_rows(
                # latest check-in per node: greatest (date, id), found through the checkin_node index
                c, f"SELECT {checkin_columns} FROM node n JOIN checkin ch ON ch.id = (SELECT c2.id FROM"
                " checkin c2 WHERE c2.node_id = n.id ORDER BY c2.date DESC, c2.id DESC LIMIT 1)"
                f" WHERE {where}", params):
            nodes[node_id].latest = CheckIn(
                ci_id, node_id, dates_get(day) if day in dates else date(day),  # type: ignore[arg-type]
                progress, text, intern(problems), intern(next_steps), intern(reporter), created)
    return nodes


def _batches(plan_id: int, ids: list[int] | None) -> list[tuple[str, list[object]]]:
    if ids is None:
        return [("n.plan_id = ?", [plan_id])]
    return [(f"n.plan_id = ? AND n.id IN ({', '.join('?' * len(chunk))})", [plan_id, *chunk])
            for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK))]


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


def checkins_of(c: Tx, node_ids: Sequence[int]) -> Iterator[CheckIn]:
    """Every check-in of these nodes, node by node in the order given, oldest first, read a few
    hundred nodes at a time (a ledger of 100,000 items streams 1.2 million of them)."""
    dates: dict[str, dt.date] = {}
    for start in range(0, len(node_ids), _CHUNK):
        chunk = node_ids[start:start + _CHUNK]
        by_node: dict[int, list[CheckIn]] = {}
        rows = plain_rows(
            c, "SELECT id, node_id, date, progress, progress_text, problems, next_steps, reporter,"
            f" created_at FROM checkin WHERE node_id IN ({', '.join('?' * len(chunk))})"
            " ORDER BY node_id, date, id", list(chunk))
        for ci_id, node_id, day, progress, text, problems, next_steps, reporter, created in rows:
            date = dates.get(day)
            if date is None:
                date = dates[day] = dt.date.fromisoformat(day)
            by_node.setdefault(node_id, []).append(
                CheckIn(ci_id, node_id, date, progress, text, problems, next_steps, reporter, created))
        for node_id in chunk:
            yield from by_node.get(node_id, ())


def checkins_by_date(c: Tx, plan_id: int) -> Iterator[CheckIn]:
    """Every check-in of a plan in date order (then entry), without its words, as the file
    gives them: a year of month-ends is replayed without holding a year of check-ins."""
    dates: dict[str, dt.date] = {}
    for ci_id, node_id, day, progress in plain_rows(
            c, "SELECT ch.id, ch.node_id, ch.date, ch.progress FROM checkin ch JOIN node n"
            " ON n.id = ch.node_id WHERE n.plan_id = ? ORDER BY ch.date, ch.id", (plan_id,)):
        date = dates.get(day)
        if date is None:
            date = dates[day] = dt.date.fromisoformat(day)
        yield CheckIn(ci_id, node_id, date, progress)


def texts_of(c: Tx, node_ids: Sequence[int]) -> Iterator[tuple[str, CheckIn | None]]:
    """Each node's detail and latest check-in in full, in the order given, read a few hundred
    nodes at a time (the ledger's 台账 rows of a plan read without its long texts)."""
    for start in range(0, len(node_ids), _CHUNK):
        chunk = list(node_ids[start:start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        details = {int(r[0]): r[1] for r in plain_rows(
            c, f"SELECT id, detail FROM node WHERE id IN ({marks})", chunk)}
        latest = {int(r["node_id"]): checkin_from_row(r) for r in c.execute(
            f"SELECT ch.* FROM node n JOIN checkin ch ON ch.id = (SELECT c2.id FROM checkin c2"
            f" WHERE c2.node_id = n.id ORDER BY c2.date DESC, c2.id DESC LIMIT 1) WHERE n.id IN ({marks})",
            chunk)}
        for node_id in chunk:
            yield details.get(node_id, ""), latest.get(node_id)


def longest_texts(c: Tx, plan_id: int) -> dict[str, int]:
    """The longest detail of the plan's items and the longest text of each check-in column."""
    out = checkin_text_lengths(c, plan_id)
    row = c.execute("SELECT max(length(detail)) FROM node WHERE plan_id = ? AND parent_id IS NOT NULL",
                    (plan_id,)).fetchone()
    out["detail"] = int(row[0] or 0)
    return out


def checkin_count(c: Tx, plan_id: int, node_ids: Sequence[int] | None = None) -> int:
    """How many check-ins the plan's items (or these of its items) have."""
    if node_ids is None:
        row = c.execute("SELECT count(*) FROM checkin ch JOIN node n ON n.id = ch.node_id"
                        " WHERE n.plan_id = ?", (plan_id,)).fetchone()
        return int(row[0])
    total = 0
    for start in range(0, len(node_ids), _CHUNK):
        chunk = list(node_ids[start:start + _CHUNK])
        total += int(c.execute(f"SELECT count(*) FROM checkin WHERE node_id IN"
                               f" ({', '.join('?' * len(chunk))})", chunk).fetchone()[0])
    return total


def checkin_text_lengths(c: Tx, plan_id: int) -> dict[str, int]:
    """The longest text (in characters) of each check-in column of a plan."""
    row = c.execute(
        "SELECT max(length(ch.progress_text)), max(length(ch.problems)), max(length(ch.next_steps)),"
        " max(length(ch.reporter)) FROM checkin ch JOIN node n ON n.id = ch.node_id"
        " WHERE n.plan_id = ?", (plan_id,)).fetchone()
    keys = ("progress_text", "problems", "next_steps", "reporter")
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


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
