"""各期亮灯: twelve months' dots fit the column at its first-start width. Drawn at a fixed size
they ran past the cell's edge, and the last dots — the months just closed — were cut off."""

from __future__ import annotations

from tests.ui.test_delegates import cell_image, light, share_of
from tracker.domain.model import Light
from tracker.services import TrackingService
from tracker.services.periods import PeriodService
from tracker.store import Database
from tracker.ui.models.plan_tree import Column
from tracker.ui.views.main_window import MainWindow


def test_decembers_dot_shows_in_a_narrow_column(window: MainWindow, db: Database) -> None:
    TrackingService(db, who="t").checkin("1.1", 10, date="2018-12-01")
    PeriodService(db, who="t").close("2018-12", 2018)
    window.reload()
    window.tree.clearSelection()
    window.tree.setColumnWidth(Column.PERIODS, 110)  # about the header's width, as on a first start
    image = cell_image(window, "1.1", Column.PERIODS)
    assert share_of(image, light(window, Light.RED)) > 0
