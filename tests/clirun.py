"""Running ``quickreply`` in the test process, the way sqlite-utils tests its CLI.

``click.testing.CliRunner`` calls the real ``main`` group (the same one the
``quickreply`` entry point calls) with its own stdin/stdout/stderr and
environment, in milliseconds instead of the second a new Python process costs.
The few things only a real process can show (the entry point itself, console
encodings, a reader closing the pipe, no display at all) keep subprocess tests
in ``tests/cli/test_cli_entry.py``.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from desktop.cli import main

# What a test's own shell might set and a command would pick up instead of --db.
_UNSET = ("QUICKREPLY_DB", "QUICKREPLY_KEY_PASSPHRASE", "DISPLAY", "WAYLAND_DISPLAY")


@dataclass(frozen=True)
class Ran:
    """What a user sees of one command: exit code, stdout, stderr (like ``CompletedProcess``)."""

    returncode: int
    stdout: str
    stderr: str


def invoke(
    db: Path | None, *args: object, stdin: str | None = None,
    env_extra: Mapping[str, str] | None = None,
) -> Ran:  # fmt: skip
    """``quickreply [--db DB] ARGS…`` in this process."""
    argv = (["--db", str(db)] if db is not None else []) + [str(a) for a in args]
    env: dict[str, str | None] = dict.fromkeys(_UNSET)
    env.update({"NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"})
    env.update(env_extra or {})
    root = logging.getLogger("quickreply")
    handlers = list(root.handlers)  # a command may add some, as its own process would
    try:
        result = CliRunner().invoke(main, argv, input=stdin, env=env, catch_exceptions=False)
    finally:
        root.handlers[:] = handlers
    return Ran(result.exit_code, result.stdout, result.stderr)


def entry_point() -> list[str]:
    """The ``quickreply`` script installed beside the Python running the tests.

    Not the first one on PATH: that may belong to another checkout's install.
    """
    exe = shutil.which("quickreply", path=sysconfig.get_path("scripts"))
    return [exe] if exe else [sys.executable, "-m", "desktop"]


def spawn(
    db: Path | None, *args: object, stdin: str | None = None,
    env_extra: Mapping[str, str | None] | None = None,
) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """``quickreply [--db DB] ARGS…`` as a new process through the installed entry point."""
    env = {k: v for k, v in os.environ.items() if k not in _UNSET}
    env.pop("QT_QPA_PLATFORM", None)
    for key, value in (env_extra or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    cmd = entry_point()
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(cmd + [str(a) for a in args], check=False, capture_output=True,
                          text=True, encoding="utf-8", input=stdin, env=env, timeout=60)  # fmt: skip


def ok(result: Ran | subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def failed(result: Ran | subprocess.CompletedProcess[str]) -> str:
    """The one ``错误：…`` line of a command that exited 1."""
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误："), result.stderr
    return lines[0]
