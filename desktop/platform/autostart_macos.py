"""macOS: a LaunchAgent plist in ``~/Library/LaunchAgents``, read by launchd at login."""

from __future__ import annotations

import plistlib
from collections.abc import Sequence
from pathlib import Path

from desktop.platform.autostart_entry import LABEL, entry_file_error, not_ours_error


def agent_plist(command: Sequence[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",  # a GUI app: launchd must not throttle it
        }
    )


class LaunchAgentAutostart:
    def __init__(self, command: Sequence[str], home: Path | None = None) -> None:
        self.command = list(command)
        self.path = (home or Path.home()) / "Library" / "LaunchAgents" / f"{LABEL}.plist"
        self.where = str(self.path)

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(agent_plist(self.command))
        except OSError as exc:
            raise entry_file_error("write", self.path, exc) from exc

    def disable(self) -> None:
        if not self.path.exists():
            return
        try:
            label = plistlib.loads(self.path.read_bytes()).get("Label")
        except (OSError, plistlib.InvalidFileException, ValueError):
            label = None
        if label != LABEL:
            raise not_ours_error(self.path)
        try:
            self.path.unlink()
        except OSError as exc:
            raise entry_file_error("delete", self.path, exc) from exc
