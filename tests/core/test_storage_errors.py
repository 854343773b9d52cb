"""Issue 14, finding 15: a full disk, a read-only mount and a lock are said as what they are,
never as damage, and a failed write leaves the library as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading

import pytest

from desktop.core import DatabaseError, Library, QuickReplyError
from desktop.core.exchange.importer import import_now
from desktop.core.exchange.packs import Pack, PackPhrase
from desktop.core.store.damaged import damage


def big_pack(n: int = 3000) -> Pack:
    return Pack(
        phrases=[PackPhrase(("导入", f"组{i % 50}"), f"标题{i}", "内容" * 200) for i in range(n)]
    )


def test_an_import_that_fills_the_disk_says_so_and_changes_nothing(tmp_path):
    with Library.open(tmp_path / "library.db") as lib:
        before = lib.count()
        pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
        lib.conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # the disk has 80 KB left
        with pytest.raises(QuickReplyError) as caught:
            import_now(lib, big_pack())
        said = str(caught.value)
        assert "磁盘已满" in said and "rollback" not in said and "损坏" not in said
        assert not isinstance(caught.value, DatabaseError)  # the CLI would send them to doctor
        assert lib.count() == before
        lib.conn.execute("PRAGMA max_page_count = 1073741823")
        lib.add("清理磁盘以后", "又能写了")
        assert lib.count() == before + 1


def test_a_lock_held_by_another_program_is_not_called_damage(tmp_path):
    path = tmp_path / "library.db"
    Library.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Library.open(path) as lib:
            lib.conn.execute("PRAGMA busy_timeout = 50")
            with pytest.raises(QuickReplyError) as caught:
                lib.add("等一下", "被锁住了")
        assert "另一个程序" in str(caught.value) and "损坏" not in str(caught.value)
        assert not isinstance(caught.value, DatabaseError)
    finally:
        other.execute("ROLLBACK")
        other.close()


# ----- real mounts (root only: a tmpfs of a few MB, read-only or nearly full) -----------------
@pytest.fixture
def mount(tmp_path):
    made: list[str] = []

    def make(size: str = "8m") -> str:
        where = tmp_path / f"mnt{len(made)}"
        where.mkdir()
        if os.geteuid() != 0:
            pytest.skip("mounting a test file system needs root")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                              capture_output=True, check=False)  # fmt: skip
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
        made.append(str(where))
        return str(where)

    yield make
    for where in reversed(made):
        subprocess.run(["umount", "-l", where], check=False)


def cli(db, *args):
    env = {k: v for k, v in os.environ.items() if k != "QUICKREPLY_DB"}
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
                          check=False)  # fmt: skip


def test_a_read_only_mount_is_reported_as_read_only_not_damaged(mount):
    where = mount()
    db = os.path.join(where, "library.db")
    assert cli(db, "add", "--title", "先写一条", "--body", "内容").returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", where], check=True)
    result = cli(db, "add", "--title", "只读盘", "--body", "写不进去")
    assert result.returncode == 1
    assert "只读" in result.stderr and "损坏" not in result.stderr and "doctor" not in result.stderr
    from pathlib import Path

    assert damage(Path(db)) is None  # the start-up recovery must not offer a restore


def test_an_import_onto_a_full_disk_says_disk_full(mount, tmp_path):
    where = mount("1m")
    db = os.path.join(where, "library.db")
    assert cli(db, "add", "--title", "先写一条", "--body", "内容").returncode == 0
    pack = tmp_path / "big.json"
    doc = {"format": "quickreply.pack", "version": 1,
           "phrases": [{"category": ["导入"], "title": f"标题{i}", "body": "很长的内容" * 300}
                       for i in range(2000)]}  # fmt: skip
    pack.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = cli(db, "import", str(pack))
    assert result.returncode == 1
    assert "磁盘已满" in result.stderr, result.stderr
    assert "rollback" not in result.stderr and "损坏" not in result.stderr
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM phrases WHERE title = '标题0'").fetchone()[0] == 0
    finally:
        conn.close()


def test_the_lock_test_really_holds_the_lock_across_threads(tmp_path):
    """Guard for the test above: a second connection does wait on the first one's lock."""
    path = tmp_path / "l.db"
    Library.open(path).close()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.2, lambda: other.execute("ROLLBACK")).start()
    with Library.open(path) as lib:
        lib.add("等锁放开", "可以写")
    other.close()
