"""建议 on a real X server: copy a buyer's message, press the hotkey, Ctrl+1 sends suggestion 1."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.e2e.conftest import wait_for
from tests.e2e.test_desktop_loop import app, focus, quickreply, target  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

MESSAGE = "在吗 能便宜点吗？？😊"


def first_suggestion(db, env) -> str:
    out = subprocess.run(quickreply(db, "suggest", MESSAGE, "--json", "--limit", "1"),
                         capture_output=True, text=True, env=env, check=True)
    phrase_id = json.loads(out.stdout)[0]["phrase"]["id"]
    text = subprocess.run(quickreply(db, "render", phrase_id), capture_output=True, text=True,
                          env=env, check=True)
    return text.stdout.rstrip("\n")


def test_a_copied_buyer_message_is_answered_with_ctrl_1(xsession, app, target):  # noqa: F811
    db, proc = app
    window, out = target
    expected = first_suggestion(db, xsession.env)
    xsession.set_clipboard(MESSAGE)  # as copied from the chat
    focus(xsession, window)

    xsession.run("xdotool", "key", "ctrl+alt+k")
    popup = wait_for(lambda: xsession.windows("快回 搜索"), timeout=10, what="the popup")[0]
    wait_for(lambda: xsession.active_window() == popup, what="the popup to take focus")
    xsession.run("xdotool", "key", "ctrl+1")

    wait_for(lambda: out.read_text(encoding="utf-8") == expected, timeout=10,
             what="suggestion 1 to arrive in the target window",
             seen=lambda: out.read_text(encoding="utf-8"))
    assert xsession.active_window() == window
    wait_for(lambda: xsession.clipboard() == MESSAGE, timeout=10,
             what="the buyer's message back on the clipboard", seen=xsession.clipboard)
    assert proc.poll() is None
