"""What every autostart backend shares: names, the error, and its messages.

Split from ``autostart`` so the per-OS backends depend on this and
``autostart`` (which picks one of them) depends on the backends, not both ways.
"""

from __future__ import annotations

from pathlib import Path

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
