"""Where 练习 opens from: the tray, the library window, a second start (quickreply drill --window)."""

from __future__ import annotations

import pytest

from desktop.core.exchange.seed import open_library
from desktop.platform.base import Platform
from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qtbot, tmp_path):
    from desktop.app import QuickReplyApp

    lib = open_library(tmp_path / "lib.db")
    app = QuickReplyApp(lib, Platform("fake", FakeHotkey(), FakeFocus(active=42), FakeKeystroke()))
    app.start()
    yield app
    for w in (app.drill_window, app.typing_window, app.library_window):
        if w is not None:
            w.close()
    app.shutdown()


def ticked(window) -> list[list[str]]:
    return window.chosen_categories()


def test_tray_opens_the_drill_and_a_running_round_is_kept(app, qtbot):
    app.tray.drill_action.trigger()
    w = app.drill_window
    assert w is not None and w.isVisible() and w.pages.currentIndex() == 0 and ticked(w) == []
    assert w.start_round(seed=1)
    app.tray.drill_action.trigger()  # asked again mid-round: brought forward, not reset
    assert w.in_round and w.answering


def test_a_second_start_asks_for_a_category(app):
    app.handle_request("drill:售后/退换货")
    assert ticked(app.drill_window) == [["售后", "退换货"]]
    app.handle_request("typing")
    assert app.typing_window is not None and app.typing_window.isVisible()
    assert app.typing_window.text  # a phrase body to type


def test_library_window_drill_this_category(app, qtbot):
    app.open_library()
    lw = app.library_window
    lw.tree.setCurrentIndex(lw.tree_model.index_of(lw.lib.category("售后").id))
    lw.actions_by_name["drill"].trigger()
    assert ticked(app.drill_window) == [["售后"]]
