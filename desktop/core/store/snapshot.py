"""A library file copied into memory, for looking without touching.

``import --dry-run`` previews against this copy: the file is never created
(a preview of a library that does not exist yet compares with the default
library a new file would get), migrated or written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.base.errors import DatabaseError
from desktop.core.base.messages import Message
from desktop.core.store.db import Database, opening_error
from desktop.core.store.library import Library
from desktop.core.store.schema import check_version, migrate


def open_copy(path: str | Path) -> Library:
    """An in-memory copy of ``path`` (or, when there is no such file, a new empty
    library whose ``created`` says so: the caller seeds it like a new file)."""
    target = Path(path)
    if not target.exists():
        return Library.memory()
    if target.is_dir():
        raise DatabaseError(Message("话术库路径是一个文件夹，不是文件：{path}", path=str(target)))
    memory = sqlite3.connect(":memory:")
    try:
        # No -wal beside it: nothing is mid-write, and immutable=1 reads without
        # creating -wal/-shm files.  With one (the app has it open), read-only.
        wal = Path(f"{target}-wal").exists()
        mode = "mode=ro" if wal else "immutable=1"
        source = sqlite3.connect(f"{target.resolve().as_uri()}?{mode}", uri=True)
        try:
            source.backup(memory)
        finally:
            source.close()
        memory.isolation_level = None
        check_version(memory)
        migrate(memory)
    except sqlite3.DatabaseError as exc:
        memory.close()
        raise opening_error(exc, target) from exc
    return Library(Database(conn=memory), path=None)
