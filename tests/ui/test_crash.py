"""Unexpected exceptions: logged, shown briefly without phrase or buyer text, and the app goes on."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest

from desktop.qt import QTimer
from desktop.ui.crash import CrashReporter, summary, where

pytestmark = pytest.mark.gui
SECRET = "亲爱的小王同学，订单 202611240001234567"


def boom() -> None:
    raise RuntimeError(SECRET)


def caught() -> tuple:
    try:
        boom()
    except RuntimeError:
        return sys.exc_info()
    raise AssertionError("unreachable")


@pytest.fixture
def reporter(qtbot, tmp_path):
    seen: list[str] = []
    rep = CrashReporter(tmp_path / "quickreply.log", on_error=seen.append)
    rep.install()
    yield rep, seen
    rep.uninstall()


def test_the_summary_names_the_place_and_type_but_never_the_message(tmp_path):
    kind, _value, tb = caught()
    text = summary(kind, tb, tmp_path / "quickreply.log")
    assert "RuntimeError" in text and "test_crash.py" in text and "boom" in text
    assert str(tmp_path / "quickreply.log") in text
    assert "小王同学" not in text and "202611240001234567" not in text
    assert "继续运行" in text


def test_where_prefers_our_own_code():
    _kind, _value, tb = caught()
    assert where(tb).startswith("ui/test_crash.py:")  # the innermost frame: boom()


def test_hooks_are_installed_and_put_back(reporter):
    rep, _seen = reporter
    assert sys.excepthook == rep.excepthook
    assert threading.excepthook == rep.thread_excepthook
    rep.uninstall()
    assert sys.excepthook != rep.excepthook


def test_an_exception_is_logged_in_full_and_reported_once(reporter, caplog):
    rep, seen = reporter
    with caplog.at_level(logging.CRITICAL, logger="quickreply.app"):
        sys.excepthook(*caught())
    assert rep.count == 1 and len(seen) == 1
    assert "小王同学" not in seen[0]
    assert caplog.records[-1].exc_info is not None  # the file gets the traceback


def test_an_exception_in_a_slot_reaches_the_hook_and_the_loop_goes_on(reporter, qtbot):
    rep, _seen = reporter
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: rep.count == 1, timeout=3000)
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: ticked == [True], timeout=3000)


def test_an_exception_in_another_thread_is_reported_on_the_gui_thread(reporter, qtbot):
    rep, seen = reporter
    worker = threading.Thread(target=boom, name="x11-hotkey")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: rep.count == 1, timeout=3000)
    assert "RuntimeError" in seen[0]


def test_without_a_hook_a_plain_text_dialog_is_shown_and_not_stacked(qtbot, tmp_path):
    rep = CrashReporter(Path(tmp_path / "quickreply.log"))
    rep.excepthook(*caught())
    dialog = rep.dialog
    assert dialog is not None and dialog.isVisible()
    assert "RuntimeError" in dialog.text() and "小王同学" not in dialog.text()
    rep.excepthook(*caught())
    assert rep.dialog is dialog and rep.count == 2  # logged, but no second window
    dialog.close()  # deletes itself
    qtbot.waitUntil(lambda: rep.dialog is None, timeout=3000)


def test_a_start_up_failure_exits_1_with_a_message_not_silently(monkeypatch, capsys, tmp_path):
    import desktop.app
    from desktop.launcher import launch

    def broken(*_args, **_kwargs):
        raise OSError("disk on fire")

    monkeypatch.setenv("QUICKREPLY_LOG_DIR", str(tmp_path))
    monkeypatch.setattr(desktop.app, "run", broken)
    assert launch(tmp_path / "lib.db") == 1
    err = capsys.readouterr().err
    assert "快回启动失败（OSError）" in err and "quickreply doctor" in err
    assert str(tmp_path / "quickreply.log") in err


def test_smoke_test_steps_and_failure(qtbot, tmp_path):
    from desktop.app import QuickReplyApp
    from desktop.core.exchange.seed import open_library
    from desktop.platform.base import Platform
    from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke
    from desktop.ui.smoke import SmokeTest

    lib = open_library(tmp_path / "lib.db")
    app = QuickReplyApp(lib, Platform("fake", FakeHotkey(), FakeFocus(), FakeKeystroke()))
    app.start()
    try:
        codes: list[int] = []
        smoke = SmokeTest(app, quit=codes.append)
        smoke.start()
        qtbot.waitUntil(lambda: codes == [0], timeout=5000)
        assert smoke.steps[-1] == "popup opened and closed" and not app.popup.isVisible()
        failing = SmokeTest(app, timeout_ms=50, quit=codes.append)
        failing._check = lambda: None  # never finishes: the watchdog must end it
        failing.start()
        qtbot.waitUntil(lambda: codes == [0, 1], timeout=3000)
    finally:
        app.popup.hide()
        app.shutdown()
