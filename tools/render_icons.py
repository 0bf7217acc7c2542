"""Render resources/icons/tracker.svg to the PNG sizes desktops ask for, and a Windows .ico.

Run after changing the SVG: `python tools/render_icons.py`. The outputs are committed so
installing needs no Qt rendering step.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int, renderer: QSvgRenderer) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "tracker.svg"))
    if not renderer.isValid():
        print("tracker.svg is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "annual-plan-tracker.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        render(size, renderer).save(str(target))
    render(256, renderer).save(str(ICONS / "tracker.ico"))
    print(f"rendered {len(SIZES)} sizes and tracker.ico into {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
