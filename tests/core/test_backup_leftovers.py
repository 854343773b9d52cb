"""Issue 14, finding 16: what an interrupted ``backup now`` leaves behind is removed next time."""

from __future__ import annotations

import os
import time

from desktop.core import Library
from desktop.core.store import backup as backups


def test_stale_partial_and_journal_files_are_cleaned_at_the_next_backup(tmp_path):
    with Library.open(tmp_path / "library.db") as lib:
        folder = tmp_path / "backups"
        folder.mkdir()
        hour_ago = time.time() - 3600
        stale = [
            folder / "library-20261201-101010-123-manual.partial",
            folder / "library-20261201-101010-123-manual.partial-journal",
            folder / "library-20261201-101011-001-before-import.partial",
        ]
        for path in stale:
            path.write_bytes(b"half a copy")
            os.utime(path, (hour_ago, hour_ago))
        busy = folder / "library-20261207-090000-000-manual.partial"  # another process, now
        busy.write_bytes(b"being written")
        other = folder / "other-20261201-101010-123-manual.partial"  # another library's
        other.write_bytes(b"not ours")
        os.utime(other, (hour_ago, hour_ago))
        made = backups.backup_now(lib, backups.MANUAL)
        assert made.exists()
        assert not any(path.exists() for path in stale)
        assert busy.exists() and other.exists()
