"""Storage on the stdlib sqlite3 only. Imports no Qt."""

from tracker.store.database import (
    DamagedFile,
    Database,
    NewerSchema,
    NotADataFile,
    StoreError,
)
from tracker.store.location import default_db_path

__all__ = [
    "Database",
    "DamagedFile",
    "NewerSchema",
    "NotADataFile",
    "StoreError",
    "default_db_path",
]
