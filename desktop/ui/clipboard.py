"""Snapshot and restore of the system clipboard, every format included.

Pasting a phrase borrows the clipboard for a moment; whatever the agent had
copied -- a screenshot, a rich-text order note, a file list -- must come back
exactly, not as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.qt import QtCore, QtGui

IMAGE_FORMAT = "application/x-qt-image"


@dataclass(frozen=True)
class ClipboardSnapshot:
    """Bytes per MIME format, plus the image itself (Qt keeps it as a QImage, not bytes)."""

    formats: tuple[tuple[str, bytes], ...] = ()
    image: QtGui.QImage | None = field(default=None, compare=False)

    @property
    def empty(self) -> bool:
        return not self.formats and self.image is None


def snapshot(clipboard: QtGui.QClipboard) -> ClipboardSnapshot:
    """Copy everything now; the QMimeData behind the clipboard changes under us later."""
    data = clipboard.mimeData()
    if data is None:
        return ClipboardSnapshot()
    image = None
    if data.hasImage():
        value = data.imageData()
        if isinstance(value, QtGui.QImage) and not value.isNull():
            image = value.copy()
    formats = []
    for name in data.formats():
        raw = bytes(data.data(name).data())
        if raw or name != IMAGE_FORMAT:
            formats.append((name, raw))
    return ClipboardSnapshot(tuple(formats), image)


def restore(clipboard: QtGui.QClipboard, snap: ClipboardSnapshot) -> None:
    """Put ``snap`` back as a fresh QMimeData; an empty snapshot clears the clipboard."""
    if snap.empty:
        clipboard.clear()
        return
    data = QtCore.QMimeData()
    if snap.image is not None:
        data.setImageData(snap.image)
    for name, raw in snap.formats:
        if name == IMAGE_FORMAT and snap.image is not None:
            continue
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
