"""One key in the search box of a 2,000-item plan: how often Qt calls back into Python.

Qt's row-by-row filter update walked every persistent index through the model's Python
`parent()` for each range of rows it removed: millions of calls for one key on 10,000 items.
The filter now works its rows out in Python and lays the tree out once. Counted, not timed
(timings are benchmarks/scale.py's): it grows with the open branches (their indexes are
mapped again) and the rows on screen (painting), not with the plan: about 400 here, where the
row-by-row update made hundreds of thousands.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.ui.scripted import ScriptedDialogs
from tracker.domain.model import Kind, NodeDraft, PlanDraft
from tracker.services import PlanService, Workspace, open_database
from tracker.ui.models.plan_tree import PlanTreeModel
from tracker.ui.views.main_window import MainWindow

ITEMS, PER_AREA = 2_000, 100


def city_plan(items: int) -> PlanDraft:
    words = ["城市更新", "营商环境", "执法监督", "基层治理"]
    return PlanDraft(2026, "全市重点工作", areas=[
        NodeDraft(Kind.AREA, f"第{a + 1}方面", children=[
            NodeDraft(Kind.TASK, f"推进{words[(a + i) % 4]}第{a + 1}-{i + 1}项工作",
                      children=[NodeDraft(Kind.SUBTASK, f"子项{s}") for s in range(4)] if i == 0 else [])
            for i in range(PER_AREA - 4)])
        for a in range(items // PER_AREA)])


class Calls:
    parent = 0


@pytest.fixture
def big_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The window on a 2,000-item plan, its model's Python `parent()` counted (patched before
    the model exists: PySide looks a Python override up once per object)."""
    parent = PlanTreeModel.parent

    def counting(self, index=None):  # type: ignore[no-untyped-def]
        if index is not None:
            Calls.parent += 1
        return parent(self, index)

    monkeypatch.setattr(PlanTreeModel, "parent", counting)
    db = open_database(tmp_path / "city.db")
    PlanService(db).import_draft(city_plan(ITEMS))
    settings = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Workspace(db, who="测试"), settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(win)
    win.show_year(2026)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    db.close()


def type_word(win: MainWindow, word: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(word)
    QApplication.sendEvent(win.filter_bar.search_edit, event)
    win.filter_bar._typing.stop()
    win.filter_bar._apply()  # a typing pause, as the user makes it
    win.tree.executeDelayedItemsLayout()
    QApplication.processEvents()


LIMIT = ITEMS // 2  # far above what the open branches and the screen need, far below O(items)


def test_one_key_calls_parent_a_few_times_per_open_branch(big_window: MainWindow) -> None:
    win = big_window
    items = len(win.view.items())
    assert items >= ITEMS and all(win.tree.isExpanded(win.proxy.index(r, 0)) for r in range(20))
    Calls.parent = 0
    type_word(win, "城市更新")
    shown = win.proxy.visible_node_ids()
    assert 0 < len(shown) < items  # the key did filter
    assert 0 < Calls.parent <= LIMIT, f"{Calls.parent} calls of parent() for one key, {items} items"
    Calls.parent = 0
    win.filter_bar.search_edit.clear()
    QApplication.processEvents()
    assert Calls.parent <= LIMIT
    assert all(win.tree.isExpanded(win.proxy.index(r, 0)) for r in range(20))  # as the user left it
