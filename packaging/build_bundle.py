"""Build the one-folder app with PyInstaller: `python packaging/build_bundle.py` → dist/tracker/.

The same command works on Windows, macOS and Linux; each builds for the machine it runs on
(PyInstaller does not cross-compile). Needs `pip install pyinstaller` (in the `build` extra).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(dist: Path = ROOT / "dist", work: Path = ROOT / "build") -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(ROOT / "packaging" / "tracker.spec")],
        check=True,
    )
    return dist / "tracker"


if __name__ == "__main__":
    folder = build()
    print(f"built {folder}")
