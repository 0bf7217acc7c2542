"""Where the window keeps its size, layout and language between runs.

An INI file under the organization "annual-plan-tracker" (readable, and the same format on every
platform). Tests pass their own QSettings so they never touch the user's.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from tracker import APP_ID

ORGANIZATION = APP_ID
APPLICATION = "tracker"
LANGUAGE_ENV = "TRACKER_LANG"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def language(settings: QSettings) -> str:
    """"en" or "zh": $TRACKER_LANG wins over the saved `language` setting; Chinese by default."""
    chosen = os.environ.get(LANGUAGE_ENV, "").strip() or str(settings.value("language", "") or "")
    return "en" if chosen.lower().startswith("en") else "zh"
