"""The Windows hotkey is RegisterHotKey answered on the GUI thread (issue 11, finding 1).

user32 is a fake that plays Windows' side: which chords other programs hold,
and the WM_HOTKEY message its loop would hand to Qt's native event filter.
"""

from __future__ import annotations

import ctypes

import pytest
from shiboken6.Shiboken import VoidPtr

from desktop.core.exchange.seed import open_library
from desktop.platform import win32
from desktop.platform import windows_hotkey as wh
from desktop.platform.base import HotkeyError, Platform
from desktop.platform.fake import FakeFocus, FakeKeystroke
from desktop.qt import QtCore

pytestmark = pytest.mark.gui


class FakeUser32:
    """RegisterHotKey/UnregisterHotKey with a desktop where ``taken`` chords belong to
    other programs; any other user32 call (a keyboard hook, say) is recorded."""

    def __init__(self, taken=()):
        self.taken = set(taken)  # (modifiers without MOD_NOREPEAT, vk)
        self.grabs: dict[int, tuple[int, int]] = {}  # id -> (modifiers, vk)
        self.error = 0
        self.other_calls: list[str] = []

    def RegisterHotKey(self, hwnd, hotkey_id, mods, vk):
        chord = (mods & ~wh.MOD_NOREPEAT, vk)
        if chord in self.taken or hotkey_id in self.grabs or chord in {
            (m & ~wh.MOD_NOREPEAT, v) for m, v in self.grabs.values()
        }:
            self.error = wh.ERROR_HOTKEY_ALREADY_REGISTERED
            return 0
        self.grabs[hotkey_id] = (mods, vk)
        return 1

    def UnregisterHotKey(self, hwnd, hotkey_id):
        return 1 if self.grabs.pop(hotkey_id, None) else 0

    def __getattr__(self, name):
        self.other_calls.append(name)
        return lambda *args: 0


@pytest.fixture
def user32(qapp):
    return FakeUser32(taken={(wh.MOD_CONTROL | wh.MOD_ALT, ord("J"))})


@pytest.fixture
def hotkey(user32):
    backend = wh.WindowsHotkey(user32, last_error=lambda: user32.error)
    yield backend
    backend.close()


def native_message(msg: win32.MSG) -> VoidPtr:
    """The ``message`` argument exactly as PySide6 passes it to a Python filter: a
    shiboken ``VoidPtr`` whose buffer size is 0 (seen with the real Windows PySide6
    under Wine and with xcb here).  Its truth value is that size, so it is *false*
    however valid the address; only ``int()`` gives the address."""
    return VoidPtr(ctypes.addressof(msg), 0, False)


def press(hotkey_id: int, event_type: bytes = b"windows_generic_MSG"):
    """What Windows posts when the chord is pressed, as Qt's loop hands it to the filters."""
    msg = win32.MSG(message=wh.WM_HOTKEY, wParam=hotkey_id)
    filters_said = []
    for f in [flt for flt in _installed()]:
        filters_said.append(f.nativeEventFilter(QtCore.QByteArray(event_type), native_message(msg)))
    return filters_said


_FILTERS: list = []


def _installed():
    return list(_FILTERS)


@pytest.fixture(autouse=True)
def track_filters(monkeypatch):
    """Record which native filters the backend installs on the application."""
    real_install = QtCore.QCoreApplication.installNativeEventFilter
    real_remove = QtCore.QCoreApplication.removeNativeEventFilter

    def install(app, flt):
        _FILTERS.append(flt)
        real_install(app, flt)

    def remove(app, flt):
        if flt in _FILTERS:
            _FILTERS.remove(flt)
        real_remove(app, flt)

    monkeypatch.setattr(QtCore.QCoreApplication, "installNativeEventFilter", install)
    monkeypatch.setattr(QtCore.QCoreApplication, "removeNativeEventFilter", remove)
    yield
    _FILTERS.clear()


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("ctrl+alt+k", (0x4003, 0x4B)), ("alt+ctrl+k", (0x4003, 0x4B)), ("win+shift+pageup", (0x400C, 0x21)),
     ("ctrl+backquote", (0x4002, 0xC0)), ("alt+space", (0x4001, 0x20)), ("ctrl+shift+f12", (0x4006, 0x7B)),
     ("f9", (0x4000, 0x78)), ("ctrl+alt+7", (0x4003, 0x37)), ("ctrl+enter", (0x4002, 0x0D))],
)  # fmt: skip
def test_specs_become_modifier_flags_and_virtual_keys(spec, expected):
    assert wh.hotkey_code(spec) == expected


def test_the_chord_arrives_as_wm_hotkey_and_is_swallowed(qtbot, hotkey, user32):
    hotkey.register("ctrl+alt+k")
    ((hotkey_id, (mods, vk)),) = user32.grabs.items()
    assert (mods, vk) == (wh.MOD_CONTROL | wh.MOD_ALT | wh.MOD_NOREPEAT, 0x4B)
    with qtbot.waitSignal(hotkey.activated, timeout=1000):
        said = press(hotkey_id)
    assert said == [(True, 0)]  # handled: Windows does not pass the chord on to Qianniu


def test_thread_messages_and_other_ids_are_told_apart(qtbot, hotkey, user32):
    hotkey.register("ctrl+alt+k")
    (hotkey_id,) = user32.grabs
    with qtbot.waitSignal(hotkey.activated, timeout=1000):
        assert press(hotkey_id, b"windows_dispatcher_MSG") == [(True, 0)]
    with qtbot.assertNotEmitted(hotkey.activated):
        assert press(hotkey_id + 99) == [(False, 0)]  # someone else's hotkey in our process
        assert press(hotkey_id, b"xcb_generic_event_t") == [(False, 0)]


def test_a_chord_another_program_holds_is_reported(hotkey, user32):
    with pytest.raises(HotkeyError, match="已被其他程序占用"):
        hotkey.register("ctrl+alt+j")
    assert hotkey.spec is None and user32.grabs == {}


def test_a_refused_new_chord_keeps_the_old_one(qtbot, hotkey, user32):
    hotkey.register("ctrl+alt+k")
    with pytest.raises(HotkeyError):
        hotkey.register("ctrl+alt+j")
    assert hotkey.spec == "ctrl+alt+k"
    (hotkey_id,) = user32.grabs
    with qtbot.waitSignal(hotkey.activated, timeout=1000):
        press(hotkey_id)


def test_changing_and_releasing_the_chord(hotkey, user32):
    hotkey.register("ctrl+alt+k")
    hotkey.register("ctrl+shift+f1")
    assert list(user32.grabs.values()) == [(wh.MOD_CONTROL | wh.MOD_SHIFT | wh.MOD_NOREPEAT, 0x70)]
    hotkey.unregister()
    assert user32.grabs == {} and hotkey.spec is None
    hotkey.close()
    assert _installed() == []  # the filter is gone with it


def test_no_keyboard_hook_is_installed(hotkey, user32):
    hotkey.register("ctrl+alt+k")
    hotkey.close()
    assert user32.other_calls == []  # only Register/UnregisterHotKey: no SetWindowsHookEx


def test_other_errors_name_the_reason(user32):
    backend = wh.WindowsHotkey(user32, last_error=lambda: 1400)
    user32.RegisterHotKey = lambda *args: 0
    with pytest.raises(HotkeyError, match="无法注册"):
        backend.register("ctrl+alt+k")
    backend.close()


def test_a_taken_chord_becomes_a_tray_message(qtbot, tmp_path, user32):
    from desktop.app import QuickReplyApp

    lib = open_library(tmp_path / "lib.db")
    lib.set_setting("hotkey", "ctrl+alt+j")
    backend = wh.WindowsHotkey(user32, last_error=lambda: user32.error)
    app = QuickReplyApp(lib, Platform("windows", backend, FakeFocus(), FakeKeystroke()))
    app.start()
    title, text, level = app.tray.last_message
    assert "快捷键" in title and "已被其他程序占用" in text and level == "warning"
    app.shutdown()


def test_doctor_reports_a_taken_chord(monkeypatch, user32):
    from desktop.ui import desktop_checks

    def windows_platform(kind=None):
        backend = wh.WindowsHotkey(user32, last_error=lambda: user32.error)
        return Platform("windows", backend, FakeFocus(), FakeKeystroke())

    monkeypatch.setattr("desktop.platform.create_platform", windows_platform)
    hotkey, _paste = desktop_checks._hotkey_and_paste("ctrl+alt+j", "paste", running=False)
    assert hotkey.status == "fail" and "已被其他程序占用" in hotkey.detail
    hotkey, _paste = desktop_checks._hotkey_and_paste("ctrl+alt+k", "paste", running=False)
    assert hotkey.status == "ok" and user32.grabs == {}  # tried, then let go


def test_the_filter_reads_the_message_pyside_hands_over(qtbot, hotkey, user32):
    """The cause of the dead hotkey under Wine: the filter tested ``message`` for truth,
    and PySide6's VoidPtr is always false, so WM_HOTKEY was passed over unread."""
    hotkey.register("ctrl+alt+k")
    (hotkey_id,) = user32.grabs
    msg = win32.MSG(message=wh.WM_HOTKEY, wParam=hotkey_id)
    message = native_message(msg)
    assert not message and int(message) == ctypes.addressof(msg)  # what misled the old check
    (flt,) = _installed()
    kind = QtCore.QByteArray(b"windows_generic_MSG")
    with qtbot.waitSignal(hotkey.activated, timeout=1000):
        assert flt.nativeEventFilter(kind, message) == (True, 0)
    # A null message (no MSG at all) is passed over, not read.
    with qtbot.assertNotEmitted(hotkey.activated):
        assert flt.nativeEventFilter(kind, VoidPtr(0, 0, False)) == (False, 0)
