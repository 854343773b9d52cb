"""The tray icon and its menu: the app's only permanent piece of screen."""

from __future__ import annotations

from desktop.qt import QtGui, QtWidgets, Signal
from desktop.ui.icon import app_icon
from desktop.ui.notify import ERROR, WARNING


class Tray(QtWidgets.QSystemTrayIcon):
    search_requested = Signal()
    buyer_requested = Signal()
    library_requested = Signal()
    panel_toggled = Signal(bool)  # True = show the side panel
    stats_requested = Signal()
    drill_requested = Signal()
    import_requested = Signal()
    undo_import_requested = Signal()
    subscriptions_requested = Signal()
    pause_toggled = Signal(bool)  # True = paused
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(app_icon(), parent)
        self.menu = QtWidgets.QMenu()
        self.search_action = self.menu.addAction(self.tr("搜索话术"))
        self.search_action.triggered.connect(self.search_requested)
        self.buyer_action = self.menu.addAction(self.tr("当前买家"))
        self.buyer_action.triggered.connect(self.buyer_requested)
        self.library_action = self.menu.addAction(self.tr("话术库"))
        self.library_action.triggered.connect(self.library_requested)
        self.panel_action = self.menu.addAction(self.tr("侧边栏"))
        self.panel_action.setCheckable(True)
        self.panel_action.toggled.connect(self.panel_toggled)
        self.stats_action = self.menu.addAction(self.tr("统计"))
        self.stats_action.triggered.connect(self.stats_requested)
        self.drill_action = self.menu.addAction(self.tr("练习"))
        self.drill_action.triggered.connect(self.drill_requested)
        self.import_action = self.menu.addAction(self.tr("导入话术…"))
        self.import_action.triggered.connect(self.import_requested)
        self.undo_import_action = self.menu.addAction(self.tr("撤销导入"))
        self.undo_import_action.triggered.connect(self.undo_import_requested)
        self.subscriptions_action = self.menu.addAction(self.tr("订阅…"))
        self.subscriptions_action.triggered.connect(self.subscriptions_requested)
        self.menu.addSeparator()
        self.pause_action = self.menu.addAction(self.tr("暂停热键"))
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self._on_pause)
        self.settings_action = self.menu.addAction(self.tr("设置"))
        self.settings_action.triggered.connect(self.settings_requested)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("退出"))
        self.quit_action.triggered.connect(self.quit_requested)
        self.setContextMenu(self.menu)
        self.activated.connect(self._on_activated)
        self.set_hotkey_label("")

    def set_hotkey_label(self, spec: str, problem: str = "") -> None:
        tip = self.tr("快回 QuickReply")
        if problem:
            tip += "\n" + problem
        elif spec:
            tip += "\n" + self.tr("按 %1 搜索话术").replace("%1", spec)
        self.setToolTip(tip)

    def _on_pause(self, paused: bool) -> None:
        self.pause_action.setText(self.tr("恢复热键") if paused else self.tr("暂停热键"))
        self.setIcon(app_icon(paused=paused))
        self.pause_toggled.emit(paused)

    def _on_activated(self, reason: QtWidgets.QSystemTrayIcon.ActivationReason) -> None:
        if reason == QtWidgets.QSystemTrayIcon.ActivationReason.Trigger:
            self.search_requested.emit()

    def show_message(self, title: str, text: str, level: str) -> None:
        icon = {
            WARNING: QtWidgets.QSystemTrayIcon.MessageIcon.Warning,
            ERROR: QtWidgets.QSystemTrayIcon.MessageIcon.Critical,
        }.get(level, QtWidgets.QSystemTrayIcon.MessageIcon.Information)
        self.showMessage(title, text, icon, 6000)
        self.last_message = (title, text, level)


def cursor_position():
    return QtGui.QCursor.pos()
