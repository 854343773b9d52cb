"""Starting the desktop app from the command line, or explaining why it can't start."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def display_problem() -> str | None:
    """Why no window can be shown here, or None when a display is available."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        if os.environ.get("QT_QPA_PLATFORM", "") not in ("", "xcb", "wayland"):
            return None
        return "没有检测到图形界面（DISPLAY 未设置），无法启动桌面程序。"
    return None


def launch(db: Path | None = None) -> int:
    problem = display_problem()
    if problem:
        print(f"{problem}\n可以使用命令行：quickreply search 发货、quickreply --help", file=sys.stderr)
        return 1
    try:
        from desktop.app import run
    except ImportError as exc:  # the desktop layer is missing or Qt can't load
        print(f"桌面程序无法启动：{exc}\n可以使用命令行：quickreply --help", file=sys.stderr)
        return 1
    return run(db)
