"""Writing the period report from outside the window (`tracker report`): .pdf or .docx by suffix.

Both need Qt (the PDF writer; the chart in the Word file), so a QApplication is made when
there is none; on Linux without a display it draws offscreen, as a command should.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tracker.domain.period_report import PeriodReport
from tracker.io.period_docx import write_docx


def ensure_app() -> None:
    """A QApplication for fonts and painting; offscreen when Linux has no display."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QApplication(sys.argv[:1])


def write_report(report: PeriodReport, path: Path) -> None:
    ensure_app()
    from tracker.ui.report_pdf import chart_png, write_pdf

    if path.suffix.lower() == ".pdf":
        write_pdf(report, path)
    else:
        write_docx(report, path, chart_png(report))
