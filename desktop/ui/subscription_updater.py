"""Checks subscriptions in the background: on start and every ``subscription_interval_min``.

A check can wait on a slow network for seconds, so it runs on a worker thread
with its own SQLite connection (``Library.open`` on the same file); the GUI's
library notices the commit through ``refresh_if_changed``, which the app
already polls.  Results come back as a signal on the GUI thread and become one
tray message.  An unreachable source is normal and stays quiet.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.core import Library
from desktop.core.store import subscription_rows
from desktop.qt import QObject, QtCore, QTimer, Signal
from desktop.ui.i18n import named, says
from desktop.ui.notify import WARNING, Bridge

if TYPE_CHECKING:
    from desktop.core.team import subscriptions as subs

log = logging.getLogger("quickreply.subscriptions")
Job = Callable[[Library], Any]
Done = Callable[[Any], None]


class _Relay(QObject):
    done = Signal(object, object)  # callback, outcome (a result or the exception)


class _Task(QtCore.QRunnable):
    def __init__(self, library: Library, job: Job, callback: Done, relay: _Relay) -> None:
        super().__init__()
        self.path, self.job, self.callback, self.relay = library.path, job, callback, relay

    def run(self) -> None:
        try:
            with Library.open(self.path) as lib:
                outcome = self.job(lib)
        except Exception as exc:  # noqa: BLE001  (reported on the GUI thread, never lost here)
            outcome = exc
        self.relay.done.emit(self.callback, outcome)


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("Subscriptions", text)


class SubscriptionUpdater(QObject):
    """Owns the timer and the one worker thread; the dialog submits its jobs here too."""

    checked = Signal(list)  # list[UpdateResult] after every check of all subscriptions
    busy_changed = Signal(bool)

    def __init__(self, library: Library, messages: Bridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.messages = messages
        self.pool = QtCore.QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one check at a time: they'd only queue on the file lock
        self.relay = _Relay()
        self.relay.done.connect(self._finish)
        self.pending = 0
        self.stopped = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_all)

    def start(self) -> None:
        self.stopped = False
        self._schedule()
        # The first check waits for the event loop, so the tray is up before the
        # subscription code (network, packs, signing) has even been imported.
        QTimer.singleShot(0, self._first_check)

    def _first_check(self) -> None:
        if not self.stopped:
            self.check_all()

    def stop(self, wait_ms: int = 5000) -> None:
        """Before the library closes: a late result must not touch it."""
        self.timer.stop()
        self.pool.waitForDone(wait_ms)
        self.stopped = True

    def _schedule(self) -> None:
        self.timer.start(int(self.library.setting("subscription_interval_min")) * 60_000)

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def submit(self, job: Job, callback: Done) -> None:
        """Run ``job(library)`` off the GUI thread; ``callback(outcome)`` runs on it."""
        self.pending += 1
        self.busy_changed.emit(True)
        if self.library.path is None:  # an in-memory library can't be shared with a thread
            try:
                outcome = job(self.library)
            except Exception as exc:  # noqa: BLE001  (same as in the worker)
                outcome = exc
            self._finish(callback, outcome)
            return
        self.pool.start(_Task(self.library, job, callback, self.relay))

    def _finish(self, callback: Done, outcome: Any) -> None:
        self.pending -= 1
        if self.stopped:
            return
        # No refresh here: the app's poll must still see the change to redraw the popup.
        try:
            callback(outcome)
        finally:
            self.busy_changed.emit(self.busy)

    def check_all(self) -> None:
        """Check every subscription unless a check is running or there is none."""
        self._schedule()  # picks up a changed interval
        # Most libraries have no subscription: ask the table before importing the
        # subscription code, which brings http, ssl and OpenSSL (about 5 MB) with it.
        if self.busy or not subscription_rows.all_rows(self.library):
            return
        from desktop.core.team import subscriptions as subs

        if not subs.all_subscriptions(self.library):
            return
        self.submit(subs.update_all, self._checked)

    def _checked(self, outcome: Any) -> None:
        if isinstance(outcome, Exception):
            log.warning("subscription check failed: %s", outcome)
            self.messages.send(tr("订阅更新失败"), says(outcome), WARNING)
            outcome = []
        self.notify(outcome)
        self.checked.emit(outcome)

    def notify(self, results: list[subs.UpdateResult]) -> None:
        """One tray message for what changed, one for what was refused; offline says nothing."""
        from desktop.core.team import subscriptions as subs

        updated = [r for r in results if r.status == subs.UPDATED and r.changes]
        refused = [r for r in results if r.status == subs.REFUSED]
        for r in results:
            if r.status == subs.UNREACHABLE:
                log.info("subscription %s unreachable: %s", r.subscription.name, r.message)
        if updated:
            text = tr("；").join(
                named(r.subscription.name, says(r.changes.summary())) for r in updated
            )
            self.messages.send(tr("团队话术已更新"), text)
        if refused:
            text = tr("；").join(named(r.subscription.name, says(r.message)) for r in refused)
            self.messages.send(tr("订阅的更新被拒绝"), text, WARNING)
