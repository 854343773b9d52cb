"""Backups: taken with SQLite's backup API, rotated, and restorable (restores are undoable)."""

from __future__ import annotations

import sqlite3
import time

import pytest

from desktop.core import DatabaseError, Library, NotFoundError, ValidationError
from desktop.core.exchange.formats import ReadResult
from desktop.core.exchange.importer import apply, preview
from desktop.core.exchange.packs import Pack, PackPhrase
from desktop.core.store import backup


@pytest.fixture
def disk(tmp_path):
    library = Library.open(tmp_path / "library.db")
    library.add("原有", "原来的内容", "售后", code="yy")
    yield library
    library.close()


def dump(lib):
    return list(lib.conn.iterdump())


def test_backup_is_a_consistent_library_file_next_to_the_database(disk):
    path = backup.backup_now(disk, "manual")
    assert path.parent == disk.path.parent / "backups"
    assert path.name.startswith("library-") and path.name.endswith("-manual.db")
    with Library.open(path) as copy:
        assert [p.title for p in copy.phrases()] == ["原有"]
    assert not list(path.parent.glob("*.partial"))


def test_list_is_newest_first_and_only_this_librarys(disk, tmp_path):
    first = backup.backup_now(disk, "manual")
    second = backup.backup_now(disk, "before-import")
    (tmp_path / "backups" / "other-20260101-000000-000-manual.db").write_bytes(b"")
    found = backup.list_backups(disk)
    assert [b.path for b in found] == [second, first]
    assert found[0].reason_label == "导入前" and found[1].to_dict()["reason"] == "manual"


def test_rotation_keeps_the_newest(disk):
    disk.set_setting("backups_keep", "3")
    made = [backup.backup_now(disk, "manual") for _ in range(5)]
    assert [b.path for b in backup.list_backups(disk)] == made[::-1][:3]
    assert not made[0].exists()


def test_restore_brings_the_library_back_and_can_itself_be_undone(disk):
    saved = backup.backup_now(disk, "before-import")
    disk.add("导入的", "新内容", code="dr")
    assert disk.search("dr")
    restored, undo = backup.restore(disk, "latest")
    assert restored.path == saved
    assert disk.find_by_code("dr") is None and disk.search("dr") == []  # caches reloaded
    assert undo.name.endswith("before-restore.db")
    backup.restore(disk, undo.name)
    assert disk.find_by_code("dr") is not None


def test_another_connection_sees_the_restore(disk):
    backup.backup_now(disk, "manual")
    disk.add("之后加的", "内容", code="zh")
    with Library.open(disk.path) as window:
        assert window.find_by_code("zh") is not None
        backup.restore(disk, "latest")
        assert window.refresh_if_changed()
        assert window.find_by_code("zh") is None and window.search("zh") == []


def test_undo_import_finds_the_backup_taken_before_the_last_import(disk):
    assert backup.last_import_backup(disk) is None
    item = PackPhrase(category=("导入",), title="新", body="内容", code="xin")
    report = apply(disk, preview(disk, ReadResult(Pack(phrases=[item]))))
    backup.backup_now(disk, "manual")
    found = backup.last_import_backup(disk)
    assert found is not None and found.name == report.backup
    backup.restore(disk, found)
    assert disk.find_by_code("xin") is None
    assert backup.last_import_backup(disk) is None  # already undone


def test_unknown_or_damaged_backups_are_refused(disk):
    with pytest.raises(NotFoundError, match="还没有备份"):
        backup.restore(disk, "latest")
    with pytest.raises(NotFoundError, match="没有这个备份"):
        backup.find_backup(disk, "nope")
    bad = disk.path.parent / "backups" / f"library-{time.strftime('%Y%m%d-%H%M%S')}-000-manual.db"
    bad.parent.mkdir()
    bad.write_bytes(b"not a database at all" * 100)
    before = dump(disk)
    with pytest.raises(DatabaseError, match="备份文件已损坏"):
        backup.restore(disk, bad.name)
    assert dump(disk) == before


def test_a_backup_from_an_older_version_is_upgraded_on_restore(disk):
    path = backup.backup_now(disk, "manual")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    backup.restore(disk, path.name)
    assert disk.conn.execute("PRAGMA user_version").fetchone()[0] >= 2
    assert disk.find_by_code("yy") is not None


def test_memory_libraries_cannot_be_backed_up(lib):
    with pytest.raises(ValidationError, match="内存"):
        backup.backup_now(lib)
