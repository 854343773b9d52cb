"""A small day-by-day line chart, painted with QPainter (no charting dependency)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from desktop.qt import QPoint, QRect, Qt, QtCore, QtGui, QtWidgets

MARGIN_LEFT = 44
MARGIN = 10
MARGIN_BOTTOM = 24


class ProgressChart(QtWidgets.QWidget):
    """One point a day; optional dashed target lines (80 → 120 汉字/分钟)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setMinimumSize(320, 160)
        self._points: list[tuple[str, float]] = []
        self._targets: list[tuple[float, str]] = []
        self._top = 100.0
        self._unit = ""

    def set_points(self, points: Sequence[tuple[str, float]], *, top: float, unit: str = "",
                   targets: Sequence[tuple[float, str]] = ()) -> None:  # fmt: skip
        self._points = list(points)
        self._targets = list(targets)
        highest = max([v for _d, v in self._points] + [t for t, _l in self._targets] + [top])
        self._top = highest * 1.1 if highest > top else top
        self._unit = unit
        self.update()

    @property
    def points(self) -> list[tuple[str, float]]:
        return list(self._points)

    def _y(self, area: QRect, value: float) -> int:
        return round(area.bottom() - value / self._top * area.height())

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        area = self.rect().adjusted(MARGIN_LEFT, MARGIN, -MARGIN, -MARGIN_BOTTOM)
        pal = self.palette()
        p.setPen(QtGui.QPen(pal.color(QtGui.QPalette.ColorRole.Mid), 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.drawLine(area.bottomLeft(), area.topLeft())
        text_pen = QtGui.QPen(pal.color(QtGui.QPalette.ColorRole.WindowText))
        p.setPen(text_pen)
        for value in (0.0, self._top / 2, self._top):
            y = self._y(area, value)
            p.drawText(QRect(0, y - 8, MARGIN_LEFT - 4, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{value:.0f}{self._unit}")  # fmt: skip
        for value, label in self._targets:
            y = self._y(area, value)
            pen = QtGui.QPen(QtGui.QColor("#d08a00"), 1, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(area.left(), y, area.right(), y)
            p.drawText(QRect(area.left() + 6, y - 16, area.width() - 8, 14),
                       Qt.AlignmentFlag.AlignLeft, label)  # fmt: skip
        if not self._points:
            p.setPen(text_pen)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("还没有练习记录"))
            return
        n = len(self._points)
        step = area.width() / max(1, n - 1)
        xy = [QPoint(round(area.left() + (i * step if n > 1 else area.width() / 2)), self._y(area, v))
              for i, (_d, v) in enumerate(self._points)]  # fmt: skip
        p.setPen(QtGui.QPen(QtGui.QColor("#1a73e8"), 2))
        for a, b in pairwise(xy):
            p.drawLine(a, b)
        p.setBrush(QtGui.QColor("#1a73e8"))
        for pt in xy:
            p.drawEllipse(pt, 3, 3)
        p.setPen(text_pen)
        shown = {0, n - 1} | ({n // 2} if n > 4 else set(range(n)))
        for i in sorted(shown):
            label = self._points[i][0][5:]  # MM-DD
            left = max(0, min(xy[i].x() - 30, self.width() - 60))
            p.drawText(QRect(left, area.bottom() + 4, 60, 16), Qt.AlignmentFlag.AlignHCenter, label)

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(420, 180)
