"""Issue 14, finding 5: a writer waits for a long import instead of failing with 'database is locked'."""

from __future__ import annotations

import sqlite3
import threading
import time

from desktop.core import Library


def test_a_writer_waits_out_an_import_that_holds_the_lock_for_six_seconds(tmp_path):
    path = tmp_path / "library.db"
    Library.open(path).close()
    importing = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    importing.execute("BEGIN IMMEDIATE")  # what a large import does for its whole run
    importing.execute("INSERT INTO settings (key, value) VALUES ('store.导入中', '是')")
    finished = threading.Event()

    def commit_later() -> None:
        time.sleep(6)  # longer than the old 5 s busy timeout
        importing.execute("COMMIT")
        finished.set()

    threading.Thread(target=commit_later, daemon=True).start()
    with Library.open(path) as lib:
        added = lib.add("导入时加的", "等导入结束再写")
        assert finished.is_set()
        assert lib.get(added.id).title == "导入时加的"
        assert lib.setting("store.导入中") == "是"
    importing.close()
