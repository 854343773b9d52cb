"""The test's eyes inside Wine: a Windows Python process that answers questions about
the Win32 desktop (windows, the foreground window, Notepad's text, the clipboard).

Runs under the lane's Windows Python, started once per test by ``conftest.WinEyes``.
One JSON request per line on stdin, one JSON answer per line on stdout.  It only
looks and sets the clipboard; keys and clicks come from xdotool, as from a person.
Standard library only (ctypes): nothing of QuickReply is imported here.
"""

import ctypes
import json
import queue
import sys
import threading
import time
import zlib
from ctypes import wintypes

user32 = ctypes.WinDLL("user32", use_last_error=True)
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

HWND = wintypes.HWND
user32.GetForegroundWindow.restype = HWND
user32.FindWindowExW.restype = HWND
user32.FindWindowExW.argtypes = [HWND, HWND, wintypes.LPCWSTR, wintypes.LPCWSTR]
user32.GetWindowTextW.argtypes = [HWND, wintypes.LPWSTR, ctypes.c_int]
user32.GetClassNameW.argtypes = [HWND, wintypes.LPWSTR, ctypes.c_int]
user32.IsWindowVisible.argtypes = [HWND]
user32.GetWindowThreadProcessId.argtypes = [HWND, ctypes.POINTER(wintypes.DWORD)]
user32.GetWindowRect.argtypes = [HWND, ctypes.POINTER(wintypes.RECT)]
user32.SendMessageTimeoutW.argtypes = [
    HWND,
    wintypes.UINT,
    wintypes.WPARAM,
    wintypes.LPARAM,
    wintypes.UINT,
    wintypes.UINT,
    ctypes.POINTER(ctypes.c_size_t),
]
user32.SendMessageTimeoutW.restype = wintypes.LPARAM
user32.GetClipboardData.restype = wintypes.HANDLE
user32.SetClipboardData.argtypes = [wintypes.UINT, wintypes.HANDLE]
user32.SetClipboardData.restype = wintypes.HANDLE
user32.OpenClipboard.argtypes = [HWND]
user32.RegisterHotKey.argtypes = [HWND, ctypes.c_int, wintypes.UINT, wintypes.UINT]
user32.CreateWindowExW.restype = HWND
user32.CreateWindowExW.argtypes = [
    wintypes.DWORD,
    wintypes.LPCWSTR,
    wintypes.LPCWSTR,
    wintypes.DWORD,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    HWND,
    wintypes.HMENU,
    wintypes.HINSTANCE,
    wintypes.LPVOID,
]
kernel32.GlobalAlloc.restype = wintypes.HGLOBAL
kernel32.GlobalAlloc.argtypes = [wintypes.UINT, ctypes.c_size_t]
kernel32.GlobalLock.restype = wintypes.LPVOID
kernel32.GlobalLock.argtypes = [wintypes.HGLOBAL]
kernel32.GlobalUnlock.argtypes = [wintypes.HGLOBAL]
user32.PeekMessageW.argtypes = [
    ctypes.POINTER(wintypes.MSG),
    HWND,
    wintypes.UINT,
    wintypes.UINT,
    wintypes.UINT,
]
user32.TranslateMessage.argtypes = [ctypes.POINTER(wintypes.MSG)]
user32.DispatchMessageW.argtypes = [ctypes.POINTER(wintypes.MSG)]

CF_UNICODETEXT = 13
WM_GETTEXT, WM_GETTEXTLENGTH = 0x000D, 0x000E
SMTO_ABORTIFHUNG = 0x0002
GMEM_MOVEABLE = 0x0002
WS_OVERLAPPED = 0
PM_REMOVE = 0x0001

# A clipboard owner needs a window of its own: under Wine OpenClipboard(NULL) does not
# keep other processes out, so the blocker below opens it with this (hidden) window.
_own_window = user32.CreateWindowExW(
    0, "STATIC", "qr-winhelper", WS_OVERLAPPED, 0, 0, 0, 0, None, None, None, None
)


def title(hwnd) -> str:
    buffer = ctypes.create_unicode_buffer(512)
    user32.GetWindowTextW(hwnd, buffer, 512)
    return buffer.value


def class_name(hwnd) -> str:
    buffer = ctypes.create_unicode_buffer(256)
    user32.GetClassNameW(hwnd, buffer, 256)
    return buffer.value


def describe(hwnd) -> dict | None:
    if not hwnd:
        return None
    pid = wintypes.DWORD()
    user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
    rect = wintypes.RECT()
    user32.GetWindowRect(hwnd, ctypes.byref(rect))
    return {
        "hwnd": int(hwnd),
        "title": title(hwnd),
        "class": class_name(hwnd),
        "pid": pid.value,
        "visible": bool(user32.IsWindowVisible(hwnd)),
        "rect": [rect.left, rect.top, rect.right, rect.bottom],
    }


def windows() -> list[dict]:
    found = []
    proc = ctypes.WINFUNCTYPE(wintypes.BOOL, HWND, wintypes.LPARAM)(
        lambda hwnd, _: found.append(describe(hwnd)) or True
    )
    user32.EnumWindows(proc, 0)
    return [w for w in found if w and w["visible"]]


def edit_text(hwnd: int) -> str | None:
    """The text of the window's Edit control (Notepad's page), read by message."""
    edit = user32.FindWindowExW(hwnd, None, "Edit", None)
    if not edit:
        return None
    length = ctypes.c_size_t()
    if not user32.SendMessageTimeoutW(
        edit, WM_GETTEXTLENGTH, 0, 0, SMTO_ABORTIFHUNG, 2000, ctypes.byref(length)
    ):
        return None
    buffer = ctypes.create_unicode_buffer(length.value + 1)
    copied = ctypes.c_size_t()
    addr = ctypes.cast(buffer, ctypes.c_void_p).value
    if not user32.SendMessageTimeoutW(
        edit, WM_GETTEXT, length.value + 1, addr, SMTO_ABORTIFHUNG, 2000, ctypes.byref(copied)
    ):
        return None
    return buffer.value


def open_clipboard(tries: int = 50) -> bool:
    for _ in range(tries):
        if user32.OpenClipboard(_own_window):
            return True
        time.sleep(0.05)
    return False


def get_clipboard() -> str | None:
    if not open_clipboard():
        raise RuntimeError("the clipboard stayed busy")
    try:
        handle = user32.GetClipboardData(CF_UNICODETEXT)
        if not handle:
            return None
        pointer = kernel32.GlobalLock(handle)
        try:
            return ctypes.wstring_at(pointer)
        finally:
            kernel32.GlobalUnlock(handle)
    finally:
        user32.CloseClipboard()


def set_clipboard(text: str) -> None:
    data = ctypes.create_unicode_buffer(text)
    size = ctypes.sizeof(data)
    handle = kernel32.GlobalAlloc(GMEM_MOVEABLE, size)
    ctypes.memmove(kernel32.GlobalLock(handle), data, size)
    kernel32.GlobalUnlock(handle)
    if not open_clipboard():
        raise RuntimeError("the clipboard stayed busy")
    try:
        user32.EmptyClipboard()
        if not user32.SetClipboardData(CF_UNICODETEXT, handle):
            raise RuntimeError(f"SetClipboardData failed ({ctypes.get_last_error()})")
    finally:
        user32.CloseClipboard()


CF_DIB = 8
user32.IsClipboardFormatAvailable.argtypes = [wintypes.UINT]
user32.EnumClipboardFormats.argtypes = [wintypes.UINT]
user32.EnumClipboardFormats.restype = wintypes.UINT
user32.GetClipboardFormatNameW.argtypes = [wintypes.UINT, wintypes.LPWSTR, ctypes.c_int]
kernel32.GlobalSize.restype = ctypes.c_size_t
kernel32.GlobalSize.argtypes = [wintypes.HGLOBAL]


def _pixel(x: int, y: int) -> tuple[int, int, int]:
    """The test image's colour at (x, y), as blue, green, red."""
    return (x * 7) % 256, y % 256, (x + y) % 256


user32.RegisterClipboardFormatW.argtypes = [wintypes.LPCWSTR]
user32.RegisterClipboardFormatW.restype = wintypes.UINT


def _png(width: int, height: int) -> bytes:
    """The test image as a PNG (RGB, no filter), standard library only."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
        )

    rows = bytearray()
    blue = bytes(_pixel(x, 0)[0] for x in range(width))
    for y in range(height):
        line = bytearray(width * 3)
        line[0::3] = bytes((x + y) % 256 for x in range(width))  # red
        line[1::3] = bytes([y % 256]) * width
        line[2::3] = blue
        rows += b"\0" + line
    head = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 1))
        + chunk(b"IEND", b"")
    )


def _global(data: bytes):
    handle = kernel32.GlobalAlloc(GMEM_MOVEABLE, len(data))
    ctypes.memmove(kernel32.GlobalLock(handle), data, len(data))
    kernel32.GlobalUnlock(handle)
    return handle


def set_clipboard_image(width: int, height: int, bits: int = 32, png: bool = True) -> None:
    """A screenshot-sized bitmap as CF_DIB (24 or 32 bits, bottom-up) and, as screenshot
    tools and browsers also offer it, as "PNG"; owned by this helper."""
    header = (
        (40).to_bytes(4, "little")
        + width.to_bytes(4, "little")
        + height.to_bytes(4, "little")
        + (1).to_bytes(2, "little")  # planes
        + bits.to_bytes(2, "little")  # the rest (BI_RGB, sizes, palette) is 0
        + bytes(24)
    )
    step = bits // 8
    stride = ((width * bits + 31) // 32) * 4
    blue = bytes(_pixel(x, 0)[0] for x in range(width))
    data = bytearray(40 + stride * height)
    data[:40] = header
    for row in range(height):
        y = height - 1 - row  # bottom-up
        line = bytearray(stride)
        line[0 : width * step : step] = blue
        line[1 : width * step : step] = bytes([y % 256]) * width
        line[2 : width * step : step] = bytes((x + y) % 256 for x in range(width))
        start = 40 + row * stride
        data[start : start + stride] = line
    handle = _global(bytes(data))
    png_handle = _global(_png(width, height)) if png else None
    if not open_clipboard():
        raise RuntimeError("the clipboard stayed busy")
    try:
        user32.EmptyClipboard()
        if not user32.SetClipboardData(CF_DIB, handle):
            raise RuntimeError(f"SetClipboardData(CF_DIB) failed ({ctypes.get_last_error()})")
        if png_handle and not user32.SetClipboardData(
            user32.RegisterClipboardFormatW("PNG"), png_handle
        ):
            raise RuntimeError(f"SetClipboardData(PNG) failed ({ctypes.get_last_error()})")
    finally:
        user32.CloseClipboard()


def clipboard_image() -> dict | None:
    """The CF_DIB on the clipboard (Windows converts from CF_DIBV5/CF_BITMAP if need
    be): its size and whether sampled pixels match the test image."""
    if not open_clipboard():
        raise RuntimeError("the clipboard stayed busy")
    try:
        if not user32.IsClipboardFormatAvailable(CF_DIB):
            return None
        handle = user32.GetClipboardData(CF_DIB)
        if not handle:
            return None
        size = kernel32.GlobalSize(handle)
        pointer = kernel32.GlobalLock(handle)
        try:
            head = ctypes.string_at(pointer, 40)
            header_size = int.from_bytes(head[0:4], "little")
            width = int.from_bytes(head[4:8], "little", signed=True)
            height = int.from_bytes(head[8:12], "little", signed=True)
            bits = int.from_bytes(head[14:16], "little")
            compression = int.from_bytes(head[16:20], "little")
            offset = header_size + (12 if compression == 3 and header_size == 40 else 0)
            stride = ((width * bits + 31) // 32) * 4
            matches = bits in (24, 32) and compression in (0, 3)
            if matches:
                for x, y in ((0, 0), (10, 20), (width // 2, height // 3), (width - 1, height - 1)):
                    row = height - 1 - y if height > 0 else y
                    at = offset + row * stride + x * (bits // 8)
                    if at + 3 > size:
                        matches = False
                        break
                    got = tuple(ctypes.string_at(pointer + at, 3))
                    if got != _pixel(x, y):
                        matches = False
                        break
        finally:
            kernel32.GlobalUnlock(handle)
        return {"width": width, "height": abs(height), "bits": bits, "same_pixels": matches}
    finally:
        user32.CloseClipboard()


def clipboard_formats() -> list[str]:
    """The formats on the clipboard, by name (numbers for the standard ones)."""
    if not open_clipboard():
        raise RuntimeError("the clipboard stayed busy")
    try:
        names, fmt = [], 0
        while fmt := user32.EnumClipboardFormats(fmt):
            buffer = ctypes.create_unicode_buffer(128)
            got = user32.GetClipboardFormatNameW(fmt, buffer, 128)
            names.append(buffer.value if got else str(fmt))
        return names
    finally:
        user32.CloseClipboard()


def answer(request: dict):
    what = request["do"]
    if what == "windows":
        return windows()
    if what == "foreground":
        return describe(user32.GetForegroundWindow())
    if what == "edit_text":
        return edit_text(request["hwnd"])
    if what == "get_clipboard":
        return get_clipboard()
    if what == "set_clipboard":
        set_clipboard(request["text"])
        return True
    if what == "set_clipboard_image":
        set_clipboard_image(
            request["width"], request["height"], request.get("bits", 32), request.get("png", True)
        )
        return True
    if what == "clipboard_image":
        return clipboard_image()
    if what == "clipboard_formats":
        return clipboard_formats()
    if what == "hold_hotkey":
        # Another program owning the chord, as a screenshot or chat tool might.
        if not user32.RegisterHotKey(_own_window, 1, request["modifiers"], request["vk"]):
            raise RuntimeError(f"RegisterHotKey failed ({ctypes.get_last_error()})")
        return True
    if what == "ping":
        return "pong"
    raise ValueError(f"unknown request {what!r}")


def pump() -> None:
    """Answer this thread's window messages.  The helper owns the clipboard after
    ``set_clipboard``, like the agent's chat program would: a real owner answers its
    messages, and one that does not is rightly taken by QuickReply for hung (then it
    neither reads nor restores that clipboard)."""
    msg = wintypes.MSG()
    while user32.PeekMessageW(ctypes.byref(msg), None, 0, 0, PM_REMOVE):
        user32.TranslateMessage(ctypes.byref(msg))
        user32.DispatchMessageW(ctypes.byref(msg))


def read_requests(into: queue.Queue) -> None:
    for line in sys.stdin.buffer:
        into.put(line)
    into.put(None)


def main() -> None:
    # stdin is read by a thread, so this one (which owns the window) keeps pumping.
    requests: queue.Queue = queue.Queue()
    threading.Thread(target=read_requests, args=(requests,), daemon=True).start()
    while True:
        pump()
        try:
            line = requests.get(timeout=0.02)
        except queue.Empty:
            continue
        if line is None:
            return
        try:
            reply = {"ok": answer(json.loads(line))}
        except (OSError, RuntimeError, ValueError, KeyError, TypeError) as exc:  # the test reads it
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(reply, ensure_ascii=True) + "\n")  # ASCII: any code page
        sys.stdout.flush()


if __name__ == "__main__":
    main()
