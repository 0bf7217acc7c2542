"""Two people editing the same item (two windows on a file, two PCs on a server)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.tables import table_rows
from tracker.services import EditConflict, Workspace
from tracker.services.editing import node_fields
from tracker.store import edits


def seen_fields(ws: Workspace, code: str) -> dict[str, object]:
    """What an editor opened on `code` shows (the window's NodeEditor keeps the same)."""
    node = ws.tracking.find(code)
    with ws.db.snapshot() as c:
        row = edits.node_row(c, node.id)
        assert row is not None
        return node_fields(c, row)


def test_the_second_save_is_refused_with_the_first_ones_change(db_path) -> None:
    with Workspace.open(db_path, who="张三") as first, Workspace.open(db_path, who="李四") as second:
        node = first.tracking.find("1.2")
        mine, theirs = seen_fields(first, "1.2"), seen_fields(second, "1.2")
        second.editing.update(node.id, {"owner": "王五"}, seen=theirs)
        before = table_rows(first.db.read())
        with pytest.raises(EditConflict) as refused:
            first.editing.update(node.id, {"owner": "赵六", "title": "新标题"}, seen=mine)
        assert "责任人：（空） → 王五（李四" in str(refused.value)
        assert table_rows(first.db.read()) == before  # nothing written
        assert first.tracking.find("1.2").owner == "王五"
        # having seen the other's change, the same save goes through
        first.editing.update(node.id, {"owner": "赵六"}, seen=seen_fields(first, "1.2"))
        assert second.tracking.find("1.2").owner == "赵六"


def test_a_corrected_checkin_changed_meanwhile_is_refused(db_path) -> None:
    with Workspace.open(db_path, who="张三") as first, Workspace.open(db_path, who="李四") as second:
        node = first.tracking.find("1.1")
        added = first.tracking.add_checkin(node.id, 30, note="一月", date=dt.date(2018, 1, 31))
        assert added.after is not None
        second.tracking.edit_checkin(added.checkin_id, seen=added.after, progress=35)
        with pytest.raises(EditConflict, match="进度：30 → 35"):
            first.tracking.edit_checkin(added.checkin_id, seen=added.after, progress_text="一月底")
        assert [c.progress_text for c in first.tracking.checkins(node.id)] == ["一月"]
