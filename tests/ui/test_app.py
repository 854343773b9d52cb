"""The wired app with fake OS services: hotkey → popup → paste → usage recorded."""

import pytest

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.platform.base import Platform
from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke
from desktop.qt import Qt, QtGui, QtWidgets
from tests.store_access import raw_connection


@pytest.fixture
def world(qtbot, tmp_path):
    lib = open_library(tmp_path / "lib.db")
    clipboard = QtWidgets.QApplication.clipboard()
    seen = []
    keys = FakeKeystroke(on_paste=lambda: seen.append(clipboard.text()))
    platform = Platform("fake", FakeHotkey(), FakeFocus(active=42), keys)
    from desktop.app import QuickReplyApp

    app = QuickReplyApp(lib, platform)
    app.start()
    yield app, platform, seen
    app.popup.hide()
    app.shutdown()


def test_start_registers_the_configured_hotkey(world):
    app, platform, _ = world
    assert platform.hotkey.spec == "ctrl+alt+k"
    assert "ctrl+alt+k" in app.tray.toolTip()


def test_hotkey_code_enter_pastes_and_records_the_use(world, qtbot):
    app, platform, seen = world
    QtWidgets.QApplication.clipboard().setText("agent's own clipboard")
    platform.hotkey.trigger()
    assert app.popup.isVisible()
    qtbot.keyClicks(app.popup.search_box, "fhdd")
    expected = app.library.render(app.library.find_by_code("fhdd").id).text
    with qtbot.waitSignal(app.paste.delivered, timeout=3000):
        qtbot.keyClick(app.popup.search_box, Qt.Key.Key_Return)
    assert seen == [expected]
    assert platform.focus.activated[-1] == 42
    assert app.library.use_count(app.library.find_by_code("fhdd").id) == 1
    qtbot.waitUntil(lambda: QtWidgets.QApplication.clipboard().text() == "agent's own clipboard", timeout=3000)


def test_a_hotkey_that_cannot_be_registered_becomes_a_tray_message(qtbot, tmp_path):
    from desktop.app import QuickReplyApp

    lib = open_library(tmp_path / "lib.db")
    platform = Platform("fake", FakeHotkey(fail_message="快捷键 ctrl+alt+k 已被其他程序占用"), FakeFocus(), FakeKeystroke())
    app = QuickReplyApp(lib, platform)
    app.start()
    title, text, level = app.tray.last_message
    assert "快捷键" in title and "已被其他程序占用" in text and "设置" in text and level == "warning"
    app.shutdown()


def test_pause_releases_and_resume_grabs_again(world):
    app, platform, _ = world
    app.tray.pause_action.trigger()
    assert platform.hotkey.spec is None
    platform.hotkey.trigger()
    assert not app.popup.isVisible()
    app.tray.pause_action.trigger()
    assert platform.hotkey.spec == "ctrl+alt+k"


def test_hotkey_changed_from_the_command_line_applies_without_restart(world, qtbot):
    app, platform, _ = world
    with Library.open(app.library.path) as cli_side:
        cli_side.set_setting("hotkey", "ctrl+alt+j")
    qtbot.waitUntil(lambda: platform.hotkey.spec == "ctrl+alt+j", timeout=5000)


def test_copy_mode_leaves_the_text_and_tells_the_agent(world, qtbot):
    app, platform, seen = world
    app.library.set_setting("paste_mode", "copy")
    platform.hotkey.trigger()
    qtbot.keyClicks(app.popup.search_box, "fhdd")
    with qtbot.waitSignal(app.paste.copied, timeout=3000):
        qtbot.keyClick(app.popup.search_box, Qt.Key.Key_Return)
    assert seen == []
    assert QtWidgets.QApplication.clipboard().text() == app.library.render(
        app.library.find_by_code("fhdd").id).text
    assert app.tray.last_message[0] == "已复制"


def test_buyer_context_fills_phrases_and_is_never_stored(world, qtbot):
    app, platform, seen = world
    app.buyer.set("买家昵称", "小王同学")
    platform.hotkey.trigger()
    qtbot.keyClicks(app.popup.search_box, "fhsj")
    with qtbot.waitSignal(app.paste.delivered, timeout=3000):
        qtbot.keyClick(app.popup.search_box, Qt.Key.Key_Return)
    assert seen and seen[0].startswith("小王同学")
    raw_connection(app.library).execute("PRAGMA wal_checkpoint(FULL)")
    raw = b"".join(p.read_bytes() for p in app.library.path.parent.glob("lib.db*"))
    assert "小王同学".encode() not in raw


def test_settings_dialog_writes_valid_values_and_refuses_bad_ones(qtbot, lib):
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(lib)
    qtbot.addWidget(dialog)
    dialog.shop.setText("小满家居")
    dialog.days[6].setChecked(True)
    dialog.paste_mode.setCurrentIndex(dialog.paste_mode.findData("copy"))
    dialog.accept()
    assert lib.setting("店铺名") == "小满家居"
    assert lib.setting("不发货的星期") == "日"
    assert lib.setting("paste_mode") == "copy"
    dialog = SettingsDialog(lib)
    qtbot.addWidget(dialog)
    dialog.hotkey.setText("ctrl+space")
    dialog.shop.setText("另一家")
    dialog.accept()
    assert "输入法" in dialog.error.text()
    assert lib.setting("店铺名") == "小满家居"  # nothing written


def test_hotkey_capture_field_turns_keys_into_a_spec(qtbot):
    from desktop.ui.hotkey_edit import HotkeyEdit

    edit = HotkeyEdit("ctrl+alt+k")
    qtbot.addWidget(edit)
    qtbot.keyClick(edit, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert edit.spec() == "ctrl+alt+j"
    qtbot.keyClick(edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert edit.spec() == "ctrl+alt+j" and "输入法" in edit.problem


def test_buyer_dialog_reads_the_clipboard_and_next_buyer_clears(qtbot):
    from desktop.core.text.buyer import BuyerContext
    from desktop.ui.buyer_dialog import BuyerDialog

    buyer = BuyerContext()
    dialog = BuyerDialog(buyer)
    qtbot.addWidget(dialog)
    QtGui.QGuiApplication.clipboard().setText("顺丰快递 SF1409876543210")
    dialog.read_clipboard()
    assert dialog.inputs["运单号"].text() == "SF1409876543210"
    assert dialog.inputs["快递公司"].text() == "顺丰"
    dialog.accept()
    assert buyer.get("运单号") == "SF1409876543210"
    dialog = BuyerDialog(buyer)
    qtbot.addWidget(dialog)
    dialog.next_buyer()
    assert buyer.is_empty()
