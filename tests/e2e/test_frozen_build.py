"""The start-up smoke test, from source and (when built) from the PyInstaller folder.

Building takes half a minute, so the suite doesn't build: ``.ci/build_check.sh``
does, and runs the frozen program the same way.  Point ``QUICKREPLY_FROZEN_DIR``
at a built ``dist/QuickReply`` to run the frozen checks here too.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FROZEN = os.environ.get("QUICKREPLY_FROZEN_DIR")


def smoke(command: list[str], tmp: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    env = dict(env, QUICKREPLY_LOG_DIR=str(tmp / "log"), XDG_CONFIG_HOME=str(tmp / "config"))
    env.pop("QUICKREPLY_DB", None)
    return subprocess.run([*command, "--db", str(tmp / "library.db"), "--smoke-test"],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=60,
                          check=False)  # fmt: skip


def offscreen_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_smoke_test_from_source_without_a_screen(tmp_path):
    result = smoke([sys.executable, "-m", "desktop"], tmp_path, offscreen_env())
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # Qt's own warnings go to the log file, not the console
    assert "smoke test passed" in result.stdout and "tray skipped" in result.stdout
    assert "popup opened and closed" in result.stdout
    assert "smoke test passed" in (tmp_path / "log" / "quickreply.log").read_text(encoding="utf-8")


@pytest.mark.e2e
def test_smoke_test_from_source_shows_the_tray_on_a_real_desktop(xsession):
    result = smoke([sys.executable, "-m", "desktop"], xsession.tmp, xsession.env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "tray shown" in result.stdout


def test_the_icon_files_hold_every_size_a_build_needs():
    icons = ROOT / "resources" / "icons"
    ico = (icons / "quickreply.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = (icons / "quickreply.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert (icons / "quickreply.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_shipped_files_are_found_through_importlib_resources():
    from desktop.core.base.resources import resource

    assert resource("library", "default.json").is_file()
    assert resource("icons", "quickreply.ico").is_file()


@pytest.mark.skipif(not FROZEN, reason="set QUICKREPLY_FROZEN_DIR to a built dist/QuickReply")
def test_the_frozen_program_passes_its_smoke_test(tmp_path):
    folder = Path(FROZEN or "")
    exe = folder / ("QuickReply.exe" if sys.platform == "win32" else "QuickReply")
    result = smoke([str(exe)], tmp_path, offscreen_env())
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert "smoke test passed" in (tmp_path / "log" / "quickreply.log").read_text(encoding="utf-8")
