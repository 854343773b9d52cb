"""Issue 14, finding 1: a damaged library is never written to or backed up as if it were good,
and recovery can reach an older good backup."""

from __future__ import annotations

import shutil

import pytest

from desktop.core import DatabaseError, Library
from desktop.core.store import backup as backups
from desktop.core.store import damaged
from desktop.core.store.damaged import damage
from desktop.core.store.health import database_checks
from tests.core.damage_helpers import break_table_page, garble_text, make_library


def test_a_write_into_a_damaged_file_is_refused_and_changes_nothing(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    break_table_page(path)
    assert damage(path)  # the precondition: quick_check sees the damage
    before = path.read_bytes()
    lib = Library.open(path)
    try:
        with pytest.raises(DatabaseError, match="损坏"):
            lib.add("新话术", "写进损坏的文件")
        with pytest.raises(DatabaseError, match="损坏"):
            lib.set_setting("store.店铺名", "小店")
    finally:
        lib.close()
    assert path.read_bytes() == before
    assert not (tmp_path / "library.db-wal").exists() or (
        (tmp_path / "library.db-wal").stat().st_size == 0
    )


def test_a_damaged_file_is_not_backed_up_as_a_good_copy(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    break_table_page(path)
    lib = Library.open(path)
    try:
        with pytest.raises(DatabaseError, match="损坏"):
            backups.backup_now(lib, backups.MANUAL)
        assert backups.list_backups(lib) == []
    finally:
        lib.close()


def test_recovery_skips_a_damaged_newest_backup_for_an_older_good_one(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    with Library.open(path) as lib:
        good = backups.backup_now(lib, backups.MANUAL)
    break_table_page(path)
    # a damaged copy with a newer name, as the old ``backup now`` made of a damaged file
    newer = good.with_name(good.name.replace(good.name[8:23], "99991231-235959"))
    shutil.copyfile(path, newer)
    found = damaged.good_backups(path)
    assert [p for p, _when in found] == [good]


def test_the_doctor_sees_text_that_breaks_search(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    code = garble_text(path)
    with Library.open(path) as lib, pytest.raises(Exception, match="decode"):
        lib.search(code)  # what the agent would meet
    checks = {c.name: c for c in database_checks(path)}
    assert checks["完整性"].status == "fail"
    assert "文字" in checks["完整性"].detail
