"""Storage: a data file (stdlib sqlite3) or a PostgreSQL server (store/server, psycopg). No Qt.

`Tx` is what a transaction hands to the store's functions; the services pass it along and
never look inside. `Store` is what both kinds of database offer the services; `open_store`
picks one by the location (a path, or a `postgresql://` URL).
"""

from tracker.store.database import Database
from tracker.store.errors import (
    BackupFailed,
    DamagedFile,
    DiskFull,
    FileBusy,
    FilesChanged,
    MigrationFailed,
    NewerSchema,
    NotADataFile,
    ReadOnlyFile,
    StaleWal,
    StoreError,
)
from tracker.store.location import default_db_path
from tracker.store.opening import Store, open_server, server_available
from tracker.store.sql import Tx, is_server_location

__all__ = [
    "BackupFailed",
    "Database",
    "DamagedFile",
    "DiskFull",
    "FileBusy",
    "FilesChanged",
    "MigrationFailed",
    "NewerSchema",
    "NotADataFile",
    "ReadOnlyFile",
    "StaleWal",
    "StoreError",
    "Store",
    "Tx",
    "default_db_path",
    "is_server_location",
    "open_server",
    "server_available",
]
