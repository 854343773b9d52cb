"""Snapshot and restore of the system clipboard, cheaply enough to sit before every paste.

Pasting a phrase borrows the clipboard for a moment; whatever the agent had
copied -- a screenshot, a rich-text order note, a file list -- should come back.
Every format read is a request to the program that owns the clipboard, which
renders it on demand: a 1920×1080 screenshot offered in 19 formats cost ~3 s
when each was read (the owner encoding PNG, WebP, XPM… one after another).  So:

- an image is read once, in the cheapest lossless form offered (BMP when there
  is one, else Qt's own conversion), and offered back in every format Qt can
  encode, rendered only if someone asks;
- the other image encodings and the clipboard's bookkeeping targets are not
  read at all: they are derived from that image;
- other formats are read text first, until ``BUDGET_MS`` is spent; what is
  left is not restored (``ClipboardSnapshot.skipped`` says how many).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from desktop.qt import QtCore, QtGui

IMAGE_FORMAT = "application/x-qt-image"
BUDGET_MS = 40.0  # reading past this delays the paste more than a lost format is worth
FIRST = ("text/plain", "text/plain;charset=utf-8", "text/html", "text/uri-list")
# X11 selection bookkeeping and Qt's aliases of an image: never content of their own.
DERIVED = frozenset(
    ["TARGETS", "MULTIPLE", "TIMESTAMP", "SAVE_TARGETS", "BITMAP", "PIXMAP", IMAGE_FORMAT]
)
LOSSLESS_FAST = ("image/bmp", "image/x-bmp")  # produced without compression, decoded in ms


@dataclass(frozen=True)
class ClipboardSnapshot:
    """Bytes per MIME format, plus the image itself (Qt keeps it as a QImage, not bytes)."""

    formats: tuple[tuple[str, bytes], ...] = ()
    image: QtGui.QImage | None = field(default=None, compare=False)
    skipped: int = 0  # formats left unread to keep the paste fast
    encoded_image: bytes = b""  # a BMP, decoded only when restored (after the paste)

    @property
    def empty(self) -> bool:
        return not self.formats and self.image is None and not self.encoded_image

    def picture(self) -> QtGui.QImage | None:
        if self.image is not None:
            return self.image
        if self.encoded_image:
            image = QtGui.QImage.fromData(self.encoded_image)
            return None if image.isNull() else image
        return None


def _is_image_encoding(name: str) -> bool:
    return name.startswith("image/") or name in DERIVED


def _read_image(data: QtCore.QMimeData, names: list[str]) -> QtGui.QImage | bytes | None:
    """The image once: raw BMP bytes when offered (no compression on either side,
    decoded later), else Qt's own conversion."""
    for name in LOSSLESS_FAST:
        if name in names:
            raw = bytes(data.data(name).data())
            if raw.startswith(b"BM"):
                return raw
    value = data.imageData()
    if isinstance(value, QtGui.QImage) and not value.isNull():
        return value.copy()
    return None


def snapshot(clipboard: QtGui.QClipboard, budget_ms: float = BUDGET_MS) -> ClipboardSnapshot:
    """Copy what the agent had, now: the QMimeData behind the clipboard changes under us later."""
    start = time.perf_counter()
    data = clipboard.mimeData()
    if data is None:
        return ClipboardSnapshot()
    names = list(data.formats())
    read = _read_image(data, names) if data.hasImage() else None
    image = read if isinstance(read, QtGui.QImage) else None
    encoded = read if isinstance(read, bytes) else b""
    ordered = [n for n in FIRST if n in names] + [n for n in names if n not in FIRST]
    formats, skipped = [], 0
    for name in ordered:
        if _is_image_encoding(name) and (read is not None or name in DERIVED):
            continue
        if (time.perf_counter() - start) * 1000 > budget_ms and name not in FIRST:
            skipped += 1
            continue
        formats.append((name, bytes(data.data(name).data())))
    return ClipboardSnapshot(tuple(formats), image, skipped, encoded)


def restore(clipboard: QtGui.QClipboard, snap: ClipboardSnapshot) -> None:
    """Put ``snap`` back as a fresh QMimeData; an empty snapshot clears the clipboard."""
    if snap.empty:
        clipboard.clear()
        return
    data = QtCore.QMimeData()
    picture = snap.picture()
    if picture is not None:
        data.setImageData(picture)  # every image format, encoded only when asked for
    for name, raw in snap.formats:
        data.setData(name, QtCore.QByteArray(raw))
    clipboard.setMimeData(data)
    global _handed
    _handed = data


# A QMimeData made from Python belongs to the clipboard once set, but its
# binding still reports its deletion to Python.  If the clipboard keeps it until
# the process ends, that report comes after Python has shut down and crashes
# the exit; ``release`` swaps it for data Qt makes itself while Python is alive.
_handed: QtCore.QMimeData | None = None


def release(clipboard: QtGui.QClipboard) -> None:
    """Call before quitting: keep the clipboard's content, drop our QMimeData object."""
    global _handed
    if _handed is None:
        return
    ours, _handed = _handed, None
    if clipboard.mimeData() is not ours:
        return  # something else replaced it already, and with it ours was deleted
    image = clipboard.image()
    if not image.isNull():
        clipboard.setImage(image)
    elif clipboard.text():
        clipboard.setText(clipboard.text())
    else:
        clipboard.clear()


def set_text(clipboard: QtGui.QClipboard, text: str) -> None:
    clipboard.setText(text)


def text(clipboard: QtGui.QClipboard) -> str:
    """Plain text now on the clipboard, line breaks normalised to ``\\n``."""
    return clipboard.text().replace("\r\n", "\n")
