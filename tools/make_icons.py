"""Write the app's drawn icon as the files a build needs: ``.ico``, ``.icns`` and PNGs.

Why a script and not Pillow: Qt's ICO writer stores a single size and Pillow is
not a dependency, while both formats are just a directory of PNG images, which
a few lines of ``struct`` can write.  Windows (Vista and later) and macOS (10.7
and later) read PNG entries.  The generated files are committed under
``resources/icons/``; run this again after changing ``desktop/ui/icon.py``::

    QT_QPA_PLATFORM=offscreen python tools/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size (Apple's "icp4"… and "ic07"… codes).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08"}


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICONDIR with one PNG-compressed entry per size (256 is written as 0)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", len(data) + 8) + data
        for size, data in sorted(pngs.items())
        if size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from desktop.qt import QtCore, QtGui
    from desktop.ui.icon import drawn_icon

    _app = QtGui.QGuiApplication(sys.argv[:1])
    icon = drawn_icon()
    pngs: dict[int, bytes] = {}
    for size in ICO_SIZES:
        image = icon.pixmap(size, size).toImage()
        buffer = QtCore.QBuffer()
        buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
        pngs[size] = bytes(buffer.data().data())
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "quickreply.ico").write_bytes(ico_bytes(pngs))
    (OUT / "quickreply.icns").write_bytes(icns_bytes(pngs))
    (OUT / "quickreply.png").write_bytes(pngs[256])
    print(f"wrote {OUT}/quickreply.ico, .icns, .png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
