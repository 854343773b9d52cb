"""The 建议 index kept in a file beside the library, read a few rows per query.

Held in memory, the index costs 5 bytes a posting (about 6 MB at 20,000
phrases, 28 MB at 100,000, more once the build's scraps are counted) and its
build 2 s of CPU at 20,000 phrases and 12 s at 100,000, at every start.  In a
file it costs neither: a message's 20–60 terms are read with one query, and
the file is rebuilt only when the library's content has changed since.

The file is an SQLite database named after the library (``library.db`` →
``library.db.suggest``).  It records the library's content token (schema v10:
triggers change it with every write to phrases, categories or learned words)
and is used only while the library still has that token.  It is a cache: when
it is missing, stale, unreadable or cannot be written, the index is built in
memory as before.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Generator, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from desktop.core.search.suggest import PackedPostings
from desktop.core.store import derived_file

FORMAT = "1"
_ROWS_PER_STEP = 1000  # terms written per step of a stepped save


def path_for(library: Path) -> Path:
    return library.with_name(library.name + ".suggest")


def save(path: Path, token: bytes, postings: PackedPostings) -> bool:
    """Write ``postings`` (built for ``token``) to ``path``; False when it cannot be written."""
    return derived_file.drain(save_steps(path, token, postings))


def save_steps(path: Path, token: bytes, postings: PackedPostings) -> Generator[None, None, bool]:
    """``save`` in short steps (for a caller's event loop); returns whether it was written."""

    def fill(conn: sqlite3.Connection) -> Iterator[None]:
        for sql in (
            (
                "CREATE TABLE IF NOT EXISTS terms"
                " (term TEXT PRIMARY KEY, idf REAL, docs BLOB, weights BLOB) WITHOUT ROWID"
            ),
            "CREATE TABLE IF NOT EXISTS ids (n INTEGER PRIMARY KEY, id TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS ids_id ON ids(id)",
            "DELETE FROM terms",
            "DELETE FROM ids",
        ):
            conn.execute(sql)
        rows = ((t, idf, docs.tobytes(), weights) for t, idf, docs, weights in postings.entries())
        while chunk := list(islice(rows, _ROWS_PER_STEP)):
            conn.executemany("INSERT INTO terms VALUES (?, ?, ?, ?)", chunk)
            yield None
        numbered = enumerate(postings.ids())
        while batch := list(islice(numbered, _ROWS_PER_STEP * 4)):
            conn.executemany("INSERT INTO ids VALUES (?, ?)", batch)
            yield None

    return derived_file.write(path, FORMAT, token, postings.size, fill)


class StoredPostings:
    """``Postings`` read from the file, per query (see ``desktop.core.search.suggest``)."""

    def __init__(self, conn: sqlite3.Connection, size: int) -> None:
        self._conn = conn
        self.size = size

    def lookup(self, terms: Iterable[str]) -> Iterator[tuple[str, float, Sequence[int], bytes]]:
        wanted = list(terms)
        if not wanted:
            return
        rows = self._conn.execute(
            f"SELECT term, idf, docs, weights FROM terms WHERE term IN ({_marks(wanted)})", wanted
        )
        for term, idf, blob, weights in rows:
            docs = array("i")
            docs.frombytes(blob)
            yield term, idf, docs, bytes(weights)

    def ids_at(self, numbers: Sequence[int]) -> dict[int, str]:
        wanted = list(numbers)
        if not wanted:
            return {}
        sql = f"SELECT n, id FROM ids WHERE n IN ({_marks(wanted)})"
        return dict(self._conn.execute(sql, wanted))

    def numbers_of(self, ids: Iterable[str]) -> dict[str, int]:
        wanted = list(ids)
        if not wanted:
            return {}
        sql = f"SELECT id, n FROM ids WHERE id IN ({_marks(wanted)})"
        return dict(self._conn.execute(sql, wanted))

    def close(self) -> None:
        self._conn.close()


def open_stored(path: Path, token: bytes | None) -> StoredPostings | None:
    """The file's postings if it was built for ``token``; None when missing, stale or unreadable."""
    found = derived_file.open_current(path, FORMAT, token)
    if found is None:
        return None
    conn, size = found
    conn.execute("PRAGMA cache_size = -256")  # a query reads a few pages
    return StoredPostings(conn, size)


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))
