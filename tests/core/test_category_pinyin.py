"""Category names are searchable by pinyin from keys stored when they are written."""

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.store import category_ops
from desktop.core.store.schema import SCHEMA_VERSION, user_version


def titles(lib: Library, query: str) -> set[str]:
    return {p.title for p in lib.search(query, limit=50)}


def test_a_new_category_is_found_by_its_pinyin_after_reopening(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.add("运费说明", "退货运费由谁出", "售后/退换货")
    with open_library(path) as lib:
        assert titles(lib, "tuihuanhuo") == {"运费说明"}
        assert titles(lib, "thh") == {"运费说明"}
        stored = lib.conn.execute("SELECT name, search_for FROM categories").fetchall()
        assert all(name == made_for for name, made_for in stored)


def test_a_renamed_category_is_found_by_its_new_pinyin_only(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.add("运费说明", "退货运费由谁出", "售后/退换货")
        category_ops.rename_category(lib, lib.category("售后/退换货").id, "换货")
        assert titles(lib, "huanhuo") == {"运费说明"}
    with open_library(path) as lib:
        assert titles(lib, "huanhuo") == {"运费说明"}
        assert titles(lib, "tuihuanhuo") == set()


def test_a_file_from_before_stored_category_pinyin_gets_it_when_opened(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        lib.add("运费说明", "退货运费由谁出", "售后/退换货")
        lib.conn.execute("UPDATE categories SET search_pinyin = '', search_for = NULL")
        lib.conn.execute("PRAGMA user_version = 6")
    with open_library(path) as lib:
        assert user_version(lib.conn) == SCHEMA_VERSION
        assert titles(lib, "shouhou") == {"运费说明"}
        assert lib.conn.execute("SELECT COUNT(*) FROM categories WHERE search_for IS NULL").fetchone()[0] == 0
