"""The whole loop on a real X server, as an agent does it with the keyboard alone.

The app runs as its own process; a separate text window stands in for Qianniu.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from tests.e2e.conftest import wait_for

pytestmark = pytest.mark.e2e

ORIGINAL = "用户原来复制的内容 original clipboard"


def quickreply(db, *args: str) -> list[str]:
    exe = shutil.which("quickreply")
    base = [exe] if exe else [sys.executable, "-m", "desktop"]
    return base + ["--db", str(db), *args]


def rendered(db, code: str, env) -> str:
    out = subprocess.run(quickreply(db, "render", code), capture_output=True, text=True, env=env, check=True)
    return out.stdout.rstrip("\n")


@pytest.fixture
def app(xsession):
    db = xsession.tmp / "lib.db"
    proc = xsession.start_app(db, xsession.tmp / "app.log")
    yield db, proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def target(xsession):
    out = xsession.tmp / "target.txt"
    xsession.start(sys.executable, "-m", "tests.e2e.target_window", str(out))
    window = wait_for(lambda: xsession.windows("qr-target"), timeout=20, what="the target window")[0]
    wait_for(out.exists, what="the target window to save its text")
    return window, out


def focus(xsession, window: str) -> None:
    xsession.run("xdotool", "windowactivate", "--sync", window)
    wait_for(lambda: xsession.active_window() == window, what="the target window to get focus")


def test_hotkey_code_enter_pastes_into_the_other_window_and_restores_clipboard(xsession, app, target):
    db, proc = app
    window, out = target
    expected = rendered(db, "fhsj", xsession.env)
    xsession.set_clipboard(ORIGINAL)
    focus(xsession, window)
    xsession.run("xdotool", "type", "--delay", "20", "Hi ")
    wait_for(lambda: out.read_text(encoding="utf-8") == "Hi ", what="typing to reach the target")

    xsession.run("xdotool", "key", "ctrl+alt+k")
    popup = wait_for(lambda: xsession.windows("快回 搜索"), timeout=10, what="the popup")[0]
    wait_for(lambda: xsession.active_window() == popup, what="the popup to take focus")
    xsession.run("xdotool", "type", "--delay", "30", "fhsj")
    time.sleep(0.3)
    xsession.run("xdotool", "key", "Return")

    wait_for(lambda: out.read_text(encoding="utf-8") == "Hi " + expected, timeout=10,
             what="the phrase to arrive in the target window", seen=lambda: out.read_text(encoding="utf-8"))
    assert xsession.active_window() == window
    wait_for(lambda: xsession.clipboard() == ORIGINAL, timeout=10, what="the clipboard to be restored",
             seen=xsession.clipboard)
    assert proc.poll() is None


def test_two_quick_pastes_each_deliver_their_own_text(xsession, app, target):
    db, _proc = app
    window, out = target
    first, second = rendered(db, "fhsj", xsession.env), rendered(db, "fhdd", xsession.env)
    xsession.set_clipboard(ORIGINAL)
    focus(xsession, window)
    for code in ("fhsj", "fhdd"):
        xsession.run("xdotool", "key", "ctrl+alt+k")
        popup = wait_for(lambda: xsession.windows("快回 搜索"), timeout=10, what="the popup")[0]
        wait_for(lambda p=popup: xsession.active_window() == p, what="the popup to take focus")
        xsession.run("xdotool", "type", "--delay", "20", code)
        time.sleep(0.2)
        xsession.run("xdotool", "key", "Return")
        wait_for(lambda: xsession.active_window() == window, what="focus to return to the target")
    wait_for(lambda: out.read_text(encoding="utf-8") == first + second, timeout=10,
             what="both phrases, in order, in the target window", seen=lambda: out.read_text(encoding="utf-8"))
    wait_for(lambda: xsession.clipboard() == ORIGINAL, timeout=10, what="the clipboard to be restored",
             seen=xsession.clipboard)


def test_many_rounds_in_one_process_each_popup_takes_the_keyboard(xsession, app, target):
    """Issue 11, finding 7: after a popup closed by Enter or Esc, the next one ignored keys."""
    db, proc = app
    window, out = target
    phrase = rendered(db, "fhsj", xsession.env)
    focus(xsession, window)
    expected = ""
    for round_ in range(6):
        xsession.run("xdotool", "key", "ctrl+alt+k")
        popup = wait_for(lambda: xsession.windows("快回 搜索"), timeout=10, what="the popup")[0]
        wait_for(lambda p=popup: xsession.active_window() == p, what=f"round {round_}: popup focus")
        xsession.run("xdotool", "type", "--delay", "20", "fhsj")
        time.sleep(0.2)
        if round_ % 3 == 2:
            xsession.run("xdotool", "key", "Escape")
        else:
            xsession.run("xdotool", "key", "Return")
            expected += phrase
        wait_for(lambda: not xsession.windows("快回 搜索"), what=f"round {round_}: the popup to close")
        wait_for(lambda: xsession.active_window() == window, what="focus to return to the target")
        wait_for(lambda e=expected: out.read_text(encoding="utf-8") == e, timeout=10,
                 what=f"round {round_}: the text in the target", seen=lambda: out.read_text(encoding="utf-8"))
    assert proc.poll() is None
