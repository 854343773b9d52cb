"""Unexpected exceptions in the running app: log them, tell the agent briefly, carry on.

A slot that raises must not take the tray app down in the middle of a shift,
and must not die silently either.  The dialog says *what* failed (the exception
type) and *where* (file, line, function) and where the log is, never the
exception's message: that text can contain a phrase or a buyer's details.
The full traceback goes to the log, where buyer values are blanked.

Exceptions from other threads (a hotkey listener) arrive through a queued
signal, so the dialog is always built on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from desktop.qt import QObject, Qt, QtCore, QtWidgets, Signal

log = logging.getLogger("quickreply.app")
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("Crash", text)


def where(tb: TracebackType | None) -> str:
    """The innermost frame in our own code (else the innermost at all), as ``file:line (function)``."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return tr("未知位置")
    ours = [f for f in frames if "desktop" in Path(f.filename).parts]  # frozen paths are relative
    frame = (ours or frames)[-1]
    name = Path(frame.filename)
    short = "/".join(name.parts[-2:]) if len(name.parts) >= 2 else name.name
    return tr("%1（%2）").replace("%2", frame.name).replace("%1", f"{short}:{frame.lineno}")


def summary(kind: type[BaseException], tb: TracebackType | None, log_path: Path) -> str:
    return "\n".join(
        [
            tr("快回遇到了一个意外错误，已经记录到日志。"),
            tr("出错位置：%1（%2）").replace("%1", where(tb)).replace("%2", kind.__name__),
            tr("日志文件：%1").replace("%1", str(log_path)),
            tr("程序会继续运行；如果反复出现，请把日志文件发给技术支持。"),
        ]
    )


class CrashReporter(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook``; ``uninstall`` puts them back.

    ``on_error`` replaces the dialog (the smoke test turns an exception into a
    failed run instead of a window nobody will close).
    """

    _from_thread = Signal(object)

    def __init__(
        self,
        log_path: Path,
        on_error: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.on_error = on_error
        self.dialog: QtWidgets.QMessageBox | None = None
        self.count = 0
        self._saved: tuple[object, object] | None = None
        self._from_thread.connect(self._report, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._saved = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._saved is not None:
            sys.excepthook, threading.excepthook = self._saved  # type: ignore[assignment]
            self._saved = None

    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QtWidgets.QApplication.quit()
            return
        log.critical("unexpected error", exc_info=(kind, value, tb))
        if threading.current_thread() is threading.main_thread():
            self._report((kind, value, tb))
        else:
            self._from_thread.emit((kind, value, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread = args.thread.name if args.thread is not None else "?"
        log.critical("unexpected error in thread %s", thread,
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))  # fmt: skip
        self._from_thread.emit((args.exc_type, args.exc_value, args.exc_traceback))

    def _report(self, info: ExcInfo) -> None:
        self.count += 1
        text = summary(info[0], info[2], self.log_path)
        if self.on_error is not None:
            self.on_error(text)
            return
        if self.dialog is not None and self.dialog.isVisible():
            return  # one window at a time; the rest are in the log
        self.dialog = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Warning, tr("快回出错了"), text
        )
        self.dialog.setTextFormat(Qt.TextFormat.PlainText)
        self.dialog.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._forget_dialog)
        self.dialog.show()

    def _forget_dialog(self) -> None:
        self.dialog = None
