"""A real X session for end-to-end tests: Xvfb, openbox (focus) and trayer (tray).

Skipped, with the reason, where those programs are not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

NEEDED = ("Xvfb", "openbox", "trayer", "xdotool", "xclip")


def wait_for(predicate, timeout: float = 10.0, interval: float = 0.1, what: str = "condition", seen=None):
    """Poll until ``predicate`` is true; ``seen()`` describes the last state on failure."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    detail = f" (last seen: {seen()!r})" if seen else ""
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}{detail}")


class XSession:
    def __init__(self, display: str, tmp: Path) -> None:
        self.display = display
        self.tmp = tmp
        self.env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        self.env["DISPLAY"] = display
        self.env["QUICKREPLY_LOG_DIR"] = str(tmp / "logs")  # keep the user's log folder clean
        self.procs: list[subprocess.Popen] = []

    def start(self, *args: str, **kw) -> subprocess.Popen:
        proc = subprocess.Popen(list(args), env=kw.pop("env", self.env), stdout=kw.pop("stdout", subprocess.DEVNULL),
                                stderr=kw.pop("stderr", subprocess.DEVNULL), **kw)
        self.procs.append(proc)
        return proc

    def run(self, *args: str, input: str | None = None, check: bool = True) -> str:
        result = subprocess.run(list(args), env=self.env, capture_output=True, text=True, check=False,
                                input=input, timeout=20)
        if check and result.returncode != 0:
            raise AssertionError(f"{args} failed: {result.stderr}")
        return result.stdout

    def windows(self, name: str, visible: bool = True) -> list[str]:
        args = ["xdotool", "search"] + (["--onlyvisible"] if visible else []) + ["--name", name]
        return self.run(*args, check=False).split()

    def active_window(self) -> str:
        return self.run("xdotool", "getactivewindow", check=False).strip()

    def clipboard(self) -> str:
        return self.run("xclip", "-o", "-selection", "clipboard", check=False)

    def set_clipboard(self, text: str) -> None:
        # xclip keeps running in the background to serve the selection
        proc = subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], env=self.env,
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proc.communicate(text.encode("utf-8"), timeout=10)
        wait_for(lambda: self.clipboard() == text, what="clipboard to hold the test text")

    def tray_ready(self) -> bool:
        from Xlib import display as xdisplay

        d = xdisplay.Display(self.display)
        try:
            return d.get_selection_owner(d.intern_atom("_NET_SYSTEM_TRAY_S0")) != 0
        finally:
            d.close()

    @classmethod
    def launch(cls, tmp: Path, size: str = "1280x800") -> XSession:
        """A fresh Xvfb on a free display number, with openbox and trayer running."""
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24",
                                 "-nolisten", "tcp"],
                                pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        session = cls(f":{number}", tmp)
        session.procs.append(xvfb)
        try:
            session.start_window_manager()
            session.start("trayer", "--edge", "bottom", "--align", "right", "--widthtype", "request",
                          "--height", "24", "--SetDockType", "true")
            wait_for(session.tray_ready, what="trayer to host a system tray")
        except BaseException:
            session.stop()
            raise
        return session

    def start_window_manager(self, attempts: int = 3) -> None:
        """openbox, started again if it has not taken the screen after a while.

        On a busy machine openbox now and then never announces itself; a second
        start has always worked.  Its output is kept for the failure message.
        """
        log = self.tmp / "openbox.log"
        for attempt in range(attempts):
            with open(log, "a") as out:
                proc = self.start("openbox", "--sm-disable", stdout=out, stderr=subprocess.STDOUT)
            try:
                wait_for(lambda: "window id" in self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK",
                                                         check=False),
                         timeout=15, what="openbox to manage the screen")
                return
            except AssertionError:
                proc.kill()
                proc.wait(timeout=5)
                if attempt == attempts - 1:
                    raise AssertionError(f"openbox did not manage the screen in {attempts} tries: "
                                         f"{log.read_text(errors='replace')[-500:]!r}") from None

    def start_app(self, db: Path, log: Path, *args: str) -> subprocess.Popen:
        """The real app as its own process; returns once its tray icon exists."""
        exe = shutil.which("quickreply")
        base = [exe] if exe else [sys.executable, "-m", "desktop"]
        with open(log, "w") as out:  # the child keeps its own copy
            proc = self.start(*base, "--db", str(db), *args, stdout=out, stderr=subprocess.STDOUT)
        wait_for(lambda: self.windows("QuickReply", visible=False) or proc.poll() is not None,
                 timeout=30, what="the app to start")
        if proc.poll() is not None:
            raise AssertionError(f"the app exited with {proc.returncode}: {log.read_text()}")
        time.sleep(1.0)  # let it register the hotkey after the tray appears
        return proc

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def xsession(tmp_path):
    missing = [p for p in NEEDED if shutil.which(p) is None]
    if missing:
        pytest.skip("end-to-end test needs " + ", ".join(missing))
    session = XSession.launch(tmp_path)
    try:
        yield session
    finally:
        session.stop()
