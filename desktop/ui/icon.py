"""The app icon, drawn at run time so it is sharp at every tray size."""

from __future__ import annotations

from desktop.qt import Qt, QtCore, QtGui


def app_icon(paused: bool = False) -> QtGui.QIcon:
    icon = QtGui.QIcon()
    for size in (16, 20, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_draw(size, paused))
    return icon


def _draw(size: int, paused: bool) -> QtGui.QPixmap:
    pixmap = QtGui.QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(pixmap)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    colour = QtGui.QColor("#9aa0a6" if paused else "#ff5000")  # Taobao orange when active
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    radius = size * 0.22
    painter.drawRoundedRect(QtCore.QRectF(0, 0, size, size), radius, radius)
    font = QtGui.QFont()
    font.setPixelSize(int(size * 0.66))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QtGui.QColor("white"))
    painter.drawText(QtCore.QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "快")
    painter.end()
    return pixmap
