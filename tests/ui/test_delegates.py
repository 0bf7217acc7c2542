"""What the 进度 and 亮灯 cells actually paint, read back from a rendered tree."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from tracker.domain.model import Light
from tracker.services import TrackingService
from tracker.store import Database
from tracker.ui import theme
from tracker.ui.models.plan_tree import Column
from tracker.ui.views.main_window import MainWindow


def cell_image(win: MainWindow, code: str, column: Column) -> QImage:
    node = win.view.plan.find(code)
    index = win.proxy.mapFromSource(win.model.index_of(node.id, column))
    win.tree.scrollTo(index)  # the offscreen screen is narrow: bring the column into view
    rect = win.tree.visualRect(index)
    assert win.tree.viewport().rect().contains(rect), "cell not fully visible"
    return win.tree.viewport().grab(rect).toImage()


def share_of(image: QImage, color: QColor) -> float:
    """The share of pixel columns (across the cell's middle row) painted in `color`."""
    y = image.height() // 2
    hits = sum(1 for x in range(image.width())
               if _close(image.pixelColor(x, y), color))
    return hits / max(1, image.width())


def light(win: MainWindow, which: Light) -> QColor:
    """The colour the tree paints `which` in, under the window's own palette."""
    return theme.light_color(which, win.tree.palette())


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_progress_bar_fills_in_proportion_with_the_light_colour(window: MainWindow, db: Database) -> None:
    tracking = TrackingService(db, who="t")
    tracking.checkin("1.1", 100, date="2018-06-30")
    tracking.checkin("1.2", 50, date="2018-06-30")
    window.reload()
    window.tree.clearSelection()
    full = share_of(cell_image(window, "1.1", Column.PROGRESS), light(window, Light.BLUE))
    half = share_of(cell_image(window, "1.2", Column.PROGRESS), light(window, Light.RED))
    empty = share_of(cell_image(window, "1.3", Column.PROGRESS), light(window, Light.RED))
    assert full > 0.4
    assert 0.3 * full < half < 0.7 * full
    assert empty == 0


def test_light_cell_paints_a_dot_in_the_lights_colour(window: MainWindow, db: Database) -> None:
    TrackingService(db, who="t").checkin("2.1", 100, date="2018-06-30")
    window.reload()
    window.tree.clearSelection()
    done = cell_image(window, "2.1", Column.LIGHT)
    late = cell_image(window, "2.2", Column.LIGHT)
    assert share_of(done, light(window, Light.BLUE)) > 0
    assert share_of(done, light(window, Light.RED)) == 0
    assert share_of(late, light(window, Light.RED)) > 0
