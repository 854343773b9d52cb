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

from desktop.core.base.messages import Message
from desktop.core.store.db import default_db
from desktop.platform.autostart_entry import AutostartError

__all__ = ["Autostart", "AutostartError", "NullAutostart", "create_autostart", "launch_command"]


class Autostart(Protocol):
    where: str  # what is written, for the settings tooltip and ``quickreply doctor``

    def is_enabled(self) -> bool: ...

    def enable(self) -> None: ...

    def disable(self) -> None: ...


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


class NullAutostart:
    """Where no backend fits (the do-nothing platform): never on, and says so when asked."""

    where = ""

    def is_enabled(self) -> bool:
        return False

    def enable(self) -> None:
        raise AutostartError(Message("这个系统不支持开机启动，请手动把快回加入启动项"))

    def disable(self) -> None:
        pass


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
