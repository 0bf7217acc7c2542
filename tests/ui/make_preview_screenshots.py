"""Render the import preview on two real-looking reports to docs/screenshots/ (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/make_preview_screenshots.py [OUT_DIR] [--lang en]

One is a Word file with a 任务分解表 (deadlines and departments filled in), read as
文件 → 导入年度报告 reads it; the other is a news page copied from a website (bylines, menus,
相关链接), put on the clipboard and read as 编辑 → 粘贴报告文本 reads it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tracker.app import application, install_translation
from tracker.services import Workspace, open_database
from tracker.ui.preview.window import ReportPreview
from tracker.ui.views.main_window import MainWindow
from tracker.ui.views.year_plans import clipboard_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
WORD = DATA / "documents" / "table.docx"
WEB = DATA / "reports" / "16_web_pasted.txt"
SIZE = (1200, 660)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, preview: ReportPreview, path: tuple[int, ...], out: Path) -> None:
    preview.resize(*SIZE)
    settle(app)
    preview.select_path(path)  # the row whose passage is marked
    settle(app)
    out.parent.mkdir(parents=True, exist_ok=True)
    preview.grab().save(str(out))
    print(f"saved {out}")


def main(argv: list[str]) -> int:
    out_dir = Path(next((a for a in argv if not a.startswith("--")), ROOT / "docs" / "screenshots"))
    english = "--lang" in argv and "en" in argv
    suffix = "-en" if english else ""
    app = application()
    install_translation(app, "en" if english else "zh")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "tracker.db")
        ws = Workspace(db, who="法制科")
        settings = QSettings(str(Path(tmp) / "tracker.ini"), QSettings.Format.IniFormat)
        settings.setValue("welcome_done", True)
        window = MainWindow(ws, settings)
        window.resize(1400, 800)
        window.show()
        settle(app)

        word = window.year_plans.preview(ws.reports.read_file(WORD, require_year=False), WORD.name)
        shoot(app, word, (0, 0), out_dir / f"preview-word{suffix}.png")
        word.close()

        QGuiApplication.clipboard().setText(WEB.read_text(encoding="utf-8"))
        pasted = ws.reports.read_text(clipboard_text())
        web = window.year_plans.preview(pasted, app.translate("YearPlans", "粘贴的文本"))
        shoot(app, web, (0, 3), out_dir / f"preview-web{suffix}.png")
        web.close()
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
