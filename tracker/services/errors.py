"""The one exception type the window and the command line show to the user as it is."""


class UserError(Exception):
    """Something the user can fix; `str(exc)` is a complete sentence for them (Chinese)."""
