"""开机启动: start QuickReply when the user logs in, one way per OS.

Each backend adds exactly one thing (a Run-key value, a ``.desktop`` file, a
LaunchAgent plist) and ``disable`` removes exactly that thing: it never touches
other programs' entries, and leaves alone an entry of ours that it did not write.
Off by default: nothing is written until the user ticks the box in 设置.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol

import platformdirs

from desktop.core.base.messages import Message

APP_ID = "quickreply"
LABEL = "com.quickreply.app"


class AutostartError(Exception):
    """Turning autostart on or off failed; the message is shown to the user as is."""


def entry_file_error(action: str, path: Path, exc: OSError) -> AutostartError:
    """``action`` (``write``, ``read`` or ``delete``) of the entry file ``path`` failed."""
    where, error = str(path), exc.strerror or str(exc)
    if action == "write":
        message = Message("无法写入开机启动项 {path}：{error}", path=where, error=error)
    elif action == "read":
        message = Message("无法读取开机启动项 {path}：{error}", path=where, error=error)
    else:
        message = Message("无法删除开机启动项 {path}：{error}", path=where, error=error)
    return AutostartError(message)


def not_ours_error(path: Path) -> AutostartError:
    """An entry at our path that we did not write: left for the user to judge."""
    return AutostartError(
        Message("{path} 不是快回写入的，没有删除；需要时请手动删除", path=str(path))
    )


class Autostart(Protocol):
    where: str  # what is written, for the settings tooltip and ``quickreply doctor``

    def is_enabled(self) -> bool: ...

    def enable(self) -> None: ...

    def disable(self) -> None: ...


def default_db() -> Path:
    """The library a plain start opens (the one ``--db`` is not needed for)."""
    return Path(platformdirs.user_data_dir("QuickReply", appauthor=False)) / "library.db"


def launch_command(db: Path | str | None = None) -> list[str]:
    """What the login should run: the frozen program, else this Python with ``-m desktop``.

    ``--db`` is added only for a library other than the default one, so a
    later move of the user data folder still finds the default library.
    """
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        python = Path(sys.executable)
        windowless = python.with_name("pythonw.exe")  # no console window at every login
        if python.name.lower() == "python.exe" and windowless.exists():
            python = windowless
        command = [str(python), "-m", "desktop"]
    if db is not None and str(db) != ":memory:":
        chosen = Path(db).expanduser().resolve()
        if chosen != default_db().resolve():
            command += ["--db", str(chosen)]
    return command


def create_autostart(db: Path | str | None = None, system: str | None = None) -> Autostart:
    """The backend for this OS (``system`` as in ``sys.platform``), recording ``launch_command``."""
    system = system or sys.platform
    command = launch_command(db)
    if system == "win32":
        from desktop.platform.autostart_windows import RunKeyAutostart

        return RunKeyAutostart(command)
    if system == "darwin":
        from desktop.platform.autostart_macos import LaunchAgentAutostart

        return LaunchAgentAutostart(command)
    from desktop.platform.autostart_linux import XdgAutostart

    return XdgAutostart(command)
