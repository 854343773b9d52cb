"""The search index kept in a file beside the library, loaded whole at open.

Building the index reads every phrase's stored keys and joins them: 0.1 s at
20,000 phrases and half a second at 100,000, and the rows read leave the
memory fragmented (about 7 MB more than the index itself at 20,000).  Loaded
from this file the index is a handful of long strings and arrays read in one
go, in a tenth of the time, and takes exactly its own size.

``library.db`` → ``library.db.search``, an SQLite file of named parts (see
``SearchIndex.parts``), stamped with the library's content token like the 建议
index file (``suggest_file``).  A cache: missing, stale, damaged or
unwritable, the index is built from the phrases as before.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from desktop.core.store.content_token import stamp

log = logging.getLogger("quickreply.search")
FORMAT = "2"  # 2: offsets in 32 bits
_BUSY_S = 5.0


def path_for(library: Path) -> Path:
    return library.with_name(library.name + ".search")


def save(path: Path, token: bytes, size: int, parts: dict[str, Any]) -> bool:
    """Store an index's ``parts`` (built for ``token``); False when it cannot be written."""
    for attempt in (1, 2):
        try:
            return _write(path, token, size, parts)
        except sqlite3.DatabaseError as exc:  # not a database: replaced once
            log.info("search index file damaged, written again (%s): %s", path, exc)
            if attempt == 2:
                return False
            try:
                path.unlink()
            except OSError:
                return False
    return False


def _write(path: Path, token: bytes, size: int, parts: dict[str, Any]) -> bool:
    try:
        conn = sqlite3.connect(path, timeout=_BUSY_S, isolation_level=None)
    except sqlite3.Error as exc:
        log.info("search index not stored (%s): %s", path, exc)
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value)")
        conn.execute("CREATE TABLE IF NOT EXISTS parts (name TEXT PRIMARY KEY, value)")
        conn.execute("DELETE FROM meta")
        conn.execute("DELETE FROM parts")
        conn.executemany("INSERT INTO parts VALUES (?, ?)", parts.items())
        conn.executemany("INSERT INTO meta VALUES (?, ?)", stamp(FORMAT, token, size).items())
        conn.execute("COMMIT")
        return True
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if type(exc) is sqlite3.DatabaseError:
            raise
        log.info("search index not stored (%s): %s", path, exc)
        return False
    finally:
        conn.close()


def load(path: Path, token: bytes | None) -> dict[str, Any] | None:
    """The stored parts if the file was built for ``token``; None otherwise."""
    if token is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=_BUSY_S)
    except sqlite3.Error:
        return None
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta != stamp(FORMAT, token, int(str(meta.get("size", -1)))):
            return None
        return dict(conn.execute("SELECT name, value FROM parts"))
    except (sqlite3.Error, ValueError, TypeError) as exc:
        log.info("search index file unreadable, rebuilding (%s): %s", path, exc)
        return None
    finally:
        conn.close()
