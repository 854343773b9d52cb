"""Window focus on Windows: who has the foreground, giving it back, and what
stands in the way of a paste.

Windows only lets the process that received the last input bring a window to
the front; ``activate`` borrows the foreground thread's input state
(``AttachThreadInput``) for the moment of the switch.  ``obstacle`` names what
would make a Ctrl+V vanish silently, so the paste falls back to copying.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from desktop.platform import win32, windows_clipboard, windows_integrity
from desktop.platform.base import WindowHandle

log = logging.getLogger("quickreply.platform")

SW_RESTORE = 9
ASFW_ANY = 0xFFFFFFFF
ELEVATED = "elevated"
HUNG = "hung"


class WindowsFocus:
    def __init__(
        self,
        user32: Any = None,
        kernel32: Any = None,
        integrity_of: Callable[[WindowHandle], int | None] | None = None,
        own_integrity: Callable[[], int | None] | None = None,
    ) -> None:
        self._user32 = user32 if user32 is not None else win32.user32()
        self._kernel32 = kernel32 if kernel32 is not None else win32.kernel32()
        self._integrity_of = integrity_of or windows_integrity.window_integrity
        self._own_integrity = own_integrity or windows_integrity.own_integrity
        self._ours: int | None = None

    def active_window(self) -> WindowHandle | None:
        return self._user32.GetForegroundWindow() or None  # c_void_p: None when nothing has focus

    def obstacle(self, window: WindowHandle) -> str | None:
        """Why a Ctrl+V sent to ``window`` would be lost, or None: ``"hung"`` when it
        has stopped answering messages, ``"elevated"`` when it runs at a higher
        integrity level than we do (UIPI drops our input)."""
        if self._user32.IsHungAppWindow(window):
            log.info("window %s is not responding", window)
            return HUNG
        try:
            theirs = self._integrity_of(window)
            if self._ours is None:
                self._ours = self._own_integrity()
        except OSError:
            log.debug("integrity level of %s unknown", window, exc_info=True)
            return None
        if theirs is not None and self._ours is not None and theirs > self._ours:
            log.info(
                "window %s runs at integrity %#x, above ours (%#x)", window, theirs, self._ours
            )
            return ELEVATED
        return None

    def clipboard_blocker(self) -> str | None:
        """Why reading the clipboard now could wait on another program, or None."""
        return windows_clipboard.blocker(self._user32)

    def activate(self, window: WindowHandle) -> bool:
        """SetForegroundWindow is only honoured for the input owner's thread, so
        attach to the current foreground thread for the duration of the call."""
        user32 = self._user32
        if not user32.IsWindow(window):
            return False
        if user32.IsIconic(window):
            user32.ShowWindow(window, SW_RESTORE)
        mine = self._kernel32.GetCurrentThreadId()
        foreground = user32.GetForegroundWindow()
        theirs = user32.GetWindowThreadProcessId(foreground, None)
        # Attaching to a thread that no longer pumps messages can hang us with it:
        # then only try the plain call, which needs no answer from that thread.
        if theirs and theirs != mine and foreground and user32.IsHungAppWindow(foreground):
            log.info("foreground window %s is not responding; not attaching to it", foreground)
            theirs = 0
        attached = bool(theirs and theirs != mine and user32.AttachThreadInput(mine, theirs, True))
        try:
            user32.AllowSetForegroundWindow(ASFW_ANY)
            user32.BringWindowToTop(window)
            user32.SetForegroundWindow(window)
        finally:
            if attached:
                user32.AttachThreadInput(mine, theirs, False)
        return bool(user32.GetForegroundWindow() == window)

    def claim_foreground(self, window: WindowHandle) -> bool:
        """Our popup to the front.  Windows lets the process that got the last input
        (the WM_HOTKEY) do this; Qt's activateWindow() alone may only flash it."""
        return self.activate(window)
