"""Undo and redo for every edit, and the change log they all write.

Each edit names the rows it may touch, runs, and keeps a Patch (those rows before and after).
Undo writes the "before" rows back in one transaction — same ids, same positions — and redo
writes the "after" rows; the window's QUndoCommand only has to keep the result object.
Undo and redo are edits too: they append change-log rows and never delete any, so the log
tells the whole story (an undone edit shows twice: the edit, then its reversal).
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from tracker.services.errors import UserError
from tracker.services.period_guard import refuse_closed
from tracker.store import Store, Tx, edits
from tracker.store import repository as repo
from tracker.store.patch import Items, Key, Patch, Selector, apply, capture

STALE = "无法撤销或重做：相关内容已在其他窗口或命令行中被修改。请刷新后再操作。"
_ID_TABLES = ("node", "department", "person", "checkin", "extension")
_NODE_FIELDS = ("title", "detail", "leader", "owner", "start", "due", "weight", "status")
_CHECKIN_FIELDS = ("date", "progress", "progress_text", "problems", "next_steps", "reporter")


def os_user() -> str:
    """The login name, for a service made without a name (tests, scripts). The window and the
    command line pass the name chosen in the preferences instead (see Workspace)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return ""


class Change(Protocol):
    """What every edit returns: at least the rows it touched."""

    @property
    def patch(self) -> Patch: ...


def record(
    c: Tx,
    who: str,
    selectors: Iterable[Selector],
    op: Callable[[], None],
    subjects: Iterable[int] = (),
) -> Patch:
    """Run `op` inside the caller's transaction and keep the rows `selectors` name, before and after.

    Rows the edit creates must be named up front too (by the id or name they will get); a new
    row whose id was already taken before the edit means the selectors missed a row, and the
    edit is rolled back rather than recorded with an undo that would delete that row.
    """
    selectors = tuple(selectors)
    subjects = tuple(subjects)
    highest = edits.highest_ids(c, _ID_TABLES)
    names = edits.department_names_by_id(c)
    codes_before = _codes(c, subjects)
    before = capture(c, selectors)
    op()
    after = capture(c, selectors, before.keys())
    for table, pk in after.keys() - before.keys():
        if table in highest and int(pk[0]) <= highest[table]:
            raise RuntimeError(f"edit changed {table} {pk} outside the rows it named")
    names.update(edits.department_names_by_id(c))
    log(c, who, before, after, names, codes_before, _codes(c, subjects), subjects)
    return Patch(selectors, tuple(before.items()), tuple(after.items()), subjects)


def record_in(
    db: Store, c: Tx, who: str, selectors: Iterable[Selector], op: Callable[[], None],
    subjects: Iterable[int] = (),
) -> Patch:
    """`record`, and tell the file's listeners about the rows once the transaction commits."""
    patch = record(c, who, selectors, op, subjects)
    db.note_committed(patch)
    return patch


def replay(db: Store, who: str, patch: Patch, *, forward: bool) -> None:
    """Redo (`forward`) or undo one edit, refusing if its rows changed since (see STALE)."""
    if patch.empty:
        return
    expected, target = (patch.before, patch.after) if forward else (patch.after, patch.before)
    with db.transaction() as c:
        current = capture(c, patch.selectors, patch.keys())
        if current != dict(expected):
            raise UserError(STALE)
        _refuse_closed_checkins(c, current, dict(target))
        names = edits.department_names_by_id(c)
        codes_before = _codes(c, patch.subjects)
        apply(c, current, dict(target))
        names.update(edits.department_names_by_id(c))
        log(c, who, current, dict(target), names, codes_before, _codes(c, patch.subjects),
            patch.subjects)
        db.note_committed(patch)


def _refuse_closed_checkins(c: Tx, current: dict[Key, Items], target: dict[Key, Items]) -> None:
    """Undo or redo may not add, change or remove a check-in dated inside a closed period."""
    for key in current.keys() | target.keys():
        if key[0] != "checkin" or current.get(key) == target.get(key):
            continue
        rows = [dict(image[key]) for image in (current, target) if key in image]
        refuse_closed(c, int(rows[0]["node_id"]), [r["date"] for r in rows])


def _codes(c: Tx, node_ids: Iterable[int]) -> dict[int, str]:
    return {n: edits.node_code(c, n) for n in node_ids}


def log(
    c: Tx,
    who: str,
    before: dict[Key, Items],
    after: dict[Key, Items],
    names: dict[int, str],
    codes_before: dict[int, str],
    codes_after: dict[int, str],
    subjects: tuple[int, ...],
) -> None:
    """One change-log row per field a user would say changed (positions of siblings and the
    baseline copy are bookkeeping, not edits, and are left out)."""

    def rows(image: dict[Key, Items], table: str) -> dict[Any, dict[str, Any]]:
        return {k[1][0]: dict(v) for k, v in image.items() if k[0] == table}

    def write(entity: str, entity_id: Any, field: str, old: object, new: object) -> None:
        if old != new:
            repo.log_change(c, who, entity, int(entity_id), field, old, new)

    def dept(dept_id: Any) -> str:
        return names.get(dept_id, "") if dept_id is not None else ""

    def co(image: dict[Key, Items]) -> dict[Any, str]:
        lists: dict[Any, list[tuple[Any, str]]] = {}
        for (table, pk), items in image.items():
            if table == "node_co_dept":
                lists.setdefault(pk[0], []).append((dict(items)["position"], dept(pk[1])))
        return {
            n: "、".join(name for _, name in sorted(v, key=lambda p: (int(p[0]), p[1])))
            for n, v in lists.items()
        }

    old_nodes, new_nodes = rows(before, "node"), rows(after, "node")
    created, removed = new_nodes.keys() - old_nodes.keys(), old_nodes.keys() - new_nodes.keys()
    for node_id in created:
        if new_nodes[node_id]["parent_id"] not in created:  # a subtree is logged at its top
            write("node", node_id, "created", None, new_nodes[node_id]["title"])
    for node_id in removed:
        if old_nodes[node_id]["parent_id"] not in removed:
            write("node", node_id, "deleted", old_nodes[node_id]["title"], None)
    for node_id in old_nodes.keys() & new_nodes.keys():
        old, new = old_nodes[node_id], new_nodes[node_id]
        for field in _NODE_FIELDS:
            write("node", node_id, field, _shown(old[field]), _shown(new[field]))
        write("node", node_id, "lead_dept", dept(old["lead_dept_id"]), dept(new["lead_dept_id"]))
        if node_id in subjects and (old["parent_id"], old["position"]) != (new["parent_id"], new["position"]):
            write("node", node_id, "position", codes_before.get(node_id), codes_after.get(node_id))
    old_co, new_co = co(before), co(after)
    for node_id in {k[1][0] for k in before.keys() | after.keys() if k[0] == "node_co_dept"}:
        if node_id not in created and node_id not in removed:
            write("node", node_id, "co_depts", old_co.get(node_id, ""), new_co.get(node_id, ""))
    _log_rows(write, rows(before, "checkin"), rows(after, "checkin"), "checkin", _CHECKIN_FIELDS,
              lambda r: f"{r['date']} {r['progress']:g}%")
    _log_rows(write, rows(before, "department"), rows(after, "department"), "department", ("name",),
              lambda r: r["name"])
    people_fields = ("name", "role")
    old_people, new_people = rows(before, "person"), rows(after, "person")
    _log_rows(write, old_people, new_people, "person", people_fields, lambda r: r["name"])
    for pid in old_people.keys() & new_people.keys():
        write("person", pid, "dept", dept(old_people[pid]["dept_id"]), dept(new_people[pid]["dept_id"]))
    _log_rows(write, rows(before, "plan"), rows(after, "plan"), "plan",
              ("locked_at", "green_max", "yellow_max", "period_kind", "report_day"), lambda r: r["title"])
    old_settings, new_settings = rows(before, "setting"), rows(after, "setting")
    for key in old_settings.keys() | new_settings.keys():
        old_value = old_settings.get(key, {}).get("value", "")
        new_value = new_settings.get(key, {}).get("value", "")
        if old_value != new_value:
            repo.log_change(c, who, "setting", 0, str(key), old_value, new_value)


def _log_rows(
    write: Callable[[str, object, str, object, object], None],
    old_rows: dict[object, dict[str, object]],
    new_rows: dict[object, dict[str, object]],
    entity: str,
    fields: tuple[str, ...],
    summary: Callable[[dict[str, object]], object],
) -> None:
    for row_id in old_rows.keys() | new_rows.keys():
        old, new = old_rows.get(row_id), new_rows.get(row_id)
        if old is None and new is not None:
            write(entity, row_id, "created", None, summary(new))
        elif new is None and old is not None:
            write(entity, row_id, "deleted", summary(old), None)
        elif old is not None and new is not None:
            for field in fields:
                write(entity, row_id, field, _shown(old[field]), _shown(new[field]))


def _shown(value: object) -> object:
    """A cleared field is logged as empty text, as `TrackingService.assign` does."""
    return "" if value is None else value


class UndoableService:
    """A service whose edits return Change objects that `undo` and `redo` replay exactly."""

    def __init__(self, db: Store, who: str | None = None) -> None:
        self.db = db
        self.who = os_user() if who is None else who

    def undo(self, change: Change) -> None:
        replay(self.db, self.who, change.patch, forward=False)

    def redo(self, change: Change) -> None:
        replay(self.db, self.who, change.patch, forward=True)

    def _record(
        self, c: Tx, selectors: Iterable[Selector], op: Callable[[], None],
        subjects: Iterable[int] = (),
    ) -> Patch:
        return record_in(self.db, c, self.who, selectors, op, subjects)
