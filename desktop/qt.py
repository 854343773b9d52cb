"""The one doorway for Qt: every module imports Qt names from here.

Keeping the binding in one place means a version quirk or a switch of binding
is handled once, and the core can be checked for staying Qt-free.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtNetwork, QtWidgets
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
    "QtNetwork",
    "QtWidgets",
    "Signal",
    "Slot",
]
