"""Files derived from the library and kept beside it: the stored search and 建议 indexes.

Both are SQLite files with a ``meta`` table stamped with what they were built
from (``content_token.stamp``) and tables of their own.  This module writes and
opens them the same way for both: written in place in one transaction (on
Windows a file another connection has open cannot be replaced), a file that is
not a database removed and written again, and opened read-only only while its
stamp matches the library.  They are caches: any failure means "build it from
the phrases instead", never an error for the user.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

from desktop.core.store.content_token import stamp

log = logging.getLogger("quickreply.index")
_BUSY_S = 5.0
Fill = Callable[[sqlite3.Connection], Iterator[None]]


def write(path: Path, form: str, token: bytes, size: int, fill: Fill) -> Generator[None, None, bool]:
    """Write the file in steps: ``fill(conn)`` makes and fills its own tables (a step
    per ``yield``) inside the transaction, then the stamp goes in; returns whether
    it was written."""
    try:
        return (yield from _write(path, form, token, size, fill))
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
        log.info("derived file damaged, written again (%s): %s", path, exc)
    try:
        path.unlink()
        return (yield from _write(path, form, token, size, fill))
    except (OSError, sqlite3.DatabaseError) as exc:
        log.info("derived file not stored (%s): %s", path, exc)
        return False


def drain(steps: Generator[None, None, bool]) -> bool:
    """Run a stepped ``write`` to its end."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return bool(done.value)


def _write(path: Path, form: str, token: bytes, size: int, fill: Fill) -> Generator[None, None, bool]:
    """False when the file cannot be opened or written; raises ``DatabaseError`` when
    it is not a database."""
    try:
        conn = sqlite3.connect(path, timeout=_BUSY_S, isolation_level=None)
    except sqlite3.Error as exc:
        log.info("derived file not stored (%s): %s", path, exc)
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value)")
        conn.execute("DELETE FROM meta")
        yield from fill(conn)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", stamp(form, token, size).items())
        conn.execute("COMMIT")
        return True
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if type(exc) is sqlite3.DatabaseError:
            raise
        log.info("derived file not stored (%s): %s", path, exc)
        return False
    finally:
        conn.close()


def open_current(path: Path, form: str, token: bytes | None) -> tuple[sqlite3.Connection, int] | None:
    """A read-only connection and the recorded size, if the file was built for
    ``token`` in ``form``; None when missing, stale or unreadable."""
    if token is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=_BUSY_S)
    except sqlite3.Error:
        return None
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        size = int(str(meta.get("size", -1)))
        if meta == stamp(form, token, size):
            return conn, size
    except (sqlite3.Error, ValueError, TypeError) as exc:
        log.info("derived file unreadable, rebuilding (%s): %s", path, exc)
    conn.close()
    return None
