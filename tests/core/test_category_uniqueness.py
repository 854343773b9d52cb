"""Issue 14, finding 4: two processes writing at once must not make duplicate categories."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core import Library
from desktop.core.store.schema import migrate


def roots_named(path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT COUNT(*) FROM categories WHERE parent_id IS NULL AND name = ?", (name,)
        ).fetchone()[0]
    finally:
        conn.close()


def test_a_long_lived_process_with_a_stale_cache_adds_into_the_existing_category(tmp_path):
    path = tmp_path / "library.db"
    tray = Library.open(path)  # the tray app: opened at start, caches the tree
    cli = Library.open(path)  # the CLI, run while the tray app is up
    try:
        cli.add("命令行加的", "第一条", "大促活动")
        tray.add("托盘加的", "第二条", "大促活动")
        cli.add("命令行又加", "第三条", "大促活动/双十一")
        tray.add("托盘又加", "第四条", "大促活动/双十一")
        assert roots_named(path, "大促活动") == 1
        titles = {p.title for p in cli.phrases("大促活动")}
        assert titles == {"命令行加的", "托盘加的", "命令行又加", "托盘又加"}
    finally:
        tray.close()
        cli.close()


def test_the_database_itself_refuses_a_second_category_of_the_same_name(tmp_path):
    path = tmp_path / "library.db"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO categories (parent_id, name) VALUES (NULL, '售后')")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO categories (parent_id, name) VALUES (NULL, '售后')")
    finally:
        conn.close()


def test_an_old_library_with_duplicates_is_merged_on_opening(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, upto=3)
    rows = [
        (1, None, "售后", ""),
        (2, None, "售后", "收货以后的问题"),
        (3, 1, "退换货", ""),
        (4, 2, "退换货", "退货换货"),
        (5, 2, "退款", ""),
    ]
    conn.executemany("INSERT INTO categories (id, parent_id, name, note) VALUES (?, ?, ?, ?)", rows)
    for pid, cid in (("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 5)):
        conn.execute(
            "INSERT INTO phrases (id, category_id, title, body, created_at, updated_at)"
            " VALUES (?, ?, ?, '内容', '2025-01-01', '2025-01-01')",
            (pid, cid, f"标题{pid}"),
        )
    conn.close()
    with Library.open(path) as lib:
        paths = [c.path for c in lib.categories()]
        assert sorted(paths) == [("售后",), ("售后", "退换货"), ("售后", "退款")]
        assert lib.category("售后").note == "收货以后的问题"
        assert lib.category("售后/退换货").note == "退货换货"
        assert {p.id for p in lib.phrases("售后/退换货")} == {"c", "d"}
        assert lib.count() == 5
