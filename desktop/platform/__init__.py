"""Picks the OS services at start-up.

``create_platform`` never raises: a desktop without a usable backend (Wayland,
a missing X server, a DLL that won't load) still gets a working app, with the
hotkey reported as unavailable and ``Platform.problem`` saying why.
"""

from __future__ import annotations

import logging
import os
import sys

from desktop.core.base.messages import Message, message_of
from desktop.platform.base import (
    HotkeyBackend,
    HotkeyError,
    Platform,
    WindowHandle,
)

log = logging.getLogger("quickreply.platform")

KINDS = ("windows", "x11", "fake", "none")

__all__ = ["KINDS", "HotkeyBackend", "HotkeyError", "Platform", "create_platform", "null_platform"]


class NullHotkey(HotkeyBackend):
    """Refuses every hotkey with a message the settings page can show as is."""

    def __init__(self, reason: str | None = None) -> None:
        super().__init__()
        self.reason = reason

    def register(self, spec: str) -> None:
        if self.reason:
            raise HotkeyError(
                Message(
                    "当前桌面环境不支持全局快捷键（{reason}），请从托盘图标打开话术面板",
                    reason=self.reason,
                )
            )
        raise HotkeyError(Message("当前桌面环境不支持全局快捷键，请从托盘图标打开话术面板"))


class NullFocus:
    def active_window(self) -> WindowHandle | None:
        return None

    def activate(self, window: WindowHandle) -> bool:
        return False


class NullKeystroke:
    def paste(self) -> None:
        pass


def null_platform(problem: str | None = None) -> Platform:
    """The do-nothing twin: the app runs, pasting falls back to copying."""
    return Platform("none", NullHotkey(problem), NullFocus(), NullKeystroke(), problem)


def _default_kind() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return "x11"
    return "none"


def _build(kind: str) -> Platform:
    if kind == "fake":
        from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke

        return Platform("fake", FakeHotkey(), FakeFocus(), FakeKeystroke())
    if kind == "x11":
        if not os.environ.get("DISPLAY"):
            if os.environ.get("WAYLAND_DISPLAY"):
                return null_platform(Message("没有找到 X11 显示 (Wayland 会话)，DISPLAY 未设置"))
            return null_platform(Message("没有找到 X11 显示，DISPLAY 未设置"))
        from desktop.platform import x11

        return x11.create_platform()
    if kind == "windows":
        from desktop.platform import windows

        return windows.create_platform()
    if kind == "none":
        return null_platform()
    return null_platform(Message("未知的平台类型 {kind}", kind=repr(kind)))


def create_platform(kind: str | None = None) -> Platform:
    """The services for ``kind`` (else ``$QUICKREPLY_PLATFORM``, else this OS)."""
    chosen = (kind or os.environ.get("QUICKREPLY_PLATFORM") or _default_kind()).strip().lower()
    try:
        platform = _build(chosen)
    except Exception as exc:  # a broken backend must never stop the app
        log.warning("platform %s unavailable: %s", chosen, exc, exc_info=True)
        return null_platform(
            Message("{backend} 后端无法启动：{error}", backend=chosen, error=message_of(exc))
        )
    if platform.problem:
        log.warning("platform %s: %s", platform.name, platform.problem)
    return platform
