"""The pure parts of the Windows backend, checked without Win32."""

from __future__ import annotations

import ctypes
import types

import pytest

from desktop.platform import windows as win
from desktop.platform.base import HotkeyError


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("ctrl+alt+k", "ctrl+alt+k"), ("alt+ctrl+k", "ctrl+alt+k"), ("win+shift+pageup", "shift+windows+page up"),
     ("ctrl+pagedown", "ctrl+page down"), ("ctrl+backquote", "ctrl+`"), ("alt+space", "alt+space"),
     ("ctrl+shift+f12", "ctrl+shift+f12"), ("ctrl+enter", "ctrl+enter")],
)  # fmt: skip
def test_translate_spec(spec, expected):
    assert win.translate_spec(spec) == expected


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


class FakeKeyboard(types.ModuleType):
    def __init__(self) -> None:
        super().__init__("keyboard")
        self.hotkeys: dict[int, tuple[str, object]] = {}

    def add_hotkey(self, hotkey, callback):
        if "??" in hotkey:
            raise ValueError("unknown key")
        handle = len(self.hotkeys) + 1
        self.hotkeys[handle] = (hotkey, callback)
        return handle

    def remove_hotkey(self, handle):
        del self.hotkeys[handle]


def test_hotkey_uses_keyboard_and_emits(qtbot):
    keyboard = FakeKeyboard()
    hotkey = win.WindowsHotkey(keyboard)
    hotkey.register("ctrl+win+k")
    hotkey.register("ctrl+alt+k")  # replaces the first
    assert [h for h, _ in keyboard.hotkeys.values()] == ["ctrl+alt+k"]
    ((_, callback),) = keyboard.hotkeys.values()
    with qtbot.waitSignal(hotkey.activated, timeout=1000):
        callback()
    hotkey.close()
    assert keyboard.hotkeys == {}


def test_hotkey_error_becomes_hotkey_error():
    keyboard = FakeKeyboard()
    keyboard.add_hotkey = lambda hotkey, callback: (_ for _ in ()).throw(ValueError("bad"))
    with pytest.raises(HotkeyError, match="ctrl\\+alt\\+k"):
        win.WindowsHotkey(keyboard).register("ctrl+alt+k")


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
