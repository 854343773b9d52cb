"""Private handles on the Win32 DLLs, with the prototypes the app relies on.

``ctypes.windll.user32`` is shared by the whole process: setting ``argtypes`` on
it changes every other library's calls too (and theirs change ours).  Each
DLL here is our own ``WinDLL`` object, loaded on first use, so this module
imports on any OS and tests hand the Windows modules fakes instead.
"""

from __future__ import annotations

import ctypes
import functools
from typing import Any

HWND = ctypes.c_void_p
HANDLE = ctypes.c_void_p
BOOL = ctypes.c_int
UINT = ctypes.c_uint
DWORD = ctypes.c_uint32


class POINT(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32)]


class MSG(ctypes.Structure):
    """Win32 ``MSG``, as Qt's native event filter hands it over."""

    _fields_ = [
        ("hwnd", HWND),
        ("message", UINT),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", DWORD),
        ("pt", POINT),
        ("lPrivate", DWORD),
    ]


def _prototype(dll: Any, name: str, restype: Any, *argtypes: Any) -> None:
    function = getattr(dll, name)
    function.restype = restype
    function.argtypes = list(argtypes)


@functools.cache
def user32() -> Any:
    dll = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
    _prototype(dll, "RegisterHotKey", BOOL, HWND, ctypes.c_int, UINT, UINT)
    _prototype(dll, "UnregisterHotKey", BOOL, HWND, ctypes.c_int)
    # 64-bit handles get truncated unless the prototypes say so.
    for name in ("GetForegroundWindow", "GetClipboardOwner", "GetOpenClipboardWindow"):
        _prototype(dll, name, HWND)
    for name in ("IsWindow", "IsIconic", "IsHungAppWindow", "SetForegroundWindow",
                 "BringWindowToTop"):  # fmt: skip
        _prototype(dll, name, BOOL, HWND)
    _prototype(dll, "ShowWindow", BOOL, HWND, ctypes.c_int)
    _prototype(dll, "GetWindowThreadProcessId", DWORD, HWND, ctypes.POINTER(DWORD))
    _prototype(dll, "AttachThreadInput", BOOL, DWORD, DWORD, BOOL)
    _prototype(dll, "AllowSetForegroundWindow", BOOL, DWORD)
    _prototype(dll, "SendInput", UINT, UINT, ctypes.c_void_p, ctypes.c_int)
    _prototype(dll, "GetAsyncKeyState", ctypes.c_short, ctypes.c_int)
    _prototype(dll, "MapVirtualKeyW", UINT, UINT, UINT)
    return dll


@functools.cache
def kernel32() -> Any:
    dll = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    _prototype(dll, "GetCurrentThreadId", DWORD)
    _prototype(dll, "GetCurrentProcess", HANDLE)
    _prototype(dll, "OpenProcess", HANDLE, DWORD, BOOL, DWORD)
    _prototype(dll, "CloseHandle", BOOL, HANDLE)
    return dll


@functools.cache
def advapi32() -> Any:
    dll = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]
    _prototype(dll, "OpenProcessToken", BOOL, HANDLE, DWORD, ctypes.POINTER(HANDLE))
    _prototype(
        dll, "GetTokenInformation", BOOL, HANDLE, ctypes.c_int, ctypes.c_void_p, DWORD,
        ctypes.POINTER(DWORD),
    )  # fmt: skip
    return dll


def last_error() -> int:
    """The error code the last call through these DLLs left (``use_last_error``)."""
    return int(ctypes.get_last_error())  # type: ignore[attr-defined]


def describe(code: int) -> str:
    """Windows' own words for an error code (in the system language), else the number."""
    format_error = getattr(ctypes, "FormatError", None)
    text = format_error(code).strip() if format_error is not None else ""
    return text or f"error {code}"
