"""Integrity levels: can our keystrokes reach that window at all?

Windows drops ``SendInput`` into a window of a higher integrity level (an
elevated, "run as administrator" Qianniu) without a word: no error, nothing
typed.  Reading both levels from the process tokens lets the paste fall back
to copying and say why, instead of recording a phrase that never arrived.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Any

from desktop.platform import win32

log = logging.getLogger("quickreply.platform")

TOKEN_QUERY = 0x0008
TOKEN_INTEGRITY_LEVEL = 25  # TOKEN_INFORMATION_CLASS.TokenIntegrityLevel
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000  # allowed on elevated processes, too
MEDIUM_RID, HIGH_RID = 0x2000, 0x3000


class SID_AND_ATTRIBUTES(ctypes.Structure):
    _fields_ = [("Sid", ctypes.c_void_p), ("Attributes", ctypes.c_uint32)]


def rid_of_label(buffer: Any) -> int:
    """The integrity RID in a ``TOKEN_MANDATORY_LABEL``: the SID's last sub-authority.

    A SID is 1 byte revision, 1 byte sub-authority count, 6 bytes authority,
    then the sub-authorities as 32-bit values; read by hand so it needs no DLL.
    """
    label = SID_AND_ATTRIBUTES.from_buffer(buffer)
    count = ctypes.c_uint8.from_address(label.Sid + 1).value
    if count == 0:
        raise ValueError("integrity SID without sub-authorities")
    return ctypes.c_uint32.from_address(label.Sid + 8 + 4 * (count - 1)).value


def process_integrity(process: Any, advapi32: Any = None) -> int | None:
    """The integrity RID of an open process handle; None when it can't be read."""
    advapi32 = advapi32 or win32.advapi32()
    token = win32.HANDLE()
    if not advapi32.OpenProcessToken(process, TOKEN_QUERY, ctypes.byref(token)):
        return None
    try:
        needed = win32.DWORD()
        buffer = (ctypes.c_char * 64)()
        if not advapi32.GetTokenInformation(
            token, TOKEN_INTEGRITY_LEVEL, buffer, ctypes.sizeof(buffer), ctypes.byref(needed)
        ):
            return None
        return rid_of_label(buffer)
    finally:
        win32.kernel32().CloseHandle(token)


def window_integrity(window: int, user32: Any = None, kernel32: Any = None) -> int | None:
    """The integrity RID of the process that owns ``window``; None when unknown."""
    user32, kernel32 = user32 or win32.user32(), kernel32 or win32.kernel32()
    pid = win32.DWORD()
    user32.GetWindowThreadProcessId(window, ctypes.byref(pid))
    if not pid.value:
        return None
    process = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid.value)
    if not process:
        return None
    try:
        return process_integrity(process)
    finally:
        kernel32.CloseHandle(process)


def own_integrity() -> int | None:
    return process_integrity(win32.kernel32().GetCurrentProcess())
