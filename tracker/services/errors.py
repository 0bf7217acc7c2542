"""The exceptions the window and the command line show to the user as they are.

`UserError` is defined in tracker.errors so store errors (read-only, damaged file) are UserErrors
too; the kinds of data-file fault are re-exported here so nothing above the services imports the
store to tell them apart.
"""

from tracker.errors import UserError
from tracker.store.errors import (
    DamagedFile,
    DiskFull,
    FileBusy,
    LoginFailed,
    NewerSchema,
    NotADataFile,
    ReadOnlyFile,
    StaleWal,
    StoreError,
)

__all__ = [
    "DamagedFile", "DiskFull", "FileBusy", "LoginFailed", "NewerSchema", "NotADataFile", "ReadOnlyFile",
    "StaleWal", "StoreError", "UserError",
]
