"""Scriptable stand-ins for the OS services, for tests and ``QUICKREPLY_PLATFORM=fake``.

They record what the app asked for so a test can check the paste pipeline
without a desktop, and can be told to fail the way a real desktop does.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.platform.base import HotkeyBackend, HotkeyError, WindowHandle, parse_spec


class FakeHotkey(HotkeyBackend):
    """Keeps the registered spec; ``trigger()`` plays the user pressing it."""

    name = "fake"

    def __init__(self, fail_message: str | None = None) -> None:
        super().__init__()
        self.fail_message = fail_message
        self.spec: str | None = None
        self.registered: list[str] = []

    def register(self, spec: str) -> None:
        parse_spec(spec)
        if self.fail_message is not None:
            raise HotkeyError(self.fail_message)
        self.spec = spec
        self.registered.append(spec)

    def unregister(self) -> None:
        self.spec = None

    def trigger(self) -> None:
        if self.spec is not None:
            self.activated.emit()


class FakeFocus:
    """A desktop with one settable active window; ``gone`` windows can't be activated."""

    def __init__(self, active: WindowHandle | None = None) -> None:
        self.active = active
        self.fail = False
        self.gone: set[WindowHandle] = set()
        self.activated: list[WindowHandle] = []
        self.claimed: list[WindowHandle] = []  # our own windows brought to the front
        self.obstacles: dict[WindowHandle, str] = {}  # e.g. {CHAT: "elevated"}
        self.clipboard_blocked: str | None = None  # e.g. "hung-owner"

    def active_window(self) -> WindowHandle | None:
        return self.active

    def activate(self, window: WindowHandle) -> bool:
        self.activated.append(window)
        if self.fail or window in self.gone:
            return False
        self.active = window
        return True

    def obstacle(self, window: WindowHandle) -> str | None:
        return self.obstacles.get(window)

    def clipboard_blocker(self) -> str | None:
        return self.clipboard_blocked

    def claim_foreground(self, window: WindowHandle) -> bool:
        self.claimed.append(window)
        self.active = window
        return True


class FakeKeystroke:
    """Counts pastes; ``on_paste`` runs at that moment, like the target reading the clipboard.

    ``held`` plays a key still being held, which the paste waits out.
    """

    def __init__(self, on_paste: Callable[[], None] | None = None) -> None:
        self.on_paste = on_paste
        self.pastes = 0
        self.held = False  # the agent is still holding a key
        self.ready_checks = 0

    def ready(self) -> bool:
        self.ready_checks += 1
        return not self.held

    def paste(self) -> None:
        self.pastes += 1
        if self.on_paste is not None:
            self.on_paste()
