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
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.base.memory import give_back_freed_memory
from desktop.core.search.index import SearchIndex
from desktop.core.store import derived_file

log = logging.getLogger("quickreply.search")
FORMAT = "4"  # 2: offsets in 32 bits; 3: category names kept apart; 4: skip masks


def path_for(library: Path) -> Path:
    return library.with_name(library.name + ".search")


def save(path: Path, token: bytes, size: int, parts: dict[str, Any]) -> bool:
    """Store an index's ``parts`` (built for ``token``); False when it cannot be written."""

    def fill(conn: sqlite3.Connection) -> Iterator[None]:
        conn.execute("CREATE TABLE IF NOT EXISTS parts (name TEXT PRIMARY KEY, value)")
        conn.execute("DELETE FROM parts")
        conn.executemany("INSERT INTO parts VALUES (?, ?)", parts.items())
        yield from ()

    return derived_file.drain(derived_file.write(path, FORMAT, token, size, fill))


_one_at_a_time = threading.Lock()  # two saves of one file would wait on each other's lock
_POLL_S = 0.05  # how often a waiting save looks whether the process is closing


@dataclass(frozen=True)
class BackgroundSave:
    """An index being written from a thread (``save_in_background``)."""

    thread: threading.Thread
    closing: threading.Event

    def running(self) -> bool:
        return self.thread.is_alive()

    def wait(self) -> None:
        """Until the file is written, with the skip masks."""
        self.thread.join()

    def finish(self) -> None:
        """Until the file is written, without waiting for skip masks still being
        built (the process is ending: a command-line run need not pay for them)."""
        self.closing.set()
        self.thread.join()


def save_in_background(
    path: Path,
    token: bytes,
    index: SearchIndex,
    extra: dict[str, Any],
    *,
    give_back: bool = False,
    only_to_add_masks: bool = False,
) -> BackgroundSave:
    """Store ``index`` (built for ``token``) from a thread, so the search that built
    it need not wait: encoding and writing it is a quarter of a build's time.

    The skip masks are built first (pausing between blocks) and stored with it,
    so that later opens have them; ``finish`` writes at once without them.
    ``only_to_add_masks`` is for an index loaded from a file that lacks them:
    nothing is written unless they were built.  A write cut short leaves a file
    that is replaced next time (see ``derived_file``); a write to the library
    made meanwhile changes the token, so the file is never taken for a newer
    library.  With ``give_back`` the thread then returns freed memory to the
    system (``give_back_freed_memory``): what a large build read, and the
    encoded copies."""
    closing = threading.Event()

    def run() -> None:
        index.build_skips_in_background()
        while index.skips_pending() and not closing.wait(_POLL_S):
            pass
        if not (only_to_add_masks and not index.has_skips()):
            with _one_at_a_time:
                parts = index.parts()
                parts.update(extra)
                save(path, token, len(index), parts)
                del parts
        if give_back:
            give_back_freed_memory()

    thread = threading.Thread(target=run, name="search-index-file", daemon=True)
    thread.start()
    return BackgroundSave(thread, closing)


def load(path: Path, token: bytes | None) -> dict[str, Any] | None:
    """The stored parts if the file was built for ``token``; None otherwise."""
    found = derived_file.open_current(path, FORMAT, token)
    if found is None:
        return None
    conn, _size = found
    try:
        return dict(conn.execute("SELECT name, value FROM parts"))
    except sqlite3.Error as exc:
        log.info("search index file unreadable, rebuilding (%s): %s", path, exc)
        return None
    finally:
        conn.close()
