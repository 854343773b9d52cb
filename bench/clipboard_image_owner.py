"""Holds a 1920×1080 screenshot-like image on the clipboard, as a screenshot tool does.

A separate process, so reading the clipboard is a real request to another
program (X11: a selection transfer per format).  Qt offers the image in every
format it can encode (PNG, BMP, JPEG, PPM…), like a Windows screenshot tool
leaves a DIB plus a dozen synthesized formats.  Prints "ready" once it owns
the clipboard, and serves it again whenever another program replaces it and
``--keep`` is given.
"""

from __future__ import annotations

import random
import sys

from PySide6 import QtGui, QtWidgets


def screenshot_like(width: int = 1920, height: int = 1080) -> QtGui.QImage:
    """Flat areas, text-like noise and gradients: compresses like a real screenshot."""
    image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("#f3f3f3"))
    painter = QtGui.QPainter(image)
    rng = random.Random(7)
    for _ in range(400):
        colour = QtGui.QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256))
        painter.fillRect(rng.randrange(width), rng.randrange(height), rng.randrange(4, 300),
                         rng.randrange(2, 40), colour)  # fmt: skip
    painter.setPen(QtGui.QColor("#202020"))
    for row in range(0, height, 18):
        painter.drawText(
            8, row + 14, "".join(rng.choice("快回话术发货物流订单abc123") for _ in range(160))
        )
    painter.end()
    return image


def main() -> int:
    app = QtWidgets.QApplication(sys.argv[:1])
    clipboard = app.clipboard()
    clipboard.setImage(screenshot_like())
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
