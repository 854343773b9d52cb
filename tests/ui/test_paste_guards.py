"""Guards right before Ctrl+V (issue 11, findings 3 and 5): never paste the old
clipboard, never paste into a window the agent didn't choose."""

from __future__ import annotations

import pytest

from desktop.ui import clipboard as cb
from desktop.ui.paste import CLIPBOARD_BUSY, FOCUS_MOVED, TARGET_ELEVATED, TARGET_HUNG
from tests.ui.test_paste import CHAT, Rig, finish

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


def test_focus_moving_away_before_ctrl_v_pastes_nothing(qtbot, rig):
    rig.keys.held = True  # the agent still holds Enter: Ctrl+V waits
    delivered: list[str] = []
    rig.service.delivered.connect(delivered.append)
    rig.service.remember_target()
    rig.service.deliver("p1", "亲，您的快递已发出")
    qtbot.waitUntil(lambda: rig.keys.ready_checks >= 1, timeout=2000)
    assert rig.focus.activated == [CHAT]
    rig.focus.active = 777  # a message box from another program took focus meanwhile
    rig.keys.held = False
    with qtbot.waitSignal(rig.service.failed, timeout=3000) as blocker:
        pass
    finish(qtbot, rig)
    assert blocker.args == [FOCUS_MOVED]
    assert rig.keys.pastes == 0 and delivered == []
    assert rig.board.text() == "亲，您的快递已发出"  # left for the agent to paste by hand


def test_focus_reported_a_moment_late_still_pastes(qtbot, rig):
    """Some window managers confirm the activation after the settle wait."""
    rig.keys.held = True
    rig.service.remember_target()
    rig.service.deliver("p1", "phrase")
    qtbot.waitUntil(lambda: rig.keys.ready_checks >= 1, timeout=2000)
    rig.focus.active = 555  # still the popup, as far as the window manager has said yet
    rig.keys.held = False
    qtbot.wait(60)
    rig.focus.active = CHAT
    finish(qtbot, rig)
    assert rig.seen == ["phrase"]


def test_an_elevated_chat_window_gets_the_phrase_by_hand_not_a_lost_paste(qtbot, rig):
    """Issue 11, finding 4: SendInput into a higher integrity level does nothing."""
    rig.focus.obstacles[CHAT] = "elevated"
    delivered: list[str] = []
    rig.service.delivered.connect(delivered.append)
    rig.service.remember_target()
    with qtbot.waitSignal(rig.service.failed, timeout=3000) as blocker:
        rig.service.deliver("p1", "亲，您的快递已发出")
    finish(qtbot, rig)
    assert blocker.args == [TARGET_ELEVATED] and "管理员" in blocker.args[0]
    assert rig.keys.pastes == 0 and delivered == []  # not recorded as sent
    assert rig.focus.activated == [CHAT]  # back in the chat window, for Ctrl+V by hand
    assert rig.board.text() == "亲，您的快递已发出"


def test_a_hung_chat_window_is_told_not_pasted_into(qtbot, rig):
    rig.focus.obstacles[CHAT] = "hung"
    rig.service.remember_target()
    with qtbot.waitSignal(rig.service.failed, timeout=3000) as blocker:
        rig.service.deliver("p1", "亲，您的快递已发出")
    finish(qtbot, rig)
    assert blocker.args == [TARGET_HUNG]
    assert rig.keys.pastes == 0 and rig.board.text() == "亲，您的快递已发出"
