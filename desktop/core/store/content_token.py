"""The library's content token, and the stamp a file derived from the library carries.

Triggers (schema v10) give the token a fresh random value with every write to
phrases, categories or learned words, whoever writes.  A cache built from the
library (the search index, the 建议 index) records the token it was built for,
with the format and this machine's byte order, and is used only while all of
them still match.
"""

from __future__ import annotations

import sqlite3
import sys


def content_token(conn: sqlite3.Connection) -> bytes | None:
    """The library's current content token (None in a file older than schema v10)."""
    try:
        row = conn.execute("SELECT token FROM content_token WHERE k = 1").fetchone()
    except sqlite3.OperationalError:
        return None
    return bytes(row[0]) if row else None


def stamp(form: str, token: bytes, size: int) -> dict[str, object]:
    """What a derived file records about what it was built from (its ``meta`` rows)."""
    return {"format": form, "token": token, "size": size, "byteorder": sys.byteorder}
