"""Render the pictures of the monthly routine in docs/ (not a test): the 总览 tab and the first
page of a 月报 PDF, from the demo data with its months closed.

    .venv/bin/python tools/render_period_pictures.py

Needs poppler-utils (pdftoppm) for the PDF page; runs offscreen.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from tracker.app import application
from tracker.services import Workspace
from tracker.services.demo import build_demo
from tracker.services.office import Office
from tracker.ui.report_pdf import write_pdf
from tracker.ui.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"


def main() -> int:
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        today = dt.date.today()
        path = build_demo(folder, today)
        with Workspace.open(path, who="办公室") as ws:
            ws.office.save(Office(unit="孝感市科学技术局", reviewer="李华", phone="0712-1234567"))
            ws.tracking.checkin("1.3", None, problems="联合执法协调机制尚未建立，工商部门人员调整",
                                next_steps="下月召开联席会议，明确分工",
                                date=dt.date(today.year, today.month, 1))
            for month in range(1, today.month):
                ws.periods.close(f"{today.year}-{month:02d}", today=today)
            last = f"{today.year}-{max(today.month - 1, 1):02d}"
            report = ws.period_reports.build(last, today.year, today)
            pdf = folder / "report.pdf"
            write_pdf(report, pdf)
            subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(SHOTS / "period-report")], check=True)
            settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
            settings.setValue("welcome_done", True)
            window = MainWindow(ws, settings)
            window.resize(1400, 860)
            window.show()
            window.tabs.setCurrentWidget(window.dashboard)
            app.processEvents()
            window.grab().save(str(SHOTS / "dashboard.png"))
            window.tabs.setCurrentIndex(0)
            app.processEvents()
            window.grab().save(str(SHOTS / "main-window-periods.png"))
            dialog = window.period_desk.show_periods()
            if dialog is not None:
                dialog.period_combo.setCurrentIndex(dialog.period_combo.findData(f"{today.year}-{today.month:02d}"))
                app.processEvents()
                dialog.grab().save(str(SHOTS / "periods-dialog.png"))
                dialog.close()
            window.close()
    print("wrote", ", ".join(p.name for p in sorted(SHOTS.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
