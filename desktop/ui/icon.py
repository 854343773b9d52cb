"""The app icon: the shipped multi-size ``quickreply.ico``, and how it was drawn.

The running app loads the icon file rather than drawing it: drawing puts the
bold CJK font and its large glyphs in memory (about 9 MB) before any window
has shown a character.  ``drawn_icon`` is what ``tools/make_icons.py`` writes
into that file; run it again after changing the drawing.
"""

from __future__ import annotations

from functools import lru_cache

from desktop.core.base.resources import resource
from desktop.qt import Qt, QtCore, QtGui, QtWidgets

SIZES = (16, 20, 24, 32, 48, 64, 128, 256)


@lru_cache(maxsize=2)
def app_icon(paused: bool = False) -> QtGui.QIcon:
    """Every size in the icon file; greyed out while paused."""
    data = QtCore.QByteArray(resource("icons", "quickreply.ico").read_bytes())
    buffer = QtCore.QBuffer(data)
    buffer.open(QtCore.QIODevice.OpenModeFlag.ReadOnly)
    reader = QtGui.QImageReader(buffer, b"ico")
    icon = QtGui.QIcon()
    for _ in range(max(1, reader.imageCount())):
        image = reader.read()
        if image.isNull():
            break
        pixmap = QtGui.QPixmap.fromImage(image)
        icon.addPixmap(_greyed(pixmap) if paused else pixmap)
        if not reader.jumpToNextImage():
            break
    return icon if not icon.isNull() else drawn_icon(paused)


def _greyed(pixmap: QtGui.QPixmap) -> QtGui.QPixmap:
    style = QtWidgets.QApplication.style() if QtWidgets.QApplication.instance() else None
    if style is None:
        return pixmap
    option = QtWidgets.QStyleOption()
    return style.generatedIconPixmap(QtGui.QIcon.Mode.Disabled, pixmap, option)


def drawn_icon(paused: bool = False) -> QtGui.QIcon:
    """The icon drawn at every size: the source of the shipped files."""
    icon = QtGui.QIcon()
    for size in SIZES:
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
