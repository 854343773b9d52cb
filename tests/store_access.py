"""The library's SQLite connection, for tests that check what the store keeps on disk.

The connection is private to ``desktop/core/store``: the app, the CLI and the
layers above the store never touch it (tests/test_architecture.py checks that).
A few tests must still look at the stored rows themselves (a column that must
not exist, the journal mode, a dump to compare before and after) or set up a
state the public API refuses to make (a read-only category without a
subscription, an old schema version, a full disk).  They reach in through this
one function, so that doing so stays deliberate and easy to find.
"""

from __future__ import annotations

import sqlite3

from desktop.core.store.library import Library


def raw_connection(lib: Library) -> sqlite3.Connection:
    """The store's own connection, on purpose: only for checks of what is on disk."""
    return lib._conn
