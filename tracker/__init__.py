"""年度工作台账 — Annual Plan Tracker."""

import sys
from pathlib import Path

__version__ = "0.1.0"
APP_NAME = "年度工作台账"
APP_ID = "annual-plan-tracker"


def resources_dir() -> Path:
    """The shipped resources folder (report text, icons, translations).

    The project is installed editable (README), so the repository's top-level
    `resources/` is found beside the package; a PyInstaller build carries it in its bundle.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
