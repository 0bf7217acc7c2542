"""Search support for the window: the check-in words a filter box looks through."""

from __future__ import annotations

from tracker.store import Store
from tracker.store import search as store


class SearchService:
    def __init__(self, db: Store) -> None:
        self.db = db

    def checkin_notes(self, plan_id: int) -> dict[int, str]:
        """Every check-in's text per item of one plan (one query, read when the plan reloads)."""
        return store.checkin_notes(self.db.read(), plan_id)
