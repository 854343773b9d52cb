"""Windows: one value named ``QuickReply`` under the per-user Run key (no admin rights needed).

``winreg`` exists only on Windows, so it is imported when first used; tests pass
a stand-in module with the same functions.
"""

from __future__ import annotations

import importlib
import subprocess
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from desktop.core.base.messages import Message
from desktop.platform.autostart_entry import AutostartError

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
VALUE_NAME = "QuickReply"


class RunKeyAutostart:
    def __init__(self, command: Sequence[str], winreg: ModuleType | None = None) -> None:
        self.command = list(command)
        self.value = subprocess.list2cmdline(self.command)  # the quoting CreateProcess expects
        self._winreg = winreg
        self.where = rf"HKCU\{RUN_KEY}\{VALUE_NAME}"

    @property
    def reg(self) -> Any:
        if self._winreg is None:
            self._winreg = importlib.import_module("winreg")
        return self._winreg

    def is_enabled(self) -> bool:
        reg = self.reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_READ) as key:
                reg.QueryValueEx(key, VALUE_NAME)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise AutostartError(
                Message("无法读取开机启动设置（{error}）", error=str(exc))
            ) from exc
        return True

    def enable(self) -> None:
        reg = self.reg
        try:
            with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.SetValueEx(key, VALUE_NAME, 0, reg.REG_SZ, self.value)
        except OSError as exc:
            raise AutostartError(Message("无法写入开机启动项（{error}）", error=str(exc))) from exc

    def disable(self) -> None:
        reg = self.reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, VALUE_NAME)
        except FileNotFoundError:
            return  # already off
        except OSError as exc:
            raise AutostartError(Message("无法删除开机启动项（{error}）", error=str(exc))) from exc
