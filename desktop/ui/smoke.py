"""``quickreply --smoke-test``: the real start-up, one trip through the popup, then exit.

It proves a build works end to end -- Qt plugins, icons, resources, the default
library, search (pinyin included) -- without a person: the app starts as usual,
the popup opens, two queries are typed, Esc closes it, and the program exits 0.
Any error, unexpected exception or timeout exits 1 with a line on stderr.
Under ``QT_QPA_PLATFORM=offscreen`` there is no tray, so that part is skipped.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from desktop.qt import QObject, Qt, QtCore, QtGui, QTimer, QtWidgets

if TYPE_CHECKING:
    from desktop.core import Library
    from desktop.ui.popup import Popup


class SmokeTarget(Protocol):
    """What the smoke test drives: the running app (``desktop.app.QuickReplyApp``)."""

    library: Library
    tray: QtWidgets.QSystemTrayIcon
    popup: Popup

    def open_popup(self) -> None: ...

log = logging.getLogger("quickreply.app")
TIMEOUT_MS = 20_000
QUERIES = ("fh", "发货")  # shortcut initials, then 汉字 (pypinyin's data must be in the build)
HEADLESS = ("offscreen", "minimal")


def headless() -> bool:
    return QtGui.QGuiApplication.platformName() in HEADLESS


class SmokeTest(QObject):
    def __init__(
        self,
        app: SmokeTarget,
        timeout_ms: int = TIMEOUT_MS,
        quit: Callable[[int], None] = QtWidgets.QApplication.exit,
    ) -> None:
        super().__init__(app if isinstance(app, QObject) else None)
        self.app = app
        self.quit = quit  # ends the event loop with the exit code; tests record it instead
        self.done = False
        self.steps: list[str] = []
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(lambda: self.fail(f"timed out after {timeout_ms} ms"))
        self._watchdog.setInterval(timeout_ms)

    def start(self) -> None:
        self._watchdog.start()
        QTimer.singleShot(0, self, self._check)

    def _check(self) -> None:
        try:
            self._run()
        except Exception as exc:  # any failure is the result we are looking for
            log.exception("smoke test failed")
            self.fail(f"{type(exc).__name__}: {exc}")
            return
        self.finish()

    def _run(self) -> None:
        from desktop.ui.binding_check import binding_problem

        problem = binding_problem()  # the build must not bundle a binding that crashes later
        if problem:
            raise AssertionError(problem)
        self.steps.append("Qt binding keeps its references")
        app = self.app
        if app.library.count() == 0:
            raise AssertionError("the library is empty: default library not seeded")
        self.steps.append(f"library {app.library.count()} phrases")
        if headless():
            self.steps.append("tray skipped (no screen)")
        elif not app.tray.isVisible():
            raise AssertionError("the tray icon is not shown")
        else:
            self.steps.append("tray shown")
        app.open_popup()
        if not app.popup.isVisible():
            raise AssertionError("the popup did not open")
        for query in QUERIES:
            app.popup.search_box.setText(query)
            rows = app.popup.results_view.model().rowCount()
            if rows == 0:
                raise AssertionError(f"no results for {query!r}")
            self.steps.append(f"{query!r}: {rows} results")
        escape = QtGui.QKeyEvent(
            QtCore.QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier
        )
        QtWidgets.QApplication.sendEvent(app.popup.search_box, escape)
        if app.popup.isVisible():
            raise AssertionError("Esc did not close the popup")
        self.steps.append("popup opened and closed")

    def finish(self) -> None:
        if self.done:
            return
        self.done = True
        self._watchdog.stop()
        summary = "; ".join(self.steps)
        log.info("smoke test passed: %s", summary)
        print(f"smoke test passed: {summary}")
        self.quit(0)

    def fail(self, reason: str) -> None:
        """Also the crash reporter's hook: an exception anywhere fails the run."""
        if self.done:
            return
        self.done = True
        self._watchdog.stop()
        log.warning("smoke test failed: %s", reason)  # the file; stderr gets the line below
        if sys.stderr is not None:
            print(f"smoke test failed: {reason}", file=sys.stderr)
        self.quit(1)
