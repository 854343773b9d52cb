"""The tray's 话术库 action opens one window, kept up to date with outside changes."""

from __future__ import annotations

import pytest

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.platform.base import Platform
from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke

pytestmark = pytest.mark.gui


def test_the_tray_action_opens_one_library_window(qtbot, tmp_path):
    from desktop.app import QuickReplyApp

    lib = open_library(tmp_path / "lib.db")
    app = QuickReplyApp(lib, Platform("fake", FakeHotkey(), FakeFocus(), FakeKeystroke()))
    app.start()
    try:
        app.tray.library_action.trigger()
        window = app.library_window
        assert window is not None and window.isVisible()
        assert window.proxy.rowCount() > 0
        window.close()
        app.tray.library_action.trigger()
        assert app.library_window is window and window.isVisible()
        with Library.open(lib.path) as cli_side:  # as `quickreply add` would
            cli_side.add("命令行加的", "从命令行添加", "售前")
        window.search.setText("命令行加的")
        qtbot.waitUntil(lambda: window.proxy.rowCount() == 1, timeout=5000)
        window.close()
    finally:
        app.shutdown()
