"""Backups of the library file, so an import (or a restore) can be undone.

Copies are made with SQLite's online backup API, which gives a consistent
snapshot even while the app has the file open, into ``backups/`` next to the
library.  Names carry the library's name, the time and the reason, so they sort
by time and ``撤销导入`` can find the copy taken right before the last import.
Only the newest ``backups_keep`` copies are kept.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from pathlib import Path

from desktop.core.base.errors import DatabaseError, NotFoundError, ValidationError
from desktop.core.base.messages import Message
from desktop.core.store.backup_files import (
    _STAMP,
    BEFORE_IMPORT,
    BEFORE_RESTORE,
    DAMAGED,
    FOLDER,
    MANUAL,
    REASONS,
    BackupInfo,
    backups_at,
)
from desktop.core.store.db import BUSY_TIMEOUT_MS
from desktop.core.store.library import Library
from desktop.core.store.schema import check_version, migrate
from desktop.core.store.storage_errors import describe

# The names of backup files live in backup_files; they are part of this module's API too.
__all__ = [
    "BEFORE_IMPORT",
    "BEFORE_RESTORE",
    "DAMAGED",
    "FOLDER",
    "MANUAL",
    "REASONS",
    "STALE_AFTER_S",
    "BackupInfo",
    "backup_now",
    "find_backup",
    "folder_of",
    "last_import_backup",
    "list_backups",
    "remove_leftovers",
    "restore",
    "rotate_backups",
]


def folder_of(lib: Library) -> Path:
    if lib.path is None:
        raise ValidationError(Message("内存中的话术库没有文件，不能备份"))
    return lib.path.parent / FOLDER


def list_backups(lib: Library) -> list[BackupInfo]:
    """This library's backups, newest first."""
    folder_of(lib)  # refuses an in-memory library
    assert lib.path is not None
    return backups_at(lib.path)


def _target(folder: Path, stem: str, now: datetime, reason: str) -> Path:
    base = f"{stem}-{now.strftime(_STAMP)}-{now.microsecond // 1000:03d}-{reason}"
    target = folder / f"{base}.db"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}.db"
        n += 1
    return target


STALE_AFTER_S = 600  # a copy still being written by another process is younger than this


def remove_leftovers(lib: Library, now: float | None = None) -> list[Path]:
    """Delete what an interrupted backup left: ``*.partial`` copies and their journals.

    Only this library's, and only ones untouched for ``STALE_AFTER_S``, so a
    backup another process is taking right now is left alone.
    """
    folder = folder_of(lib)
    assert lib.path is not None
    if not folder.is_dir():
        return []
    stamp = time.time() if now is None else now
    removed = []
    prefix = f"{lib.path.stem}-"
    for path in folder.iterdir():
        if not path.name.startswith(prefix) or not path.name.endswith(
            (".partial", ".partial-journal", ".db-journal")
        ):
            continue
        try:
            if stamp - path.stat().st_mtime < STALE_AFTER_S:
                continue
            path.unlink()
        except OSError:
            continue  # gone already, or held open on Windows: next time
        removed.append(path)
    return removed


def backup_now(lib: Library, reason: str = MANUAL, *, rotate: bool = True) -> Path:
    """Copy the library into ``backups/``; returns the new file.

    The copy is checked in full (``integrity_check`` and every text) before it
    gets its name: a damaged library is refused rather than saved as a good
    backup that rotation would then keep in place of the last good one.  Only
    the state a restore replaces is kept even when damaged, under its own name.
    """
    if lib.conn.in_transaction:
        raise ValidationError(Message("正在写入话术库，不能同时备份"))
    from desktop.core.store.damaged import damage

    folder = folder_of(lib)
    assert lib.path is not None
    remove_leftovers(lib)
    now = datetime.now()
    target = _target(folder, lib.path.stem, now, reason)
    partial = target.with_suffix(".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(partial)
        try:
            lib.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dest.close()
        problem = damage(partial, full=True)
        if problem and reason != BEFORE_RESTORE:
            partial.unlink(missing_ok=True)
            raise DatabaseError(
                Message(
                    "话术库文件已损坏，没有备份（损坏的副本不能当作好的备份）：{problem}",
                    problem=problem,
                )
            )
        if problem:
            target = _target(folder, lib.path.stem, now, DAMAGED)
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        said = describe(exc, partial) or str(exc)
        raise DatabaseError(
            Message("无法写备份 {path}：{error}", path=str(target), error=said)
        ) from None
    if rotate:
        rotate_backups(lib)
    return target


def rotate_backups(lib: Library) -> list[Path]:
    """Delete all but the newest ``backups_keep``; returns what was deleted.

    The newest good backup is never deleted, even when copies of damaged
    states (kept by a restore) are newer.
    """
    keep = int(lib.setting("backups_keep"))
    found = list_backups(lib)
    newest_good = next((info for info in found if info.reason != DAMAGED), None)
    removed = []
    for info in found[keep:]:
        if info is newest_good:
            continue
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def find_backup(lib: Library, ref: str) -> BackupInfo:
    """A backup by file name (with or without ``.db``), or ``latest``."""
    backups = list_backups(lib)
    if ref == "latest":
        good = [info for info in backups if info.reason != DAMAGED]
        if not good:
            raise NotFoundError(Message("还没有备份"))
        return good[0]
    for info in backups:
        if ref in (info.name, info.path.stem):
            return info
    raise NotFoundError(
        Message("没有这个备份：{name}（quickreply backup list 可以列出备份）", name=ref)
    )


def last_import_backup(lib: Library) -> BackupInfo | None:
    """The backup taken right before the most recent import, if that import can still
    be undone: none is left, or a restore (an earlier undo) came after it, gives None."""
    for info in list_backups(lib):
        if info.reason == BEFORE_RESTORE:
            return None
        if info.reason == BEFORE_IMPORT:
            return info
    return None


def _check_backup(path: Path) -> None:
    try:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check_version(src)
            rows = src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {row[0] for row in rows}
            ok = src.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise DatabaseError(
            Message("备份文件已损坏：{name}（{error}）", name=path.name, error=str(exc))
        ) from None
    if not ok or not {"phrases", "categories"} <= tables:
        raise DatabaseError(Message("备份文件已损坏或不是快回的话术库：{name}", name=path.name))


def restore(lib: Library, ref: str | BackupInfo) -> tuple[BackupInfo, Path]:
    """Put a backup back; returns it and the backup of the state it replaced.

    The current state is saved first (``before-restore``), so a restore can be
    undone too.  The copy goes in through a second connection, so ``lib`` (and
    any other window on the file) sees an outside change and reloads its caches.
    """
    info = ref if isinstance(ref, BackupInfo) else find_backup(lib, ref)
    assert lib.path is not None
    _check_backup(info.path)
    saved = backup_now(lib, BEFORE_RESTORE, rotate=False)
    try:
        src = sqlite3.connect(f"{info.path.resolve().as_uri()}?mode=ro", uri=True)
        dest = sqlite3.connect(lib.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dest)
            migrate(dest)  # a backup written by an older QuickReply
        finally:
            src.close()
            dest.close()
    except sqlite3.Error as exc:
        raise DatabaseError(
            Message(
                "恢复失败：{error}（恢复前的状态在备份 {name} 里）", error=str(exc), name=saved.name
            )
        ) from None
    lib.refresh_if_changed()
    rotate_backups(lib)
    return info, saved
