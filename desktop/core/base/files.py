"""Writing files the user will open or share: whole or not at all.

Every export goes to a temporary file next to the target and is renamed into
place, so a crash or a full disk never leaves half a file where the user (or a
team's shared folder) expects one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop.core.base.errors import PackError, QuickReplyError
from desktop.core.base.messages import Message


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_atomic(
    path: str | Path,
    content: bytes | Callable[[Path], None],
    *,
    error: type[QuickReplyError] = PackError,
) -> None:
    """Write ``content`` (bytes, or a function that fills the given path) to ``path``.

    The file gets the permissions of an ordinary new file (mkstemp's 0600 would
    hide a pack on a shared folder from the other agents).  Failures become
    ``error`` with a one-line message.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".quickreply-", suffix=target.suffix, dir=target.parent)
        try:
            if callable(content):
                os.close(fd)
                content(Path(tmp))
            else:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(content)
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise error(
            Message("写不了文件 {path}：{error}", path=str(target), error=exc.strerror or str(exc))
        ) from None
