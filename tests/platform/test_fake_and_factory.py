"""The factory always hands back a usable platform; the fakes behave like one."""

from __future__ import annotations

import pytest

from desktop.platform import create_platform
from desktop.platform.base import HotkeyError, Platform, parse_spec
from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke


def test_fake_platform(qtbot):
    platform = create_platform("fake")
    assert platform.name == "fake"
    assert platform.problem is None
    assert isinstance(platform.hotkey, FakeHotkey)
    platform.hotkey.register("ctrl+alt+k")
    with qtbot.waitSignal(platform.hotkey.activated, timeout=1000):
        platform.hotkey.trigger()
    platform.close()
    assert platform.hotkey.spec is None


def test_fake_hotkey_records_and_fails_on_request():
    hotkey = FakeHotkey()
    hotkey.register("ctrl+shift+f1")
    assert hotkey.spec == "ctrl+shift+f1"
    hotkey.unregister()
    assert hotkey.spec is None
    hotkey.fail_message = "已被占用"
    with pytest.raises(HotkeyError, match="已被占用"):
        hotkey.register("alt+space")
    assert hotkey.registered == ["ctrl+shift+f1"]


def test_fake_focus_and_keys():
    focus = FakeFocus(active=7)
    assert focus.active_window() == 7
    assert focus.activate(9) and focus.active_window() == 9
    focus.gone.add(3)
    assert not focus.activate(3)
    focus.fail = True
    assert not focus.activate(9)
    assert focus.activated == [9, 3, 9]
    calls = []
    keys = FakeKeystroke(on_paste=lambda: calls.append("read"))
    keys.paste()
    assert keys.pastes == 1 and calls == ["read"]


def test_none_platform_refuses_hotkey_with_message():
    platform = create_platform("none")
    assert platform.name == "none"
    with pytest.raises(HotkeyError, match="快捷键") as info:
        platform.hotkey.register("ctrl+alt+k")
    assert "托盘" in str(info.value)
    assert platform.focus.active_window() is None
    assert platform.focus.activate(1) is False
    platform.keys.paste()
    platform.hotkey.close()


def test_factory_without_display_falls_back(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("QUICKREPLY_PLATFORM", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    platform = create_platform()
    assert platform.name == "none"
    assert platform.problem and "DISPLAY" in platform.problem
    with pytest.raises(HotkeyError, match="DISPLAY"):
        platform.hotkey.register("ctrl+alt+k")


def test_factory_with_unreachable_display_falls_back(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":9999")
    platform = create_platform("x11")
    assert platform.name == "none"
    assert platform.problem


def test_env_variable_picks_platform(monkeypatch):
    monkeypatch.setenv("QUICKREPLY_PLATFORM", "fake")
    assert create_platform().name == "fake"


def test_unknown_kind_and_broken_windows_backend_do_not_raise():
    assert create_platform("amiga").problem
    platform = create_platform("windows")  # no windll / keyboard here
    assert platform.name == "none" and platform.problem


@pytest.mark.parametrize(
    ("spec", "mods", "key"),
    [("ctrl+alt+k", {"ctrl", "alt"}, "k"), ("Ctrl+Shift+F1", {"ctrl", "shift"}, "f1"),
     ("alt+space", {"alt"}, "space"), ("win+backquote", {"win"}, "backquote"), ("f9", set(), "f9")],
)  # fmt: skip
def test_parse_spec(spec, mods, key):
    assert parse_spec(spec) == (frozenset(mods), key)


@pytest.mark.parametrize("spec", ["", "ctrl+", "hyper+k", "ctrl+ctrl+k", "k", "ctrl+alt+ä"])
def test_parse_spec_rejects(spec):
    with pytest.raises(HotkeyError):
        parse_spec(spec)


def test_the_do_nothing_platform_says_autostart_is_not_available(tmp_path):
    from desktop.platform import null_platform
    from desktop.platform.autostart import AutostartError, NullAutostart, create_autostart

    entry = null_platform().autostart(tmp_path / "lib.db")
    assert isinstance(entry, NullAutostart) and not entry.is_enabled()
    with pytest.raises(AutostartError, match="不支持开机启动"):
        entry.enable()
    entry.disable()  # nothing to remove, and no error
    real = Platform("fake", FakeHotkey(), FakeFocus(), FakeKeystroke()).autostart(tmp_path / "x.db")
    assert type(real) is type(create_autostart(tmp_path / "x.db"))
