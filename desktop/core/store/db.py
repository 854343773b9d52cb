"""Opening the library file: location, WAL mode, transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

from desktop.core.base.errors import DatabaseError, QuickReplyError
from desktop.core.base.messages import Message
from desktop.core.store.storage_errors import storage_error

APP_NAME = "QuickReply"
ENV_DB = "QUICKREPLY_DB"
# A writer waits this long for another process's transaction.  The largest import
# allowed (200,000 phrases) holds the lock for about 20 s on a slow PC; waiting beats
# failing with "database is locked" in the middle of the agent's work.
CACHE_KIB = 512
BUSY_TIMEOUT_MS = 120_000


def default_db() -> Path:
    """The library in the user data folder: the one a plain start opens."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library.db"


def default_path() -> Path:
    """``--db`` wins over ``QUICKREPLY_DB``, which wins over the user data folder."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return default_db()


class Database:
    """The open library file: one ``sqlite3`` connection, and WAL mode for files.

    This used to be sqlite-utils' ``Database``, of which the library used only
    these three things; importing it (with its plugin scan, pluggy and dateutil)
    cost about 7 MB and a tenth of a second at every start of the app and the CLI.
    """

    def __init__(self, path: Path | None = None, *, conn: sqlite3.Connection | None = None) -> None:
        self.conn = conn or sqlite3.connect(":memory:" if path is None else str(path))

    def enable_wal(self) -> None:
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        self.conn.close()


def opening_error(exc: sqlite3.DatabaseError, path: Path | str | None) -> QuickReplyError:
    """What opening ``path`` failed on: a read-only mount, a full disk or a lock, else damage."""
    honest = storage_error(exc, path)
    if honest is not None:
        return honest
    return DatabaseError(
        Message(
            "话术库文件已损坏或不是快回的文件：{path}（{error}）", path=str(path), error=str(exc)
        )
    )


def connect(path: Path | str | None) -> Database:
    """Open (or create) the file in autocommit mode; callers group writes in ``transaction``."""
    try:
        if path is None or str(path) == ":memory:":
            db = Database()
        else:
            target = Path(path)
            if target.exists() and target.is_dir():
                raise DatabaseError(
                    Message("话术库路径是一个文件夹，不是文件：{path}", path=str(target))
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            db = Database(target)
            db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.conn.isolation_level = None
        db.conn.execute("PRAGMA foreign_keys = ON")
        # SQLite's own page cache (2 MB by default) fills up when the index is
        # built from every row, and stays: the operating system caches the file
        # anyway, and the queries that follow read a few pages each.
        db.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        return db
    except sqlite3.DatabaseError as exc:
        raise opening_error(exc, path) from exc
    except OSError as exc:
        honest = storage_error(exc, path)
        if honest is not None:
            raise honest from exc
        raise DatabaseError(
            Message(
                "无法创建话术库文件 {path}：{error}", path=str(path), error=exc.strerror or str(exc)
            )
        ) from exc


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All-or-nothing: an exception inside leaves the file exactly as it was.

    Nested use joins the outer transaction, so a bulk import can call the same
    helpers as a single edit and still commit (or roll back) once.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk, an I/O
        # error); a second ROLLBACK would hide the real error behind its own.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def peek_setting(path: Path, key: str) -> str | None:
    """A setting read from the file without opening it for writing (before start-up,
    or on a file that may be damaged); None when missing or unreadable."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None
