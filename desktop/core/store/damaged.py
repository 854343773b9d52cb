"""A damaged library file: tell it apart, keep it, and put the latest backup in its place.

The damaged file is never deleted or written to: it is renamed to
``library.db.damaged-<time>`` (with its ``-wal``/``-shm`` companions, so the set
can still be opened by a data-recovery tool), and only after the backup has been
copied and checked beside it.  A failure at any step leaves the damaged file
where it was.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.core.base.errors import DatabaseError
from desktop.core.base.messages import Message
from desktop.core.store.backup_files import backups_at
from desktop.core.store.schema import SCHEMA_VERSION, migrate, user_version
from desktop.core.store.storage_errors import describe

COMPANIONS = ("", "-wal", "-shm")


def read_only(path: Path) -> sqlite3.Connection:
    """Open without creating or changing anything (``mode=ro``)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def damage(path: Path, *, full: bool = False) -> str | None:
    """Why ``path`` is unusable, or None (a missing file is a new library, not damage).

    An existing file that is empty (0 bytes) or holds another program's tables
    is damage: treating it as new would seed the default library over it and
    hide the backups.

    ``quick_check`` is fast enough for every start (about 20 ms for 20,000
    phrases); ``full`` runs ``integrity_check``, which also checks indexes, and
    reads every stored text, since a flipped bit inside a character leaves the
    b-tree intact but breaks search.
    """
    if not path.is_file():
        return None
    if path.stat().st_size == 0:
        return EMPTY
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = read_only(path)
        try:
            if user_version(conn) > SCHEMA_VERSION:
                return None  # a newer QuickReply's file: not damage, the open says so
            foreign = not_a_library(conn)
            if foreign:
                return foreign
            rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}(5)")]
            if rows == ["ok"] and full:
                return unreadable_text(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if describe(exc, path) is not None:
            return None  # a read-only mount or a lock: the open says so, a restore won't help
        return str(exc)
    return None if rows == ["ok"] else "；".join(rows)


EMPTY = Message("文件是空的（0 字节），不是话术库")


def not_a_library(conn: sqlite3.Connection) -> str | None:
    """A SQLite file of another program (tables, but none of ours and no version)."""
    if user_version(conn) != 0:
        return None
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    tables = {row[0] for row in rows if not row[0].startswith("sqlite_")}
    if tables and "phrases" not in tables:
        return Message("不是快回的话术库（里面是别的程序的数据）")
    return None


def quick_problem(conn: sqlite3.Connection) -> str | None:
    """``quick_check`` on an open connection: None when the file is sound."""
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "；".join(rows)


# table → (what a person calls a row of it, the column that names the row)
_TEXT_TABLES = {
    "phrases": (Message("话术"), "id"),
    "categories": (Message("分类"), "id"),
    "settings": (Message("设置"), "key"),
    "subscriptions": (Message("订阅"), "id"),
}


def unreadable_text(conn: sqlite3.Connection) -> str | None:
    """The first stored text that is not valid UTF-8 (or tags that are not a JSON list)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    saved = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, (what, key) in _TEXT_TABLES.items():
            if table not in tables:
                continue
            cur = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cur.description]
            for row in cur:
                record = dict(zip(names, row))
                name = record[key]
                label = name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
                try:
                    for value in row:
                        if isinstance(value, bytes):
                            value.decode("utf-8")
                    if table == "phrases" and not isinstance(
                        json.loads(record["tags"] or b"[]"), list
                    ):
                        raise ValueError("tags")
                except ValueError:  # UnicodeDecodeError and JSONDecodeError too
                    return Message(
                        "{what} {key} 的文字已损坏（不是有效的 UTF-8），搜索和显示会出错",
                        what=what,
                        key=label,
                    )
    finally:
        conn.text_factory = saved
    return None


def aside_name(path: Path, when: datetime | None = None) -> Path:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 2
    while any(Path(f"{target}{suffix}").exists() for suffix in COMPANIONS):
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    return target


def set_aside(path: Path, when: datetime | None = None) -> Path:
    """Rename the damaged file and its companions; returns the new name of the main file."""
    target = aside_name(path, when)
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in COMPANIONS:
            source = Path(f"{path}{suffix}")
            if source.exists():
                source.rename(f"{target}{suffix}")
                moved.append((source, Path(f"{target}{suffix}")))
    except OSError as exc:
        for source, renamed in reversed(moved):  # put back what was already moved
            renamed.rename(source)
        raise DatabaseError(
            Message(
                "无法把损坏的话术库改名保存（{error}），请先关闭正在使用它的程序",
                error=exc.strerror or str(exc),
            )
        ) from exc
    return target


def restore_backup(backup: Path, path: Path, when: datetime | None = None) -> Path:
    """Put ``backup`` at ``path`` after moving the damaged file aside; returns where it went.

    The copy is made and checked first, next to the library, so a bad backup
    or a full disk stops here with the damaged file untouched.
    """
    problem = damage(backup)
    if problem or not backup.is_file():
        raise DatabaseError(
            Message(
                "备份文件不可用：{name}（{problem}）",
                name=backup.name,
                problem=problem or Message("文件不存在"),
            )
        )
    partial = path.with_name(f"{path.name}.restoring")
    partial.unlink(missing_ok=True)
    try:
        source, dest = read_only(backup), sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            migrate(dest)  # a backup written by an older QuickReply
        finally:
            source.close()
            dest.close()
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(Message("无法从备份恢复：{error}", error=str(exc))) from exc
    try:
        aside = set_aside(path, when)
    except DatabaseError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)
    return aside


def latest_backup(path: Path) -> tuple[Path, datetime] | None:
    """The newest backup of the library at ``path`` that is itself sound.

    A backup may have been taken of a file already damaged (by an older
    QuickReply) or damaged since; offering it would dead-end the recovery.
    """
    good = good_backups(path)
    return good[0] if good else None


def good_backups(path: Path) -> list[tuple[Path, datetime]]:
    """Backups of ``path`` that pass ``quick_check``, newest first."""
    return [(found, when) for found, when in list_backups(path) if damage(found) is None]


def list_backups(path: Path) -> list[tuple[Path, datetime]]:
    """Backups of ``path``, newest first, as ``desktop.core.store.backup`` names and finds them."""
    return [(info.path, info.created) for info in backups_at(path)]
