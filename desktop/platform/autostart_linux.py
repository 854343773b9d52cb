"""Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/quickreply.desktop``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from desktop.platform.autostart_entry import APP_ID, entry_file_error, not_ours_error

MARKER = "X-QuickReply-Autostart=true"
_SPECIAL = set(" \t\n\"'\\><~|&;$*?#()`")


def config_home() -> Path:
    """``$XDG_CONFIG_HOME`` when it is an absolute path (as the spec requires), else ~/.config."""
    value = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".config"


def exec_line(command: Sequence[str]) -> str:
    """Quote ``command`` for an ``Exec=`` key (Desktop Entry spec: quoting, then string escapes)."""
    parts = []
    for arg in command:
        if arg and not _SPECIAL & set(arg):
            quoted = arg
        else:
            inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
            quoted = f'"{inner}"'
        parts.append(quoted.replace("%", "%%"))
    return " ".join(parts).replace("\\", "\\\\")


def entry_text(command: Sequence[str]) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=QuickReply",
            "Name[zh_CN]=快回",
            "Comment=Quick replies for customer service",
            "Comment[zh_CN]=电商客服快捷话术助手",
            f"Exec={exec_line(command)}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            MARKER,
            "",
        ]
    )


class XdgAutostart:
    def __init__(self, command: Sequence[str], folder: Path | None = None) -> None:
        self.command = list(command)
        self.path = (folder or config_home() / "autostart") / f"{APP_ID}.desktop"
        self.where = str(self.path)

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(entry_text(self.command), encoding="utf-8")
            temporary.replace(self.path)
        except OSError as exc:
            raise entry_file_error("write", self.path, exc) from exc

    def disable(self) -> None:
        if not self.path.exists():
            return
        try:
            ours = MARKER in self.path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise entry_file_error("read", self.path, exc) from exc
        if not ours:
            raise not_ours_error(self.path)
        try:
            self.path.unlink()
        except OSError as exc:
            raise entry_file_error("delete", self.path, exc) from exc
