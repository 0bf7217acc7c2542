"""The 进度 bar on a selected row (found by driving the window: an empty bar was painted white on
the blue selection and looked full)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor, QImage, QPalette

from tests.ui.scripted import ScriptedDialogs
from tracker.domain.model import Light
from tracker.services import TrackingService, Workspace
from tracker.ui import theme
from tracker.ui.delegates import ProgressDelegate
from tracker.ui.models.plan_tree import Column, Role
from tracker.ui.views.main_window import MainWindow


def selected_bar(win: MainWindow, code: str) -> tuple[QImage, int, int, QColor]:
    """The selected row's 进度 cell, where its bar starts and ends, and its light's colour."""
    node = win.view.plan.find(code)
    index = win.proxy.mapFromSource(win.model.index_of(node.id, Column.PROGRESS))
    win.tree.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                     | QItemSelectionModel.SelectionFlag.Rows)
    win.tree.scrollTo(index)
    rect = win.tree.visualRect(index)
    image = win.tree.viewport().grab(rect).toImage()
    text_width = win.tree.fontMetrics().horizontalAdvance("88.8%") + 6
    m = ProgressDelegate.MARGIN
    light = theme.light_color(Light(index.data(Role.LIGHT)), win.tree.palette())
    return image, m + 2, image.width() - m - text_width - 2, light


def close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def colour_at(image: QImage, x: float) -> QColor:
    return image.pixelColor(round(x), image.height() // 2)


def test_an_empty_bar_on_a_selected_row_reads_as_empty(qtbot, workspace: Workspace, settings,
                                                       palette: QPalette) -> None:
    tracking = TrackingService(workspace.db, who="t")
    tracking.checkin("1.2", 40, date="2018-06-30")
    tracking.checkin("1.3", 100, date="2018-06-30")
    win = MainWindow(workspace, settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(win)
    win.resize(1600, 800)
    win.show()
    qtbot.waitExposed(win)
    selection = palette.color(QPalette.ColorRole.Highlight)

    empty, left, right, _light = selected_bar(win, "1.1")
    assert right - left > 40, "the bar is too narrow to judge"
    track = colour_at(empty, left + (right - left) * 0.25)
    # the empty bar sits back like the selection around it, not bright as a filled bar
    assert theme.contrast(track, selection) < 1.6, track.name()

    part, left, right, light = selected_bar(win, "1.2")
    assert colour_at(part, left + (right - left) * 0.7) == track  # its empty part
    assert close(colour_at(part, left + (right - left) * 0.1), light)  # its done part
    assert not close(track, light)

    full, left, right, light = selected_bar(win, "1.3")
    assert close(colour_at(full, left + (right - left) * 0.7), light)
