"""Reads for the window's search box: every check-in's words per item, in one query."""

from __future__ import annotations

from tracker.store.sql import Tx


def checkin_notes(c: Tx, plan_id: int) -> dict[int, str]:
    """{node_id: the 进展情况 / 存在问题 / 下步措施 of all its check-ins}, so a search finds a word
    written in an older check-in too, not only the latest one the plan view carries."""
    rows = c.execute(
        "SELECT ch.node_id, group_concat(ch.progress_text || ' ' || ch.problems || ' '"
        " || ch.next_steps || ' ' || ch.reporter, ' ') FROM checkin ch"
        " JOIN node n ON n.id = ch.node_id WHERE n.plan_id = ? GROUP BY ch.node_id",
        (plan_id,),
    )
    return {int(r[0]): r[1] or "" for r in rows}
