"""Storage on the stdlib sqlite3 only. Imports no Qt."""

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
    "default_db_path",
]
