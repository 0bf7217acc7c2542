"""Any sequence of edits, undone in reverse order, leaves the data file exactly as it was.

Compared: every row of every table except `change_log`. Undo and redo are edits too and append
to the change log (history.py); the test checks instead that no log row is ever removed.
Refused edits (a UserError) must leave the file untouched.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import STORES
from tests.tables import table_rows
from tracker.domain.model import Status
from tracker.services import (
    BaselineService,
    DepartmentService,
    EditingService,
    TrackingService,
    UserError,
    open_database,
)
from tracker.store import Database, Store

DEPTS = ["法制科", "办公室", "科技科", "人事科"]
OPS = [
    "update", "update", "add", "delete", "move", "move", "checkin", "checkin", "edit_checkin",
    "delete_checkin", "rename_dept", "merge_dept", "delete_dept", "lock", "extend", "thresholds",
]
short_text = st.text(alphabet="工作任务计划ab ", min_size=0, max_size=6)
dates = st.dates(dt.date(2018, 1, 1), dt.date(2019, 6, 30))


def dump(db) -> dict[str, list]:
    return table_rows(db.read())


def log_rows(db: Database) -> set[tuple]:
    return {tuple(r) for r in db.read().execute("SELECT * FROM change_log")}


def column(db: Database, sql: str) -> list:
    return [r[0] for r in db.read().execute(sql)]


def positions_are_dense(db: Database) -> bool:
    groups: dict[tuple, list[int]] = {}
    for plan_id, parent_id, position in db.read().execute("SELECT plan_id, parent_id, position FROM node"):
        groups.setdefault((plan_id, parent_id), []).append(position)
    return all(sorted(p) == list(range(len(p))) for p in groups.values())


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "tracker.db"
    open_database(path).close()
    return path


@pytest.fixture(params=STORES)
def fresh(request, template) -> Callable[[], AbstractContextManager[Store]]:
    """A new database with the default plan for each example: a copy of a file, or the server's
    test database put back as the template holds it."""

    @contextmanager
    def copy_of_file() -> Iterator[Store]:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "tracker.db"
            shutil.copyfile(template, path)
            with Database(path) as db:
                yield db

    @contextmanager
    def server_database() -> Iterator[Store]:
        server = request.getfixturevalue("pg_server")
        with open_database(server.url(server.working_database())) as db:
            yield db

    return copy_of_file if request.param == "file" else server_database


class Session:
    """One fresh copy of the data file and the services a window would hold."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.editing = EditingService(db, who="t")
        self.tracking = TrackingService(db, who="t")
        self.depts = DepartmentService(db, who="t")
        self.baseline = BaselineService(db, who="t")
        self.plan_id = column(db, "SELECT id FROM plan")[0]

    def step(self, op: str, data: st.DataObject):
        """Draw one edit and run it; returns (service, change) or None when nothing applies."""
        db, pick = self.db, lambda xs: data.draw(st.sampled_from(xs))
        nodes = column(db, "SELECT id FROM node ORDER BY id")
        leaves = column(db, "SELECT id FROM node n WHERE NOT EXISTS"
                            " (SELECT 1 FROM node k WHERE k.parent_id = n.id) ORDER BY id")
        checkins = column(db, "SELECT id FROM checkin ORDER BY id")
        depts = column(db, "SELECT id FROM department ORDER BY id")
        if op == "update" and nodes:
            fields = data.draw(st.fixed_dictionaries({}, optional={
                "title": st.sampled_from(["甲", "乙任务", "丙 计划"]), "leader": short_text,
                "lead_dept": st.sampled_from(["", *DEPTS]),
                "co_depts": st.lists(st.sampled_from(DEPTS), max_size=3),
                "start": st.none() | dates, "due": st.none() | dates,
                "weight": st.sampled_from([0, 0.5, 1, 2]), "status": st.sampled_from(list(Status)),
            }))
            return self.editing, self.editing.update(pick(nodes), fields, reason="调整")
        if op == "add":
            parents = [None, *column(db, "SELECT id FROM node WHERE kind != 'subtask' ORDER BY id")]
            position = data.draw(st.integers(0, 4) | st.none())
            return self.editing, self.editing.add(pick(parents), position, plan_id=self.plan_id)
        if op == "delete" and nodes:
            return self.editing, self.editing.delete(pick(nodes))
        if op == "move" and nodes:
            target = pick([None, *nodes])
            return self.editing, self.editing.move(pick(nodes), target, data.draw(st.integers(0, 4)))
        if op == "checkin" and leaves:
            change = self.tracking.add_checkin(
                pick(leaves), data.draw(st.integers(0, 100)), note=data.draw(short_text),
                date=data.draw(dates),
            )
            return self.tracking, change
        if op == "edit_checkin" and checkins:
            values = data.draw(st.fixed_dictionaries({}, optional={
                "progress": st.integers(0, 100), "date": dates, "problems": short_text,
            }))
            return self.tracking, self.tracking.edit_checkin(pick(checkins), **values)
        if op == "delete_checkin" and checkins:
            return self.tracking, self.tracking.delete_checkin(pick(checkins))
        if op == "rename_dept" and depts:
            return self.depts, self.depts.rename(pick(depts), pick([*DEPTS, "综合科"]))
        if op == "merge_dept" and len(depts) > 1:
            return self.depts, self.depts.merge(pick(depts), pick(depts))
        if op == "delete_dept" and depts:
            return self.depts, self.depts.delete(pick(depts), pick([None, *depts]))
        if op == "lock":
            locked = column(db, "SELECT locked_at FROM plan")[0] is not None
            svc = self.baseline
            return svc, svc.unlock(self.plan_id) if locked else svc.lock(self.plan_id)
        if op == "extend" and nodes:
            reason = data.draw(st.sampled_from(["", "批复推迟"]))
            return self.editing, self.editing.update(pick(nodes), {"due": data.draw(dates)}, reason=reason)
        if op == "thresholds":
            green, yellow = data.draw(st.integers(0, 60)), data.draw(st.integers(0, 60))
            return self.baseline, self.baseline.set_thresholds(self.plan_id, green, yellow)
        return None


HEALTH = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=75, deadline=None, suppress_health_check=HEALTH)
@given(data=st.data())
@pytest.mark.parametrize("fresh", ["file"], indirect=True)
def test_any_edit_sequence_undoes_to_the_exact_start_and_redoes_to_the_end(fresh, data):
    edit_undo_redo(fresh, data)


# The same SQL through the server's translation: fewer examples keep the suite's time reasonable
# (an example costs about 0.5 s on a server against 0.1 s on a file).
@settings(max_examples=25, deadline=None, suppress_health_check=HEALTH)
@given(data=st.data())
@pytest.mark.parametrize("fresh", [STORES[1]], indirect=True)
def test_any_edit_sequence_on_the_server_undoes_and_redoes_exactly(fresh, data):
    edit_undo_redo(fresh, data)


def edit_undo_redo(fresh: Callable[[], AbstractContextManager[Store]], data: st.DataObject) -> None:
    with fresh() as db:
        session = Session(db)
        session.editing.update(2, {"lead_dept": "法制科", "co_depts": "办公室、科技科"})
        session.editing.update(6, {"lead_dept": "办公室", "co_depts": "法制科"})
        session.depts.add_person("张三", session.depts.departments()[0].id)
        session.tracking.add_checkin(3, 40, date="2018-03-31")
        start = dump(db)
        done = []
        for op in data.draw(st.lists(st.sampled_from(OPS), min_size=3, max_size=16), label="ops"):
            before = dump(db)
            try:
                result = session.step(op, data)
            except UserError:
                event(f"{op} refused")  # shown by --hypothesis-show-statistics
                assert dump(db) == before, f"refused {op} left changes behind"
                continue
            if result is not None:
                event(f"{op} done")
                done.append(result)
            assert positions_are_dense(db)
        end, end_log = dump(db), log_rows(db)

        for service, change in reversed(done):
            service.undo(change)
        assert dump(db) == start
        assert end_log <= log_rows(db)  # undo appends to the log, never removes

        for service, change in done:
            service.redo(change)
        assert dump(db) == end
        assert db.integrity_errors() == []
