"""What the store's functions are handed, whichever database is behind it.

Every SQL function in the store takes a `Tx` and writes SQLite-flavoured SQL: `?` placeholders,
`IS ?` for a value that may be NULL, `ON CONFLICT … DO …`, rows read by name or by position.
On a file that is the sqlite3 connection itself; on a server it is a thin wrapper
(store/server/connection.py) that turns the same text into PostgreSQL's. So a new query is
written once and runs on both; the few statements that cannot be written alike sit behind the
small functions here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol


class Cursor(Protocol):
    """What a query returns: rows that index by position and by column name."""

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Tx(Protocol):
    """A connection inside (or outside) a transaction; the services pass it along unopened."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...


def is_server(c: Tx) -> bool:
    return not isinstance(c, sqlite3.Connection)


def table_names(c: Tx) -> list[str]:
    """The tables of the data (neither SQLite's own nor the server's bookkeeping)."""
    if isinstance(c, sqlite3.Connection):
        sql = ("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%'"
               " ESCAPE '!' ORDER BY name")
    else:
        sql = ("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
               " AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_version', 'account')"
               " ORDER BY table_name")
    return [str(r[0]) for r in c.execute(sql)]


def is_server_location(location: object) -> bool:
    """`postgresql://…` (or `postgres://…`) names a server; anything else is a file path."""
    return isinstance(location, str) and location.strip().lower().startswith(
        ("postgresql://", "postgres://"))
