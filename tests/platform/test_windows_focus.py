"""Windows focus against a fake user32 (issue 11, findings 4 and 8)."""

from __future__ import annotations

import ctypes

import pytest

from desktop.platform import windows_focus as wf
from desktop.platform import windows_integrity as wi

CHAT, POPUP, STUCK = 0x1001, 0x2002, 0x3003
MEDIUM, HIGH, SYSTEM = 0x2000, 0x3000, 0x4000


class FakeUser32:
    """A desktop of windows, each on its own thread; calls are logged in order."""

    def __init__(self, foreground=CHAT, hung=()):
        self.foreground = foreground
        self.hung = set(hung)
        self.calls: list[tuple] = []

    def _log(self, *call):
        self.calls.append(call)

    def GetForegroundWindow(self):
        return self.foreground

    def IsWindow(self, w):
        return 1

    def IsIconic(self, w):
        return 0

    def IsHungAppWindow(self, w):
        self._log("IsHungAppWindow", w)
        return int(w in self.hung)

    def GetWindowThreadProcessId(self, w, pid):
        return {CHAT: 11, POPUP: 22, STUCK: 33}.get(w, 0)

    def AttachThreadInput(self, a, b, on):
        self._log("AttachThreadInput", a, b, bool(on))
        return 1

    def AllowSetForegroundWindow(self, who):
        return 1

    def BringWindowToTop(self, w):
        return 1

    def SetForegroundWindow(self, w):
        self._log("SetForegroundWindow", w)
        self.foreground = w
        return 1

    def ShowWindow(self, w, how):
        return 1


class FakeKernel32:
    def GetCurrentThreadId(self):
        return 99


def focus(user32, levels=None, ours=MEDIUM):
    levels = levels or {}
    return wf.WindowsFocus(user32, FakeKernel32(), integrity_of=levels.get, own_integrity=lambda: ours)


def test_a_window_above_our_integrity_level_is_an_obstacle():
    f = focus(FakeUser32(), {CHAT: HIGH, POPUP: MEDIUM, STUCK: SYSTEM})
    assert f.obstacle(CHAT) == "elevated"
    assert f.obstacle(STUCK) == "elevated"
    assert f.obstacle(POPUP) is None


def test_unknown_levels_do_not_block_the_paste():
    assert focus(FakeUser32(), {}).obstacle(CHAT) is None  # the process could not be opened
    assert focus(FakeUser32(), {CHAT: HIGH}, ours=None).obstacle(CHAT) is None
    assert focus(FakeUser32(), {CHAT: HIGH}, ours=HIGH).obstacle(CHAT) is None  # we run elevated too


def sid_label(rids: list[int]) -> ctypes.Array:
    """A TOKEN_MANDATORY_LABEL as GetTokenInformation fills it: the SID right after it."""
    buffer = (ctypes.c_char * 64)()
    sid_at = ctypes.addressof(buffer) + ctypes.sizeof(wi.SID_AND_ATTRIBUTES)
    label = wi.SID_AND_ATTRIBUTES.from_buffer(buffer)
    label.Sid, label.Attributes = sid_at, 0x20  # SE_GROUP_INTEGRITY
    sid = bytes([1, len(rids)]) + (16).to_bytes(6, "big")  # S-1-16-…: the mandatory label authority
    sid += b"".join(r.to_bytes(4, "little") for r in rids)
    ctypes.memmove(sid_at, sid, len(sid))
    return buffer


@pytest.mark.parametrize("rid", [0x1000, MEDIUM, 0x2100, HIGH, SYSTEM])
def test_the_integrity_rid_is_read_from_the_token_label(rid):
    assert wi.rid_of_label(sid_label([rid])) == rid


def test_activate_attaches_to_the_foreground_thread_and_detaches():
    user32 = FakeUser32(foreground=POPUP)
    assert focus(user32).activate(CHAT)
    attach = [c for c in user32.calls if c[0] == "AttachThreadInput"]
    assert attach == [("AttachThreadInput", 99, 22, True), ("AttachThreadInput", 99, 22, False)]


def test_a_hung_foreground_window_is_never_attached_to():
    """Issue 11, finding 8: AttachThreadInput to a thread that stopped answering can hang us."""
    user32 = FakeUser32(foreground=STUCK, hung={STUCK})
    assert focus(user32).activate(CHAT)  # the plain call still works with the hotkey's right
    assert not [c for c in user32.calls if c[0] == "AttachThreadInput"]
    assert ("SetForegroundWindow", CHAT) in user32.calls


def test_a_hung_target_is_an_obstacle():
    user32 = FakeUser32(hung={STUCK})
    f = focus(user32, {STUCK: MEDIUM})
    assert f.obstacle(STUCK) == "hung"
    assert f.obstacle(CHAT) is None


class ClipboardUser32(FakeUser32):
    def __init__(self, owner=0, open_by=0, hung=()):
        super().__init__(hung=hung)
        self.owner, self.open_by = owner, open_by

    def GetClipboardOwner(self):
        return self.owner

    def GetOpenClipboardWindow(self):
        return self.open_by


def test_the_clipboard_is_not_read_while_its_owner_hangs_or_someone_holds_it():
    """Issue 11, finding 6: a read renders on demand in the owner, with no timeout."""
    assert focus(ClipboardUser32(owner=STUCK, hung={STUCK})).clipboard_blocker() == "hung-owner"
    assert focus(ClipboardUser32(owner=CHAT, open_by=STUCK)).clipboard_blocker() == "held-open"
    assert focus(ClipboardUser32(owner=CHAT)).clipboard_blocker() is None
    assert focus(ClipboardUser32(owner=0)).clipboard_blocker() is None  # empty clipboard
