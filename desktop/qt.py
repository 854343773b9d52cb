"""The one doorway for Qt: every module imports Qt names from here.

Keeping the binding in one place means a version quirk or a switch of binding
is handled once, and the core can be checked for staying Qt-free.
"""

from __future__ import annotations

import linecache

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint, QRect, Qt, QTimer, Signal, Slot

__all__ = [
    "QT_TRANSLATE_NOOP",
    "QObject",
    "QPoint",
    "QRect",
    "QTimer",
    "Qt",
    "QtCore",
    "QtGui",
    "QtWidgets",
    "Signal",
    "Slot",
    "forget_import_sources",
]


def forget_import_sources() -> None:
    """Drop the source text PySide's import hook leaves behind.

    While PySide6 is loaded, every import made by a module is checked for
    ``__feature__`` use by reading that module's whole source
    (``inspect.getsource``), and ``linecache`` keeps it: about 6 MB once the
    app has started.  A traceback reads the lines again when it needs them.
    """
    linecache.clearcache()
