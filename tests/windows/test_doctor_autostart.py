"""``quickreply doctor`` and 开机启动 on Windows: the real winreg code writing Wine's
registry, checked from outside with ``wine reg query`` as support would."""

from __future__ import annotations

from tests.windows.conftest import win

RUN = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Run"


def doctor_lines(lane) -> tuple[int, dict[str, str]]:
    result = lane.cli("doctor")
    text = result.stdout.decode("gbk")  # a cp936 console must be able to show all of it
    assert result.stderr == b"", result.stderr.decode("gbk", "replace")
    lines = {}
    for line in text.splitlines():
        if line.startswith("[") and "：" in line:
            label, _, rest = line.partition("] ")
            name, _, detail = rest.partition("：")
            lines[name] = label + "] " + detail
    return result.returncode, lines


def reg_query(lane, value: str) -> tuple[int, str]:
    result = lane.wine("reg", "query", RUN, "/v", value)
    return result.returncode, result.stdout.decode("gbk", "replace")


def test_doctor_finds_nothing_wrong_on_a_fresh_windows_pc(lane):
    code, lines = doctor_lines(lane)
    assert code == 0, lines
    for name in ("显示", "托盘", "剪贴板", "快捷键", "粘贴", "开机启动", "版本"):
        assert lines[name].startswith("[正常]"), (name, lines)
    assert "（windows）" in lines["快捷键"] and "ctrl+alt+k" in lines["快捷键"]
    assert "Python 3.11.9" in lines["版本"] and "Windows" in lines["版本"]
    assert lines["开机启动"] == "[正常] 未开启"


def test_autostart_on_and_off_writes_and_removes_only_our_run_value(lane):
    # Another program's entry must survive everything QuickReply does.
    lane.wine(
        "reg",
        "add",
        RUN,
        "/v",
        "OtherTool",
        "/t",
        "REG_SZ",
        "/d",
        r"C:\other.exe",
        "/f",
        check=True,
    )
    assert reg_query(lane, "QuickReply")[0] != 0  # off by default: nothing written

    toggle = (
        "import sys; from pathlib import Path; "
        "from desktop.platform.autostart import create_autostart; "
        "entry = create_autostart(Path(sys.argv[1])); "
        "getattr(entry, sys.argv[2])(); print(entry.is_enabled())"
    )
    on = lane.wine(str(lane.python), "-c", toggle, win(lane.db), "enable", check=True)
    assert on.stdout.split() == [b"True"]

    code, shown = reg_query(lane, "QuickReply")
    assert code == 0, shown
    assert "REG_SZ" in shown and "pythonw.exe" in shown  # no console window at every login
    assert "-m desktop --db" in shown and win(lane.db) in shown
    code, lines = doctor_lines(lane)
    assert lines["开机启动"].startswith("[正常] 已开启") and RUN in lines["开机启动"], lines

    off = lane.wine(str(lane.python), "-c", toggle, win(lane.db), "disable", check=True)
    assert off.stdout.split() == [b"False"]
    assert reg_query(lane, "QuickReply")[0] != 0
    code, other = reg_query(lane, "OtherTool")
    assert code == 0 and r"C:\other.exe" in other
    _, lines = doctor_lines(lane)
    assert lines["开机启动"] == "[正常] 未开启"
    lane.wine("reg", "delete", RUN, "/v", "OtherTool", "/f")
