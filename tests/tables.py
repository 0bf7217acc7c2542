"""A whole data file as comparable rows, for tests that check undo restores it exactly."""

from __future__ import annotations

import sqlite3


def table_rows(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every table but the change log and the change news (undo appends to both, never
    removes), rows sorted."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {
        t: sorted((tuple(r) for r in conn.execute(f"SELECT * FROM {t}")), key=repr)
        for t in tables if t not in ("change_log", "change_news")
    }
