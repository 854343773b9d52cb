"""An agent's day in one process: the hotkey many times, closed by Enter or Esc
(issue 11, finding 7: the second popup took focus but ignored every key).

Hiding the popup deactivated it for Qt's widgets while the window system
still named its window as focused; showing it again then asked to activate an
already-focused window, a no-op, and the popup stayed visible with no active
widget.  Keys go to the popup's window, as the window system delivers them.
"""

import pytest

from desktop.core.exchange.seed import open_library
from desktop.platform.base import Platform
from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke
from desktop.qt import Qt, QtWidgets

QTest = pytest.importorskip("PySide6.QtTest").QTest

pytestmark = pytest.mark.gui
ROUNDS = 12


@pytest.fixture
def world(qtbot, tmp_path):
    from desktop.app import QuickReplyApp

    lib = open_library(tmp_path / "lib.db")
    clipboard = QtWidgets.QApplication.clipboard()
    pasted = []
    keys = FakeKeystroke(on_paste=lambda: pasted.append(clipboard.text()))
    platform = Platform("fake", FakeHotkey(), FakeFocus(active=42), keys)
    app = QuickReplyApp(lib, platform)
    app.start()
    yield app, platform, pasted
    app.popup.hide()
    app.shutdown()


def type_into_window(app, text):
    window = app.popup.windowHandle()
    for char in text:
        QTest.keyClick(window, getattr(Qt.Key, f"Key_{char.upper()}"))


def test_every_popup_of_the_day_takes_the_keyboard(world, qtbot):
    app, platform, pasted = world
    code = "fhdd"
    expected = app.library.render(app.library.find_by_code(code).id).text
    for round_ in range(ROUNDS):
        platform.hotkey.trigger()
        qtbot.waitUntil(app.popup.isVisible, timeout=1000)
        # The caret is in the search box: Qt's active window and focus widget are the popup's,
        # which is what the input method and focus-out handling go by.
        qtbot.waitUntil(app.popup.isActiveWindow, timeout=1000)
        assert QtWidgets.QApplication.focusWidget() is app.popup.search_box, f"round {round_}"
        type_into_window(app, code)
        assert app.popup.search_box.text() == code, f"round {round_}: typing was ignored"
        if round_ % 3 == 2:  # every third time the agent changes their mind
            QTest.keyClick(app.popup.windowHandle(), Qt.Key.Key_Escape)
            assert not app.popup.isVisible(), f"round {round_}: Esc was ignored"
            continue
        with qtbot.waitSignal(app.paste.delivered, timeout=3000):
            QTest.keyClick(app.popup.windowHandle(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not app.paste.busy(), timeout=3000)
    assert pasted == [expected] * (ROUNDS - ROUNDS // 3)
