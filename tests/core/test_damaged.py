"""A damaged library file, without Qt: told apart, kept, replaced by its newest backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop.core import DatabaseError, Library
from desktop.core.store import backup as backups
from desktop.core.store.damaged import (
    damage,
    latest_backup,
    read_only,
    restore_backup,
    set_aside,
)
from desktop.core.store.schema import SCHEMA_VERSION

WHEN = datetime(2026, 12, 7, 9, 30, 0)


def make_library(path: Path, *, title: str = "自己的话术", backup: bool = False) -> None:
    with Library.open(path) as lib:
        lib.add(title, "您好，这是我们自己加的话术", code="zj")
        if backup:
            backups.backup_now(lib, backups.MANUAL)


def truncate(path: Path) -> bytes:
    data = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(data)
    return data


def titles(path: Path) -> list[str]:
    with Library.open(path) as lib:
        return [p.title for p in lib.phrases()]


def test_a_missing_or_healthy_file_is_not_damage_and_an_empty_one_is(tmp_path):
    assert damage(tmp_path / "none.db") is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert "空的" in damage(tmp_path / "empty.db")
    make_library(tmp_path / "ok.db")
    assert damage(tmp_path / "ok.db") is None
    assert damage(tmp_path / "ok.db", full=True) is None
    assert not (tmp_path / "none.db").exists()  # looking never creates the file


def test_truncated_and_garbage_files_are_damage_and_stay_as_they_were(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    data = truncate(path)
    assert damage(path) and damage(path, full=True)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00garbage" * 500)
    assert "not a database" in damage(garbage)
    assert path.read_bytes() == data and garbage.read_bytes() == b"\x00garbage" * 500


def test_a_file_from_a_newer_quickreply_is_not_called_damaged(tmp_path):
    path = tmp_path / "newer.db"
    make_library(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    assert damage(path) is None  # opening it says "upgrade QuickReply" instead


def test_read_only_refuses_to_write(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    conn = read_only(path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM phrases")
    finally:
        conn.close()


def test_set_aside_moves_the_file_with_its_companions_and_never_overwrites(tmp_path):
    path = tmp_path / "library.db"
    for suffix, data in (("", b"main"), ("-wal", b"wal"), ("-shm", b"shm")):
        Path(f"{path}{suffix}").write_bytes(data)
    first = set_aside(path, WHEN)
    assert first.name == "library.db.damaged-20261207-093000"
    assert first.read_bytes() == b"main" and Path(f"{first}-wal").read_bytes() == b"wal"
    assert Path(f"{first}-shm").read_bytes() == b"shm" and not path.exists()
    path.write_bytes(b"again")
    second = set_aside(path, WHEN)  # same second: a new name, the first copy kept
    assert second.name == "library.db.damaged-20261207-093000-2"
    assert first.read_bytes() == b"main" and second.read_bytes() == b"again"


def test_set_aside_puts_everything_back_when_a_rename_fails(tmp_path, monkeypatch):
    path = tmp_path / "library.db"
    path.write_bytes(b"main")
    Path(f"{path}-wal").write_bytes(b"wal")
    real_rename = Path.rename

    def rename(self, target):
        if self.name.endswith("-wal"):
            raise PermissionError(13, "in use")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(DatabaseError, match="无法把损坏的话术库改名保存"):
        set_aside(path, WHEN)
    assert path.read_bytes() == b"main" and Path(f"{path}-wal").read_bytes() == b"wal"
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name] == []


def test_the_newest_backup_is_found_even_for_a_file_too_damaged_to_open(tmp_path):
    path = tmp_path / "library.db"
    assert latest_backup(path) is None
    make_library(path, backup=True)
    truncate(path)
    found = latest_backup(path)
    assert found is not None and found[0].parent == tmp_path / "backups"
    assert abs((datetime.now() - found[1]).total_seconds()) < 120


def test_restore_backup_puts_the_backup_in_place_and_keeps_the_damaged_file(tmp_path):
    path = tmp_path / "library.db"
    make_library(path, title="备份里的话术", backup=True)
    backup_file, _ = latest_backup(path)
    damaged = truncate(path)
    aside = restore_backup(backup_file, path, WHEN)
    assert aside.read_bytes() == damaged
    assert damage(path) is None and titles(path) == ["备份里的话术"]
    assert not path.with_name("library.db.restoring").exists()


def test_a_bad_backup_is_refused_and_the_damaged_file_left_alone(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    damaged = truncate(path)
    bad = tmp_path / "bad-backup.db"
    bad.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(DatabaseError, match="备份文件不可用"):
        restore_backup(bad, path, WHEN)
    with pytest.raises(DatabaseError, match="文件不存在"):
        restore_backup(tmp_path / "missing.db", path, WHEN)
    assert path.read_bytes() == damaged
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name] == []
