"""A damaged library file: tell it apart, keep it, and put the latest backup in its place.

The damaged file is never deleted or written to: it is renamed to
``library.db.damaged-<time>`` (with its ``-wal``/``-shm`` companions, so the set
can still be opened by a data-recovery tool), and only after the backup has been
copied and checked beside it.  A failure at any step leaves the damaged file
where it was.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import cast

from desktop.core.base.errors import DatabaseError
from desktop.core.base.messages import Message
from desktop.core.store.schema import SCHEMA_VERSION, migrate, user_version

COMPANIONS = ("", "-wal", "-shm")


def read_only(path: Path) -> sqlite3.Connection:
    """Open without creating or changing anything (``mode=ro``)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def damage(path: Path, *, full: bool = False) -> str | None:
    """Why ``path`` is unusable, or None (a missing or empty file is a new library, not damage).

    ``quick_check`` is fast enough for every start (about 20 ms for 20,000
    phrases); ``full`` runs ``integrity_check``, which also checks indexes.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return None
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = read_only(path)
        try:
            if user_version(conn) > SCHEMA_VERSION:
                return None  # a newer QuickReply's file: not damage, the open says so
            rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "；".join(rows)


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
    """The newest backup of the library at ``path`` (which may be too damaged to open)."""
    backups = list_backups(path)
    return backups[0] if backups else None


def list_backups(path: Path) -> list[tuple[Path, datetime]]:
    """Backups of ``path``, newest first, as ``desktop.core.store.backup`` names and finds them."""
    from desktop.core.store import backup
    from desktop.core.store.library import Library

    class _PathOnly:
        """``backup.list_backups`` reads only ``.path``; a damaged file can't be a Library."""

        def __init__(self, where: Path) -> None:
            self.path = where

    found = backup.list_backups(cast(Library, _PathOnly(path)))
    return [(info.path, info.created) for info in found]
