"""Logging: one logger per area under ``quickreply``, a rotating file, no buyer data.

Modules log to ``logging.getLogger("quickreply.<area>")`` (see ``AREAS``); only the
tray app calls ``setup``.  The file lives in the user log folder so a support
person can ask for it; ``QUICKREPLY_LOG_LEVEL`` (DEBUG, INFO, WARNING, ERROR)
sets how much goes in, ``QUICKREPLY_LOG_DIR`` moves it (tests, smoke runs).

Buyer details are personal data.  Code never logs them on purpose, and as a
second line of defence ``Redactor`` blanks any value the app registers with
``protect`` (the current buyer context) before a line is written.  The console
gets errors only, so a windowed program or a smoke run stays quiet when well.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import platformdirs

ROOT = "quickreply"
AREAS = ("app", "paste", "search", "packs", "hotkey", "platform", "db", "ui", "qt")
ENV_LEVEL = "QUICKREPLY_LOG_LEVEL"
ENV_DIR = "QUICKREPLY_LOG_DIR"
ENV_CONSOLE = "QUICKREPLY_CONSOLE"
FILE_NAME = "quickreply.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # four files of 1 MB at most: enough history, never fills a disk
MASK = "***"
MIN_SECRET = 2  # a one-character value (姓 alone) would blank half of every line
FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"

_ours: list[logging.Handler] = []
# Returns the values to blank, or a mapping whose values they are (BuyerContext.values).
Source = Callable[[], Iterable[str] | Mapping[str, str]]


def log_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir("QuickReply", appauthor=False))


def log_file() -> Path:
    return log_dir() / FILE_NAME


def level_from_env() -> int:
    """INFO unless ``QUICKREPLY_LOG_LEVEL`` names another level; a typo falls back to INFO."""
    name = os.environ.get(ENV_LEVEL, "").strip().upper()
    level = logging.getLevelName(name) if name else logging.INFO
    return level if isinstance(level, int) else logging.INFO


def get(area: str) -> logging.Logger:
    return logging.getLogger(f"{ROOT}.{area}")


class Redactor(logging.Filter):
    """Replaces protected values (buyer name, order number…) in the final text of a record."""

    def __init__(self) -> None:
        super().__init__()
        self._sources: dict[str, Source] = {}

    def protect(self, name: str, source: Source) -> None:
        self._sources[name] = source  # by name: a new app (or test) replaces the old one's

    def secrets(self) -> list[str]:
        found: set[str] = set()
        for source in self._sources.values():
            values = source()
            if isinstance(values, Mapping):
                values = values.values()
            found.update(v for v in values if v and len(v.strip()) >= MIN_SECRET)
        return sorted(found, key=len, reverse=True)  # longest first: no partial leftovers

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = self.secrets()
        if not secrets:
            return True
        text = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for secret in secrets:
            text = text.replace(secret, MASK)
            if record.exc_text:
                record.exc_text = record.exc_text.replace(secret, MASK)
        record.msg, record.args = text, None
        return True


redactor = Redactor()


def protect(name: str, source: Source) -> None:
    """Register values that must never reach a log line (the app registers the buyer context).

    Pass a bound method of a plain object, not a lambda over a widget: the
    registry lives as long as the process and must not keep Qt objects alive.
    """
    redactor.protect(name, source)


def setup(directory: Path | None = None, level: int | None = None) -> Path:
    """Send ``quickreply.*`` records to the rotating file (and errors to stderr).

    Safe to call again: earlier handlers are replaced.  Returns the file's path.
    """
    teardown()
    folder = directory or log_dir()
    path = folder / FILE_NAME
    logger = logging.getLogger(ROOT)
    logger.setLevel(level if level is not None else level_from_env())
    logger.propagate = False  # the root logger's handlers (if any) would print it twice
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # delay: the file is opened on the first record, so a read-only folder
        # fails there (logging reports it) rather than stopping the app here.
        file_handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        file_handler = logging.NullHandler()
    handlers = [file_handler]
    if sys.stderr is not None:  # None in a windowed (no console) Windows program
        console = logging.StreamHandler(sys.stderr)
        verbose = os.environ.get(ENV_CONSOLE, "") not in ("", "0")
        console.setLevel(logging.NOTSET if verbose else logging.ERROR)
        handlers.append(console)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(redactor)
        logger.addHandler(handler)
        _ours.append(handler)
    return path


def teardown() -> None:
    """Remove and close what ``setup`` added (app exit, tests)."""
    logger = logging.getLogger(ROOT)
    while _ours:
        handler = _ours.pop()
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = True


def route_qt_messages() -> Callable[..., object] | None:
    """Send Qt's own warnings to ``quickreply.qt`` instead of stderr; returns the old handler.

    On Windows a windowed program has no stderr, so without this they are lost.
    """
    from desktop.qt import QtCore

    qt_log = get("qt")
    levels = {
        QtCore.QtMsgType.QtDebugMsg: logging.DEBUG,
        QtCore.QtMsgType.QtInfoMsg: logging.INFO,
        QtCore.QtMsgType.QtWarningMsg: logging.WARNING,
        QtCore.QtMsgType.QtCriticalMsg: logging.ERROR,
        QtCore.QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtCore.QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    return QtCore.qInstallMessageHandler(handler)
