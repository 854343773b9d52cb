"""Small interfaces for the OS services the app needs.

One implementation per OS plus a fake; ``desktop.platform.create_platform``
picks them at start-up.  Hotkey backends listen on their own thread and only
emit a Qt signal; widgets are touched on the GUI thread alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop.core.base.messages import Message
from desktop.qt import QObject, Signal

if TYPE_CHECKING:
    from desktop.platform.autostart import Autostart

WindowHandle = int

MODIFIERS = ("ctrl", "alt", "shift", "win")
KEYS = frozenset(
    [chr(c) for c in range(ord("a"), ord("z") + 1)]
    + [str(d) for d in range(10)]
    + [f"f{n}" for n in range(1, 25)]
    + ["space", "enter", "tab", "insert", "home", "end", "pageup", "pagedown"]
    + ["up", "down", "left", "right", "backquote"]
)


class HotkeyError(Exception):
    """A hotkey that could not be registered; the message is shown to the user."""


def parse_spec(spec: str) -> tuple[frozenset[str], str]:
    """Split ``ctrl+alt+k`` into its modifiers and key; every backend reads specs the same way."""
    parts = [p.strip() for p in spec.lower().split("+")]
    *mods, key = parts
    bad = [m for m in mods if m not in MODIFIERS]
    if bad or key not in KEYS or len(set(mods)) != len(mods):
        raise HotkeyError(Message("快捷键 {spec} 无法识别，请在 设置 里重新录入", spec=spec))
    if not mods and not key.startswith("f"):
        raise HotkeyError(
            Message("快捷键 {spec} 需要至少一个修饰键（ctrl/alt/shift/win）", spec=spec)
        )
    return frozenset(mods), key


class HotkeyBackend(QObject):
    """Emits ``activated`` (queued to the GUI thread) when the global hotkey is pressed."""

    activated = Signal()
    name = "none"

    def register(self, spec: str) -> None:
        """Grab ``spec`` (``ctrl+alt+k``), replacing any earlier grab; raises ``HotkeyError``."""
        raise HotkeyError(Message("这个系统上不支持全局快捷键"))

    def unregister(self) -> None:
        """Release the grab; safe to call when nothing is grabbed."""

    def close(self) -> None:
        self.unregister()


class WindowFocus(Protocol):
    def active_window(self) -> WindowHandle | None:
        """The window that has keyboard focus now, or None if it can't be told."""

    def activate(self, window: WindowHandle) -> bool:
        """Give focus back to ``window``; False if that failed (window gone)."""

    # Optional: ``claim_foreground(window) -> bool`` brings one of our own windows
    # to the front where Qt's activateWindow() is not enough (Windows' focus rules).


class Keystroke(Protocol):
    def paste(self) -> None:
        """Send the paste shortcut (Ctrl+V) to the focused window."""


@dataclass
class Platform:
    name: str
    hotkey: HotkeyBackend
    focus: WindowFocus
    keys: Keystroke
    problem: str | None = None
    """Why the real backend could not be used (shown once to the user); None when all is well."""

    def autostart(self, db: Path | str | None = None) -> Autostart:
        """开机启动 for this OS, recording how to start with ``db``; the do-nothing
        platform answers "not available" (``NullAutostart``)."""
        from desktop.platform.autostart import NullAutostart, create_autostart

        return NullAutostart() if self.name == "none" else create_autostart(db)

    def close(self) -> None:
        """Release the grab and any OS connections the services hold (at app exit)."""
        self.hotkey.close()
        for service in (self.focus, self.keys):
            close = getattr(service, "close", None)
            if close is not None:
                close()
