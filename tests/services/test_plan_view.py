"""A view kept up to date edit by edit shows exactly what a fresh load of the plan shows."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.test_undo_sequences import OPS, Session, template  # noqa: F401 (fixture)
from tracker.domain import rules
from tracker.services import Changed, PlanService, PlanView, UserError, Workspace
from tracker.store import Database

TODAY = dt.date(2018, 7, 15)


def picture(view: PlanView) -> dict[str, object]:
    """Everything a window shows of a plan, comparable with ==."""
    nodes = [(n.id, n.parent_id, n.code, n.title, n.leader, n.lead_dept, tuple(n.co_depts), n.owner,
              n.start, n.due, n.baseline_due, n.weight, n.status, n.kind,
              (n.latest.id, n.latest.progress, n.latest.date) if n.latest else None,
              view.evaluations[n.id]) for n in view.plan.walk()]
    return {"nodes": nodes, "ids": sorted(view.nodes), "evaluations": sorted(view.evaluations),
            "lights": view.light_counts, "progress": view.progress}


def test_a_checkin_re_reads_one_item_and_rolls_up_its_area(db: Database) -> None:
    plans = PlanService(db)
    view = plans.view(2018, TODAY, texts=False)
    ws = Workspace(db, who="t")
    heard: list[Changed] = []
    ws.subscribe(heard.append)
    node = view.plan.find("3.1")
    assert node is not None and node.parent_id is not None
    ws.tracking.add_checkin(node.id, 60, date=dt.date(2018, 6, 30))
    refreshed = plans.refresh(view, heard[-1].node_ids)
    assert refreshed.changed == {node.id, node.parent_id}
    assert not refreshed.structure
    assert view.evaluations[node.id].progress == 60
    assert picture(view) == picture(plans.view(2018, TODAY, texts=False))


def test_an_added_item_is_numbered_and_counted(db: Database) -> None:
    plans = PlanService(db)
    view = plans.view(2018, TODAY, texts=False)
    ws = Workspace(db, who="t")
    heard: list[Changed] = []
    ws.subscribe(heard.append)
    area = view.plan.areas[1]
    added = ws.editing.add(area.id, 0, title="新的第一项")
    refreshed = plans.refresh(view, heard[-1].node_ids, structure=True)
    assert refreshed.added == {added.node_id} and refreshed.parents == {area.id}
    assert [n.code for n in area.children][:2] == ["2.1", "2.2"]
    assert area.children[0].title == "新的第一项"
    assert picture(view) == picture(plans.view(2018, TODAY, texts=False))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_edit_sequence_keeps_a_refreshed_view_equal_to_a_fresh_one(template, data):  # noqa: F811
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tracker.db"
        shutil.copyfile(template, path)
        with Database(path) as db:
            session = Session(db)
            plans = PlanService(db)
            heard: list[Changed] = []
            db.on_commit(lambda changes: heard.append(Changed.from_patches(changes)))  # type: ignore[arg-type]
            view = plans.view(2018, TODAY, texts=False)
            picture(view)  # counts cached, so refreshes keep them up to date
            done = []
            ops = data.draw(st.lists(st.sampled_from([*OPS, "undo", "redo"]), min_size=3, max_size=14))
            for op in ops:
                heard.clear()
                try:
                    if op == "undo" and done:
                        service, change = done[-1]
                        service.undo(change)
                    elif op == "redo" and done:
                        service, change = done[-1]
                        service.redo(change)
                    else:
                        result = session.step(op, data)
                        if result is not None:
                            done.append(result)
                except UserError:
                    continue
                for changed in heard:
                    if changed.whole:
                        view = plans.view(2018, TODAY, texts=False)
                    else:
                        plans.refresh(view, changed.node_ids, structure=changed.structure)
                assert picture(view) == picture(plans.view(2018, TODAY, texts=False)), op


def test_reevaluate_gives_what_evaluate_gives(db: Database) -> None:
    view = PlanService(db).view(2018, TODAY)
    node = view.plan.find("2.2")
    assert node is not None
    node.due = dt.date(2018, 3, 1)
    node.status = node.status.DONE
    changed = rules.reevaluate(view.plan, view.evaluations, view.nodes, [node.id], TODAY)
    assert changed.keys() == {node.id, node.parent_id}
    assert view.evaluations == rules.evaluate(view.plan, TODAY)
