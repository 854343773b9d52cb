"""The program agents get: PyInstaller run under Wine builds ``QuickReply.exe``, which
must pass its smoke test, and NSIS turns that folder into ``QuickReply-Setup-<version>.exe``,
which installs silently without admin rights, runs, and uninstalls (keeping the library).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from desktop import __version__
from tests.windows.conftest import WINE_PYTHON, Lane, wait_for, win

ROOT = Path(__file__).resolve().parents[2]
RUN = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"
UNINSTALL = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\QuickReply"


@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    """PyInstaller (the Windows one, under Wine) on build.spec: dist/QuickReply."""
    if not WINE_PYTHON:
        pytest.skip("Windows lane only: run `bash .ci/windows_lane.sh` (sets QR_WINE_PYTHON)")
    tmp = tmp_path_factory.mktemp("frozen")
    lane = Lane(tmp)
    started = time.monotonic()
    built = lane.wine(
        str(lane.python),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        win(tmp / "dist"),
        "--workpath",
        win(tmp / "build"),
        win(ROOT / "build.spec"),
        timeout=1800,
    )
    output = (built.stdout + built.stderr).decode("gbk", "replace")
    assert built.returncode == 0, f"PyInstaller under Wine failed:\n{output[-4000:]}"
    print(f"PyInstaller under Wine took {time.monotonic() - started:.0f} s")
    dist = tmp / "dist" / "QuickReply"
    for exe in ("QuickReply.exe", "quickreply-cli.exe"):
        assert (dist / exe).is_file(), f"{exe} was not built:\n{output[-4000:]}"
    return dist


def windows_path(lane: Lane, name: str) -> Path:
    """A Windows folder (``LOCALAPPDATA``…) as a Linux path."""
    value = lane.py(f"import os; print(os.environ[{name!r}])", check=True).stdout.decode().strip()
    return Path(
        subprocess.run(
            ["winepath", "-u", value], capture_output=True, text=True, env=lane.env, check=True
        ).stdout.strip()
    )


def smoke(lane: Lane, exe: Path) -> str:
    """``exe --smoke-test`` with this test's data folder; its log says whether it passed."""
    env = dict(lane.env, QUICKREPLY_DB=win(lane.tmp / "smoke" / "library.db"))
    result = lane.wine(str(exe), "--smoke-test", env=env, timeout=180)
    log = lane.app_log()
    assert result.returncode == 0, f"{exe.name} --smoke-test exited {result.returncode}:\n{log}"
    assert "smoke test passed" in log, log
    assert "tray shown" in log, log
    return log


def test_the_frozen_program_passes_its_smoke_test_with_a_tray(frozen, lane):
    smoke(lane, frozen / "QuickReply.exe")
    assert "Traceback" not in lane.app_log()


def test_the_frozen_console_program_reports_and_prints_any_phrase(frozen, lane):
    cli = str(frozen / "quickreply-cli.exe")
    db = win(lane.db)
    doctor = lane.wine(cli, "--db", db, "doctor")
    text = doctor.stdout.decode("gbk")
    assert doctor.returncode == 0, text
    assert "，安装版" in text and "Python 3.11.9" in text  # the frozen build, not the dev Python
    lane.wine(
        cli,
        "--db",
        db,
        "add",
        "--title",
        "笑脸",
        "--body",
        "好的\U0001f600",
        "--code",
        "xl",
        check=True,
    )
    shown = lane.wine(cli, "--db", db, "show", "xl")
    assert shown.returncode == 0, shown.stdout.decode("gbk", "replace")
    assert "笑脸" in shown.stdout.decode("gbk")


def test_the_installer_installs_per_user_runs_and_uninstalls_keeping_the_library(
    frozen, lane, tmp_path
):
    if shutil.which("makensis") is None:
        pytest.fail("makensis is missing: the lane script installs Debian's nsis")
    made = subprocess.run(
        [
            "makensis",
            "-V2",
            f"-DVERSION={__version__}",
            f"-DDIST={frozen}",
            f"-DOUTDIR={tmp_path}",
            "-XSetCompressor /FINAL zlib",  # lzma: slower
            str(ROOT / "installer" / "quickreply.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    setup = tmp_path / f"QuickReply-Setup-{__version__}.exe"
    assert setup.is_file()

    local = windows_path(lane, "LOCALAPPDATA")
    programs = windows_path(lane, "APPDATA") / "Microsoft/Windows/Start Menu/Programs"
    target = local / "Programs" / "QuickReply"
    library = local / "QuickReply"
    installed = lane.wine(str(setup), "/S", "/AUTOSTART=1", timeout=600)
    assert installed.returncode == 0, installed.stdout.decode("gbk", "replace")
    assert (target / "QuickReply.exe").is_file() and (target / "Uninstall.exe").is_file()
    assert (programs / "快回 QuickReply.lnk").is_file()
    run_value = lane.wine("reg", "query", RUN, "/v", "QuickReply")
    assert run_value.returncode == 0 and b"QuickReply.exe" in run_value.stdout
    assert lane.wine("reg", "query", UNINSTALL, "/v", "UninstallString").returncode == 0

    smoke(lane, target / "QuickReply.exe")
    # The agent's library, in its usual place, made by the installed console program.
    lane.wine(
        str(target / "quickreply-cli.exe"),
        "add",
        "--title",
        "我的话术",
        "--body",
        "自己写的",
        check=True,
    )
    assert (library / "library.db").is_file()

    removed = lane.wine(str(target / "Uninstall.exe"), "/S", timeout=300)
    assert removed.returncode == 0
    # The uninstaller copies itself to a temp folder and finishes from there.
    wait_for(
        lambda: not target.exists(),
        timeout=120,
        what="the program folder to be removed",
        seen=lambda: sorted(p.name for p in target.iterdir()) if target.exists() else [],
    )
    assert not (programs / "快回 QuickReply.lnk").exists()
    wait_for(
        lambda: lane.wine("reg", "query", RUN, "/v", "QuickReply").returncode != 0,
        timeout=30,
        what="the Run value to be removed",
    )
    assert lane.wine("reg", "query", UNINSTALL).returncode != 0
    assert (library / "library.db").is_file(), "a silent uninstall must keep the library"
