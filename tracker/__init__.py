"""年度工作台账 — Annual Plan Tracker."""

from pathlib import Path

__version__ = "0.1.0"
APP_NAME = "年度工作台账"
APP_ID = "annual-plan-tracker"


def resources_dir() -> Path:
    """The shipped resources folder (report text, icons, translations); docs/ is its sibling.

    An installed wheel and the PyInstaller bundle carry them inside the package, as
    tracker/resources and tracker/docs (pyproject.toml, packaging/tracker.spec); a checkout
    (editable install, `python main.py`) has them at the top of the repository.
    """
    package = Path(__file__).resolve().parent
    inside = package / "resources"
    return inside if inside.is_dir() else package.parent / "resources"
