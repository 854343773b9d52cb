"""The real Windows hotkey backend under Wine: the chord pressed in another program's
window reaches QuickReply, and a chord another program holds is reported, not hidden."""

from __future__ import annotations

import time

from tests.windows.conftest import HERE, focus_notepad, wait_for, win

MOD_ALT, MOD_CONTROL, VK_K = 0x1, 0x2, 0x4B


def read(path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def test_the_chord_pressed_in_notepad_reaches_the_windows_hotkey_backend(lane, eyes, notepad):
    log = lane.tmp / "probe.out"
    probe = lane.start(str(lane.python), win(HERE / "hotkey_probe.py"), "ctrl+alt+k", "60", log=log)
    wait_for(
        lambda: "registered" in read(log) or probe.poll() is not None,
        timeout=60,
        what="the probe to register the hotkey",
        seen=lambda: read(log),
    )
    assert "registered windows" in read(log), read(log)
    focus_notepad(lane, eyes, notepad)
    lane.type("ab")
    for presses in (1, 2, 3):
        lane.key("ctrl+alt+k")
        wait_for(
            lambda n=presses: read(log).count("activated") == n,
            timeout=15,
            what=f"activation number {presses}",
            seen=lambda: read(log),
        )
        time.sleep(0.5)
    # The chord is swallowed: Notepad got the typing but no stray "k".
    assert eyes.ask("edit_text", hwnd=notepad["hwnd"]) == "ab"


def test_a_chord_another_program_holds_is_reported_by_doctor(lane, eyes):
    eyes.ask("hold_hotkey", modifiers=MOD_CONTROL | MOD_ALT, vk=VK_K)
    result = lane.cli("doctor")
    text = result.stdout.decode("gbk")
    line = next(x for x in text.splitlines() if "快捷键：" in x)
    assert line.startswith("[失败]") and "占用" in line, text
    assert result.returncode == 1
