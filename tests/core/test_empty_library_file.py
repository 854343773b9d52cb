"""Issue 14, finding 3: an existing file that is empty or not a library is damage, not a new library."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core import DatabaseError, Library
from desktop.core.exchange.seed import open_library
from desktop.core.store import backup as backups
from desktop.core.store.damaged import damage, latest_backup
from desktop.core.store.health import database_checks


def test_a_zero_byte_file_is_refused_not_seeded(tmp_path):
    path = tmp_path / "library.db"
    path.write_bytes(b"")
    with pytest.raises(DatabaseError, match="空"):
        Library.open(path)
    assert path.stat().st_size == 0


def test_a_zero_byte_file_is_damage_for_the_doctor_and_the_recovery(tmp_path):
    path = tmp_path / "library.db"
    with Library.open(path) as lib:
        lib.add("自己的话术", "一段自己写的话", code="zj")
        saved = backups.backup_now(lib, backups.MANUAL)
    path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"library.db{suffix}").unlink(missing_ok=True)
    assert damage(path)
    assert latest_backup(path)[0] == saved  # what the start-up recovery offers
    checks = {c.name: c for c in database_checks(path)}
    assert checks["完整性"].status == "fail"


def test_another_programs_sqlite_file_is_not_taken_over(tmp_path):
    path = tmp_path / "library.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, buyer TEXT)")
    conn.execute("INSERT INTO orders (buyer) VALUES ('someone')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="不是快回"):
        Library.open(path)
    assert path.read_bytes() == before
    assert damage(path)


def test_a_missing_file_is_still_a_new_library(tmp_path):
    with open_library(tmp_path / "new.db") as lib:
        assert lib.count() > 0
