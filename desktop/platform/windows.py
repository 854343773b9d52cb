"""Windows services: the paste keystroke here, hotkey and focus in their own modules.

Importable on every OS: the DLLs are our private ``WinDLL`` objects from
``win32``, loaded on first use, so tests hand in fakes and the process-wide
``ctypes.windll`` is never touched.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable, Iterable
from typing import Any

from desktop.platform import win32
from desktop.platform.base import Platform
from desktop.platform.windows_focus import WindowsFocus
from desktop.platform.windows_hotkey import WindowsHotkey

log = logging.getLogger("quickreply.platform")

INPUT_KEYBOARD = 1
KEYEVENTF_EXTENDEDKEY = 0x0001
KEYEVENTF_KEYUP = 0x0002
MAPVK_VK_TO_VSC_EX = 4
VK_CONTROL, VK_V = 0x11, 0x56
VK_LCONTROL, VK_RCONTROL = 0xA2, 0xA3
# Modifiers a user may still hold from the hotkey: shift, alt (menu) and the Windows keys.
VK_OTHER_MODIFIERS = (0xA0, 0xA1, 0xA4, 0xA5, 0x5B, 0x5C)
EXTENDED = {VK_RCONTROL, 0xA5, 0x5B, 0x5C}
MOUSE_VKS = {0x01, 0x02, 0x04, 0x05, 0x06}
# The generic VK_SHIFT/CONTROL/MENU mirror their left/right twins; skip them and the mouse.
KEYBOARD_VKS = [vk for vk in range(0x08, 0xFF) if vk not in MOUSE_VKS | {0x10, 0x11, 0x12}]


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


def key_input(vk: int, up: bool, scan_code: int = 0) -> INPUT:
    """One key event; ``scan_code`` from ``MapVirtualKeyW(vk, MAPVK_VK_TO_VSC_EX)``,
    whose 0xE0 prefix marks an extended key.  Programs that read scan codes
    (some IMEs, games, remote desktops) see 0 as no key at all."""
    extended = vk in EXTENDED or (scan_code >> 8) in (0xE0, 0xE1)
    flags = (KEYEVENTF_KEYUP if up else 0) | (KEYEVENTF_EXTENDEDKEY if extended else 0)
    record = INPUT(type=INPUT_KEYBOARD)
    record.ki = KEYBDINPUT(wVk=vk, wScan=scan_code & 0xFF, dwFlags=flags)
    return record


def paste_inputs(
    held: Iterable[int], scan_code: Callable[[int], int] = lambda vk: 0
) -> list[INPUT]:
    """Ctrl+V, letting go of held modifiers first.  Ctrl goes down before Alt/Win
    come up, so their release isn't a lone tap (menu bar, Start menu, IME switch)."""
    held = list(held)
    steps = [(vk, True) for vk in held if vk in (VK_LCONTROL, VK_RCONTROL)]
    steps.append((VK_CONTROL, False))
    steps += [(vk, True) for vk in held if vk in VK_OTHER_MODIFIERS]
    steps += [(VK_V, False), (VK_V, True), (VK_CONTROL, True)]
    return [key_input(vk, up, scan_code(vk)) for vk, up in steps]


def held_modifiers(is_down: Callable[[int], bool]) -> list[int]:
    return [vk for vk in (VK_LCONTROL, VK_RCONTROL, *VK_OTHER_MODIFIERS) if is_down(vk)]


class WindowsKeystroke:
    def __init__(self, user32: Any = None) -> None:
        self._user32 = user32 if user32 is not None else win32.user32()

    def ready(self) -> bool:
        """No key is down, so the synthetic Ctrl+V doesn't mix with a chord being typed."""
        user32 = self._user32
        return not any(user32.GetAsyncKeyState(vk) & 0x8000 for vk in KEYBOARD_VKS)

    def paste(self) -> None:
        user32 = self._user32
        down = held_modifiers(lambda vk: bool(user32.GetAsyncKeyState(vk) & 0x8000))
        records = paste_inputs(down, lambda vk: int(user32.MapVirtualKeyW(vk, MAPVK_VK_TO_VSC_EX)))
        array = (INPUT * len(records))(*records)
        sent = user32.SendInput(len(records), array, ctypes.sizeof(INPUT))
        if sent != len(records):
            log.warning("SendInput sent %d of %d events", sent, len(records))


def create_platform() -> Platform:
    return Platform("windows", WindowsHotkey(), WindowsFocus(), WindowsKeystroke())
