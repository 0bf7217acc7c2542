"""The charts of the dashboard and the period report, built with Qt Charts (PySide6-Addons).

One builder per chart, used by the dashboard's views and by the report, so the 通报 shows the
same picture a leader saw on screen. Colours come from theme.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from tracker.domain.model import Light
from tracker.ui import theme

MAX_LABEL = 14  # characters of an area's title on the axis; the tooltip has all of it


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def area_chart(
    areas: Sequence[tuple[str, float, float]], title: str = "", font: QFont | None = None
) -> tuple[QChart, QBarSet]:
    """Progress per area as horizontal bars, beside each area's 序时进度; returns the chart and
    the progress set (its `clicked(index)` says which area a click was on)."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    progress = QBarSet(QCoreApplication.translate("Charts", "进度"))
    expected = QBarSet(QCoreApplication.translate("Charts", "序时进度"))
    progress.setColor(theme.light_color(Light.BLUE))
    expected.setColor(QColor(theme.light_color(Light.GRAY)))
    names = []
    for name, done, due in reversed(areas):  # Qt draws the first category at the bottom
        names.append(_label(name))
        progress.append(round(done, 1))
        expected.append(round(due, 1))
    series = QHorizontalBarSeries()
    series.append(expected)
    series.append(progress)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(names)
    axis_x = QValueAxis()
    axis_x.setRange(0, 110)
    axis_x.setTickCount(12)
    axis_x.setLabelFormat("%d%%")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    if font is not None:
        _use_font(chart, font)
    return chart, progress


def progress_line_chart(
    points: Sequence[tuple[dt.date, float | None, float]],
    year: int,
    title: str = "",
    font: QFont | None = None,
) -> QChart:
    """Overall progress (from check-ins and closed periods) against 序时进度 through the year."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    actual = QLineSeries()
    actual.setName(QCoreApplication.translate("Charts", "总进度"))
    expected = QLineSeries()
    expected.setName(QCoreApplication.translate("Charts", "序时进度"))
    start = dt.date(year, 1, 1)
    for day, done, due in points:
        x = float((day - start).days)
        expected.append(QPointF(x, due))
        if done is not None:
            actual.append(QPointF(x, done))
    pen = QPen(theme.light_color(Light.BLUE), 3)
    actual.setPen(pen)
    actual.setPointsVisible(True)
    dashed = QPen(QColor(theme.light_color(Light.GRAY)), 2, Qt.PenStyle.DashLine)
    expected.setPen(dashed)
    chart.addSeries(expected)
    chart.addSeries(actual)
    axis_x = QCategoryAxis()  # a label at each month's first day
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for number in range(1, 13):
        label = QCoreApplication.translate("Charts", "{0}月").format(number)
        axis_x.append(label, float((dt.date(year, number, 1) - start).days))
    axis_x.setRange(0, float((dt.date(year, 12, 31) - start).days))
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    axis_y.setTickCount(6)
    axis_y.setLabelFormat("%d%%")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for series in (expected, actual):
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    if font is not None:
        _use_font(chart, font)
    return chart


def light_counts_chart(
    counts: dict[Light, int], order: Sequence[Light], names: Sequence[str], font: QFont | None = None
) -> QChart:
    """How many items show each light, one bar per light in its own colour."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    series = QBarSeries()
    for light, name in zip(order, names, strict=True):
        bar = QBarSet(name)
        bar.append(counts.get(light, 0))
        bar.setColor(theme.light_color(light))
        series.append(bar)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    top = max([1, *counts.values()])
    axis.setRange(0, top + 1)
    axis.setTickCount(min(top + 2, 6))
    axis.applyNiceNumbers()  # whole numbers at the ticks, so the labels match the bars
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.setMargins(QMargins(2, 2, 2, 2))
    if font is not None:
        _use_font(chart, font)
    return chart


def _use_font(chart: QChart, font: QFont) -> None:
    chart.setTitleFont(font)
    chart.legend().setFont(font)
    for axis in chart.axes():
        axis.setLabelsFont(font)
        axis.setTitleFont(font)
    for series in chart.series():
        if isinstance(series, QBarSeries | QHorizontalBarSeries):
            for bar in series.barSets():
                bar.setLabelFont(font)


def render(chart: QChart, size: QSizeF, scale: float = 1.0) -> QImage:
    """The chart drawn offscreen into an image (for the report and the pictures in docs/)."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(size)
    chart.setBackgroundRoundness(0)
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(
        painter, QRectF(0, 0, image.width(), image.height()), QRectF(0, 0, size.width(), size.height())
    )
    painter.end()
    scene.removeItem(chart)
    return image
