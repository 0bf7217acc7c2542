"""Render docs/screenshots/main-window.png from a throwaway data file (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/make_screenshot.py [OUT.png] [--lang en] [--first-run]

The check-ins are dated in 2018, the plan's year, while the window uses the real today: the
2018 items not finished therefore show red, which is what the app would honestly show.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from tracker.app import application, install_translation
from tracker.services import Assignment, TrackingService, Workspace, open_database
from tracker.ui.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

ASSIGN = {
    "1.1": ("张局长", "人事科", "办公室"),
    "1.2": ("张局长", "执法大队", "人事科"),
    "1.3": ("李副局长", "执法大队", "法制科"),
    "2.1": ("王副局长", "办公室", "法制科"),
    "2.2": ("李副局长", "法制科", "执法大队"),
    "3.1": ("李副局长", "执法大队", "法制科,办公室"),
    "3.2": ("李副局长", "法制科", ""),
    "4.1": ("王副局长", "法制科", "执法大队"),
}
CHECKINS = [
    ("1.1", 100, "2018-09-30", "编制部门已同意增加两名执法编制", "", ""),
    ("1.2", 70, "2018-09-30", "应城已组建执法队伍，安陆正在筹备", "安陆人员未到位", "10月底前完成组建"),
    ("2.1", 100, "2018-06-30", "完成领导干部学法用法年度计划", "", ""),
    ("2.2", 40, "2018-06-30", "组织执法资格培训一期", "", "下半年组织考试"),
    ("3.1", 35, "2018-03-31", "完成商品流通集散地摸底", "", "开展电商领域专项检查"),
    ("3.1", 65, "2018-06-30", "开展电商领域和展会执法维权行动两次", "执法人手不足",
     "向省局学习电商和展会执法经验"),
    ("3.2", 20, "2018-06-30", "梳理处罚案件流程", "", ""),
    ("4.1", 50, "2018-09-30", "配备执法记录仪，建立全过程记录档案", "", "探索执法监督员工作机制"),
]


def save_window(app, window: MainWindow, code: str, out: Path) -> None:
    """Show the window at the README's size with item `code` selected, save it as PNG, close it."""
    window.resize(1400, 800)
    window.show()
    app.processEvents()
    window.select_node(window.view.plan.find(code).id)
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    window.close()


def main(argv: list[str]) -> int:
    out = Path(next((a for a in argv if not a.startswith("--")), ROOT / "docs/screenshots/main-window.png"))
    app = application()
    install_translation(app, "en" if "--lang" in argv and "en" in argv else "zh")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "tracker.db")
        tracking = TrackingService(db, who="法制科")
        for code, (leader, lead, co) in ASSIGN.items():
            tracking.assign(code, Assignment(leader=leader, lead_dept=lead, co_depts=co))
        for code, progress, date, note, problems, next_steps in CHECKINS:
            tracking.checkin(code, progress, note=note, problems=problems, next_steps=next_steps, date=date)
        settings = QSettings(str(Path(tmp) / "tracker.ini"), QSettings.Format.IniFormat)
        settings.setValue("welcome_done", "--first-run" not in argv)
        window = MainWindow(Workspace(db, who="法制科"), settings)
        save_window(app, window, "3.1", out)
        db.close()
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
