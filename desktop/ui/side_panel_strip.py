"""The collapsed side panel: a thin strip on the screen edge that opens it again.

Painted by hand rather than a tool button with an arrow: Qt's arrow primitive is
a few pixels at this width, and a ◀ character depends on the fonts installed.
"""

from __future__ import annotations

from desktop.qt import Qt, QtCore, QtGui, QtWidgets

ARROW = 5  # half the arrow's height, in pixels


class ExpandStrip(QtWidgets.QAbstractButton):
    """A triangle pointing the way the panel opens, and 快回 written downwards."""

    def __init__(self, width: int, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("strip")
        self.setFixedWidth(width)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Fixed, QtWidgets.QSizePolicy.Policy.Expanding
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self._points_left = True

    def set_points_left(self, left: bool) -> None:
        self._points_left = left
        self.update()

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(self.width(), 120)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        hover = self.underMouse()
        role = QtGui.QPalette.ColorRole.Midlight if hover else QtGui.QPalette.ColorRole.Window
        painter.fillRect(self.rect(), palette.color(role))
        painter.setPen(palette.color(QtGui.QPalette.ColorRole.Mid))
        edge = 0 if self._points_left else self.width() - 1  # the side facing the chat window
        painter.drawLine(edge, 0, edge, self.height())

        text = self.text()
        fm = self.fontMetrics()
        line = fm.height()
        block = 2 * ARROW + 6 + line * len(text)
        top = max(0, (self.height() - block) // 2)
        cx = self.width() / 2
        tip, back = (
            (cx - ARROW, cx + ARROW / 2) if self._points_left else (cx + ARROW, cx - ARROW / 2)
        )
        arrow = QtGui.QPolygonF(
            [QtCore.QPointF(tip, top + ARROW), QtCore.QPointF(back, top),
             QtCore.QPointF(back, top + 2 * ARROW)]
        )  # fmt: skip
        color = palette.color(QtGui.QPalette.ColorRole.WindowText)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(arrow)
        painter.setPen(color)
        y = top + 2 * ARROW + 6
        for ch in text:  # one character a line: the strip is one character wide
            painter.drawText(
                QtCore.QRect(0, y, self.width(), line), Qt.AlignmentFlag.AlignCenter, ch
            )
            y += line
