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


def test_keystroke_ready_ignores_mouse_buttons(monkeypatch):
    down = {0x01}  # the left mouse button, still held after clicking a phrase

    class User32:
        def GetAsyncKeyState(self, vk):
            return -0x8000 if vk in down else 0

    monkeypatch.setattr(win, "_user32", User32)
    keys = win.WindowsKeystroke()
    assert keys.ready()
    down.add(0xA2)
    assert not keys.ready()
