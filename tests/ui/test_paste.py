"""The paste pipeline against fake focus/keys and the real (offscreen) clipboard."""

from __future__ import annotations

import pytest

from desktop.platform.fake import FakeFocus, FakeKeystroke
from desktop.qt import QtCore, QtGui
from desktop.ui.paste import NO_TARGET, TARGET_GONE, PasteService

pytestmark = pytest.mark.gui

CHAT = 101


class CountingFocus(FakeFocus):
    """Counts how often the service looked at the active window: a held paste polls it."""

    def __init__(self, active: int | None) -> None:
        super().__init__(active=active)
        self.asked = 0

    def active_window(self) -> int | None:
        self.asked += 1
        return super().active_window()


class Rig:
    """A service plus what the 'target window' saw at each Ctrl+V."""

    def __init__(self, board: QtGui.QClipboard) -> None:
        self.board = board
        self.seen: list[str] = []
        self.mode = "paste"
        self.focus = CountingFocus(active=CHAT)
        self.keys = FakeKeystroke(on_paste=lambda: self.seen.append(board.text()))
        self.service = PasteService(
            board, self.focus, self.keys, mode=lambda: self.mode, restore_delay_ms=lambda: 40
        )


@pytest.fixture
def board(qapp):
    clip = QtGui.QGuiApplication.clipboard()
    clip.setText("agent's own text")
    yield clip
    clip.clear()


@pytest.fixture
def rig(board):
    return Rig(board)


def finish(qtbot, rig: Rig) -> None:
    qtbot.waitUntil(lambda: not rig.service.busy(), timeout=3000)


def held_for_three_polls(qtbot, rig: Rig) -> None:
    """Wait until a held paste has had three chances to go out (or went out: a bug).

    Counting polls instead of sleeping keeps this meaningful on a slow machine,
    where a fixed wait may end before the service even looked once.
    """
    start = rig.focus.asked
    qtbot.waitUntil(lambda: rig.keys.pastes > 0 or rig.focus.asked >= start + 3, timeout=5000)


def test_pastes_phrase_into_remembered_window_and_restores(qtbot, rig):
    rig.service.remember_target()
    rig.focus.active = 555  # the popup took focus
    with qtbot.waitSignal(rig.service.delivered, timeout=2000) as blocker:
        rig.service.deliver("p1", "亲，您好")
    assert blocker.args == ["p1"]
    assert rig.seen == ["亲，您好"]
    assert rig.focus.activated == [CHAT]
    finish(qtbot, rig)
    assert rig.board.text() == "agent's own text"


def test_image_on_clipboard_survives(qtbot, rig):
    image = QtGui.QImage(5, 5, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtGui.QColor("green"))
    data = QtCore.QMimeData()
    data.setImageData(image)
    rig.board.setMimeData(data)
    rig.service.remember_target()
    rig.service.deliver("p1", "hello")
    finish(qtbot, rig)
    assert rig.seen == ["hello"]
    assert rig.board.image().convertToFormat(QtGui.QImage.Format.Format_ARGB32) == image


def test_back_to_back_requests_paste_in_order_then_restore_original(qtbot, rig):
    rig.service.remember_target()
    delivered: list[str] = []
    rig.service.delivered.connect(delivered.append)
    rig.service.deliver("a", "first")
    rig.service.deliver("b", "second")
    finish(qtbot, rig)
    assert rig.seen == ["first", "second"]
    assert delivered == ["a", "b"]
    assert rig.board.text() == "agent's own text"


def test_request_during_restore_delay_keeps_original_snapshot(qtbot, rig):
    rig.service.remember_target()
    with qtbot.waitSignal(rig.service.delivered):
        rig.service.deliver("a", "first")
    assert rig.service.busy()  # still holding the phrase for the target to read
    rig.service.deliver("b", "second")
    finish(qtbot, rig)
    assert rig.seen == ["first", "second"]
    assert rig.board.text() == "agent's own text"


def test_copy_mode_leaves_text_and_sends_nothing(qtbot, rig):
    rig.mode = "copy"
    rig.service.remember_target()
    with qtbot.waitSignals([rig.service.copied, rig.service.delivered], timeout=2000):
        rig.service.deliver("p1", "copied text")
    finish(qtbot, rig)
    assert rig.keys.pastes == 0
    assert rig.focus.activated == []
    assert rig.board.text() == "copied text"


def test_vanished_window_fails_without_keystroke(qtbot, rig):
    rig.service.remember_target()
    rig.focus.gone.add(CHAT)
    with qtbot.waitSignal(rig.service.failed, timeout=2000) as blocker:
        rig.service.deliver("p1", "phrase")
    assert blocker.args == [TARGET_GONE]
    finish(qtbot, rig)
    assert rig.keys.pastes == 0
    assert rig.board.text() == "phrase"


def test_no_remembered_window_fails_without_keystroke(qtbot, rig):
    rig.focus.active = None
    rig.service.remember_target()
    assert rig.service.target() is None
    with qtbot.waitSignal(rig.service.failed, timeout=2000) as blocker:
        rig.service.deliver("p1", "phrase")
    assert blocker.args == [NO_TARGET]
    assert rig.keys.pastes == 0
    assert rig.board.text() == "phrase"


def test_multiline_text_arrives_intact(qtbot, rig):
    text = "亲，您好：\n1. 七天无理由\n2. 运费险\n\n祝您购物愉快"
    rig.service.remember_target()
    rig.service.deliver("p1", text)
    finish(qtbot, rig)
    assert rig.seen == [text]


def test_keystroke_error_leaves_phrase_on_clipboard(qtbot, rig):
    def broken() -> None:
        raise OSError("XTest gone")

    rig.keys.on_paste = broken
    rig.service.remember_target()
    with qtbot.waitSignal(rig.service.failed, timeout=2000):
        rig.service.deliver("p1", "phrase")
    finish(qtbot, rig)
    assert rig.board.text() == "phrase"


def test_agent_copying_meanwhile_is_not_overwritten(qtbot, rig):
    rig.service.remember_target()
    with qtbot.waitSignal(rig.service.delivered):
        rig.service.deliver("p1", "phrase")
    rig.board.setText("agent copied this just now")
    finish(qtbot, rig)
    assert rig.board.text() == "agent copied this just now"


def test_phrase_text_is_never_logged(qtbot, rig, caplog):
    caplog.set_level("DEBUG", logger="quickreply.paste")
    rig.service.remember_target()
    rig.service.deliver("p1", "买家 张三 13800000000")
    finish(qtbot, rig)
    assert "p1" in caplog.text
    assert "13800000000" not in caplog.text


def test_waits_for_held_keys_before_ctrl_v(qtbot, rig):
    rig.keys.held = True  # e.g. still holding Ctrl after a Ctrl+digit pick
    rig.service.remember_target()
    rig.service.deliver("p1", "phrase")
    qtbot.waitUntil(lambda: rig.keys.ready_checks >= 3, timeout=2000)
    assert rig.keys.pastes == 0
    rig.keys.held = False
    finish(qtbot, rig)
    assert rig.seen == ["phrase"]


def test_hotkey_during_pending_paste_holds_it_until_the_popup_chooses(qtbot, rig):
    rig.keys.held = True  # the hotkey chord is down, so the first Ctrl+V waits
    rig.service.remember_target()
    rig.service.deliver("a", "first")
    qtbot.waitUntil(lambda: rig.keys.ready_checks >= 1, timeout=2000)
    rig.service.remember_target()  # the hotkey fired: the popup is about to take the keyboard
    rig.keys.held = False
    held_for_three_polls(qtbot, rig)
    assert rig.keys.pastes == 0  # nothing typed into the popup
    rig.service.deliver("b", "second")  # the popup's choice
    finish(qtbot, rig)
    assert rig.seen == ["first", "second"]
    assert rig.focus.activated == [CHAT, CHAT, CHAT]
    assert rig.board.text() == "agent's own text"


def test_dismissed_popup_releases_held_pastes(qtbot, rig):
    rig.keys.held = True
    rig.service.remember_target()
    rig.service.deliver("a", "first")
    qtbot.waitUntil(lambda: rig.keys.ready_checks >= 1, timeout=2000)
    rig.service.remember_target()
    rig.keys.held = False
    rig.focus.active = 555  # the popup has focus ...
    held_for_three_polls(qtbot, rig)
    assert rig.keys.pastes == 0
    rig.focus.active = CHAT  # ... and is dismissed: focus is back in the chat window
    finish(qtbot, rig)
    assert rig.seen == ["first"]
    assert rig.board.text() == "agent's own text"


def test_resume_releases_held_pastes(qtbot, rig):
    rig.service.remember_target()
    rig.service.deliver("a", "first")
    rig.service.remember_target()  # before the first step even ran
    held_for_three_polls(qtbot, rig)
    assert rig.keys.pastes == 0
    rig.service.resume()
    finish(qtbot, rig)
    assert rig.seen == ["first"]
