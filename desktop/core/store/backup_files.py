"""Backup files by name: where they are, how they are named, which ones exist.

Only paths and names, no library: the damage checks list the backups of a
file too damaged to open, and ``backup`` (which copies a live library) builds
on the same names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.base.messages import Message

FOLDER = "backups"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
MANUAL = "manual"
DAMAGED = "damaged-before-restore"  # the state a restore replaced, kept although damaged
REASONS = {
    BEFORE_IMPORT: Message("导入前"),
    BEFORE_RESTORE: Message("恢复前"),
    MANUAL: Message("手动"),
    DAMAGED: Message("恢复前（已损坏）"),
}
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "path": str(self.path),
            "reason": self.reason,
            "created": self.created.isoformat(timespec="seconds"),
            "size": self.path.stat().st_size if self.path.exists() else 0,
        }


def _pattern(lib_path: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(lib_path.stem) + r"-(\d{8}-\d{6})-(\d{3})-([a-z-]+?)(?:-(\d+))?\.db"
    )


def backups_at(lib_path: Path) -> list[BackupInfo]:
    """The backups of the library file at ``lib_path``, newest first (the file itself
    may be too damaged to open)."""
    folder = lib_path.parent / FOLDER
    pattern = _pattern(lib_path)
    found: list[tuple[tuple[str, str, int], BackupInfo]] = []
    for path in folder.glob("*.db") if folder.is_dir() else ():
        match = pattern.fullmatch(path.name)
        if match:
            stamp = datetime.strptime(match[1], _STAMP).replace(microsecond=int(match[2]) * 1000)
            order = (match[1], match[2], int(match[4] or 1))
            found.append((order, BackupInfo(path, stamp, match[3])))
    return [info for _, info in sorted(found, key=lambda pair: pair[0], reverse=True)]
