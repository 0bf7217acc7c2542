"""Search support for the window: which items mention a word in their long texts.

On a big plan the window runs these on a second connection in the background
(`on_another_connection`), so typing never waits for a scan of a year of check-ins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from tracker.store import Store
from tracker.store import search as store


class SearchService:
    def __init__(self, db: Store) -> None:
        self.db = db

    def nodes_mentioning(self, plan_id: int, words: Iterable[str],
                         among: Iterable[int] | None = None) -> dict[str, frozenset[int]]:
        """For each word, the items whose details, report excerpt or check-ins hold it (one
        query per word, in one snapshot); only among `among` when given."""
        scope = None if among is None else list(among)
        with self.db.snapshot() as c:
            return {w: frozenset(store.nodes_mentioning(c, plan_id, w, scope)) for w in words}

    @contextmanager
    def on_another_connection(self) -> Iterator[SearchService]:
        """The same service on its own connection, for a worker thread; closed after."""
        other = self.db.another_connection()
        try:
            yield SearchService(other)
        finally:
            other.close()
