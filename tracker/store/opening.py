"""What the services hold: a data file's `Database` or a server's `ServerDatabase`, one interface."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tracker.store.errors import StoreError
from tracker.store.sql import Tx

if TYPE_CHECKING:
    from tracker.store.server.database import ServerDatabase


class Store(Protocol):
    """The interface of both databases (see store/database.py for what each part promises)."""

    path: Path
    is_server: bool
    notices: list[str]
    read_only: bool
    created: bool
    migrations: list[Any]

    def transaction(self) -> AbstractContextManager[Tx]: ...

    def snapshot(self) -> AbstractContextManager[Tx]: ...

    def read(self) -> Tx: ...

    def note_committed(self, change: object) -> None: ...

    def on_commit(self, listener: Callable[[list[object]], None]) -> Callable[[], None]: ...

    def data_version(self) -> int: ...

    def integrity_errors(self) -> list[str]: ...

    @property
    def schema_version(self) -> int: ...

    def upgrade(self) -> None: ...

    def another_connection(self) -> Store: ...

    def close(self) -> None: ...

    def __enter__(self) -> Any: ...

    def __exit__(self, *exc: object) -> None: ...


def server_available() -> bool:
    return importlib.util.find_spec("psycopg") is not None


def open_server(url: str, **options: Any) -> ServerDatabase:
    """Connect to the tracker database at a `postgresql://` URL."""
    if not server_available():
        raise StoreError(
            "连接数据库服务器需要 psycopg：请安装服务器组件 pip install \"annual-plan-tracker[server]\"。")
    from tracker.store.server.database import ServerDatabase

    return ServerDatabase(url, **options)
