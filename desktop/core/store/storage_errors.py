"""Telling what went wrong with the library file: damage, or the disk, the mount or a lock.

SQLite reports a full disk, a read-only mount, a lock held by another program
and real damage all as exceptions of one family.  Only damage should send the
agent to a backup; the others need space freed, a writable folder or a little
patience, and the message says which.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.base.errors import QuickReplyError
from desktop.core.base.messages import Message

_FULL = {"SQLITE_FULL"}
_READ_ONLY = {"SQLITE_READONLY", "SQLITE_READONLY_DBMOVED", "SQLITE_READONLY_RECOVERY",
              "SQLITE_READONLY_CANTLOCK", "SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_DIRECTORY",
              "SQLITE_READONLY_CANTINIT"}  # fmt: skip
_LOCKED = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY",
           "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED_SHAREDCACHE"}  # fmt: skip
_CANT_OPEN = {"SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"}


class StorageError(QuickReplyError):
    """The file is fine but can't be written or opened now: disk full, read-only, locked."""


def _kind(exc: BaseException) -> str | None:
    name = getattr(exc, "sqlite_errorname", "") or ""  # Python 3.11+
    text = str(exc).lower()
    if name in _FULL or "disk is full" in text or "no space" in text:
        return "full"
    if name in _READ_ONLY or "readonly database" in text or "read-only file system" in text:
        return "read_only"
    if name in _LOCKED or "database is locked" in text or "table is locked" in text:
        return "locked"
    if name in _CANT_OPEN or "unable to open database file" in text:
        return "cant_open"
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        return "full"
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 30:
        return "read_only"
    return None


def _writable_folder(path: Path | None) -> bool:
    if path is None:
        return True
    folder = path.parent if path.parent.exists() else path.parent.parent
    return os.access(folder, os.W_OK)


def describe(exc: BaseException, path: Path | str | None) -> Message | None:
    """What actually happened, for a problem of the disk or a lock; None when it may be damage."""
    kind = _kind(exc)
    where = str(path) if path is not None else ""
    target = Path(path) if path is not None else None
    if kind == "cant_open" and not _writable_folder(target):
        kind = "read_only"
    if kind == "full":
        return Message("磁盘已满，话术库没有改动：{path}（请清理磁盘空间后再试）", path=where)
    if kind == "read_only":
        return Message(
            "话术库所在的磁盘或文件夹是只读的，无法写入：{path}（请换到可写的位置或取消只读）",
            path=where,
        )
    if kind == "locked":
        return Message("话术库正被另一个程序写入（例如正在导入），请稍后再试：{path}", path=where)
    if kind == "cant_open":
        return Message(
            "打不开话术库文件（没有权限，或文件正被别的程序独占）：{path}（{error}）",
            path=where,
            error=str(exc),
        )
    return None


def storage_error(exc: BaseException, path: Path | str | None) -> StorageError | None:
    """A ``StorageError`` for ``exc`` when it is about the disk or a lock, else None."""
    said = describe(exc, path)
    return StorageError(said) if said is not None else None
