"""Guards right before Ctrl+V (issue 11, finding 3): never paste the old clipboard."""

from __future__ import annotations

import pytest

from desktop.ui import clipboard as cb
from desktop.ui.paste import CLIPBOARD_BUSY
from tests.ui.test_paste import Rig, finish

pytestmark = pytest.mark.gui


@pytest.fixture
def board(qapp):
    from desktop.qt import QtGui

    clip = QtGui.QGuiApplication.clipboard()
    clip.setText("上一位买家的地址")  # what the agent copied before: another buyer's details
    yield clip
    clip.clear()


@pytest.fixture
def rig(board):
    return Rig(board)


def busy_clipboard(monkeypatch, refusals: int | None) -> list[str]:
    """Another program holds the clipboard open: setting it fails quietly, as
    Qt's does on Windows, for ``refusals`` attempts (None: all of them)."""
    real = cb.set_text
    tried: list[str] = []

    def set_text(clipboard, text):
        tried.append(text)
        if refusals is None or len(tried) <= refusals:
            return
        real(clipboard, text)

    monkeypatch.setattr(cb, "set_text", set_text)
    return tried


def test_a_clipboard_held_by_another_program_pastes_nothing(qtbot, rig, monkeypatch):
    tried = busy_clipboard(monkeypatch, None)
    delivered: list[str] = []
    rig.service.delivered.connect(delivered.append)
    rig.service.remember_target()
    with qtbot.waitSignal(rig.service.failed, timeout=3000) as blocker:
        rig.service.deliver("p1", "亲，您的快递已发出")
    finish(qtbot, rig)
    assert blocker.args == [CLIPBOARD_BUSY]
    assert rig.keys.pastes == 0 and rig.seen == []  # the old buyer's address was not sent
    assert delivered == []  # not counted as used: the app records uses on ``delivered``
    assert len(tried) > 1  # it was retried before giving up
    assert rig.board.text() == "上一位买家的地址"


def test_a_clipboard_that_frees_up_quickly_still_pastes_the_phrase(qtbot, rig, monkeypatch):
    busy_clipboard(monkeypatch, 2)
    rig.service.remember_target()
    with qtbot.waitSignal(rig.service.delivered, timeout=3000):
        rig.service.deliver("p1", "亲，您的快递已发出")
    finish(qtbot, rig)
    assert rig.seen == ["亲，您的快递已发出"]
    assert rig.board.text() == "上一位买家的地址"  # and the agent's clipboard came back


def test_copy_mode_on_a_busy_clipboard_says_so_instead_of_copied(qtbot, rig, monkeypatch):
    busy_clipboard(monkeypatch, None)
    rig.mode = "copy"
    copied: list[str] = []
    rig.service.copied.connect(copied.append)
    rig.service.remember_target()
    with qtbot.waitSignal(rig.service.failed, timeout=3000):
        rig.service.deliver("p1", "亲，您的快递已发出")
    finish(qtbot, rig)
    assert copied == [] and rig.board.text() == "上一位买家的地址"
