"""Older library files are upgraded in place; migrations are safe to re-run."""

import sqlite3

from desktop.core import Library
from desktop.core.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, user_version


def test_a_version_1_file_is_upgraded_and_its_phrases_become_searchable(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, upto=1)
    conn.execute("INSERT INTO categories (id, name) VALUES (1, '售后')")
    conn.execute(
        "INSERT INTO phrases (id, category_id, title, body, created_at, updated_at)"
        " VALUES ('old1', 1, '退货运费', '运费我们承担', '2024-01-01', '2024-01-01')"
    )
    conn.close()
    with Library.open(path) as lib:
        assert user_version(lib.conn) == SCHEMA_VERSION
        assert [p.id for p in lib.search("thyf")] == ["old1"]
        assert lib.count() == 1  # an existing file is never seeded


def test_each_migration_can_run_twice_without_harm():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    for step in MIGRATIONS:
        step(conn)
    assert user_version(conn) == SCHEMA_VERSION


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    import pytest

    from desktop.core import DatabaseError

    with pytest.raises(DatabaseError, match="更新版本"):
        Library.open(path)
    assert path.read_bytes() == before
