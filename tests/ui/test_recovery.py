"""A damaged library at start: detected, the agent asked, the damaged file kept under another name."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.core import DatabaseError, Library
from desktop.core.exchange.seed import open_library
from desktop.core.store import backup as backups
from desktop.core.store.damaged import damage, restore_backup, set_aside
from desktop.ui.recovery import Offer, RecoveryDialog, check_at_start

pytestmark = pytest.mark.gui


def make_library(path, *, backup: bool) -> int:
    lib = open_library(path)
    lib.add("店铺自己的话术", "您好，这是我们自己加的话术", code="zjdhs")
    if backup:
        backups.backup_now(lib, backups.MANUAL)
    count = lib.count()
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    return count


def truncate(path) -> bytes:
    data = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(data)
    return data


def leftovers(folder) -> list[str]:
    """The damaged files set aside (their -wal/-shm companions travel with them)."""
    names = (p.name for p in folder.iterdir() if ".damaged-" in p.name)
    return sorted(n for n in names if not n.endswith(("-wal", "-shm")))


def test_a_healthy_or_new_file_is_opened_without_asking(tmp_path):
    def never(_offer):
        raise AssertionError("asked about a healthy file")

    assert check_at_start(tmp_path / "new.db", ask=never).path == tmp_path / "new.db"
    make_library(tmp_path / "ok.db", backup=False)
    assert check_at_start(tmp_path / "ok.db", ask=never).path == tmp_path / "ok.db"


def test_a_truncated_file_is_detected_and_declining_changes_nothing(tmp_path):
    path = tmp_path / "library.db"
    make_library(path, backup=True)
    damaged = truncate(path)
    assert damage(path)
    offers: list[Offer] = []
    outcome = check_at_start(path, ask=lambda offer: offers.append(offer) or False)
    assert outcome.path is None and "quickreply doctor" in outcome.note
    assert offers[0].backup is not None and "malformed" in offers[0].problem
    assert path.read_bytes() == damaged and leftovers(tmp_path) == []


def test_restoring_the_latest_backup_keeps_the_damaged_file_aside(tmp_path):
    path = tmp_path / "library.db"
    count = make_library(path, backup=True)
    damaged = truncate(path)
    outcome = check_at_start(path, ask=lambda _offer: True)
    assert outcome.path == path and "已恢复" in outcome.note
    kept = leftovers(tmp_path)
    assert len(kept) == 1 and kept[0].startswith("library.db.damaged-") and kept[0] in outcome.note
    assert (tmp_path / kept[0]).read_bytes() == damaged  # never overwritten
    with open_library(path) as lib:
        assert lib.count() == count and lib.find_by_code("zjdhs") is not None
    assert len(list((tmp_path / "backups").iterdir())) == 1  # the backup itself is untouched


def test_without_a_backup_the_file_is_set_aside_for_a_fresh_library(tmp_path):
    path = tmp_path / "library.db"
    make_library(path, backup=False)
    damaged = truncate(path)
    outcome = check_at_start(path, ask=lambda offer: offer.backup is None)
    assert outcome.path == path and not path.exists()
    assert [(tmp_path / n).read_bytes() for n in leftovers(tmp_path)] == [damaged]


def test_the_smoke_test_never_touches_a_damaged_file(tmp_path):
    path = tmp_path / "library.db"
    make_library(path, backup=True)
    damaged = truncate(path)
    assert check_at_start(path, ask=None).path is None
    assert path.read_bytes() == damaged


def test_a_bad_backup_stops_before_anything_is_moved(tmp_path):
    path = tmp_path / "library.db"
    make_library(path, backup=False)
    damaged = truncate(path)
    bad = tmp_path / "bad-backup.db"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(DatabaseError, match="备份文件不可用"):
        restore_backup(bad, path)
    assert path.read_bytes() == damaged and leftovers(tmp_path) == []
    assert not (tmp_path / "library.db.restoring").exists()


def test_set_aside_takes_the_wal_and_shm_along(tmp_path):
    path = tmp_path / "library.db"
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"library.db{suffix}").write_bytes(b"x")
    aside = set_aside(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [aside.name, f"{aside.name}-wal", f"{aside.name}-shm"]
    )


def test_the_dialog_offers_the_backup_or_a_fresh_start(qtbot, tmp_path):
    from datetime import datetime

    with_backup = RecoveryDialog(
        Offer(tmp_path / "l.db", "malformed", tmp_path / "b.db", datetime(2026, 11, 1, 9, 30))
    )
    qtbot.addWidget(with_backup)
    assert (
        with_backup.proceed.text() == "恢复最近的备份" and "2026-11-01 09:30" in with_backup.text()
    )
    assert "不会删除" in with_backup.text()
    without = RecoveryDialog(Offer(tmp_path / "l.db", "malformed", None, None))
    qtbot.addWidget(without)
    assert without.proceed.text() == "改名保存并新建话术库" and "没有找到备份" in without.text()


def test_starting_on_a_damaged_file_in_smoke_test_mode_exits_1_with_a_message(tmp_path):
    path = tmp_path / "library.db"
    make_library(path, backup=False)
    damaged = truncate(path)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", QUICKREPLY_LOG_DIR=str(tmp_path / "log"))
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(path), "--smoke-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1 and "quickreply doctor" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == damaged


def test_a_damaged_newest_backup_is_passed_over_for_an_older_good_one(tmp_path):
    """Issue 14, finding 1: the recovery used to offer only the newest backup, a damaged copy."""
    import shutil

    path = tmp_path / "library.db"
    make_library(path, backup=True)
    (good,) = sorted((tmp_path / "backups").glob("*.db"))
    damaged_copy = good.with_name(good.name.replace(good.name[8:23], "99991231-235959"))
    shutil.copyfile(path, damaged_copy)
    truncate(damaged_copy)
    truncate(path)
    offers: list[Offer] = []
    outcome = check_at_start(path, ask=lambda offer: offers.append(offer) or True)
    assert offers[0].backup == good
    assert outcome.path == path and damage(path) is None
    with Library.open(path) as lib:
        assert lib.find_by_code("zjdhs") is not None
