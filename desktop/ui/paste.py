"""The paste pipeline: focus back, borrow the clipboard, Ctrl+V, give it back.

Each step waits on a single-shot timer so the GUI never blocks while the
target window takes focus and reads the clipboard.  Requests run strictly in
order, and the agent's own clipboard is snapshotted once and restored once,
after the last queued paste.  Phrase text is never logged: it may hold buyer
names, addresses or order numbers.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from desktop.platform.base import Keystroke, WindowFocus, WindowHandle
from desktop.qt import QT_TRANSLATE_NOOP, QObject, QtGui, QTimer, Signal
from desktop.ui import clipboard as cb

log = logging.getLogger("quickreply.paste")

SETTLE_MS = 30
KEY_POLL_MS = 15
KEY_WAIT_S = 0.5  # longest wait for the agent to let go of keys before Ctrl+V anyway
PAUSE_POLL_MS = 100
PAUSE_LIMIT_S = 30.0  # a popup left open longer than this no longer holds pastes back
# Marked for lupdate here, translated when emitted (``failed`` carries the shown text).
NO_TARGET = QT_TRANSLATE_NOOP("PasteService", "没有找到原来的输入窗口，话术已复制到剪贴板")
TARGET_GONE = QT_TRANSLATE_NOOP("PasteService", "原来的窗口已关闭，话术已复制到剪贴板")
KEYS_FAILED = QT_TRANSLATE_NOOP("PasteService", "无法模拟粘贴按键，话术已复制到剪贴板")
FOCUS_MOVED = QT_TRANSLATE_NOOP(
    "PasteService", "粘贴前焦点离开了原来的窗口，没有粘贴，话术已复制到剪贴板"
)
CLIPBOARD_BUSY = QT_TRANSLATE_NOOP("PasteService", "剪贴板被其他程序占用，话术没有发送，请稍后再试")
TARGET_ELEVATED = QT_TRANSLATE_NOOP(
    "PasteService", "聊天窗口以管理员身份运行，无法自动粘贴；话术已复制到剪贴板，请按 Ctrl+V"
)
TARGET_HUNG = QT_TRANSLATE_NOOP("PasteService", "聊天窗口没有响应，没有粘贴；话术已复制到剪贴板")
OBSTACLES = {"elevated": TARGET_ELEVATED, "hung": TARGET_HUNG}  # WindowFocus.obstacle() codes
CLIPBOARD_TRIES = 5  # a program holding the clipboard open usually lets go within ~100 ms
CLIPBOARD_RETRY_MS = 25


_NOT_SAVED = cb.ClipboardSnapshot()  # marks "not read": nothing to give back


@dataclass(frozen=True)
class _Request:
    phrase_id: str
    text: str
    target: WindowHandle | None
    started: float


class PasteService(QObject):
    """Delivers phrases into the window the agent was typing in."""

    delivered = Signal(str)
    copied = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        clipboard: QtGui.QClipboard,
        focus: WindowFocus,
        keys: Keystroke,
        *,
        mode: Callable[[], str],
        restore_delay_ms: Callable[[], int],
        settle_ms: int = SETTLE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._focus = focus
        self._keys = keys
        self._mode = mode
        self._restore_delay_ms = restore_delay_ms
        self._settle_ms = settle_ms
        self._target: WindowHandle | None = None
        self._queue: deque[_Request] = deque()
        self._current: _Request | None = None
        self._original: cb.ClipboardSnapshot | None = None  # the agent's clipboard, until restored
        self._lent = ""  # what we put on the clipboard, to notice if the agent copies over it
        self._borrowed_now = False  # the current request took the snapshot of the agent's clipboard
        self._keys_deadline = 0.0
        self._paused_since: float | None = None  # a popup opened while pastes were pending
        self._focus_left = False
        # One timer drives every step; only one step is ever pending.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_step)
        self._step: Callable[[], None] | None = None

    def remember_target(self) -> None:
        """Called just before the popup shows, while the chat window still has focus.

        Pending pastes wait while the popup is open: it takes the keyboard, so a
        Ctrl+V sent now would land in its search box.  A paste already aimed but
        not yet typed goes back to the head of the queue.
        """
        self._target = self._focus.active_window()
        if not self.busy():
            return
        if self._current is not None and self._step not in (None, self._next):
            self._queue.appendleft(self._current)
            self._current = None
            self._after(PAUSE_POLL_MS, self._next)
        self._paused_since, self._focus_left = time.monotonic(), False
        log.info("pastes held while the popup is open")

    def resume(self) -> None:
        """The popup closed (chosen or dismissed): pending pastes may go on."""
        self._paused_since = None
        if self._step == self._next:
            self._after(0, self._next)

    def target(self) -> WindowHandle | None:
        return self._target

    def busy(self) -> bool:
        """True until the last queued paste is done and the clipboard is given back."""
        return self._current is not None or bool(self._queue) or self._step is not None

    def deliver(self, phrase_id: str, text: str) -> None:
        idle = not self.busy()
        self._queue.append(_Request(phrase_id, text, self._target, time.monotonic()))
        if idle:
            self._after(0, self._next)
        self.resume()  # a choice means the popup has closed

    # ----- steps ------------------------------------------------------------
    def _after(self, ms: int, step: Callable[[], None]) -> None:
        self._step = step
        self._timer.start(max(0, ms))

    def _run_step(self) -> None:
        step, self._step = self._step, None
        if step is not None:
            step()

    def _next(self) -> None:
        """Start the next request, or give the agent's clipboard back if none is left."""
        self._current = None
        if not self._queue:
            self._paused_since = None
            self._restore()
            return
        copy = self._mode() == "copy"
        if not copy and self._held_by_popup():
            self._after(PAUSE_POLL_MS, self._next)
            return
        req = self._current = self._queue.popleft()
        if copy:
            self._original = None  # the agent asked for the phrase to stay
            self._lend(req, CLIPBOARD_TRIES, self._copied)
            return
        if req.target is None or not self._activate(req.target):
            log.info("phrase %s not pasted: target %s unavailable", req.phrase_id, req.target)
            self._give_up(req, NO_TARGET if req.target is None else TARGET_GONE)
            return
        obstacle = self._obstacle(req.target)
        if obstacle is not None:
            # Back in the chat window, the phrase on the clipboard: Ctrl+V by hand works.
            log.info("phrase %s not pasted: target %s is %s", req.phrase_id, req.target, obstacle)
            self._give_up(req, OBSTACLES[obstacle])
            return
        self._borrowed_now = self._original is None
        if self._borrowed_now:
            self._original = self._snapshot()
        self._lend(req, CLIPBOARD_TRIES, self._lent_out)

    def _snapshot(self) -> cb.ClipboardSnapshot:
        """The agent's clipboard, unless reading it could wait on another program
        (a hung owner, a clipboard held open): then it is not restored."""
        check = getattr(self._focus, "clipboard_blocker", None)
        blocker = check() if check is not None else None
        if blocker is not None:
            log.info("clipboard not saved (%s); it will hold the phrase afterwards", blocker)
            return _NOT_SAVED
        started = time.perf_counter()
        snap = cb.snapshot(self._clipboard)
        log.debug(
            "clipboard saved in %.1f ms (%d formats, image: %s, %d left out)",
            (time.perf_counter() - started) * 1000, len(snap.formats),
            snap.image is not None or bool(snap.encoded_image),
            snap.skipped,
        )  # fmt: skip
        return snap

    def _lend(self, req: _Request, tries: int, then: Callable[[], None]) -> None:
        """Put the phrase on the clipboard and read it back: a program holding the
        clipboard open (WeChat, 360, an input method) makes setting it fail
        quietly, and Ctrl+V would then paste the old content -- maybe another
        buyer's details.  Try a few times, then send nothing."""
        cb.set_text(self._clipboard, req.text)
        if cb.text(self._clipboard) == req.text.replace("\r\n", "\n"):
            self._lent = req.text.replace("\r\n", "\n")
            then()
        elif tries > 1:
            self._after(CLIPBOARD_RETRY_MS, lambda: self._lend(req, tries - 1, then))
        else:
            log.warning("phrase %s not sent: the clipboard could not be set", req.phrase_id)
            if self._borrowed_now:
                self._original = None  # nothing of the agent's was replaced
            self.failed.emit(self.tr(CLIPBOARD_BUSY))
            self._after(0, self._next)

    def _copied(self) -> None:
        req = self._current
        assert req is not None
        log.info("phrase %s copied", req.phrase_id)
        self.copied.emit(req.phrase_id)
        self.delivered.emit(req.phrase_id)
        self._after(0, self._next)

    def _lent_out(self) -> None:
        self._keys_deadline = time.monotonic() + KEY_WAIT_S
        self._after(self._settle_ms, self._send_keys)

    def _held_by_popup(self) -> bool:
        """Still paused?  Ends when focus has left the target and come back (popup
        dismissed), on ``resume``/``deliver``, or after ``PAUSE_LIMIT_S``."""
        if self._paused_since is None:
            return False
        active = self._focus.active_window()
        if active != self._queue[0].target:
            self._focus_left = True
        elif self._focus_left:
            self._paused_since = None
        if self._paused_since is not None and time.monotonic() - self._paused_since > PAUSE_LIMIT_S:
            self._paused_since = None
        return self._paused_since is not None

    def _send_keys(self) -> None:
        """Ctrl+V once no key is held: keys still down from a chord (the next hotkey
        press, a Ctrl+digit pick) would mix with it, or an X keyboard grab swallow it."""
        req = self._current
        assert req is not None
        ready = getattr(self._keys, "ready", None)
        waiting = time.monotonic() < self._keys_deadline
        if ready is not None and waiting and not ready():
            self._after(KEY_POLL_MS, self._send_keys)
            return
        # Focus may have moved since the target was activated (a message box, the
        # agent clicking elsewhere): Ctrl+V must never land in another window.
        active = self._focus.active_window()
        if active is not None and active != req.target:
            if waiting:  # some window managers report the activation a moment late
                self._after(KEY_POLL_MS, self._send_keys)
                return
            log.info("phrase %s not pasted: focus moved to %s", req.phrase_id, active)
            self._give_up(req, FOCUS_MOVED)
            return
        try:
            self._keys.paste()
        except Exception:
            log.exception("phrase %s: paste keystroke failed", req.phrase_id)
            self._give_up(req, KEYS_FAILED)
            return
        elapsed = (time.monotonic() - req.started) * 1000
        log.info("phrase %s pasted into %s after %.0f ms", req.phrase_id, req.target, elapsed)
        self.delivered.emit(req.phrase_id)
        # Keep the phrase on the clipboard while the target reads it, then move on.
        self._after(self._restore_delay_ms(), self._next)

    def _obstacle(self, window: WindowHandle) -> str | None:
        """What would make a Ctrl+V into ``window`` vanish without a trace, if anything."""
        check = getattr(self._focus, "obstacle", None)
        if check is None:
            return None
        try:
            found = check(window)
        except Exception:
            log.exception("checking window %s failed", window)
            return None
        return found if found in OBSTACLES else None

    def _activate(self, window: WindowHandle) -> bool:
        try:
            return self._focus.activate(window)
        except Exception:
            log.exception("activating window %s failed", window)
            return False

    def _give_up(self, req: _Request, message: str) -> None:
        """Never type into whatever window has focus: leave the phrase to paste by hand."""
        self._original = None
        cb.set_text(self._clipboard, req.text)
        self.failed.emit(self.tr(message))
        self._after(0, self._next)

    def _restore(self) -> None:
        original, self._original = self._original, None
        if original is None or original is _NOT_SAVED:
            return
        if cb.text(self._clipboard) != self._lent:
            log.info("clipboard changed meanwhile; not restoring")
            return
        cb.restore(self._clipboard, original)
        log.debug("clipboard restored")
