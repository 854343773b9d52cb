"""Windows services: ``keyboard`` for the hotkey, user32 through ctypes for the rest.

Importable on every OS (``ctypes.windll`` is only touched inside calls) so the
pure parts -- spec translation and the ``SendInput`` records -- are tested on Linux.
"""

from __future__ import annotations

import ctypes
import importlib
import logging
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from desktop.core.base.messages import Message
from desktop.platform.base import HotkeyBackend, HotkeyError, Platform, WindowHandle, parse_spec

log = logging.getLogger("quickreply.platform")

KEY_NAMES = {"win": "windows", "pageup": "page up", "pagedown": "page down", "backquote": "`"}

INPUT_KEYBOARD = 1
KEYEVENTF_EXTENDEDKEY = 0x0001
KEYEVENTF_KEYUP = 0x0002
VK_CONTROL, VK_V = 0x11, 0x56
VK_LCONTROL, VK_RCONTROL = 0xA2, 0xA3
# Modifiers a user may still hold from the hotkey: shift, alt (menu) and the Windows keys.
VK_OTHER_MODIFIERS = (0xA0, 0xA1, 0xA4, 0xA5, 0x5B, 0x5C)
EXTENDED = {VK_RCONTROL, 0xA5, 0x5B, 0x5C}
MOUSE_VKS = {0x01, 0x02, 0x04, 0x05, 0x06}
# The generic VK_SHIFT/CONTROL/MENU mirror their left/right twins; skip them and the mouse.
KEYBOARD_VKS = [vk for vk in range(0x08, 0xFF) if vk not in MOUSE_VKS | {0x10, 0x11, 0x12}]


def translate_spec(spec: str) -> str:
    """``ctrl+win+pageup`` -> ``ctrl+windows+page up``, the names ``keyboard`` knows."""
    mods, key = parse_spec(spec)
    order = [m for m in ("ctrl", "alt", "shift", "win") if m in mods]
    return "+".join(KEY_NAMES.get(part, part) for part in [*order, key])


# Fixed-width fields so the layout matches Win64's INPUT (40 bytes) on any OS.
class KEYBDINPUT(ctypes.Structure):
    _fields_ = [
        ("wVk", ctypes.c_uint16),
        ("wScan", ctypes.c_uint16),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ctypes.c_size_t),
    ]


class MOUSEINPUT(ctypes.Structure):
    _fields_ = [
        ("dx", ctypes.c_int32),
        ("dy", ctypes.c_int32),
        ("mouseData", ctypes.c_uint32),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ctypes.c_size_t),
    ]


class _INPUTUNION(ctypes.Union):
    _fields_ = [("ki", KEYBDINPUT), ("mi", MOUSEINPUT)]


class INPUT(ctypes.Structure):
    _anonymous_ = ("u",)
    _fields_ = [("type", ctypes.c_uint32), ("u", _INPUTUNION)]


def key_input(vk: int, up: bool) -> INPUT:
    flags = (KEYEVENTF_KEYUP if up else 0) | (KEYEVENTF_EXTENDEDKEY if vk in EXTENDED else 0)
    record = INPUT(type=INPUT_KEYBOARD)
    record.ki = KEYBDINPUT(wVk=vk, dwFlags=flags)
    return record


def paste_inputs(held: Iterable[int]) -> list[INPUT]:
    """Ctrl+V, letting go of held modifiers first.  Ctrl goes down before Alt/Win
    come up, so their release isn't a lone tap (menu bar, Start menu, IME switch)."""
    held = list(held)
    steps = [(vk, True) for vk in held if vk in (VK_LCONTROL, VK_RCONTROL)]
    steps.append((VK_CONTROL, False))
    steps += [(vk, True) for vk in held if vk in VK_OTHER_MODIFIERS]
    steps += [(VK_V, False), (VK_V, True), (VK_CONTROL, True)]
    return [key_input(vk, up) for vk, up in steps]


def held_modifiers(is_down: Callable[[int], bool]) -> list[int]:
    return [vk for vk in (VK_LCONTROL, VK_RCONTROL, *VK_OTHER_MODIFIERS) if is_down(vk)]


def _user32() -> Any:
    return ctypes.windll.user32  # type: ignore[attr-defined]


class WindowsHotkey(HotkeyBackend):
    """``keyboard`` calls back on its hook thread; the callback only emits the signal."""

    name = "windows"

    def __init__(self, keyboard: ModuleType | None = None) -> None:
        super().__init__()
        # Imported late: ``keyboard`` is a Windows-only dependency.
        self._keyboard: Any = (
            keyboard if keyboard is not None else importlib.import_module("keyboard")
        )
        self._handle: Any = None

    def register(self, spec: str) -> None:
        hotkey = translate_spec(spec)
        try:
            handle = self._keyboard.add_hotkey(hotkey, self.activated.emit)
        except (ValueError, OSError) as exc:
            raise HotkeyError(
                Message(
                    "快捷键 {spec} 无法注册（{error}），请在 设置 里换一个",
                    spec=spec,
                    error=str(exc),
                )
            ) from exc
        self.unregister()
        self._handle = handle

    def unregister(self) -> None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            try:
                self._keyboard.remove_hotkey(handle)
            except (KeyError, ValueError):
                log.debug("hotkey already removed")


class WindowsFocus:
    def active_window(self) -> WindowHandle | None:
        return _user32().GetForegroundWindow() or None  # c_void_p: None when nothing has focus

    def activate(self, window: WindowHandle) -> bool:
        """SetForegroundWindow is only honoured for the input owner's thread, so
        attach to the current foreground thread for the duration of the call."""
        user32, kernel32 = _user32(), ctypes.windll.kernel32  # type: ignore[attr-defined]
        if not user32.IsWindow(window):
            return False
        if user32.IsIconic(window):
            user32.ShowWindow(window, 9)  # SW_RESTORE
        mine = kernel32.GetCurrentThreadId()
        theirs = user32.GetWindowThreadProcessId(user32.GetForegroundWindow(), None)
        attached = bool(theirs and theirs != mine and user32.AttachThreadInput(mine, theirs, True))
        try:
            user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
            user32.BringWindowToTop(window)
            user32.SetForegroundWindow(window)
        finally:
            if attached:
                user32.AttachThreadInput(mine, theirs, False)
        return bool(user32.GetForegroundWindow() == window)


class WindowsKeystroke:
    def ready(self) -> bool:
        """No key is down, so the synthetic Ctrl+V doesn't mix with a chord being typed."""
        user32 = _user32()
        return not any(user32.GetAsyncKeyState(vk) & 0x8000 for vk in KEYBOARD_VKS)

    def paste(self) -> None:
        user32 = _user32()
        down = held_modifiers(lambda vk: bool(user32.GetAsyncKeyState(vk) & 0x8000))
        records = paste_inputs(down)
        array = (INPUT * len(records))(*records)
        sent = user32.SendInput(len(records), array, ctypes.sizeof(INPUT))
        if sent != len(records):
            log.warning("SendInput sent %d of %d events", sent, len(records))


def _declare(user32: Any) -> None:
    """64-bit handles get truncated unless the prototypes say so."""
    hwnd = ctypes.c_void_p
    user32.GetForegroundWindow.restype = hwnd
    for name in ("IsWindow", "IsIconic", "SetForegroundWindow", "BringWindowToTop"):
        getattr(user32, name).argtypes = [hwnd]
    user32.ShowWindow.argtypes = [hwnd, ctypes.c_int]
    user32.GetWindowThreadProcessId.argtypes = [hwnd, ctypes.c_void_p]
    user32.GetWindowThreadProcessId.restype = ctypes.c_uint32
    user32.SendInput.argtypes = [ctypes.c_uint, ctypes.c_void_p, ctypes.c_int]
    user32.GetAsyncKeyState.restype = ctypes.c_short


def create_platform() -> Platform:
    _declare(_user32())
    return Platform("windows", WindowsHotkey(), WindowsFocus(), WindowsKeystroke())
