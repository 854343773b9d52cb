"""The whole daily loop on Windows code: the real tray app (Windows Python, PySide6's
Windows Qt, the Windows hotkey/focus/paste backends) under Wine, with Wine's Notepad
as the chat window and xdotool as the agent's hands.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.windows.conftest import focus_notepad, notepad_text, wait_for, win

ORIGINAL = "客服原来复制的内容 original clipboard"
POPUP_TITLE = "快回 搜索"  # Qt on Windows adds " - 快回", the application name


def rendered(lane, code: str) -> str:
    result = lane.cli("render", code, "--json", check=True)
    return json.loads(result.stdout.decode("utf-8"))["text"]


@pytest.fixture
def app(lane, eyes, notepad):
    proc = lane.start(
        str(lane.python), "-m", "desktop", "--db", win(lane.db), log=lane.tmp / "app.out"
    )
    wait_for(
        lambda: "registered with" in lane.app_log() or proc.poll() is not None,
        timeout=90,
        what="the app to register its hotkey",
        seen=lambda: lane.app_log()[-800:],
    )
    assert proc.poll() is None, (lane.tmp / "app.out").read_text(errors="replace") + lane.app_log()
    time.sleep(1.0)  # the tray and the first idle pass, as after a login
    yield proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=20)


def popup_in_front(eyes) -> dict | None:
    front = eyes.foreground()
    if front.get("title", "").startswith(POPUP_TITLE):
        return front
    return None


def paste_round(lane, eyes, notepad, code: str, before: str, expected: str) -> None:
    lane.key("ctrl+alt+k")
    wait_for(
        lambda: popup_in_front(eyes),
        timeout=15,
        what="the popup in front after Ctrl+Alt+K",
        seen=lambda: (eyes.foreground(), lane.app_log()[-600:]),
    )
    time.sleep(0.3)
    lane.type(code)
    time.sleep(0.6)  # the list follows the typing
    assert popup_in_front(eyes), "the popup lost the keyboard while typing"
    lane.key("Return")
    wait_for(
        lambda: notepad_text(eyes, notepad) == before + expected,
        timeout=20,
        what=f"the phrase {code} in Notepad",
        seen=lambda: (notepad_text(eyes, notepad), lane.app_log()[-600:]),
    )


@pytest.mark.xfail(
    strict=False,  # the hotkey itself is intermittent under Wine, see HOTKEY_NOT_DELIVERED
    reason="issue 11 findings 1/2: Ctrl+Alt+K often does nothing under Wine; when it fires, "
    "the first popup after start gets FocusOut ~100 ms after showing and hides itself",
)
def test_hotkey_popup_type_enter_pastes_into_notepad_and_restores_the_clipboard(
    lane, eyes, notepad, app
):
    expected = rendered(lane, "fhsj")
    eyes.ask("set_clipboard", text=ORIGINAL)
    focus_notepad(lane, eyes, notepad)
    lane.type("Hi ")
    wait_for(
        lambda: notepad_text(eyes, notepad) == "Hi ",
        timeout=15,
        what="typing in Notepad",
        seen=lambda: notepad_text(eyes, notepad),
    )

    # The first press after start must work (finding 2), and so must every later one
    # in the same process (finding 7): an agent does this hundreds of times a day.
    text = "Hi "
    for code in ("fhsj", "fhdd", "fhsj"):
        phrase = expected if code == "fhsj" else rendered(lane, code)
        paste_round(lane, eyes, notepad, code, text, phrase)
        text += phrase
        wait_for(
            lambda: eyes.foreground().get("hwnd") == notepad["hwnd"],
            timeout=10,
            what="Notepad in front again",
            seen=eyes.foreground,
        )
        wait_for(
            lambda: eyes.ask("get_clipboard") == ORIGINAL,
            timeout=15,
            what="the earlier clipboard restored",
            seen=lambda: eyes.ask("get_clipboard"),
        )
    assert app.poll() is None
    assert "Traceback" not in lane.app_log()


def test_a_second_start_brings_the_running_app_forward(lane, eyes, notepad, app):
    second = lane.wine(str(lane.python), "-m", "desktop", "--db", win(lane.db), timeout=90)
    assert second.returncode == 0, second.stdout.decode("gbk", "replace")
    wait_for(
        lambda: popup_in_front(eyes) or eyes.windows(POPUP_TITLE),
        timeout=20,
        what="the running app's popup",
        seen=lambda: eyes.ask("windows"),
    )
    assert app.poll() is None  # still the one running copy
