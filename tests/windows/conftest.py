"""The Windows lane's harness: QuickReply's Windows code run under Wine on Xvfb.

``bash .ci/windows_lane.sh`` builds the Windows Python, starts Xvfb + openbox and a
Wine prefix, and sets ``QR_WINE_PYTHON``; without it every test here is skipped,
with that reason.  Everything Wine runs gets ``LANG=zh_CN.UTF-8``, so Windows
programs see code page 936, as on an agent's Chinese Windows PC.

The harness works around Wine and xdotool, never around the app: waits are long and
every wait names what it waited for.  Known traps (see README, Windows lane):
``xdotool windowactivate --sync`` can hang, so windows are focused by a click and the
Win32 foreground window is what counts; keys are held ~120 ms, because a key
released at once after a press that hides a window can be lost.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path, PureWindowsPath

import pytest

from tests.e2e.conftest import wait_for

WINE_PYTHON = os.environ.get("QR_WINE_PYTHON", "")
HERE = Path(__file__).parent
KEY_HOLD = 0.12

# What the lane shows today: RegisterHotKey succeeds and Wine posts WM_HOTKEY to the
# app's hidden window (a second QAbstractNativeEventFilter installed after the app's
# sees it), but in most runs WindowsHotkey's own filter never gets it: the chord does nothing.
HOTKEY_NOT_DELIVERED = pytest.mark.xfail(
    strict=False,  # intermittent: strict would make the lane itself flaky
    reason="issue 11 finding 1/2: under Wine, WM_HOTKEY often never reaches WindowsHotkey's "
    "native event filter, so Ctrl+Alt+K does nothing (it fired in 2 of 7 runs, both "
    "overlapping another branch's lane run)",
)


def win(path: Path | str) -> str:
    """A Linux path as Windows programs under Wine see it (drive Z: is /)."""
    return str(PureWindowsPath("Z:" + str(Path(path).resolve()).replace("/", "\\")))


def _drain(fd: int, into: list[bytes]) -> None:
    """Read a raw pipe to its end (a plain fd: a Wine service may hold it open for good)."""
    while chunk := os.read(fd, 65536):
        into.append(chunk)
    os.close(fd)


def _copy(fd: int, log: Path) -> None:
    with open(log, "wb", buffering=0) as out:
        while chunk := os.read(fd, 65536):
            out.write(chunk)
    os.close(fd)


class Lane:
    """One test's view of the lane: its own data folder, Wine environment and processes."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.python = Path(WINE_PYTHON)
        self.env = dict(os.environ)
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.update(
            LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8", QUICKREPLY_LOG_DIR=win(tmp / "log")
        )
        self.db = tmp / "library.db"
        self.procs: list[subprocess.Popen] = []

    # --- running Windows programs ------------------------------------------------------
    def wine(
        self, *args: str, timeout: float = 120, env: dict | None = None, check: bool = False
    ) -> subprocess.CompletedProcess:
        """``wine ARGS``: stdin empty, output piped (bytes: the test decodes them)."""
        # Pipes, not files (Python under Wine 8 cannot use a regular file as a standard
        # handle), but not read to their end: the first Wine program in a prefix starts
        # Wine's services, which inherit its handles and hold the pipes open after it exits.
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        proc = subprocess.Popen(
            ["wine", *args],
            stdin=subprocess.DEVNULL,
            stdout=out_w,
            stderr=err_w,
            env=env or self.env,
        )
        os.close(out_w)
        os.close(err_w)
        chunks: dict[str, list[bytes]] = {"out": [], "err": []}
        readers = [
            threading.Thread(target=_drain, args=(fd, chunks[name]), daemon=True)
            for name, fd in (("out", out_r), ("err", err_r))
        ]
        for reader in readers:
            reader.start()
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise AssertionError(
                f"wine {' '.join(args)} did not finish in {timeout:.0f} s; "
                f"output so far: {b''.join(chunks['out'])[-2000:]!r}"
            ) from None
        for reader in readers:
            reader.join(timeout=3)
        result = subprocess.CompletedProcess(
            proc.args, code, b"".join(chunks["out"]), b"".join(chunks["err"])
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"wine {' '.join(args)} exited {result.returncode}: "
                f"{result.stdout.decode('gbk', 'replace')}"
                f"{result.stderr.decode('gbk', 'replace')}"
            )
        return result

    def cli(self, *args: str, **kw) -> subprocess.CompletedProcess:
        """``quickreply`` (``python -m desktop``, as the console script runs it) on this
        test's library."""
        return self.wine(str(self.python), "-m", "desktop", "--db", win(self.db), *args, **kw)

    def py(self, code: str, **kw) -> subprocess.CompletedProcess:
        return self.wine(str(self.python), "-c", code, **kw)

    def start(self, *args: str, log: Path, **kw) -> subprocess.Popen:
        """``wine ARGS`` in the background, its output (through a pipe) copied to ``log``."""
        read_fd, write_fd = os.pipe()
        proc = subprocess.Popen(
            ["wine", *args],
            stdin=subprocess.DEVNULL,
            stdout=write_fd,
            stderr=write_fd,
            env=kw.pop("env", self.env),
            **kw,
        )
        os.close(write_fd)
        threading.Thread(target=_copy, args=(read_fd, log), daemon=True).start()
        self.procs.append(proc)
        return proc

    def app_log(self) -> str:
        path = self.tmp / "log" / "quickreply.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    # --- X side: keys and clicks as a person gives them ---------------------------------
    def xdo(self, *args: str, check: bool = True) -> str:
        for attempt in range(3):  # xdotool itself occasionally fails to reach a busy X server
            result = subprocess.run(
                ["xdotool", *args], capture_output=True, text=True, timeout=20, check=False
            )
            if result.returncode == 0 or not check:
                return result.stdout
            time.sleep(0.5 * (attempt + 1))
        raise AssertionError(f"xdotool {' '.join(args)} failed: {result.stderr}")

    def key(self, chord: str, hold: float = KEY_HOLD) -> None:
        """Press ``chord`` (``ctrl+alt+k``), hold it, let go: as fingers do."""
        self.xdo("keydown", chord)
        time.sleep(hold)
        self.xdo("keyup", chord)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "60", text)

    def click(self, x: int, y: int) -> None:
        self.xdo("mousemove", "--sync", str(x), str(y))
        time.sleep(0.1)
        self.xdo("mousedown", "1")
        time.sleep(0.08)
        self.xdo("mouseup", "1")

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


class WinEyes:
    """A Windows helper process (``winhelper.py``) that reports the Win32 desktop's state."""

    def __init__(self, lane: Lane) -> None:
        self.proc = subprocess.Popen(
            ["wine", str(lane.python), win(HERE / "winhelper.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=lane.env,
        )
        assert self.ask("ping") == "pong"

    def ask(self, what: str, **args):
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write((json.dumps({"do": what, **args}) + "\n").encode())
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError(
                f"the Windows helper died (exit {self.proc.poll()}) asked {what!r}"
            )
        reply = json.loads(line)
        if "error" in reply:
            raise AssertionError(f"the Windows helper could not {what}: {reply['error']}")
        return reply["ok"]

    def windows(self, title_part: str = "", cls: str = "") -> list[dict]:
        return [
            w
            for w in self.ask("windows")
            if title_part in w["title"] and (not cls or w["class"] == cls)
        ]

    def foreground(self) -> dict:
        return self.ask("foreground") or {}

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()  # type: ignore[union-attr]
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc.stdout.close()  # type: ignore[union-attr]


@pytest.fixture(autouse=True)
def _windows_lane_only():
    if not WINE_PYTHON:
        pytest.skip("Windows lane only: run `bash .ci/windows_lane.sh` (sets QR_WINE_PYTHON)")
    if shutil.which("wine") is None or not Path(WINE_PYTHON).is_file():
        pytest.fail(f"QR_WINE_PYTHON={WINE_PYTHON} but wine or that python.exe is missing")


@pytest.fixture
def lane(tmp_path):
    lane = Lane(tmp_path)
    try:
        yield lane
    finally:
        lane.stop()


@pytest.fixture
def eyes(lane):
    helper = WinEyes(lane)
    try:
        yield helper
    finally:
        helper.close()


@pytest.fixture
def notepad(lane, eyes):
    lane.start("notepad.exe", log=lane.tmp / "notepad.log")
    window = wait_for(lambda: eyes.windows(cls="Notepad"), timeout=60, what="Wine's Notepad")[0]
    return window


def notepad_text(eyes, notepad) -> str:
    return eyes.ask("edit_text", hwnd=notepad["hwnd"]) or ""


def focus_notepad(lane, eyes, notepad) -> None:
    """Click into Notepad's page: X and Wine can disagree about the active window, so
    a click and the Win32 foreground window decide, never ``windowactivate --sync``."""
    for attempt in range(4):
        left, top, right, bottom = eyes.windows(cls="Notepad")[0]["rect"]
        lane.click((left + right) // 2, (top + bottom) // 2)
        try:
            wait_for(
                lambda: eyes.foreground().get("hwnd") == notepad["hwnd"],
                timeout=5,
                what="Notepad in front after a click into it",
                seen=eyes.foreground,
            )
            return
        except AssertionError:
            if attempt == 3:
                raise
            time.sleep(1)


__all__ = [
    "HOTKEY_NOT_DELIVERED",
    "Lane",
    "WinEyes",
    "focus_notepad",
    "notepad_text",
    "wait_for",
    "win",
]
