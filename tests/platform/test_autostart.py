"""开机启动: Linux for real in a temporary XDG_CONFIG_HOME; Windows and macOS with stand-ins."""

from __future__ import annotations

import plistlib
import sys
import types
from pathlib import Path

import pytest

from desktop.platform import autostart
from desktop.platform.autostart import AutostartError, create_autostart, launch_command
from desktop.platform.autostart_linux import MARKER, XdgAutostart, exec_line
from desktop.platform.autostart_macos import LaunchAgentAutostart
from desktop.platform.autostart_windows import RUN_KEY, RunKeyAutostart


# ----- the command --------------------------------------------------------------
def test_from_source_the_command_is_this_python_running_the_package(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert launch_command() == [sys.executable, "-m", "desktop"]


def test_frozen_the_command_is_the_program_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/QuickReply/QuickReply")
    assert launch_command() == ["/opt/QuickReply/QuickReply"]


def test_db_is_recorded_only_when_it_is_not_the_default(monkeypatch, tmp_path):
    monkeypatch.setattr(autostart, "default_db", lambda: tmp_path / "default" / "library.db")
    assert "--db" not in launch_command(tmp_path / "default" / "library.db")
    other = tmp_path / "shop two.db"
    assert launch_command(other)[-2:] == ["--db", str(other.resolve())]


def test_factory_picks_the_backend_for_each_system():
    assert isinstance(create_autostart(system="linux"), XdgAutostart)
    assert isinstance(create_autostart(system="win32"), RunKeyAutostart)
    assert isinstance(create_autostart(system="darwin"), LaunchAgentAutostart)


# ----- Linux: a real file in a temporary XDG_CONFIG_HOME ----------------------------
@pytest.fixture
def xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "autostart"


def test_linux_on_writes_one_entry_and_off_removes_exactly_it(xdg):
    other = xdg / "someone-else.desktop"
    xdg.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nExec=other\n", encoding="utf-8")
    entry = create_autostart(system="linux")
    assert not entry.is_enabled()
    entry.enable()
    path = xdg / "quickreply.desktop"
    assert entry.is_enabled() and entry.where == str(path)
    text = path.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Type=Application" in text and MARKER in text
    assert sorted(p.name for p in xdg.iterdir()) == ["quickreply.desktop", "someone-else.desktop"]
    entry.disable()
    assert not entry.is_enabled()
    assert [p.name for p in xdg.iterdir()] == ["someone-else.desktop"]
    entry.disable()  # already off: nothing to do, no error


def test_linux_without_xdg_config_home_uses_dot_config(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert create_autostart(system="linux").where == str(
        tmp_path / ".config/autostart/quickreply.desktop"
    )


def test_linux_refuses_to_remove_an_entry_it_did_not_write(xdg):
    xdg.mkdir(parents=True)
    (xdg / "quickreply.desktop").write_text("[Desktop Entry]\nExec=mine\n", encoding="utf-8")
    with pytest.raises(AutostartError, match="不是快回写入的"):
        create_autostart(system="linux").disable()
    assert (xdg / "quickreply.desktop").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["/usr/bin/python3", "-m", "desktop"],
        ["/home/小王/My Apps/python", "-m", "desktop", "--db", '/data/100% "shop" $1\\x.db'],
    ],
)
def test_exec_line_survives_desktop_entry_unescaping(command):
    assert read_exec(exec_line(command)) == command


def read_exec(value: str) -> list[str]:
    """What a desktop reads from ``Exec=``: string escapes, then quoting, then %%."""
    text = value.replace("\\\\", "\\")
    args, current, quoted, i = [], "", False, 0
    while i < len(text):
        ch = text[i]
        if quoted and ch == "\\" and text[i + 1] in '"`$\\':
            current, i = current + text[i + 1], i + 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == " " and not quoted:
            args.append(current)
            current = ""
        else:
            current += ch
        i += 1
    return [a.replace("%%", "%") for a in [*args, current]]


# ----- Windows: a stand-in winreg ----------------------------------------------------
class FakeWinreg(types.ModuleType):
    HKEY_CURRENT_USER, KEY_READ, KEY_SET_VALUE, REG_SZ = "HKCU", 1, 2, 1

    def __init__(self) -> None:
        super().__init__("winreg")
        self.keys: dict[str, dict[str, tuple[int, str]]] = {}

    class _Key:
        def __init__(self, values):
            self.values = values

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def OpenKey(self, root, sub, reserved=0, access=1):
        if f"{root}\\{sub}" not in self.keys:
            raise FileNotFoundError(2, "not found")
        return self._Key(self.keys[f"{root}\\{sub}"])

    def CreateKeyEx(self, root, sub, reserved=0, access=2):
        return self._Key(self.keys.setdefault(f"{root}\\{sub}", {}))

    def QueryValueEx(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(2, "not found")
        return key.values[name][1], key.values[name][0]

    def SetValueEx(self, key, name, reserved, kind, value):
        key.values[name] = (kind, value)

    def DeleteValue(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(2, "not found")
        del key.values[name]


def test_windows_on_sets_one_run_value_and_off_deletes_only_it():
    reg = FakeWinreg()
    reg.keys[f"HKCU\\{RUN_KEY}"] = {"Qianniu": (1, r"C:\Qianniu\AliWorkBench.exe")}
    entry = RunKeyAutostart(
        [r"C:\Program Files\QuickReply\QuickReply.exe", "--db", r"D:\快回\shop.db"], winreg=reg
    )
    assert not entry.is_enabled()
    entry.enable()
    run = reg.keys[f"HKCU\\{RUN_KEY}"]
    assert run["QuickReply"] == (
        1,
        r'"C:\Program Files\QuickReply\QuickReply.exe" --db D:\快回\shop.db',
    )
    assert entry.is_enabled()
    entry.disable()
    assert run == {"Qianniu": (1, r"C:\Qianniu\AliWorkBench.exe")}
    assert not entry.is_enabled()
    entry.disable()


def test_windows_without_a_run_key_is_off_and_turning_off_is_harmless():
    entry = RunKeyAutostart(["QuickReply.exe"], winreg=FakeWinreg())
    assert not entry.is_enabled()
    entry.disable()


def test_windows_registry_errors_become_messages():
    reg = FakeWinreg()

    def denied(*_args):
        raise PermissionError(5, "Access is denied")

    reg.CreateKeyEx = denied
    with pytest.raises(AutostartError, match="无法写入开机启动项"):
        RunKeyAutostart(["QuickReply.exe"], winreg=reg).enable()


def test_winreg_is_imported_only_when_used():
    entry = RunKeyAutostart(["QuickReply.exe"])
    assert entry._winreg is None  # constructing it on Linux is fine


# ----- macOS: the plist's content ----------------------------------------------------
def test_macos_launch_agent_plist(tmp_path):
    agents = tmp_path / "Library" / "LaunchAgents"
    agents.mkdir(parents=True)
    (agents / "com.other.plist").write_bytes(plistlib.dumps({"Label": "com.other"}))
    entry = LaunchAgentAutostart(
        ["/Applications/QuickReply.app/Contents/MacOS/QuickReply"], home=tmp_path
    )
    entry.enable()
    data = plistlib.loads(Path(entry.where).read_bytes())
    assert data == {
        "Label": "com.quickreply.app",
        "ProgramArguments": ["/Applications/QuickReply.app/Contents/MacOS/QuickReply"],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    assert entry.is_enabled()
    entry.disable()
    assert [p.name for p in agents.iterdir()] == ["com.other.plist"]


def test_macos_leaves_a_foreign_plist_in_our_place(tmp_path):
    entry = LaunchAgentAutostart(["x"], home=tmp_path)
    Path(entry.where).parent.mkdir(parents=True)
    Path(entry.where).write_bytes(plistlib.dumps({"Label": "com.someone.else"}))
    with pytest.raises(AutostartError):
        entry.disable()
    assert Path(entry.where).exists()


# ----- 设置 → 开机启动 ----------------------------------------------------------------
@pytest.mark.gui
def test_settings_checkbox_shows_the_real_state_and_turns_it_on_and_off(qtbot, lib, xdg):
    from desktop.ui.settings_dialog import SettingsDialog

    entry = XdgAutostart(["quickreply"])
    dialog = SettingsDialog(lib, autostart=entry)
    qtbot.addWidget(dialog)
    assert dialog.autostart.isEnabled() and not dialog.autostart.isChecked()  # off by default
    dialog.autostart.setChecked(True)
    dialog.accept()
    assert entry.is_enabled()
    dialog = SettingsDialog(lib, autostart=entry)
    qtbot.addWidget(dialog)
    assert dialog.autostart.isChecked()
    dialog.autostart.setChecked(False)
    dialog.accept()
    assert not entry.is_enabled()


@pytest.mark.gui
def test_settings_autostart_failure_is_shown_and_nothing_else_is_written(qtbot, lib, tmp_path):
    from desktop.ui.settings_dialog import SettingsDialog

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    dialog = SettingsDialog(lib, autostart=XdgAutostart(["quickreply"], folder=blocked))
    qtbot.addWidget(dialog)
    dialog.shop.setText("小满家居")
    dialog.autostart.setChecked(True)
    dialog.accept()
    assert "无法写入开机启动项" in dialog.error.text()
    assert lib.setting("店铺名") == ""


@pytest.mark.gui
def test_without_a_backend_the_checkbox_is_disabled(qtbot, lib):
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(lib)
    qtbot.addWidget(dialog)
    assert not dialog.autostart.isEnabled() and dialog.autostart.toolTip()
