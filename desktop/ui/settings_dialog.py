"""设置: hotkey, paste mode, clipboard-restore delay, store variables, language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core import Library, QuickReplyError
from desktop.core.base.messages import message_of
from desktop.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtWidgets, Signal
from desktop.ui.hotkey_edit import HotkeyEdit
from desktop.ui.i18n import says

if TYPE_CHECKING:
    from desktop.platform.autostart import Autostart

_WEEKDAYS = "一二三四五六日"  # stored as these characters, whatever the UI language
_DAY_LABELS = (
    QT_TRANSLATE_NOOP("SettingsDialog", "一"),
    QT_TRANSLATE_NOOP("SettingsDialog", "二"),
    QT_TRANSLATE_NOOP("SettingsDialog", "三"),
    QT_TRANSLATE_NOOP("SettingsDialog", "四"),
    QT_TRANSLATE_NOOP("SettingsDialog", "五"),
    QT_TRANSLATE_NOOP("SettingsDialog", "六"),
    QT_TRANSLATE_NOOP("SettingsDialog", "日"),
)


class SettingsDialog(QtWidgets.QDialog):
    """Edits settings in the library file; all but the language apply without a restart."""

    applied = Signal()

    def __init__(
        self,
        library: Library,
        parent: QtWidgets.QWidget | None = None,
        *,
        autostart: Autostart | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self._autostart = autostart
        self.setWindowTitle(self.tr("快回 设置"))
        form = QtWidgets.QFormLayout()

        self.hotkey = HotkeyEdit(library.setting("hotkey"))
        form.addRow(self.tr("全局快捷键"), self.hotkey)

        self.paste_mode = QtWidgets.QComboBox()
        self.paste_mode.addItem(self.tr("自动粘贴到聊天窗口"), "paste")
        self.paste_mode.addItem(self.tr("只复制到剪贴板"), "copy")
        self.paste_mode.setCurrentIndex(
            max(0, self.paste_mode.findData(library.setting("paste_mode")))
        )
        form.addRow(self.tr("粘贴方式"), self.paste_mode)

        self.delay = QtWidgets.QSpinBox()
        self.delay.setRange(50, 5000)
        self.delay.setSingleStep(50)
        self.delay.setSuffix(self.tr(" 毫秒"))
        self.delay.setValue(int(library.setting("restore_delay_ms")))
        form.addRow(self.tr("粘贴后恢复剪贴板的延迟"), self.delay)

        self.shop = QtWidgets.QLineEdit(library.setting("店铺名"))
        form.addRow(self.tr("店铺名"), self.shop)
        self.agent = QtWidgets.QLineEdit(library.setting("客服名"))
        form.addRow(self.tr("客服名"), self.agent)
        self.cutoff = QtWidgets.QTimeEdit(
            QtCore.QTime.fromString(library.setting("发货截止时间"), "HH:mm")
        )
        self.cutoff.setDisplayFormat("HH:mm")
        form.addRow(self.tr("当天发货截止时间"), self.cutoff)

        days_row = QtWidgets.QHBoxLayout()
        current = library.setting("不发货的星期")
        self.days: list[QtWidgets.QCheckBox] = []
        for ch, label in zip(_WEEKDAYS, _DAY_LABELS):
            box = QtWidgets.QCheckBox(self.tr(label))
            box.setChecked(ch in current or (ch == "日" and "天" in current))
            self.days.append(box)
            days_row.addWidget(box)
        days = QtWidgets.QWidget()
        days.setLayout(days_row)
        form.addRow(self.tr("不发货的星期"), days)

        self.language = QtWidgets.QComboBox()
        self.language.addItem(self.tr("跟随系统"), "auto")
        self.language.addItem("中文", "zh_CN")  # each language named in itself
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(library.setting("language"))))
        language_row = QtWidgets.QHBoxLayout()
        language_row.addWidget(self.language)
        language_row.addWidget(QtWidgets.QLabel(self.tr("重新启动快回后生效")), 1)
        form.addRow(self.tr("界面语言"), language_row)

        self.autostart = QtWidgets.QCheckBox(self.tr("开机时启动快回"))
        self._autostart_was = self._read_autostart()
        form.addRow(self.tr("开机启动"), self.autostart)

        self.suggest_clipboard = QtWidgets.QCheckBox(
            self.tr("按快捷键时，为剪贴板里的买家消息先给出建议")
        )
        self.suggest_clipboard.setChecked(library.setting("suggest_clipboard") == "on")
        self.suggest_learn = QtWidgets.QCheckBox(self.tr("从发送的建议学习（只记词表里的词）"))
        self.suggest_learn.setChecked(library.setting("suggest_learn") == "on")
        self.forget = QtWidgets.QPushButton(self.tr("清除学习记录"))
        self.forget.setObjectName("forgetLearned")
        self.forget.clicked.connect(self._forget_learned)
        self._show_learned()
        learn_row = QtWidgets.QHBoxLayout()
        learn_row.addWidget(self.suggest_learn, 1)
        learn_row.addWidget(self.forget)
        suggest_box = QtWidgets.QVBoxLayout()
        suggest_box.addWidget(self.suggest_clipboard)
        suggest_box.addLayout(learn_row)
        form.addRow(self.tr("建议话术"), suggest_box)

        self.drill_seconds = QtWidgets.QSpinBox()
        self.drill_seconds.setRange(5, 120)
        self.drill_seconds.setSuffix(self.tr(" 秒"))
        self.drill_seconds.setValue(int(library.setting("drill_seconds")))
        self.drill_level = QtWidgets.QComboBox()
        self.drill_level.addItem(self.tr("和工作时一样（搜索、编码、建议）"), "normal")
        self.drill_level.addItem(self.tr("更难：只能搜索，没有建议"), "search")
        self.drill_level.setCurrentIndex(max(0, self.drill_level.findData(library.setting("drill_level"))))
        self.drill_name = QtWidgets.QLineEdit(library.setting("drill_name"))
        self.drill_name.setPlaceholderText(self.tr("空着就用系统用户名"))
        drill_row = QtWidgets.QHBoxLayout()
        drill_row.addWidget(self.drill_seconds)
        drill_row.addWidget(self.drill_level, 1)
        form.addRow(self.tr("练习每题时间"), drill_row)
        form.addRow(self.tr("学员名字"), self.drill_name)

        self.error = QtWidgets.QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b")
        self.error.setWordWrap(True)

        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {
            "hotkey": self.hotkey.spec(),
            "paste_mode": self.paste_mode.currentData(),
            "restore_delay_ms": str(self.delay.value()),
            "store.店铺名": self.shop.text(),
            "store.客服名": self.agent.text(),
            "store.发货截止时间": self.cutoff.time().toString("HH:mm"),
            "store.不发货的星期": ",".join(
                ch for ch, box in zip(_WEEKDAYS, self.days) if box.isChecked()
            ),
            "language": self.language.currentData(),
            "suggest_clipboard": "on" if self.suggest_clipboard.isChecked() else "off",
            "suggest_learn": "on" if self.suggest_learn.isChecked() else "off",
            "drill_seconds": str(self.drill_seconds.value()),
            "drill_level": self.drill_level.currentData(),
            "drill_name": self.drill_name.text(),
        }

    def _show_learned(self) -> None:
        count = self.library.suggester.learned_count()
        self.forget.setEnabled(count > 0)
        self.forget.setToolTip(self.tr("已学到 %1 条“词 → 话术”").replace("%1", str(count)))

    def _forget_learned(self) -> None:
        """Erase what 建议 learned from the agent's choices (words → phrases only)."""
        try:
            self.library.suggester.forget()
        except QuickReplyError as exc:
            self.error.setText(says(exc))
            return
        self._show_learned()

    def _read_autostart(self) -> bool | None:
        """The box shows the system's real state (it lives outside the library file)."""
        from desktop.platform.autostart import AutostartError

        if self._autostart is None:
            self.autostart.setEnabled(False)
            self.autostart.setToolTip(self.tr("这个系统上不支持开机启动"))
            return None
        try:
            enabled = self._autostart.is_enabled()
        except AutostartError as exc:
            self.autostart.setEnabled(False)
            self.autostart.setToolTip(says(exc))
            return None
        self.autostart.setChecked(enabled)
        self.autostart.setToolTip(
            self.tr("登录时自动启动快回（%1）").replace("%1", self._autostart.where)
        )
        return enabled

    def _apply_autostart(self) -> None:
        from desktop.platform.autostart import AutostartError

        wanted = self.autostart.isChecked()
        if self._autostart is None or self._autostart_was is None or wanted == self._autostart_was:
            return
        try:
            if wanted:
                self._autostart.enable()
            else:
                self._autostart.disable()
        except AutostartError as exc:
            raise QuickReplyError(message_of(exc)) from exc
        self._autostart_was = wanted

    def accept(self) -> None:
        """Check every value first, then write; a bad value writes nothing."""
        from desktop.core.store.settings import check_value

        values = self.values()
        try:
            checked = {key: check_value(key, value) for key, value in values.items()}
            self._apply_autostart()
            self.library.set_settings(checked)
        except QuickReplyError as exc:
            self.error.setText(says(exc))
            return
        self.applied.emit()
        super().accept()
