"""Painters for the tree's 进度 (a bar with the expected-progress mark) and 亮灯 (a coloured dot)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from tracker.domain.model import Light
from tracker.ui import theme
from tracker.ui.models.plan_tree import Role

Index = QModelIndex | QPersistentModelIndex


class _CellDelegate(QStyledItemDelegate):
    def _draw_background(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The usual cell background (selection, hover) without the text, which we draw ourselves."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


class ProgressDelegate(_CellDelegate):
    """A bar coloured by the row's light, the percentage beside it, and a dark tick at 序时进度
    (where the bar should have reached by today)."""

    MARGIN = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self._draw_background(painter, option, index)
        progress = max(0.0, min(100.0, float(index.data(Role.PROGRESS) or 0.0)))
        expected = index.data(Role.EXPECTED)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        fm = option.fontMetrics
        text_width = fm.horizontalAdvance("88.8%") + 6
        cell = option.rect.adjusted(self.MARGIN, 0, -self.MARGIN, 0)
        bar_height = max(6, min(fm.height() - 4, cell.height() - 2 * self.MARGIN))
        bar = QRectF(cell.left(), cell.top() + (cell.height() - bar_height) / 2,
                     max(10, cell.width() - text_width), bar_height)
        light = index.data(Role.LIGHT)
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        fill = theme.light_color(Light(light), option.palette) if light else highlight
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = option.palette.color(QPalette.ColorRole.Text)
        # on a selected row the outline is in the selection's text colour, so the bar's extent
        # and its filled part still read against the selection's blue
        border = QColor(option.palette.color(QPalette.ColorRole.HighlightedText) if selected
                        else text_color)
        border.setAlpha(150 if selected else 70)
        painter.setPen(QPen(border, 1))
        painter.setBrush(theme.bar_track(option.palette, selected))
        painter.drawRoundedRect(bar, 2, 2)
        if progress > 0:
            done = QRectF(bar.left(), bar.top(), bar.width() * progress / 100.0, bar.height())
            painter.setPen(QPen(border, 1) if selected else Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(done, 2, 2)
        if expected is not None and 0.0 < float(expected) < 100.0:
            x = bar.left() + bar.width() * float(expected) / 100.0
            painter.setPen(QPen(text_color, 2))
            painter.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom() + 2))
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        text_rect = QRect(round(bar.right()) + 2, cell.top(), cell.right() - round(bar.right()) - 1,
                          cell.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        width = option.fontMetrics.horizontalAdvance("88.8%") + 70
        return QSize(max(hint.width(), width), max(hint.height(), option.fontMetrics.height() + 6))


class LightDelegate(_CellDelegate):
    """A coloured dot and its one-word name, so the light reads without colour vision too."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self._draw_background(painter, option, index)
        light = index.data(Role.LIGHT)
        if not light:
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        fm = option.fontMetrics
        d = max(8, min(option.rect.height() - 8, fm.height() - 4))
        gap = 4
        total = d + gap + fm.horizontalAdvance(text)
        left = option.rect.left() + max(2, (option.rect.width() - total) // 2)
        top = option.rect.top() + (option.rect.height() - d) // 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = theme.light_color(Light(light), option.palette)
        painter.setPen(QPen(color.darker(130), 1))
        painter.setBrush(color)
        painter.drawEllipse(QRectF(left, top, d, d))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        text_rect = QRect(left + d + gap, option.rect.top(), fm.horizontalAdvance(text) + 2,
                          option.rect.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + option.fontMetrics.height() + 4, hint.height())


class PeriodDotsDelegate(_CellDelegate):
    """One small dot per period of the year: filled in the light a closed period froze, an
    empty ring where the period is not closed (the tooltip names each period and its light)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self._draw_background(painter, option, index)
        lights = index.data(Role.PERIOD_LIGHTS)
        if not lights:
            return
        n = len(lights)
        # smaller dots in a narrow column: cut off at the edge, the months just closed went missing
        fits = (option.rect.width() - 8 - 2 * (n - 1)) // n
        d = max(3, min(option.rect.height() - 10, 9, fits))
        gap = max(2, min(4, (option.rect.width() - 8 - d * n) // max(n, 1)))
        left = option.rect.left() + 4
        top = option.rect.top() + (option.rect.height() - d) // 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QColor(option.palette.color(QPalette.ColorRole.Text))
        ring.setAlpha(90)
        for _label, light in lights:
            rect = QRectF(left, top, d, d)
            if light:
                color = theme.light_color(Light(light), option.palette)
                painter.setPen(QPen(color.darker(130), 1))
                painter.setBrush(color)
            else:
                painter.setPen(QPen(ring, 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
            left += d + gap
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        lights = index.data(Role.PERIOD_LIGHTS) or []
        return QSize(max(hint.width(), 8 + 12 * len(lights)), hint.height())
