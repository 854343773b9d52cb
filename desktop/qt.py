"""The one doorway for Qt: every module imports Qt names from here.

Keeping the binding in one place means a version quirk or a switch of binding
is handled once, and the core can be checked for staying Qt-free.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtNetwork, QtWidgets
from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer, Signal, Slot

__all__ = [
    "QObject",
    "QPoint",
    "QRect",
    "Qt",
    "QTimer",
    "QtCore",
    "QtGui",
    "QtNetwork",
    "QtWidgets",
    "Signal",
    "Slot",
]
