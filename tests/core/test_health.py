"""The Qt-free checks behind ``quickreply doctor``: library file, backups, subscriptions."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from desktop.core import Library
from desktop.core.store import backup as backups
from desktop.core.store.health import (
    FAIL,
    OK,
    WARN,
    Check,
    backup_check,
    database_checks,
    overall_ok,
    size_text,
    subscription_check,
)
from desktop.core.store.schema import SCHEMA_VERSION


def make_library(path: Path, phrases: int = 2) -> None:
    with Library.open(path) as lib:
        for n in range(phrases):
            lib.add(f"话术{n}", "您好", code=f"h{n}")


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {c.name: c for c in checks}


def set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_a_missing_file_is_fine_and_a_folder_is_not(tmp_path):
    [missing] = database_checks(tmp_path / "library.db")
    assert missing.status == OK and "第一次启动时会自动创建" in missing.detail
    [folder] = database_checks(tmp_path)
    assert folder.status == FAIL and "是一个文件夹" in folder.detail
    assert not (tmp_path / "library.db").exists()


def test_a_healthy_library_passes_with_its_size_version_and_phrase_count(tmp_path):
    path = tmp_path / "library.db"
    make_library(path, phrases=3)
    found = by_name(database_checks(path))
    assert [c.status for c in found.values()] == [OK, OK, OK]
    assert found["话术库"].detail.endswith("KB）")
    assert found["结构版本"].detail == f"版本 {SCHEMA_VERSION}（当前程序 {SCHEMA_VERSION}），3 条话术"
    assert overall_ok(list(found.values()))


def test_a_damaged_library_fails_and_is_not_changed(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    data = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(data)
    checks = database_checks(path)
    found = by_name(checks)
    assert found["完整性"].status == FAIL and "损坏" in found["完整性"].detail
    assert "结构版本" not in found  # nothing more to read from a damaged file
    assert not overall_ok(checks)
    assert path.read_bytes() == data


def test_versions_newer_and_older_than_the_program(tmp_path):
    newer, older = tmp_path / "newer.db", tmp_path / "older.db"
    make_library(newer)
    set_version(newer, SCHEMA_VERSION + 1)
    check = by_name(database_checks(newer))["结构版本"]
    assert check.status == FAIL and "请升级快回" in check.detail
    make_library(older)
    set_version(older, SCHEMA_VERSION - 1)
    check = by_name(database_checks(older))["结构版本"]
    assert check.status == OK and f"自动升级到 {SCHEMA_VERSION}" in check.detail
    conn = sqlite3.connect(older)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1  # not upgraded
    conn.close()


def test_backups_none_recent_and_stale(tmp_path):
    path = tmp_path / "library.db"
    make_library(path)
    none = backup_check(path)
    assert none.status == WARN and "还没有备份" in none.detail
    with Library.open(path) as lib:
        made = backups.backup_now(lib, backups.MANUAL)
        created = backups.list_backups(lib)[0].created
    recent = backup_check(path, now=created + timedelta(days=1))
    assert recent.status == OK and made.name in recent.detail and "共 1 份" in recent.detail
    stale = backup_check(path, now=created + timedelta(days=31))
    assert stale.status == WARN and "已经 31 天没有备份" in stale.detail


def test_subscriptions_summarised_and_their_errors_named(tmp_path):
    path = tmp_path / "library.db"
    assert subscription_check(path) == Check("订阅", OK, "没有订阅团队话术")
    make_library(path)
    assert subscription_check(path).detail == "没有订阅团队话术"
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO subscriptions (source, name, last_updated, last_error, created)"
        " VALUES (?, ?, ?, ?, 'now')",
        [("https://a.example/x.json", "总部", "2026-11-20T08:00:00+00:00", None),
         ("//nas/y.json", "售后组", "2026-11-21T09:15:00+00:00", "找不到文件")],
    )  # fmt: skip
    conn.commit()
    conn.close()
    check = subscription_check(path)
    assert check.status == WARN
    assert check.detail == "2 个订阅，最近更新 2026-11-21 09:15；更新出错：售后组"


def test_an_unreadable_library_skips_the_subscription_check(tmp_path):
    path = tmp_path / "library.db"
    path.write_bytes(b"\x00garbage" * 500)
    check = subscription_check(path)
    assert check.status == WARN and "跳过订阅检查" in check.detail


def test_sizes_read_as_people_write_them():
    assert [size_text(n) for n in (512, 20 * 1024, 3 * 1024 * 1024 + 1)] == [
        "512 B", "20 KB", "3.0 MB"]  # fmt: skip
