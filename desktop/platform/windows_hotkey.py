"""The global hotkey on Windows: ``RegisterHotKey``, answered on the GUI thread.

Windows itself watches for the chord and posts ``WM_HOTKEY`` to a hidden
window of ours; Qt's event loop hands it to a native event filter.  Unlike a
low-level keyboard hook this puts nothing in the path of other programs' keys
(a busy GUI thread no longer holds back typing on the whole PC), it cannot lose
track of a key-up, a chord another program holds is refused at once
(``ERROR_HOTKEY_ALREADY_REGISTERED``) instead of silently shared, and the
chord is swallowed instead of also reaching Qianniu.  Receiving ``WM_HOTKEY``
also gives this process the right to bring its popup to the front.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from desktop.core.base.messages import Message
from desktop.platform import win32
from desktop.platform.base import HotkeyBackend, HotkeyError, parse_spec
from desktop.qt import QtCore, QtGui

log = logging.getLogger("quickreply.platform")

WM_HOTKEY = 0x0312
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
MODIFIER_FLAGS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "win": MOD_WIN}
NAMED_VKS = {
    "space": 0x20, "enter": 0x0D, "tab": 0x09, "insert": 0x2D, "home": 0x24, "end": 0x23,
    "pageup": 0x21, "pagedown": 0x22, "up": 0x26, "down": 0x28, "left": 0x25, "right": 0x27,
    "backquote": 0xC0,  # VK_OEM_3, the ` key on a US/Chinese layout
}  # fmt: skip
HOTKEY_IDS = (0x5101, 0x5102)  # two, so a new chord is taken before the old one is let go
# Thread messages (hwnd NULL) come as "windows_dispatcher_MSG", window messages as "generic".
EVENT_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


def hotkey_code(spec: str) -> tuple[int, int]:
    """``ctrl+alt+k`` -> (MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, 0x4B)."""
    mods, key = parse_spec(spec)
    flags = MOD_NOREPEAT  # holding the chord must not open the popup again and again
    for mod in mods:
        flags |= MODIFIER_FLAGS[mod]
    if key in NAMED_VKS:
        vk = NAMED_VKS[key]
    elif key.startswith("f") and key[1:].isdigit():
        vk = 0x6F + int(key[1:])  # VK_F1 = 0x70
    else:
        vk = ord(key.upper())  # letters and digits are their ASCII codes
    return flags, vk


class HotkeyFilter(QtCore.QAbstractNativeEventFilter):
    """Sees every Win32 message Qt's loop takes in; answers ``WM_HOTKEY`` for our ids."""

    def __init__(self, on_hotkey: Callable[[int], bool]) -> None:
        super().__init__()
        self._on_hotkey = on_hotkey

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        kind = bytes(event_type.data()) if hasattr(event_type, "data") else bytes(event_type)
        # PySide6 hands ``message`` over as a shiboken VoidPtr with buffer size 0: its
        # truth value is that size, always false, so only int() (the address) may be
        # tested.  ``and message`` here once made the filter ignore every WM_HOTKEY.
        address = int(message) if kind in EVENT_TYPES and message is not None else 0
        if address:
            msg = win32.MSG.from_address(address)
            if msg.message == WM_HOTKEY and self._on_hotkey(int(msg.wParam)):
                return True, 0  # ours: no one else needs to see it
        return False, 0


class WindowsHotkey(HotkeyBackend):
    """One global hotkey.  ``register`` must run on the GUI thread, which owns the grab."""

    name = "windows"

    def __init__(self, user32: Any = None, last_error: Callable[[], int] | None = None) -> None:
        super().__init__()
        self._user32 = user32 if user32 is not None else win32.user32()
        self._last_error = last_error or win32.last_error
        self._spec: str | None = None
        self._id: int | None = None
        self._filter = HotkeyFilter(self._on_hotkey)
        self._window: QtGui.QWindow | None = None
        self._hwnd: int | None = None
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._filter)
        if isinstance(app, QtGui.QGuiApplication):
            # A hidden window of our own receives WM_HOTKEY even while a menu or a
            # dialog runs its own message loop (those drop messages sent to no window).
            self._window = QtGui.QWindow()
            self._window.setTitle("QuickReply hotkey")
            self._hwnd = int(self._window.winId())

    @property
    def spec(self) -> str | None:
        return self._spec

    def register(self, spec: str) -> None:
        flags, vk = hotkey_code(spec)
        if spec == self._spec:
            return
        new_id = HOTKEY_IDS[1] if self._id == HOTKEY_IDS[0] else HOTKEY_IDS[0]
        if not self._user32.RegisterHotKey(self._hwnd, new_id, flags, vk):
            code = self._last_error()
            log.warning("RegisterHotKey(%s) failed with error %s", spec, code)
            if code == ERROR_HOTKEY_ALREADY_REGISTERED:
                raise HotkeyError(
                    Message("快捷键 {spec} 已被其他程序占用，请在 设置 里换一个", spec=spec)
                )
            raise HotkeyError(
                Message(
                    "快捷键 {spec} 无法注册（{error}），请在 设置 里换一个",
                    spec=spec,
                    error=win32.describe(code),
                )
            )
        self.unregister()
        self._id, self._spec = new_id, spec
        log.info("hotkey %s registered", spec)

    def unregister(self) -> None:
        if self._id is not None:
            hotkey_id, self._id, self._spec = self._id, None, None
            if not self._user32.UnregisterHotKey(self._hwnd, hotkey_id):
                log.debug("hotkey %s was not registered any more", hotkey_id)

    def close(self) -> None:
        self.unregister()
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self._filter)
        if self._window is not None:
            self._window.destroy()
            self._window = None

    def _on_hotkey(self, hotkey_id: int) -> bool:
        if self._id is None or hotkey_id != self._id:
            return False
        self.activated.emit()
        return True
