"""A filter that matches nothing says so in the tree, instead of a blank tree that looks like a
lost or failed import (e.g. a department chosen for last year, kept for the new plan)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from tracker.ui.views.main_window import MainWindow


def _ink_in_middle(window: MainWindow) -> int:
    image = window.tree.viewport().grab().toImage()
    background = QColor(image.pixel(2, 2))
    y = image.height() // 2
    return sum(QColor(image.pixel(x, y + dy)) != background
               for x in range(image.width()) for dy in range(-12, 13, 3))


def test_a_filter_matching_nothing_says_so_in_the_tree(window: MainWindow) -> None:
    assert window.tree.empty_text() == ""
    window.filter_bar.search_edit.setText("没有这样的事项")
    assert window.proxy.rowCount() == 0
    assert "清除筛选" in window.tree.empty_text()
    assert _ink_in_middle(window) > 20
    window.filter_bar.clear()
    assert window.proxy.rowCount() > 0 and window.tree.empty_text() == ""
