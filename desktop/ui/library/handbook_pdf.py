"""The handbook as an A4 PDF: the core's HTML laid out by QTextDocument.

Font choice matters beyond looks.  Qt writes each PDF font's ToUnicode map by
taking, for every glyph, the lowest code point that uses it; fonts such as
Noto Sans CJK draw 老 and the Kangxi radical ⽼ with one glyph, so copying
from the PDF (or searching it) would give radicals instead of the characters
a new hire meant to paste.  ``fix_copy_text`` therefore rewrites radicals in
the ToUnicode maps to the ideographs they stand for.  Headings stay regular
weight when the font has no bold face (see ``render_pdf``).
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

from desktop.core.base.errors import ValidationError
from desktop.core.exchange.handbook import Handbook, write_atomic
from desktop.qt import QtCore, QtGui

PREFERRED = (
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "SimSun",
    "Noto Serif CJK SC",
)
# CJK Radicals Supplement code points that are whole simplified characters;
# the Kangxi radicals (U+2F00-U+2FD5) are mapped by NFKC instead.
_SUPPLEMENT = {
    0x2E9F: 0x6BCD,
    0x2EA0: 0x6C11,
    0x2EA9: 0x738B,
    0x2EC4: 0x897F,
    0x2EC5: 0x89C1,
    0x2EC6: 0x89D2,
    0x2EC8: 0x8BA0,
    0x2EC9: 0x8D1D,
    0x2ECB: 0x8F66,
    0x2ECF: 0x961D,
    0x2ED3: 0x957F,
    0x2ED4: 0x95E8,
    0x2ED6: 0x961D,
    0x2ED7: 0x96E8,
    0x2ED8: 0x9752,
    0x2EDA: 0x9875,
    0x2EDB: 0x98CE,
    0x2EDC: 0x98DE,
    0x2EDD: 0x98DF,
    0x2EE0: 0x9963,
    0x2EE2: 0x9A6C,
    0x2EE4: 0x9B3C,
    0x2EE5: 0x9C7C,
    0x2EE6: 0x9E1F,
    0x2EE7: 0x5364,
    0x2EE8: 0x9EA6,
    0x2EE9: 0x9EC4,
    0x2EEA: 0x9EFE,
    0x2EEC: 0x9F50,
    0x2EEE: 0x9F7F,
    0x2EF0: 0x9F99,
    0x2EF3: 0x9F9F,
}
_CMAP = re.compile(rb"begincmap.*?endcmap", re.DOTALL)
_TARGET = re.compile(rb"^(<[0-9A-Fa-f]{4}> (?:<[0-9A-Fa-f]{4}> )?)(.+)$", re.MULTILINE)
_CODE = re.compile(rb"<(2[EFef][0-9A-Fa-f]{2})>")
MARGIN_MM = 16
POINT_SIZE = 11


def ensure_gui() -> QtGui.QGuiApplication:
    """A GUI application for fonts and layout; headless (offscreen) without a display.

    The command line has no window, so on Linux without ``DISPLAY`` or
    ``WAYLAND_DISPLAY`` it asks Qt for the offscreen platform.
    """
    app = QtGui.QGuiApplication.instance()
    if isinstance(app, QtGui.QGuiApplication):
        return app
    argv = ["quickreply"]
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        argv += ["-platform", "offscreen"]
    return QtGui.QGuiApplication(argv)


def pdf_font_family() -> str:
    """The first installed CJK font we like; the system font if none is known."""
    installed = set(QtGui.QFontDatabase.families())
    for family in PREFERRED:
        if family in installed and QtGui.QRawFont.fromFont(QtGui.QFont(family)).supportsCharacter(
            "中"
        ):
            return family
    return QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.GeneralFont).family()


def _ideograph(code: re.Match[bytes]) -> bytes:
    value = int(code.group(1), 16)
    mapped = _SUPPLEMENT.get(value)
    if mapped is None and 0x2F00 <= value <= 0x2FD5:
        mapped = ord(unicodedata.normalize("NFKC", chr(value)))
    return b"<%04X>" % mapped if mapped else code.group(0)


def fix_copy_text(pdf: bytes) -> bytes:
    """Point radicals in the ToUnicode maps at the ideographs they draw.

    Only the destination side of each ``bfchar``/``bfrange`` line changes and
    every code keeps its four hex digits, so no byte offset in the file moves
    and the cross-reference table stays valid.
    """

    def fix_map(cmap: re.Match[bytes]) -> bytes:
        return _TARGET.sub(
            lambda line: line.group(1) + _CODE.sub(_ideograph, line.group(2)), cmap.group(0)
        )

    return _CMAP.sub(fix_map, pdf)


def render_pdf(book: Handbook, title: str = "") -> bytes:
    """The PDF as bytes (A4, CJK font), written to memory so a failure leaves no file."""
    ensure_gui()
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buffer)
    writer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QtCore.QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QtGui.QPageLayout.Unit.Millimeter,
    )
    writer.setTitle(title)
    writer.setCreator("QuickReply 快回")
    family = pdf_font_family()
    html = book.html
    if not any("bold" in style.lower() for style in QtGui.QFontDatabase.styles(family)):
        # Qt fakes bold by drawing text twice, which doubles it when copied from
        # the PDF.  Safe to splice: phrase text is escaped and holds no "</style>".
        html = html.replace("</style>", "h1, h2, h3, h4 { font-weight: normal; }</style>", 1)
    document = QtGui.QTextDocument()
    document.setDefaultFont(QtGui.QFont(family, POINT_SIZE))
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF"):
        raise ValidationError(QtCore.QCoreApplication.translate("HandbookDialog", "生成 PDF 失败"))
    return fix_copy_text(data)


def write_pdf(book: Handbook, path: str | Path, title: str = "") -> None:
    write_atomic(path, render_pdf(book, title))
