"""The tray and window icon: every size from the shipped file, greyed while paused."""

from __future__ import annotations

import pytest

from desktop.qt import QtGui
from desktop.ui.icon import app_icon, drawn_icon

pytestmark = pytest.mark.gui


def centre(icon: QtGui.QIcon, size: int) -> QtGui.QColor:
    image = icon.pixmap(size, size).toImage()
    return image.pixelColor(image.width() // 5, image.height() // 5)


def test_the_icon_has_every_tray_size_and_the_brand_colour(qapp):
    icon = app_icon()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 24, 32, 48, 256} <= sizes
    colour = centre(icon, 32)
    assert colour.red() > 200 and colour.green() < 120 and colour.blue() < 60  # orange


def test_paused_is_grey(qapp):
    colour = centre(app_icon(paused=True), 32)
    assert abs(colour.red() - colour.green()) < 30 and abs(colour.green() - colour.blue()) < 30


def test_the_shipped_file_matches_the_drawing(qapp):
    """tools/make_icons.py was run after the drawing last changed."""
    shipped = app_icon().pixmap(48, 48).toImage()
    drawn = drawn_icon().pixmap(48, 48).toImage()
    assert shipped.pixelColor(10, 10) == drawn.pixelColor(10, 10)
