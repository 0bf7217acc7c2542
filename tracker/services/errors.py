"""The one exception type the window and the command line show to the user as it is.

Defined in tracker.errors so store errors (read-only, damaged file) are UserErrors too.
"""

from tracker.errors import UserError

__all__ = ["UserError"]
