"""Saying why the desktop app can't start, before and after Qt is up.

Qt-free and importing nothing of the app, so the launcher (which the command
line loads before Qt), the app and the doctor's display check can all use it.
"""

from __future__ import annotations

import ctypes
import os
import sys


def display_problem() -> str | None:
    """Why no window can be shown here, or None when a display is available."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        if os.environ.get("QT_QPA_PLATFORM", "") not in ("", "xcb", "wayland"):
            return None
        return "没有检测到图形界面（DISPLAY 未设置），无法启动桌面程序。"
    return None


def tell(text: str) -> None:
    """Say why the app can't start, where the user will see it.

    A windowed Windows program has no stderr (``sys.stderr`` is None), so
    there a message box is the only way not to die silently.
    """
    if sys.stderr is not None:
        print(text, file=sys.stderr)
    elif sys.platform == "win32":
        ctypes.windll.user32.MessageBoxW(None, text, "快回", 0x10)  # type: ignore[attr-defined]
