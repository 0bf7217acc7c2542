"""The one exception type the window and the command line show to the user as it is.

It lives at the top of the package so the store (below the services) can raise it too:
a read-only or damaged file is something the user can act on, not an internal error.
"""


class UserError(Exception):
    """Something the user can fix; `str(exc)` is a complete sentence for them (Chinese)."""
