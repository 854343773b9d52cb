"""Saving the agent's clipboard stays cheap whatever is on it (issue 11, finding 6).

The owner of the clipboard renders each format when asked: a screenshot tool
asked for PNG, WebP, XPM… encodes each in turn.  ``Owner`` plays that program
inside the test, charging time per format the way encoding would.
"""

from __future__ import annotations

import time

import pytest

from desktop.platform.fake import FakeFocus, FakeKeystroke
from desktop.qt import QtCore, QtGui
from desktop.ui import clipboard as cb
from desktop.ui.paste import PasteService

pytestmark = pytest.mark.gui

ENCODINGS = ["image/png", "image/jpeg", "image/webp", "image/xpm", "image/tiff", "image/ppm",
             "image/icns", "image/ico", "image/pgm", "image/xbm", "image/jfif", "image/bmp"]  # fmt: skip
ENCODE_S = 0.03  # per compressed encoding of a 1920×1080 screenshot, optimistic


def screenshot() -> QtGui.QImage:
    image = QtGui.QImage(64, 36, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("#f3f3f3"))
    for x in range(0, 64, 3):
        image.setPixelColor(x, x % 36, QtGui.QColor("#c5221f"))
    return image


class Owner(QtCore.QMimeData):
    """Offers an image in many encodings plus extra formats, each rendered on request."""

    def __init__(self, image=None, extra=(), extra_cost=0.0):
        super().__init__()
        self.image = image
        self.extra = dict(extra)
        self.extra_cost = extra_cost
        self.asked: list[str] = []

    def formats(self):
        names = ["application/x-qt-image", *ENCODINGS] if self.image is not None else []
        return names + list(self.extra)

    def hasFormat(self, mimetype):
        return mimetype in self.formats()

    def retrieveData(self, mimetype, preferred_type):
        self.asked.append(mimetype)
        if mimetype in self.extra:
            time.sleep(self.extra_cost)
            return QtCore.QByteArray(self.extra[mimetype])
        if self.image is None:
            return None
        if mimetype == "application/x-qt-image":
            time.sleep(ENCODE_S)  # the owner's PNG, decoded
            return self.image
        if mimetype in ENCODINGS:
            fmt = "BMP" if mimetype == "image/bmp" else "PNG"
            if fmt != "BMP":
                time.sleep(ENCODE_S)
            buffer = QtCore.QBuffer()
            buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
            self.image.save(buffer, fmt)
            return buffer.data()
        return None


@pytest.fixture
def board(qapp):
    clip = QtGui.QGuiApplication.clipboard()
    clip.clear()
    yield clip
    clip.clear()


def test_a_screenshot_is_read_once_not_in_every_encoding(board):
    owner = Owner(screenshot(), extra={"text/plain": "截图 1".encode()})
    board.setMimeData(owner)
    started = time.perf_counter()
    snap = cb.snapshot(board)
    elapsed = time.perf_counter() - started
    encodings_read = [n for n in owner.asked if n.startswith("image/") or n.endswith("qt-image")]
    assert len(encodings_read) == 1, owner.asked
    assert elapsed < 6 * ENCODE_S  # was ~13 encodings' worth
    cb.set_text(board, "话术")
    cb.restore(board, snap)
    back = board.image().convertToFormat(QtGui.QImage.Format.Format_RGB32)
    assert back == screenshot()
    assert board.mimeData().text() == "截图 1"


def test_formats_past_the_budget_are_left_out_but_text_never_is(board):
    extra = {f"application/x-app-{n}": b"x" * 10 for n in range(10)}
    extra["text/plain"] = "订单 88".encode()
    owner = Owner(extra=extra, extra_cost=0.02)
    board.setMimeData(owner)
    snap = cb.snapshot(board, budget_ms=30)
    assert ("text/plain", "订单 88".encode()) in snap.formats
    assert snap.skipped >= 6 and len(owner.asked) <= 4
    cb.restore(board, snap)
    assert board.text() == "订单 88"


def test_a_hung_clipboard_owner_is_not_waited_for(qtbot, board):
    owner = Owner(screenshot())
    board.setMimeData(owner)
    focus = FakeFocus(active=101)
    focus.clipboard_blocked = "hung-owner"  # Windows: GetClipboardOwner is not responding
    seen = []
    keys = FakeKeystroke(on_paste=lambda: seen.append(board.text()))
    service = PasteService(board, focus, keys, mode=lambda: "paste", restore_delay_ms=lambda: 20)
    service.remember_target()
    with qtbot.waitSignal(service.delivered, timeout=3000):
        service.deliver("p1", "亲，在的")
    qtbot.waitUntil(lambda: not service.busy(), timeout=3000)
    assert seen == ["亲，在的"]
    assert owner.asked == []  # not one request to the hung program
