"""Storage on the stdlib sqlite3 only. Imports no Qt.

`Tx` is what a transaction hands to the store's functions; the services pass it along and
never look inside, so they need not import sqlite3.
"""

from sqlite3 import Connection as Tx

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
    "Tx",
    "default_db_path",
]
