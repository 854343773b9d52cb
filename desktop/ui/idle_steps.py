"""Long jobs run a few short steps at a time between the event loop's events.

The 建议 index is built in steps of a few milliseconds (``Suggester.run_steps``).
Run in a thread, the build would compete with the picker for Python's
interpreter lock: every few milliseconds of the picker's work would wait for the
build's turn, and a keystroke took a quarter of a second at 100,000 phrases.
Here the loop gives each turn about ``BUDGET_MS`` and handles input in between.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

from desktop.qt import QObject, QTimer

log = logging.getLogger("quickreply.steps")
BUDGET_MS = 6


class StepRunner(QObject):
    def __init__(self, parent: QObject | None = None, budget_ms: float = BUDGET_MS) -> None:
        super().__init__(parent)
        self._jobs: list[Iterator[None]] = []
        self._budget = budget_ms / 1000
        self._timer = QTimer(self)
        self._timer.setInterval(0)  # whenever the loop has no events waiting
        self._timer.timeout.connect(self._turn)

    def run(self, steps: Iterator[None]) -> None:
        self._jobs.append(steps)
        self._timer.start()

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def stop(self) -> None:
        """Drop the jobs (the app is quitting); each is closed, so its cleanup runs."""
        self._timer.stop()
        for job in self._jobs:
            close = getattr(job, "close", None)
            if close is not None:
                close()
        self._jobs.clear()

    def _turn(self) -> None:
        deadline = time.perf_counter() + self._budget
        while self._jobs and time.perf_counter() < deadline:
            try:
                next(self._jobs[0])
            except StopIteration:
                self._jobs.pop(0)
            except Exception:  # a failed job is logged and dropped, never fatal
                log.exception("a background job failed")
                self._jobs.pop(0)
        if not self._jobs:
            self._timer.stop()
