"""Shared fixtures: a fresh library per test, closed afterwards."""

from __future__ import annotations

import gc
import os
import sys

import pytest

from desktop.core import Library

# Widget tests never need a real screen; the e2e tests start Xvfb themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def lib():
    library = Library.memory(seed=False)
    yield library
    library.close()


@pytest.fixture
def seeded(tmp_path):
    library = Library.open(tmp_path / "library.db")
    yield library
    library.close()


@pytest.fixture(autouse=True)
def _collect_qt_garbage():
    """Free each test's widgets while the QApplication still exists.

    Left to the interpreter's final collection, wrappers of already-destroyed
    Qt objects can crash PySide at exit after every test has passed.
    """
    yield
    if "PySide6" in sys.modules:
        gc.collect()


def pytest_sessionfinish(session, exitstatus):
    """Delete every leftover window while Qt is still fully alive (see above)."""
    if "PySide6" not in sys.modules:
        return
    from desktop.qt import QtCore, QtWidgets

    app = QtWidgets.QApplication.instance()
    if app is None:
        return
    from desktop.ui import clipboard

    clipboard.release(QtWidgets.QApplication.clipboard())
    for widget in QtWidgets.QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
