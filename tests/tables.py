"""A whole data file as comparable rows, for tests that check undo restores it exactly."""

from __future__ import annotations

from tracker.store.sql import Tx, table_names


def table_rows(conn: Tx) -> dict[str, list[tuple]]:
    """Every table but the change log (undo appends to it, never removes), rows sorted."""
    return {
        t: sorted((tuple(r) for r in conn.execute(f"SELECT * FROM {t}")), key=repr)
        for t in table_names(conn) if t != "change_log"
    }
