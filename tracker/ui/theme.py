"""The window's colours, in one place and derived from the palette.

Text colours come from the current palette (light or dark desktop alike); only the lights keep
their own hues, since red/yellow/green/blue mean something, and they are lightened on a dark
background so they stay visible. Nothing else in the interface writes a colour literal.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from tracker.domain.model import Light

_LIGHTS = {
    Light.GREEN: "#2e9e44",
    Light.YELLOW: "#e6a700",
    Light.RED: "#d93025",
    Light.BLUE: "#1a73e8",
    Light.GRAY: "#9aa0a6",
}


def palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(pal: QPalette | None = None) -> bool:
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def light_color(light: Light, pal: QPalette | None = None) -> QColor:
    color = QColor(_LIGHTS[light])
    return color.lighter(135) if is_dark(pal) else color


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    keep = 1 - share_of_b
    return QColor.fromRgbF(a.redF() * keep + b.redF() * share_of_b,
                           a.greenF() * keep + b.greenF() * share_of_b,
                           a.blueF() * keep + b.blueF() * share_of_b)


def muted_text(pal: QPalette | None = None) -> QColor:
    """Labels and hints: the text colour pulled a third of the way towards the background."""
    pal = pal or palette()
    return _mix(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base), 0.35)


def warning_text(pal: QPalette | None = None) -> QColor:
    """Notices (read-only, extended deadline): amber that reads on either background."""
    return QColor("#f0b64d") if is_dark(pal) else QColor("#8a5a00")


def error_text(pal: QPalette | None = None) -> QColor:
    return QColor("#ff8a80") if is_dark(pal) else QColor("#c5221f")


def quote_background(pal: QPalette | None = None) -> QColor:
    """Behind quoted report text: the alternate row colour, a step away from the page."""
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.AlternateBase)


def left_out_text(pal: QPalette | None = None) -> QColor:
    """Report text that became no item (the import preview): half-way to the background."""
    pal = pal or palette()
    return _mix(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base), 0.5)


def marked_background(pal: QPalette | None = None) -> QColor:
    """Behind the passage an item came from (the import preview): a light tint of the highlight."""
    pal = pal or palette()
    return _mix(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Highlight), 0.28)


def bar_track(pal: QPalette | None = None, selected: bool = False) -> QColor:
    """The empty part of a progress bar: the row's own background (the page, or on a selected
    row the selection a shade deeper), so it reads as empty, never as a filled bar."""
    pal = pal or palette()
    if selected:
        return _mix(pal.color(QPalette.ColorRole.Highlight), QColor("#000000"), 0.15)
    return pal.color(QPalette.ColorRole.Base)


def banner_style(pal: QPalette | None = None) -> str:
    """The first-run welcome panel: a tint of the highlight colour, a border of it."""
    pal = pal or palette()
    highlight = pal.color(QPalette.ColorRole.Highlight)
    base = pal.color(QPalette.ColorRole.Base)
    return (f"#welcome {{ background: {_mix(base, highlight, 0.12).name()};"
            f" border: 1px solid {_mix(base, highlight, 0.45).name()}; border-radius: 6px; }}")


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 = none, 21 = black on white)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
