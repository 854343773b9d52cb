"""X11 services through python-xlib: global hotkey, window focus, XTest paste.

No root and no extra daemon: the hotkey is a passive ``XGrabKey`` on the root
window, read by a daemon thread on its own display connection that only emits
a Qt signal (Qt queues it to the GUI thread).  Focus and keystrokes use a
second connection, touched from the GUI thread alone.
"""

from __future__ import annotations

import gc
import logging
import os
import select
import threading
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

from Xlib import XK, X, error  # type: ignore[import-untyped]
from Xlib.display import Display  # type: ignore[import-untyped]
from Xlib.ext import xtest  # type: ignore[import-untyped]
from Xlib.protocol import event as xevent  # type: ignore[import-untyped]

from desktop.core.base.messages import Message
from desktop.platform.base import HotkeyBackend, HotkeyError, Platform, WindowHandle, parse_spec

log = logging.getLogger("quickreply.platform")

MOD_MASKS = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask, "win": X.Mod4Mask}
KEYSYM_NAMES = {
    "space": "space", "enter": "Return", "tab": "Tab", "insert": "Insert", "home": "Home",
    "end": "End", "pageup": "Prior", "pagedown": "Next", "up": "Up", "down": "Down",
    "left": "Left", "right": "Right", "backquote": "grave",
}  # fmt: skip
# Modifiers a user may still hold from the hotkey; released before Ctrl+V.
HELD_KEYSYMS = ("Control_L", "Control_R", "Shift_L", "Shift_R", "Alt_L", "Alt_R", "Meta_L",
                "Meta_R", "Super_L", "Super_R", "ISO_Level3_Shift")  # fmt: skip


def keysym_for(key: str) -> int:
    name = KEYSYM_NAMES.get(key) or (key.upper() if key.startswith("f") and key[1:] else key)
    return int(XK.string_to_keysym(name))


def lock_combinations(numlock_mask: int) -> list[int]:
    """The lock-key states a grab must cover so CapsLock/NumLock don't hide the hotkey."""
    locks = [0, X.LockMask]
    if numlock_mask:
        locks += [numlock_mask, numlock_mask | X.LockMask]
    return locks


def numlock_mask(display: Any) -> int:
    numlock = display.keysym_to_keycode(XK.XK_Num_Lock)
    for index, keycodes in enumerate(display.get_modifier_mapping()):
        if numlock and numlock in keycodes:
            return 1 << index
    return 0


def pressed(keymap: Sequence[int], keycodes: Iterable[int]) -> list[int]:
    """Which of ``keycodes`` are down in a ``query_keymap`` bit vector."""
    return [kc for kc in keycodes if kc and keymap[kc // 8] & (1 << (kc % 8))]


class X11Hotkey(HotkeyBackend):
    """One global hotkey; the listener thread owns reading, a lock guards the connection."""

    name = "x11"

    def __init__(self, display_name: str | None = None) -> None:
        super().__init__()
        self._display = connect(display_name)
        self._root = self._display.screen().root
        self._lock = threading.Lock()
        self._grab: tuple[int, int] | None = None  # keycode, modifier mask
        self._spec: str | None = None
        self._last_release = -1
        self._wake_r, self._wake_w = os.pipe()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="x11-hotkey", daemon=True)
        self._thread.start()

    def register(self, spec: str) -> None:
        mods, key = parse_spec(spec)
        mask = 0
        for mod in mods:
            mask |= MOD_MASKS[mod]
        with self._lock:
            keycode = self._display.keysym_to_keycode(keysym_for(key))
            if not keycode:
                raise HotkeyError(
                    Message("快捷键 {spec} 的按键在当前键盘布局里不存在，请换一个", spec=spec)
                )
            if self._grab == (keycode, mask):
                return
            locks = lock_combinations(numlock_mask(self._display))
            catcher = error.CatchError(error.BadAccess)
            for lock in locks:
                self._root.grab_key(keycode, mask | lock, True, X.GrabModeAsync,
                                    X.GrabModeAsync, onerror=catcher)  # fmt: skip
            self._display.sync()  # errors arrive only after the server has seen the requests
            if catcher.get_error() is not None:
                self._ungrab(keycode, mask, locks)
                raise HotkeyError(
                    Message("快捷键 {spec} 已被其他程序占用，请在 设置 里换一个", spec=spec)
                )
            if self._grab is not None:
                self._ungrab(*self._grab, locks)
            self._grab, self._spec = (keycode, mask), spec
        os.write(self._wake_w, b"r")  # sync may have queued events the thread hasn't seen
        log.info("hotkey %s grabbed", spec)

    def unregister(self) -> None:
        with self._lock:
            if self._grab is not None and not self._stop.is_set():
                self._ungrab(*self._grab, lock_combinations(numlock_mask(self._display)))
            self._grab = self._spec = None

    def close(self) -> None:
        self.unregister()
        if not self._stop.is_set():
            self._stop.set()
            os.write(self._wake_w, b"q")
            self._thread.join(timeout=2)
            self._display.close()
            os.close(self._wake_r)
            os.close(self._wake_w)

    def _ungrab(self, keycode: int, mask: int, locks: list[int]) -> None:
        for lock in locks:
            self._root.ungrab_key(keycode, mask | lock)
        self._display.sync()

    def _listen(self) -> None:
        fd = self._display.fileno()
        while not self._stop.is_set():
            try:
                readable, _, _ = select.select([fd, self._wake_r], [], [], 0.5)
                if self._wake_r in readable:
                    os.read(self._wake_r, 64)
                with self._lock:
                    if self._stop.is_set():
                        return
                    events = [
                        self._display.next_event() for _ in range(self._display.pending_events())
                    ]
                for ev in events:
                    self._handle(ev)
            except Exception:  # the connection died; the app keeps running without a hotkey
                log.exception("x11 hotkey listener stopped")
                return

    def _handle(self, ev: Any) -> None:
        if self._grab is None or getattr(ev, "detail", None) != self._grab[0]:
            return
        mods = ev.state & (X.ControlMask | X.Mod1Mask | X.ShiftMask | X.Mod4Mask)
        if ev.type == X.KeyRelease:
            self._last_release = ev.time
        # A press stamped with the previous release's time is auto-repeat, not a new press.
        elif ev.type == X.KeyPress and ev.time != self._last_release and mods == self._grab[1]:
            self.activated.emit()


class X11Focus:
    """Reads and sets the active window the way pagers do (EWMH), with a core-X fallback."""

    def __init__(self, display: Any) -> None:
        self._display = display
        self._root = display.screen().root
        self._net_active = display.intern_atom("_NET_ACTIVE_WINDOW")

    def close(self) -> None:
        """Closes the connection shared with ``X11Keystroke``; both are done by then."""
        self._display.close()

    def active_window(self) -> WindowHandle | None:
        try:
            prop = self._root.get_full_property(self._net_active, X.AnyPropertyType)
            if prop is not None and len(prop.value) and prop.value[0]:
                return int(prop.value[0])
            focus = self._display.get_input_focus().focus
        except error.XError:
            return None
        wid = getattr(focus, "id", 0)
        return int(wid) if wid and wid != self._root.id else None

    def activate(self, window: WindowHandle) -> bool:
        win = self._display.create_resource_object("window", window)
        catcher = error.CatchError()
        try:
            win.get_attributes()
        except error.XError:
            return False  # BadWindow: it was closed
        message = xevent.ClientMessage(
            window=win, client_type=self._net_active, data=(32, [2, X.CurrentTime, 0, 0, 0])
        )
        mask = X.SubstructureRedirectMask | X.SubstructureNotifyMask
        self._root.send_event(message, event_mask=mask, onerror=catcher)
        # BadMatch here just means "not viewable yet"; the WM message above still applies.
        win.set_input_focus(X.RevertToParent, X.CurrentTime, onerror=catcher)
        self._display.sync()
        return not isinstance(catcher.get_error(), error.BadWindow)


class X11Keystroke:
    """Ctrl+V through XTest, after letting go of modifiers still held from the hotkey."""

    def __init__(self, display: Any) -> None:
        self._display = display
        code = display.keysym_to_keycode
        self._held = {code(XK.string_to_keysym(name)) for name in HELD_KEYSYMS} - {0}
        self._ctrls = {code(XK.XK_Control_L), code(XK.XK_Control_R)} - {0}
        self._ctrl = code(XK.XK_Control_L)
        self._v = code(XK.XK_v)

    def ready(self) -> bool:
        """No key is down.  While the user's chord is held a passive grab (our own
        hotkey's included) may own the keyboard and would swallow the Ctrl+V."""
        return not any(self._display.query_keymap())

    def paste(self) -> None:
        down = pressed(self._display.query_keymap(), sorted(self._held))
        for kind, keycode in paste_sequence(down, self._ctrls, self._ctrl, self._v):
            xtest.fake_input(self._display, kind, keycode)
        self._display.sync()


def paste_sequence(
    held: Iterable[int], ctrls: set[int], ctrl: int, v: int
) -> list[tuple[int, int]]:
    """(event type, keycode) steps: Ctrl goes down before Alt/Win come up, so their
    release is never a lone tap that opens a menu or switches the input method."""
    held = list(held)
    steps = [(X.KeyRelease, kc) for kc in held if kc in ctrls] + [(X.KeyPress, ctrl)]
    steps += [(X.KeyRelease, kc) for kc in held if kc not in ctrls]
    return steps + [(X.KeyPress, v), (X.KeyRelease, v), (X.KeyRelease, ctrl)]


def connect(display_name: str | None = None) -> Any:
    """``Display()``, minus the ResourceWarnings python-xlib leaves when it can't connect."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return Display(display_name)
        except (error.DisplayError, OSError) as exc:
            shown = display_name or os.environ.get("DISPLAY", "")
            problem = Message("无法连接 X 显示 {display}：{error}", display=shown, error=str(exc))
        gc.collect()  # the half-open sockets die here, under the filter
    raise ConnectionError(problem)


def create_platform(display_name: str | None = None) -> Platform:
    display = connect(display_name)
    try:
        if not display.has_extension("XTEST"):
            raise RuntimeError(Message("X 服务器没有 XTEST 扩展，无法模拟粘贴"))
        return Platform("x11", X11Hotkey(display_name), X11Focus(display), X11Keystroke(display))
    except BaseException:
        display.close()
        raise
