"""The wheel: built from an sdist of a clean copy, installed into a fresh venv, it starts a new file.

`pip install .` must carry the run-time files (seed report, icons, translations, user guide) that
live in the repository's top-level resources/ and docs/; pyproject.toml maps them into the package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = "Scripts" if sys.platform == "win32" else "bin"
EXE = ".exe" if sys.platform == "win32" else ""


def test_pyproject_lists_every_package():
    """The package list is explicit (a mapped folder cannot be combined with `find`): keep it whole."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "tracker").rglob("__init__.py")
    }
    assert set(config["packages"]) == on_disk | set(config["package-dir"])


# In resources/ but not needed at run time: the Windows icon is PyInstaller's, the .ts is the .qm's source.
BUILD_ONLY = {"icons/tracker.ico", "translations/tracker_en.ts", "translations/qt_extra_zh_CN.ts",
              "translations/README.md"}


def test_package_data_takes_every_run_time_file():
    """A file added to resources/ is shipped, or named here as needed only to build."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["tracker.resources"]
    folder = ROOT / "resources"
    shipped = {p.relative_to(folder).as_posix() for pattern in patterns for p in folder.glob(pattern)}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert shipped == present - BUILD_ONLY


def run(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300, **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A venv holding the wheel (and its dependencies, from pip's cache or the configured index)."""
    pytest.importorskip("build", reason="the build front-end is in the test extra")
    work = tmp_path_factory.mktemp("wheel")
    # A copy without build/, *.egg-info or caches: stale build output must not reach the wheel.
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".*", "build", "dist", "out", "*.egg-info", "__pycache__"))
    # No --sdist/--wheel: build makes the sdist, then the wheel from the unpacked sdist.
    run(sys.executable, "-m", "build", "--outdir", work / "dist", source)
    (wheel,) = (work / "dist").glob("*.whl")
    env = work / "venv"
    venv.create(env, with_pip=False)  # this interpreter's pip installs into it: no ensurepip
    python = env / BIN / f"python{EXE}"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", wheel)
    return env


def clean_env() -> dict[str, str]:
    """No $TRACKER_DB or $PYTHONPATH from the test run may leak into the installed program."""
    drop = {"TRACKER_DB", "PYTHONPATH", "VIRTUAL_ENV"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.slow
def test_installed_wheel_starts_a_new_file_with_the_2018_plan(installed, tmp_path):
    db = tmp_path / "new.db"
    result = run(installed / BIN / f"tracker{EXE}", "tasks", "--json", "--db", db,
                 cwd=tmp_path, env=clean_env())
    tasks = json.loads(result.stdout)
    codes = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2"]
    assert [t["code"] for t in tasks] == codes
    assert "继续突出重点领域开展专项检查" in {t["title"] for t in tasks}
    assert db.exists()


CHECK_RESOURCES = """
import sys, sysconfig
from pathlib import Path
from PySide6.QtCore import QTranslator
from tracker import resources_dir
from tracker.app import ICON, TRANSLATIONS_DIR
from tracker.ui.help import guide_path

site = Path(sysconfig.get_paths()["purelib"]).resolve()
found = resources_dir()
assert found == site / "tracker" / "resources", found
assert QTranslator().load("tracker_en", str(TRANSLATIONS_DIR)), TRANSLATIONS_DIR
assert ICON.is_file(), ICON
pngs = sorted(found.glob("icons/hicolor/*/apps/annual-plan-tracker.png"))
assert len(pngs) == 7, pngs
guide = guide_path()
assert guide.is_file() and (guide.parent / "screenshots" / "main-window.png").is_file(), guide
print(found)
"""


@pytest.mark.slow
def test_installed_wheel_finds_its_resources_in_site_packages(installed, tmp_path):
    result = run(installed / BIN / f"python{EXE}", "-c", CHECK_RESOURCES, cwd=tmp_path, env=clean_env())
    assert Path(result.stdout.strip()).is_relative_to(installed.resolve())
