"""Starting the desktop app from the command line, or explaining why it can't start."""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("quickreply.app")


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


def launch(db: Path | None = None, *, smoke_test: bool = False, request: str | None = None) -> int:
    problem = display_problem()
    if problem:
        tell(f"{problem}\n可以使用命令行：quickreply search 发货、quickreply --help")
        return 1
    try:
        from desktop.app import run
    except ImportError as exc:  # the desktop layer is missing or Qt can't load
        tell(f"桌面程序无法启动：{exc}\n可以使用命令行：quickreply --help")
        return 1
    try:
        return run(db, smoke_test=smoke_test, request=request)
    except Exception as exc:  # start-up failed before the crash dialog could exist
        log.critical("start-up failed", exc_info=True)
        from desktop.logs import log_file

        tell(
            f"快回启动失败（{type(exc).__name__}）。日志：{log_file()}；可运行 quickreply doctor 检查"
        )
        return 1
