"""The side panel on the Windows code under Wine: opened from the tray menu, it never
takes focus, so one click on a phrase row pastes into the chat window (Notepad).

The tray icon lives in Wine's stand-alone tray window (no X system tray under
openbox); its menu is driven with the keyboard, as Qt routes keys to an open menu.
"""

from __future__ import annotations

import re
import time

from tests.windows.conftest import focus_notepad, notepad_text, wait_for
from tests.windows.test_tray_app_windows import app, rendered

__all__ = ["app"]
PANEL_TITLE = "快回 侧边栏"
MENU_CLASS = "QWindowPopup"
PANEL_ITEM = 4  # 搜索话术, 当前买家, 话术库, 侧边栏: Down four times from no item


def panel(eyes) -> dict | None:
    found = eyes.windows(PANEL_TITLE)
    return found[0] if found else None


def menu(eyes) -> dict | None:
    found = [w for w in eyes.ask("windows") if MENU_CLASS in w["class"]]
    return found[0] if found else None


def open_panel_from_tray(lane, eyes) -> dict:
    tray = wait_for(
        lambda: eyes.windows(cls="__winex11_standalone_tray"),
        timeout=30,
        what="Wine's stand-alone tray window with QuickReply's icon",
        seen=lambda: eyes.ask("windows"),
    )[0]
    left, top, _, bottom = tray["rect"]
    for attempt in range(3):
        lane.xdo("mousemove", "--sync", str(left + 16), str((top + bottom) // 2))
        time.sleep(0.2)
        lane.xdo("click", "3")
        try:
            shown = wait_for(
                lambda: menu(eyes),
                timeout=10,
                what="the tray menu after a right click",
                seen=lambda: eyes.ask("windows"),
            )
        except AssertionError:
            if attempt == 2:
                raise
            continue
        ids = lane.xdo("search", "--name", "^快回$", check=False).split()
        if ids:  # keys go to the X window that has X's focus (see x_focus_follows_win32)
            lane.xdo("windowfocus", ids[-1], check=False)
        time.sleep(0.3)
        for _ in range(PANEL_ITEM):
            lane.key("Down", hold=0.06)
            time.sleep(0.1)
        lane.key("Return")
        try:
            return wait_for(
                lambda: panel(eyes),
                timeout=10,
                what=f"the side panel ({PANEL_TITLE})",
                seen=lambda shown=shown: (shown, eyes.ask("windows")),
            )
        except AssertionError:
            if attempt == 2:
                raise
            lane.key("Escape")
            time.sleep(1)
    raise AssertionError("unreachable")


def test_a_click_on_a_side_panel_row_pastes_into_notepad(lane, eyes, notepad, app):
    shown = open_panel_from_tray(lane, eyes)
    left, top, right, bottom = shown["rect"]
    focus_notepad(lane, eyes, notepad)
    pasted = re.compile(r"phrase (\S+) pasted into (\d+)")
    text = ""
    # Rows lie below the category picker; a click between rows pastes nothing, so a
    # few heights are tried (each click is checked, never repeated on a paste).
    for fraction in (0.55, 0.45, 0.65, 0.35, 0.75):
        before = len(pasted.findall(lane.app_log()))
        lane.click((left + right) // 2, top + int((bottom - top) * fraction))
        try:
            wait_for(
                lambda before=before: len(pasted.findall(lane.app_log())) > before,
                timeout=8,
                what="a paste from the side panel",
                seen=lambda: lane.app_log()[-400:],
            )
        except AssertionError:
            if eyes.foreground().get("hwnd") != notepad["hwnd"]:
                lane.key("Escape")  # a phrase that wanted a value opened the fill-in form
                focus_notepad(lane, eyes, notepad)
            continue
        phrase_id, target = pasted.findall(lane.app_log())[-1]
        assert int(target) == notepad["hwnd"], f"pasted into {target}, not Notepad"
        text = rendered(lane, phrase_id)
        break
    else:
        raise AssertionError(
            f"no click on the side panel at {shown['rect']} pasted a phrase; "
            f"app log: {lane.app_log()[-800:]}"
        )
    wait_for(
        lambda: notepad_text(eyes, notepad) == text,
        timeout=20,
        what=f"the side panel's phrase in Notepad: {text!r}",
        seen=lambda: notepad_text(eyes, notepad),
    )
    # The panel never took focus: Notepad is still the window keys go to.
    assert eyes.foreground().get("hwnd") == notepad["hwnd"], eyes.foreground()
    assert panel(eyes), "the side panel stays open after a click"
    assert app.poll() is None
    assert "Traceback" not in lane.app_log()
