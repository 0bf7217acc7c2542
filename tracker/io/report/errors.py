"""The one error of report reading: its message is shown to the user as it is."""

from __future__ import annotations


class ReportError(ValueError):
    """The report cannot be read as a plan; the message says what was found or looked for."""
