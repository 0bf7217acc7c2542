"""The window stays readable under a dark desktop palette as under a light one."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import dark_palette as _dark
from tests.ui.scripted import ScriptedDialogs
from tracker.services import Workspace
from tracker.ui import theme
from tracker.ui.views.main_window import MainWindow

WCAG_TEXT = 4.5  # body text
WCAG_LABEL = 3.0  # labels and hints (large or secondary text)


def _colors(html: str) -> set[str]:
    return {c.lower() for c in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", html)}


def test_detail_pane_and_status_bar_keep_their_contrast(qtbot, workspace: Workspace, settings,
                                                        palette: QPalette) -> None:
    node = workspace.tracking.find("1.1")
    workspace.tracking.add_checkin(node.id, 40, note="已完成调研", problems="人手不足",
                                   date=dt.date(2018, 3, 30))
    workspace.add_notice("数据文件是只读的，只能查看")
    window = MainWindow(workspace, settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.show()
    window.data_file.start()
    assert window.select_node(node.id)

    page = window.detail.palette().color(QPalette.ColorRole.Base)
    html = window.detail.toHtml()
    used = _colors(html)
    assert used, "the pane colours its labels"
    light_hues = {theme.light_color(light, palette).name() for light in theme.Light}
    for color in used - light_hues:  # text colours: labels, hints, the extension note
        assert theme.contrast(QColor(color), page) >= WCAG_LABEL, (color, page.name())
    body = window.detail.palette().color(QPalette.ColorRole.Text)
    assert theme.contrast(body, page) >= WCAG_TEXT

    # what is drawn is the palette's page, not a fixed white
    image = window.detail.viewport().grab().toImage()
    corner = image.pixelColor(image.width() - 3, image.height() - 3)
    assert theme.contrast(corner, page) < 1.1

    bar = window.statusBar().palette().color(QPalette.ColorRole.Window)
    notice = _colors(window.status_bar.notice_label.styleSheet())
    assert notice and all(theme.contrast(QColor(c), bar) >= WCAG_TEXT for c in notice)
    # the light counts: coloured dots, each beside its word in the bar's own text colour
    assert _colors(window.status_bar.lights_label.text()) <= light_hues
    window.close()


def test_status_bar_recolours_when_the_desktop_turns_dark(qtbot, workspace: Workspace, settings) -> None:
    """The colours the bar sets itself (notices, the filter in words, the light dots) follow a
    palette change while the window is open, as Qt's own colours do."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QGuiApplication.palette()
    light = app.style().standardPalette()
    app.setPalette(light)
    try:
        workspace.add_notice("数据文件是只读的，只能查看")
        window = MainWindow(workspace, settings, dialogs=ScriptedDialogs())
        qtbot.addWidget(window)
        window.show()
        area = window.view.plan.areas[0]
        window.filter_bar.show_area(area.id, area.title)  # as a click in 总览 does
        bar = window.status_bar
        assert _colors(bar.notice_label.styleSheet()) == {theme.warning_text(light).name()}

        dark = _dark()
        app.setPalette(dark)
        warning = theme.warning_text(dark).name()
        assert warning != theme.warning_text(light).name()
        qtbot.waitUntil(lambda: _colors(bar.notice_label.styleSheet()) == {warning})  # posted events
        assert bar.filter_label.isVisible() and _colors(bar.filter_label.styleSheet()) == {warning}
        dots = _colors(bar.lights_label.text())
        assert dots and dots <= {theme.light_color(lamp, dark).name() for lamp in theme.Light}
        window.close()
    finally:
        app.setPalette(before)
