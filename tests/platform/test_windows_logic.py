"""The pure parts of the Windows backend, checked without Win32."""

from __future__ import annotations

import ctypes

from desktop.platform import windows as win


def test_input_layout_matches_win64():
    if ctypes.sizeof(ctypes.c_void_p) == 8:
        assert ctypes.sizeof(win.INPUT) == 40
        assert win.INPUT.ki.offset == 8


def steps(records):
    return [(r.ki.wVk, bool(r.ki.dwFlags & win.KEYEVENTF_KEYUP)) for r in records]


def test_plain_ctrl_v():
    records = win.paste_inputs([])
    assert all(r.type == win.INPUT_KEYBOARD for r in records)
    assert steps(records) == [(0x11, False), (0x56, False), (0x56, True), (0x11, True)]


def test_held_hotkey_modifiers_are_released_behind_ctrl():
    # Ctrl+Alt+K still held: ctrl up, Ctrl down, then alt up (masked by Ctrl), then V.
    records = win.paste_inputs([win.VK_LCONTROL, 0xA4])
    assert steps(records) == [
        (win.VK_LCONTROL, True),
        (0x11, False),
        (0xA4, True),
        (0x56, False),
        (0x56, True),
        (0x11, True),
    ]


def test_right_side_keys_carry_the_extended_flag():
    (ctrl_up, *_rest) = win.paste_inputs([win.VK_RCONTROL])
    assert ctrl_up.ki.dwFlags == win.KEYEVENTF_KEYUP | win.KEYEVENTF_EXTENDEDKEY


def test_held_modifiers_asks_each_key():
    assert win.held_modifiers(lambda vk: vk in (0xA4, 0x5B)) == [0xA4, 0x5B]


def test_keystroke_ready_ignores_mouse_buttons():
    down = {0x01}  # the left mouse button, still held after clicking a phrase

    class User32:
        def GetAsyncKeyState(self, vk):
            return -0x8000 if vk in down else 0

    keys = win.WindowsKeystroke(User32())
    assert keys.ready()
    down.add(0xA2)
    assert not keys.ready()


# ----- issue 11, finding 10: scan codes, and no process-wide ctypes.windll -----------------
SCAN = {0x11: 0x1D, 0xA2: 0x1D, 0xA3: 0xE01D, 0xA4: 0x38, 0x56: 0x2F}  # MAPVK_VK_TO_VSC_EX


class KeysUser32:
    def __init__(self, down=()):
        self.down = set(down)
        self.sent: list = []

    def GetAsyncKeyState(self, vk):
        return -0x8000 if vk in self.down else 0

    def MapVirtualKeyW(self, vk, kind):
        assert kind == win.MAPVK_VK_TO_VSC_EX
        return SCAN.get(vk, 0)

    def SendInput(self, count, array, size):
        assert size == ctypes.sizeof(win.INPUT)
        self.sent = [(r.ki.wVk, r.ki.wScan, r.ki.dwFlags) for r in array]
        return count


def test_the_paste_keystroke_carries_real_scan_codes():
    user32 = KeysUser32(down={0xA3})  # right Ctrl still held from a Ctrl+digit pick
    win.WindowsKeystroke(user32).paste()
    up, ext = win.KEYEVENTF_KEYUP, win.KEYEVENTF_EXTENDEDKEY
    assert user32.sent == [
        (0xA3, 0x1D, up | ext),  # right Ctrl: scan 0x1D with the extended flag
        (0x11, 0x1D, 0),
        (0x56, 0x2F, 0),
        (0x56, 0x2F, up),
        (0x11, 0x1D, up),
    ]


def test_creating_the_platform_leaves_ctypes_windll_alone(monkeypatch, qapp):
    """Setting prototypes on ctypes.windll.user32 changed them for every library in the process."""
    from desktop.platform import win32

    touched: list[str] = []

    class Shared:
        def __getattr__(self, name):
            touched.append(name)
            return self

        def __setattr__(self, name, value):
            touched.append(name)

    monkeypatch.setattr(ctypes, "windll", Shared(), raising=False)
    loaded: list[str] = []

    def private(name):
        class Dll:
            def __getattr__(self, attr):
                return lambda *args: 0

        return lambda: loaded.append(name) or Dll()

    for name in ("user32", "kernel32", "advapi32"):
        monkeypatch.setattr(win32, name, private(name))
    platform = win.create_platform()
    platform.close()
    assert touched == []
    assert "user32" in loaded
