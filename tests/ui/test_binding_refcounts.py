"""Guard against a Qt binding that leaks objects or drops references on the app's hot paths.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` on every
``QFont.setBold()`` and every ``property()`` that returns nothing; the tray app
aborted with ``none_dealloc`` after about a minute of normal use, while every
short test passed.  These tests run the paths the app takes every second (the
popup opening and closing, the result rows being painted, the model answering
``data()``, widget properties read) a few thousand times and compare the
reference count of ``None`` and the number of live objects before and after.

A binding that drops references would soon free ``None`` and abort the whole
test run.  So the rounds run in batches and stop at the first batch that
loses references, and the references lost are given back to ``None``
afterwards: a broken binding shows up as a failed assertion with the size of
the drop, and the rest of the suite still runs.  See README, "Supported
Python and Qt".
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys
from collections.abc import Callable

import pytest

from desktop.core import Library
from desktop.core.text.buyer import BuyerContext
from desktop.qt import QPoint, QtCore, QtGui, QtWidgets
from desktop.ui.popup import Popup
from desktop.ui.results_model import ResultsModel

pytestmark = pytest.mark.gui

ROUNDS = 2000
WARM_UP = 100
# Caches (fonts, metrics, style sheets) settle during the warm-up; what is left is noise
# of a few references.  A binding that drops or leaks one per round misses by ~ROUNDS.
NONE_SLACK = 60
OBJECT_SLACK = 300

BATCH = 100


def give_back_to_none(lost: int) -> None:
    """Restore references a broken binding took from None, so the interpreter survives."""
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


def counts() -> tuple[int, int]:
    gc.collect()
    return sys.getrefcount(None), len(gc.get_objects())


def drift(step: Callable[[], object], rounds: int = ROUNDS) -> tuple[int, int]:
    """Run ``step`` ``rounds`` times after a warm-up; (None refs lost, objects gained).

    Stops early once a batch loses references to None, before None itself is freed.
    """
    start = sys.getrefcount(None)
    try:
        for _ in range(WARM_UP):
            step()
            if start - sys.getrefcount(None) > NONE_SLACK:
                break
        none_before, objects_before = counts()
        for done in range(0, rounds, BATCH):
            for _ in range(min(BATCH, rounds - done)):
                step()
            if none_before - sys.getrefcount(None) > NONE_SLACK:
                break
        none_after, objects_after = counts()
        return none_before - none_after, objects_after - objects_before
    finally:
        give_back_to_none(start - sys.getrefcount(None))


def assert_steady(what: str, step: Callable[[], object]) -> None:
    lost, gained = drift(step)
    assert abs(lost) <= NONE_SLACK, (
        f"{what}: {lost} references to None {'dropped' if lost > 0 else 'leaked'} within {ROUNDS} "
        f"rounds; this Qt binding would crash the app after some minutes of use"
    )
    assert gained <= OBJECT_SLACK, f"{what}: {gained} objects more after {ROUNDS} rounds (a leak)"


@pytest.fixture(autouse=True)
def _quiet_logs():
    """Keep the test harness out of the count.

    Offscreen Qt warns on every ``raise_()``; once some earlier test has routed Qt's
    messages into logging, pytest keeps each record for its report, which would look
    like a leak of a few objects per round.  The app's own log file rotates instead.
    """
    logging.disable(logging.CRITICAL)
    previous = QtCore.qInstallMessageHandler(lambda *_args: None)
    yield
    QtCore.qInstallMessageHandler(previous)
    logging.disable(logging.NOTSET)


@pytest.fixture
def popup(qtbot, lib: Library) -> Popup:
    for n in range(30):
        lib.add(f"发货时间{n}", f"亲，现在下单{n}小时内发货哦~", ("售前", "发货"), code=f"fh{n}",
                pinned=n < 12)
    widget = Popup(lib, BuyerContext())
    qtbot.addWidget(widget)
    widget.open_at(QPoint(100, 100))
    qtbot.waitExposed(widget)
    return widget


def test_font_and_property_calls_keep_none_alive(qapp):
    font = QtGui.QFont()
    label = QtWidgets.QLabel()

    def step() -> None:
        font.setBold(True)
        font.setBold(False)
        label.property("refusal")  # unset: the binding hands back None

    assert_steady("QFont.setBold / QObject.property", step)
    label.deleteLater()


def test_result_rows_paint_without_losing_references(popup):
    view = popup.results_view
    assert view.model().rowCount() >= 9  # the rows the delegate draws with their digits
    image = QtGui.QImage(view.viewport().size(), QtGui.QImage.Format.Format_ARGB32)

    def step() -> None:
        view.viewport().render(image)

    assert_steady("result delegate paint", step)


def test_model_data_reads_are_steady(popup):
    model = popup.results_view.model()
    roles = (0, ResultsModel.CategoryRole, ResultsModel.CodeRole, ResultsModel.PreviewRole,
             ResultsModel.IdRole, 999)  # 999: a role the model does not answer (None)

    def step() -> None:
        for row in range(min(9, model.rowCount())):
            index = model.index(row, 0)
            for role in roles:
                model.data(index, role)

    assert_steady("results model data()", step)


def test_popup_open_type_close_is_steady(qapp, popup):
    def step() -> None:
        popup.open_at(QPoint(120, 120))
        popup.search_box.setText("fh")
        qapp.processEvents()
        popup.hide()
        qapp.processEvents()

    lost, gained = drift(step, rounds=ROUNDS // 4)  # each round is a full search and repaint
    assert abs(lost) <= NONE_SLACK, f"popup open/close: {lost} references to None dropped"
    assert gained <= OBJECT_SLACK, f"popup open/close: {gained} objects leaked"
