"""Known settings, their defaults and how a typed value is checked.

Settings live in the library file so one file holds everything to back up.
Store variables (店铺名, 客服名, …) are settings too, keyed ``store.<name>``;
they fill placeholders in every phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.base.errors import ValidationError
from desktop.core.base.messages import Message

STORE_PREFIX = "store."
STORE_VARIABLES = ("店铺名", "客服名", "发货截止时间", "不发货的星期")

_MODIFIERS = {"ctrl", "alt", "shift", "win"}
_MODIFIER_ALIASES = {"control": "ctrl", "super": "win", "meta": "win", "cmd": "win"}
_NAMED_KEYS = {
    "space",
    "enter",
    "tab",
    "insert",
    "home",
    "end",
    "pageup",
    "pagedown",
    "up",
    "down",
    "left",
    "right",
    "backquote",
    "`",
}


def normalise_hotkey(text: str) -> str:
    """``Ctrl + Alt + K`` → ``ctrl+alt+k``; refuses combinations that clash with Chinese IMEs."""
    parts = [p.strip().lower() for p in text.replace("＋", "+").split("+")]
    if not parts or any(not p for p in parts):
        raise ValidationError(Message("快捷键格式不对：{hotkey}（例如 ctrl+alt+k）", hotkey=text))
    parts = [_MODIFIER_ALIASES.get(p, p) for p in parts]
    *mods, key = parts
    if key in _MODIFIERS:
        raise ValidationError(Message("快捷键缺少按键：{hotkey}（例如 ctrl+alt+k）", hotkey=text))
    is_fkey = re.fullmatch(r"f([1-9]|1[0-9]|2[0-4])", key) is not None
    if not (re.fullmatch(r"[a-z0-9]", key) or is_fkey or key in _NAMED_KEYS):
        raise ValidationError(Message("不认识的按键：{key}", key=key))
    unknown = [m for m in mods if m not in _MODIFIERS]
    if unknown:
        raise ValidationError(
            Message("不认识的修饰键：{keys}（可用 ctrl、alt、shift、win）", keys="、".join(unknown))
        )
    if len(set(mods)) != len(mods):
        raise ValidationError(Message("快捷键里有重复的修饰键：{hotkey}", hotkey=text))
    if not mods and not is_fkey:
        raise ValidationError(
            Message("快捷键需要至少一个修饰键（ctrl、alt、win），否则会抢走正常打字")
        )
    if key == "space" and set(mods) <= {"ctrl", "shift"}:
        raise ValidationError(Message("Ctrl+Space / Shift+Space 是中文输入法的切换键，请换一个"))
    order = ["ctrl", "alt", "shift", "win"]
    return "+".join(sorted(set(mods), key=order.index) + [key])


def _choice(*allowed: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        v = value.strip()
        if v not in allowed:
            raise ValidationError(Message("可选的值：{choices}", choices=" / ".join(allowed)))
        return v

    return check


def _int_range(low: int, high: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            n = int(value.strip())
        except ValueError:
            raise ValidationError(
                Message("需要一个整数（{low}–{high}）：{value}", low=low, high=high, value=value)
            ) from None
        if not low <= n <= high:
            raise ValidationError(
                Message("数值超出范围 {low}–{high}：{value}", low=low, high=high, value=n)
            )
        return str(n)

    return check


def _clock(value: str) -> str:
    m = re.fullmatch(r"\s*(\d{1,2})[:：](\d{2})\s*", value)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise ValidationError(Message("时间格式应为 时:分，例如 16:00：{value}", value=value))
    return f"{int(m[1]):02d}:{m[2]}"


def _text(value: str) -> str:
    if "\n" in value or len(value) > 200:
        raise ValidationError(Message("店铺变量应为一行、不超过 200 字"))
    return value.strip()


def _name(value: str) -> str:
    if "\n" in value or len(value.strip()) > 40:
        raise ValidationError(Message("学员名字应为一行、不超过 40 字"))
    return value.strip()


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    check: Callable[[str], str]
    label: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("hotkey", "ctrl+alt+k", normalise_hotkey, "全局快捷键"),
        Setting(
            "paste_mode",
            "paste",
            _choice("paste", "copy"),
            "粘贴方式（paste 自动粘贴 / copy 只复制）",
        ),
        Setting("restore_delay_ms", "400", _int_range(50, 5000), "粘贴后恢复剪贴板的延迟（毫秒）"),
        Setting(
            "language",
            "auto",
            _choice("auto", "zh_CN", "en"),
            "界面语言（auto 跟随系统 / zh_CN / en，下次启动生效）",
        ),
        Setting("typing_speed", "80", _int_range(10, 400), "打字速度（字/分钟，用于估算节省时间）"),
        Setting("backups_keep", "10", _int_range(1, 100), "保留的备份份数"),
        Setting(
            "subscription_interval_min", "30", _int_range(5, 1440), "订阅检查更新的间隔（分钟）"
        ),
        Setting("browse_mode", "off", _choice("off", "on"), "新人浏览模式（只读）"),
        Setting("browse_locked", "0", _choice("0", "1"), "锁定浏览模式（组长设置）"),
        Setting("panel_side", "right", _choice("left", "right"), "侧边栏停靠在屏幕哪一边"),
        Setting(
            "suggest_clipboard",
            "on",
            _choice("on", "off"),
            "按快捷键时，剪贴板里像买家消息的文字先给出建议话术",
        ),
        Setting(
            "suggest_learn",
            "on",
            _choice("on", "off"),
            "从发送的建议话术学习（只记词表里的词，不记买家消息）",
        ),
        Setting("drill_seconds", "20", _int_range(5, 120), "应答练习每题的时间（秒）"),
        Setting("drill_level", "normal", _choice("normal", "search"),
                "应答练习难度（normal 和工作时一样 / search 只能搜索、没有建议）"),
        Setting("drill_name", "", _name, "练习的学员名字（空着就用系统用户名）"),
        Setting("store.店铺名", "", _text, "店铺名"),
        Setting("store.客服名", "", _text, "客服名"),
        Setting("store.发货截止时间", "16:00", _clock, "当天发货的截止时间"),
        Setting("store.不发货的星期", "", _text, "不发货的星期（例如 日 或 六,日）"),
    )
}


def canonical_key(key: str) -> str:
    """Accept ``店铺名`` for ``store.店铺名``; any ``store.X`` is a custom store variable."""
    key = key.strip()
    if key in SETTINGS or key.startswith(STORE_PREFIX) and len(key) > len(STORE_PREFIX):
        return key
    if STORE_PREFIX + key in SETTINGS:
        return STORE_PREFIX + key
    known = "、".join(k for k in SETTINGS)
    raise ValidationError(
        Message("没有这个设置项：{key}（可用：{known}，或 store.变量名）", key=key, known=known)
    )


def check_value(key: str, value: str) -> str:
    setting = SETTINGS.get(key)
    if setting is None:
        return _text(value)
    return setting.check(value)
