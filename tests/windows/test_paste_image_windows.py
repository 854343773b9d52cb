"""Enter → text in Notepad with a 1920×1080 bitmap on the clipboard, under Wine
(issue 11, finding 6): the Windows (Wine) row of the README's benchmark table.

The figures are printed, never asserted (times are the bench's business); what is
asserted is what an agent notices: every phrase arrives and the screenshot the
agent had copied is on the clipboard again afterwards, the same picture.
"""

from __future__ import annotations

import statistics
import time

from tests.windows.conftest import focus_notepad, notepad_text, wait_for
from tests.windows.test_tray_app_windows import POPUP_TITLE, app, popup_in_front, rendered

__all__ = ["app"]  # the fixture, imported for pytest
ROUNDS = 10
REFUSED = "not pasted: focus moved"
WIDTH, HEIGHT = 1920, 1080


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def test_enter_to_text_with_a_big_image_on_the_clipboard(lane, eyes, notepad, app, capsys):
    phrase = rendered(lane, "fhdd")
    focus_notepad(lane, eyes, notepad)
    timings: list[float] = []
    refusals: list[str] = []
    text = ""
    while len(timings) < ROUNDS:
        # A new copy each round, owned by the helper (as by a screenshot tool), offered
        # as CF_DIB and PNG.  (With CF_DIB alone, Qt under Wine 8 reads a null image.)
        eyes.ask("set_clipboard_image", width=WIDTH, height=HEIGHT)
        assert eyes.ask("clipboard_image")["same_pixels"], "the helper's own image reads back"
        wait_for(
            lambda: eyes.foreground().get("hwnd") == notepad["hwnd"],
            timeout=10,
            what="Notepad in front before the hotkey",
            seen=eyes.foreground,
        )
        lane.key("ctrl+alt+k")
        wait_for(
            lambda: popup_in_front(eyes),
            timeout=15,
            what="the popup in front after Ctrl+Alt+K",
            seen=lambda: (eyes.foreground(), lane.app_log()[-600:]),
        )
        lane.x_focus_follows_win32(POPUP_TITLE)
        time.sleep(0.3)
        lane.type("fhdd")
        time.sleep(0.6)
        assert popup_in_front(eyes), "the popup lost the keyboard while typing"
        refused_before = lane.app_log().count(REFUSED)
        start = time.perf_counter()
        lane.xdo("keydown", "Return")
        arrived, released = None, False
        while time.perf_counter() - start < 20:  # Notepad read by message: ~ms a poll
            if notepad_text(eyes, notepad) == text + phrase:
                arrived = time.perf_counter()
                break
            if lane.app_log().count(REFUSED) > refused_before:
                break
            if not released and time.perf_counter() - start > 0.12:  # held as fingers do
                lane.xdo("keyup", "Return")
                released = True
        if not released:
            lane.xdo("keyup", "Return")
        if arrived is None and lane.app_log().count(REFUSED) > refused_before:
            # The app saw another window come in front between Enter and Ctrl+V and
            # rightly pasted nothing (finding 5).  Under Wine this happens now and then
            # as the popup hides; the round is redone, and the count is printed.
            front = eyes.foreground()
            refusals.append(f"{front.get('class')!r} {front.get('title')!r}")
            assert len(refusals) <= 3, (
                f"the app refused {len(refusals)} pastes, focus having moved: {refusals}; "
                f"app log: {lane.app_log()[-600:]}"
            )
            assert notepad_text(eyes, notepad) == text, "a refused paste still typed"
            focus_notepad(lane, eyes, notepad)
            continue
        assert arrived is not None, (
            f"the phrase did not arrive in Notepad within 20 s: {notepad_text(eyes, notepad)!r}; "
            f"app log: {lane.app_log()[-600:]}"
        )
        timings.append((arrived - start) * 1000)
        text += phrase
        image = wait_for(
            lambda: (
                (eyes.ask("clipboard_image") or {}).get("same_pixels")
                and eyes.ask("clipboard_image")
            ),
            timeout=15,
            what="the 1920×1080 image restored to the clipboard, the same pixels",
            seen=lambda: (
                eyes.ask("clipboard_image"),
                eyes.ask("clipboard_formats"),
                lane.app_log()[-600:],
            ),
        )
        assert (image["width"], image["height"]) == (WIDTH, HEIGHT)
        time.sleep(0.5)
    assert app.poll() is None
    assert "Traceback" not in lane.app_log()
    with capsys.disabled():
        print(
            f"\n| 1920×1080 image on the clipboard, Windows (Wine 8, Notepad) "
            f"| {statistics.median(timings):.1f} ms | {percentile(timings, 95):.1f} ms "
            f"| {max(timings):.1f} ms | {len(timings)} | {len(timings)}/{len(timings)} |"
        )
        if refusals:
            print(f"rounds redone after the app refused a paste (focus moved): {refusals}")
