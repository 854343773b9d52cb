"""The X11 backend against a real X server: Xvfb + openbox, driven by xdotool.

Everything runs on a private display picked by ``Xvfb -displayfd``, so the
tests never touch the developer's own desktop.
"""

from __future__ import annotations

import os
import queue
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

needs_x = pytest.mark.skipif(
    sys.platform != "linux" or not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool",
)
Xlib = pytest.importorskip("Xlib")
from Xlib import XK, X
from Xlib.display import Display

from desktop.platform import x11
from desktop.platform.base import HotkeyError

TARGET_APP = """
import sys
from PySide6 import QtWidgets
app = QtWidgets.QApplication(sys.argv)
edit = QtWidgets.QLineEdit()
edit.setWindowTitle("paste-target")
edit.resize(320, 40)
edit.textChanged.connect(lambda text: print("TEXT:" + text, flush=True))
edit.show()
print("WIN:%d" % int(edit.winId()), flush=True)
app.exec()
"""


class Procs:
    """Child processes of one test, all ended in teardown."""

    def __init__(self, display: str) -> None:
        self.env = {**os.environ, "DISPLAY": display}
        self.running: list[subprocess.Popen[str]] = []

    def start(
        self, *args: str, extra_env: dict[str, str] | None = None, **kwargs
    ) -> subprocess.Popen[str]:
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        env = {**self.env, **(extra_env or {})}
        proc = subprocess.Popen(args, env=env, text=True, **kwargs)
        self.running.append(proc)
        return proc

    def run(self, *args: str) -> str:
        done = subprocess.run(
            args, check=False, env=self.env, text=True, capture_output=True, timeout=5
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def stop_all(self) -> None:
        for proc in reversed(self.running):
            stop(proc)


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def xserver() -> Iterator[str]:
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 10)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            pytest.skip("Xvfb did not start")
        display = f":{number}"
        wm = None
        if shutil.which("openbox"):
            wm = subprocess.Popen(
                ["openbox", "--sm-disable"],
                env={**os.environ, "DISPLAY": display},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            wait_for_wm(display)
        yield display
        if wm is not None:
            stop(wm)
    finally:
        os.close(read_end)
        stop(proc)  # type: ignore[arg-type]


def wait_for_wm(display: str) -> None:
    conn = Display(display)
    try:
        check = conn.intern_atom("_NET_SUPPORTING_WM_CHECK")
        deadline = time.monotonic() + 5
        while conn.screen().root.get_full_property(check, X.AnyPropertyType) is None:
            assert time.monotonic() < deadline, "openbox did not start"
            time.sleep(0.05)
    finally:
        conn.close()


@pytest.fixture
def procs(xserver, monkeypatch) -> Iterator[Procs]:
    monkeypatch.setenv("DISPLAY", xserver)
    helper = Procs(xserver)
    yield helper
    helper.stop_all()


@pytest.fixture
def hotkey(procs):
    backend = x11.X11Hotkey()
    yield backend
    backend.close()


@pytest.fixture
def conn(procs):
    display = x11.connect()
    yield display
    display.close()


@pytest.mark.e2e
@needs_x
def test_hotkey_fires_on_key_press(qtbot, procs, hotkey):
    hotkey.register("ctrl+alt+k")
    with qtbot.waitSignal(hotkey.activated, timeout=3000):
        procs.run("xdotool", "key", "ctrl+alt+k")
    procs.run("xdotool", "key", "Num_Lock")  # the grab covers lock states too
    try:
        with qtbot.waitSignal(hotkey.activated, timeout=3000):
            procs.run("xdotool", "key", "ctrl+alt+k")
    finally:
        procs.run("xdotool", "key", "Num_Lock")
    hotkey.register("ctrl+shift+f1")  # replaces the first grab
    with qtbot.waitSignal(hotkey.activated, timeout=3000):
        procs.run("xdotool", "key", "ctrl+shift+F1")
    with qtbot.assertNotEmitted(hotkey.activated, wait=300):
        procs.run("xdotool", "key", "ctrl+alt+k")


@pytest.mark.e2e
@needs_x
def test_hotkey_held_by_another_client_is_refused(procs, hotkey):
    other = Display(procs.env["DISPLAY"])
    try:
        keycode = other.keysym_to_keycode(XK.XK_k)
        other.screen().root.grab_key(
            keycode, X.ControlMask | X.Mod1Mask, True, X.GrabModeAsync, X.GrabModeAsync
        )
        other.sync()
        with pytest.raises(HotkeyError) as info:
            hotkey.register("ctrl+alt+k")
        assert str(info.value) == "快捷键 ctrl+alt+k 已被其他程序占用，请在 设置 里换一个"
        hotkey.register("ctrl+alt+j")  # a free one still works afterwards
    finally:
        other.close()


def xmessage(procs: Procs, title: str) -> int:
    procs.start("xmessage", "-title", title, "-geometry", "+50+50", title)
    out = procs.run("xdotool", "search", "--sync", "--onlyvisible", "--name", f"^{title}$")
    return int(out.split()[0])


@pytest.mark.e2e
@needs_x
@pytest.mark.skipif(not shutil.which("openbox") or not shutil.which("xmessage"), reason="openbox")
def test_active_window_and_activate(qtbot, procs, conn):
    focus = x11.X11Focus(conn)
    first = xmessage(procs, "first")
    second = xmessage(procs, "second")
    assert focus.activate(first)
    qtbot.waitUntil(lambda: focus.active_window() == first, timeout=3000)
    assert focus.activate(second)
    qtbot.waitUntil(lambda: focus.active_window() == second, timeout=3000)
    procs.running[0].terminate()
    procs.running[0].wait(timeout=3)
    qtbot.waitUntil(lambda: not focus.activate(first), timeout=3000)


def read_lines(stream) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        with stream:  # closed here, at EOF, so no other thread ever closes it mid-read
            for line in stream:
                lines.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return lines


def wait_line(lines: queue.Queue[str], prefix: str, timeout: float = 5) -> str:
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        if line.startswith(prefix):
            return line[len(prefix) :]
    raise AssertionError(f"no {prefix} line within {timeout}s")


@pytest.mark.e2e
@needs_x
@pytest.mark.skipif(not shutil.which("openbox") or not shutil.which("xclip"), reason="openbox")
def test_xtest_paste_reaches_window_despite_held_alt(qtbot, procs, conn):
    phrase = "亲，您好 paste-42"
    xclip = procs.start("xclip", "-selection", "clipboard", "-quiet", stdin=subprocess.PIPE)
    assert xclip.stdin is not None
    xclip.stdin.write(phrase)
    xclip.stdin.close()
    child = procs.start(
        sys.executable,
        "-c",
        TARGET_APP,
        stdout=subprocess.PIPE,
        extra_env={"QT_QPA_PLATFORM": "xcb"},
    )
    lines = read_lines(child.stdout)
    window = int(wait_line(lines, "WIN:"))
    focus, keys = x11.X11Focus(conn), x11.X11Keystroke(conn)
    qtbot.waitUntil(
        lambda: focus.activate(window) and focus.active_window() == window, timeout=5000
    )
    assert keys.ready()
    procs.run("xdotool", "keydown", "alt")  # still held from the hotkey
    try:
        assert not keys.ready()
        keys.paste()
        assert wait_line(lines, "TEXT:") == phrase
    finally:
        procs.run("xdotool", "keyup", "alt")


@pytest.mark.e2e
@needs_x
def test_factory_builds_x11_platform(procs):
    from desktop.platform import create_platform

    platform = create_platform("x11")
    try:
        assert platform.name == "x11"
        assert platform.problem is None
    finally:
        platform.close()


def test_keysyms_for_every_key_name():
    for key in ("a", "z", "0", "f1", "f24", "space", "enter", "pageup", "backquote", "left"):
        assert x11.keysym_for(key), key
    assert x11.keysym_for("f") == XK.XK_f
    assert x11.keysym_for("f5") == XK.XK_F5


def test_lock_combinations_cover_caps_and_num_lock():
    assert x11.lock_combinations(0) == [0, X.LockMask]
    assert x11.lock_combinations(X.Mod2Mask) == [0, X.LockMask, X.Mod2Mask, X.Mod2Mask | X.LockMask]


def test_pressed_reads_the_keymap_bits():
    keymap = [0] * 32
    keymap[37 // 8] |= 1 << (37 % 8)
    assert x11.pressed(keymap, [37, 64, 0]) == [37]


def test_paste_sequence_releases_held_modifiers_behind_ctrl():
    ctrl, alt, v = 37, 64, 55
    assert x11.paste_sequence([ctrl, alt], {ctrl, 105}, ctrl, v) == [
        (X.KeyRelease, ctrl),
        (X.KeyPress, ctrl),
        (X.KeyRelease, alt),
        (X.KeyPress, v),
        (X.KeyRelease, v),
        (X.KeyRelease, ctrl),
    ]
