"""Wiring: builds the services, the tray and the windows; the one place that knows them all.

Data flows one way: hotkey (platform signal) → popup (ui) → library search
(core) → popup → paste service (platform keystroke, clipboard).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import logs
from desktop.core import Library, QuickReplyError
from desktop.core.exchange.seed import open_library
from desktop.core.store.db import default_path
from desktop.core.text.buyer import BuyerContext
from desktop.platform import create_platform
from desktop.platform.base import HotkeyError, Platform
from desktop.qt import QObject, QtCore, QTimer, QtWidgets, forget_import_sources
from desktop.startup import tell
from desktop.ui import clipboard, i18n
from desktop.ui.crash import CrashReporter
from desktop.ui.i18n import says
from desktop.ui.icon import app_icon
from desktop.ui.idle_steps import StepRunner
from desktop.ui.notify import ERROR, INFO, WARNING, Bridge
from desktop.ui.paste import PasteService
from desktop.ui.popup import Popup
from desktop.ui.recovery import ask_with_dialog, check_at_start
from desktop.ui.results_model import ResultsModel
from desktop.ui.single_instance import InstanceServer, ask_running_instance, server_name
from desktop.ui.subscription_updater import SubscriptionUpdater
from desktop.ui.tray import Tray, cursor_position

log = logging.getLogger("quickreply.app")
POLL_MS = 1500  # how often to look for changes written by the CLI or another window
WARM_INDEX_MS = 300  # after start: the tray icon first, then the search index
TRAY_WAIT_MS = 5000  # a tray host starting at login may appear a moment after us


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("App", text)


if TYPE_CHECKING:
    from desktop.ui.side_panel import SidePanel


class QuickReplyApp(QObject):
    def __init__(self, library: Library, platform: Platform, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.platform = platform
        self.buyer = BuyerContext()  # in memory only, never stored
        logs.protect("buyer", self.buyer.values)  # blanked in any log line
        self.messages = Bridge()
        self.tray = Tray()
        self.messages.connect_sink(self.tray.show_message)
        self.popup = Popup(library, self.buyer)
        self.popup.setWindowTitle(tr("快回 搜索"))
        self.paste = PasteService(
            QtWidgets.QApplication.clipboard(),
            platform.focus,
            platform.keys,
            mode=lambda: library.setting("paste_mode"),
            restore_delay_ms=lambda: int(library.setting("restore_delay_ms")),
            parent=self,
        )
        self.hotkey_spec = ""
        self.paused = False
        self._dialogs: list[QtWidgets.QDialog] = []
        self.library_window: QtWidgets.QMainWindow | None = None  # 话术库, made on first use
        self.drill_window: QtWidgets.QWidget | None = None  # 练习, made on first use
        self.typing_window: QtWidgets.QWidget | None = None

        platform.hotkey.activated.connect(self.open_popup)
        self.popup.chosen.connect(self.paste.deliver)
        self.popup.foreground_wanted.connect(self._claim_foreground)
        self.popup.dismissed.connect(self._give_focus_back)
        self.popup.dismissed.connect(self.paste.resume)
        self.paste.delivered.connect(self._record_use)
        self.paste.copied.connect(
            lambda _id: self.messages.send(tr("已复制"), tr("话术已复制到剪贴板，按 Ctrl+V 粘贴"))
        )
        self.paste.failed.connect(
            lambda text: self.messages.send(tr("没有自动粘贴"), text, WARNING)
        )
        self.tray.search_requested.connect(self.open_popup)
        self.tray.buyer_requested.connect(self.edit_buyer)
        self.tray.library_requested.connect(self.open_library)
        self.tray.settings_requested.connect(self.edit_settings)
        self.tray.pause_toggled.connect(self.set_paused)
        self.tray.quit_requested.connect(QtWidgets.QApplication.quit)
        self._side_panel: SidePanel | None = None  # made when first shown
        self.tray.panel_toggled.connect(self.show_side_panel)
        self.tray.stats_requested.connect(self.open_stats)
        self.tray.drill_requested.connect(lambda: self.open_drill())
        self.tray.import_requested.connect(self.open_import)
        self.tray.undo_import_requested.connect(self.undo_import)
        self.subscriptions = SubscriptionUpdater(library, self.messages, parent=self)
        self.tray.subscriptions_requested.connect(self.open_subscriptions)

        self.steps = StepRunner(self)
        library.suggester.run_steps = self.steps.run  # built between events, not in a thread
        self._warm = QTimer(self)
        self._warm.setSingleShot(True)
        self._warm.timeout.connect(self._warm_index)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._check_for_outside_changes)
        self._poll.start(POLL_MS)

    def start(self) -> None:
        self.tray.show()
        problem = getattr(self.platform, "problem", None)
        if problem:
            self.messages.send(tr("全局快捷键不可用"), says(problem), WARNING)
        self.apply_hotkey()
        self.subscriptions.start()  # checks now (in the background) and every interval
        # Build the search index once the tray host has had a moment to embed the
        # icon, not before it; a hotkey pressed sooner builds it on the spot.
        self._warm.start(WARM_INDEX_MS)

    def _warm_index(self) -> None:
        try:
            self.library.search("", limit=1)
            self.library.complete_index_file()  # skip masks a command-line run left out
            self.library.suggester.warm()  # 建议's index, built in the background
        except QuickReplyError as exc:
            log.warning("could not build the search index: %s", exc)
        forget_import_sources()  # the start's imports are done

    # ----- hotkey ----------------------------------------------------------------
    def apply_hotkey(self) -> None:
        spec = self.library.setting("hotkey")
        if spec == self.hotkey_spec or self.paused:
            return
        try:
            self.platform.hotkey.register(spec)
        except HotkeyError as exc:
            self.hotkey_spec = ""
            text = says(exc) + tr(
                "。可以在 设置 里换一个，或运行 quickreply config hotkey ctrl+alt+j"
            )
            self.tray.set_hotkey_label("", problem=says(exc))
            self.messages.send(tr("快捷键注册失败"), text, WARNING)
            log.warning("hotkey %s not registered: %s", spec, exc)
            return
        self.hotkey_spec = spec
        self.tray.set_hotkey_label(spec)
        log.info("hotkey %s registered with %s", spec, self.platform.name)

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        if paused:
            self.platform.hotkey.unregister()
            self.hotkey_spec = ""
            self.tray.set_hotkey_label("", problem=tr("热键已暂停"))
        else:
            self.apply_hotkey()

    # ----- the daily loop --------------------------------------------------------
    def open_popup(self) -> None:
        if self.popup.isVisible():
            self.popup.activateWindow()
            return
        self.paste.remember_target()
        self.library.refresh_if_changed()
        message = self._clipboard_message()
        self.popup.open_at(cursor_position(), message)
        if self._panel_shown():
            self.side_panel.set_message(message)  # its 建议 section, fed the same way
        self._claim_foreground()

    def _claim_foreground(self) -> None:
        """Bring the popup to the front with the OS's own call, while the hotkey
        press still gives this process the right to (Windows refuses it later)."""
        claim = getattr(self.platform.focus, "claim_foreground", None)
        if claim is not None and self.popup.isVisible():
            try:
                claim(int(self.popup.winId()))
            except Exception:
                log.exception("could not bring the popup to the front")

    def _clipboard_message(self) -> str:
        """Clipboard text for 建议 (a buyer's message copied from the chat), or ""."""
        if self.library.setting("suggest_clipboard") != "on":
            return ""
        try:
            return QtWidgets.QApplication.clipboard().text() or ""
        except RuntimeError:  # the clipboard owner went away mid-read
            return ""

    def _give_focus_back(self) -> None:
        target = self.paste.target()
        if target is not None:
            self.platform.focus.activate(target)

    def _record_use(self, phrase_id: str) -> None:
        try:
            self.library.record_use(phrase_id)
        except QuickReplyError as exc:  # the phrase was deleted meanwhile; nothing to count
            log.info("use not recorded: %s", exc)

    def fill_in(self, phrase_id: str) -> None:
        """A side-panel phrase still needs a value: open the popup on it, cursor in the
        first empty field; the chat window stays the paste target (the panel never took focus)."""
        try:
            phrase = self.library.get(phrase_id, include_trash=False)
        except QuickReplyError:
            return
        self.open_popup()
        self.popup.search_box.setText(phrase.code or phrase.title)
        view = self.popup.results_view
        model = view.model()
        row = model.row_of(phrase.id) if isinstance(model, ResultsModel) else -1
        if row >= 0:
            view.setCurrentIndex(model.index(row, 0))
            self.popup.form.focus_first_missing()

    # ----- windows -----------------------------------------------------------------
    # Each window's module is imported when it is first opened: most sessions open
    # none of them, and together they (with spreadsheets, statistics and the
    # network code behind them) would cost start-up time and memory.
    def edit_buyer(self) -> None:
        from desktop.ui.buyer_dialog import BuyerDialog

        self._show_dialog(BuyerDialog(self.buyer))

    def edit_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.library, autostart=self.platform.autostart(self.library.path))
        dialog.applied.connect(self.apply_hotkey)
        self._show_dialog(dialog)

    def open_import(self) -> None:
        from desktop.ui.import_dialog import ImportDialog

        self._show_dialog(ImportDialog(self.library))

    def undo_import(self) -> None:
        from desktop.ui.import_dialog import undo_last_import

        undo_last_import(self.library, self.messages.send)

    def open_subscriptions(self) -> None:
        from desktop.ui.subscriptions_dialog import SubscriptionsDialog

        self._show_dialog(SubscriptionsDialog(self.library, self.subscriptions))

    @property
    def side_panel(self) -> SidePanel:
        """The 侧边栏, made the first time it is wanted (about 2 MB most sessions never use)."""
        if self._side_panel is None:
            from desktop.ui.side_panel import SidePanel

            panel = SidePanel(self.library, self.buyer, self.paste)
            panel.needs_input.connect(self.fill_in)
            panel.closed.connect(lambda: self.tray.panel_action.setChecked(False))
            self._side_panel = panel
        return self._side_panel

    def _panel_shown(self) -> bool:
        return self._side_panel is not None and self._side_panel.isVisible()

    def show_side_panel(self, visible: bool) -> None:
        if visible:
            self.side_panel.show_docked()
        elif self._side_panel is not None:
            self._side_panel.hide()

    def open_stats(self) -> None:
        from desktop.ui.stats_dialog import StatsDialog

        self._show_dialog(StatsDialog(self.library))

    def open_library(self) -> None:
        """One 话术库 window for the whole session, brought forward when asked again."""
        from desktop.ui.library.window import LibraryWindow  # most sessions never open it

        if self.library_window is None:
            self.library_window = LibraryWindow(self.library)
            self.library_window.setWindowIcon(app_icon())
            self.library_window.drill_requested.connect(self.open_drill)
        else:
            self.library_window.refresh()  # type: ignore[attr-defined]
        self.library_window.show()
        self.library_window.raise_()
        self.library_window.activateWindow()

    def open_drill(self, category: list[str] | None = None) -> None:
        """练习: the response drill's first page, with ``category`` ticked."""
        from desktop.ui.drill.window import DrillWindow

        if self.drill_window is None:
            self.drill_window = DrillWindow(self.library)
            self.drill_window.setWindowIcon(app_icon())
            self.drill_window.typing_requested.connect(self.open_typing)
        if category or not (self.drill_window.isVisible() and self.drill_window.in_round):
            self.drill_window.prepare([category] if category else [])  # a round under way stays
        self._bring_forward(self.drill_window)

    def open_typing(self) -> None:
        from desktop.ui.drill.typing import TypingWindow

        if self.typing_window is None:
            self.typing_window = TypingWindow(self.library)
            self.typing_window.setWindowIcon(app_icon())
        self.typing_window.start()
        self._bring_forward(self.typing_window)

    def _bring_forward(self, window: QtWidgets.QWidget) -> None:
        forget_import_sources()  # windows are imported when first opened
        window.show()
        window.raise_()
        window.activateWindow()

    def _show_dialog(self, dialog: QtWidgets.QDialog) -> None:
        dialog.setWindowIcon(app_icon())
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._dialogs.remove(d))
        forget_import_sources()  # dialogs are imported when first opened
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _check_for_outside_changes(self) -> None:
        try:
            if self.library.refresh_if_changed():
                # rebuild the index now, not when the hotkey is pressed
                self.library.search("", limit=1)
                self.apply_hotkey()
                if self.popup.isVisible():
                    self.popup.refresh()
                if self._panel_shown():
                    self.side_panel.refresh()
                if self.library_window is not None and self.library_window.isVisible():
                    self.library_window.refresh()  # type: ignore[attr-defined]
        except QuickReplyError as exc:
            log.warning("could not refresh: %s", exc)

    def handle_request(self, message: str) -> None:
        """Another start of quickreply asked us to come forward."""
        if message == "show":
            self.open_popup()
        elif message == "drill" or message.startswith("drill:"):
            path = message.partition(":")[2]
            self.open_drill([p for p in path.split("/") if p] or None)
        elif message == "typing":
            self.open_typing()

    def shutdown(self) -> None:
        self._warm.stop()
        self.steps.stop()
        self._poll.stop()
        clipboard.release(QtWidgets.QApplication.clipboard())
        self.platform.close()
        self.tray.hide()
        if self._side_panel is not None:
            self._side_panel.hide()
        self.subscriptions.stop()
        self.library.close()


def _wait_for_tray() -> bool:
    timer = QtCore.QElapsedTimer()
    timer.start()
    while not QtWidgets.QSystemTrayIcon.isSystemTrayAvailable():
        if timer.elapsed() > TRAY_WAIT_MS:
            return False
        QtCore.QThread.msleep(100)
        QtWidgets.QApplication.processEvents()
    return True


def run(
    db_path: Path | str | None = None,
    argv: list[str] | None = None,
    *,
    smoke_test: bool = False,
    request: str | None = None,
) -> int:
    """Start the tray app; returns the process exit code.

    ``smoke_test``: start as usual, open and close the popup once, exit (see ui/smoke.py).
    ``request``: a window to open at once (``drill``, ``drill:售后``, ``typing``); when
    QuickReply already runs, that instance is asked to open it.
    """
    log_path = logs.setup()
    logs.route_qt_messages()
    # A fixed program name gives the same WM_CLASS whether started as
    # ``quickreply``, ``python -m desktop`` or a frozen exe.
    qt_app = QtWidgets.QApplication(["quickreply", *(argv or sys.argv)[1:]])
    path = Path(db_path) if db_path else default_path()
    i18n.install(qt_app, i18n.stored_language(path))  # before the first widget reads a text
    qt_app.setApplicationName("QuickReply")
    qt_app.setApplicationDisplayName(tr("快回"))
    qt_app.setQuitOnLastWindowClosed(False)
    qt_app.setWindowIcon(app_icon())
    crash = CrashReporter(log_path)
    crash.install()

    name = server_name(path)
    if not smoke_test and ask_running_instance(name, request or "show"):
        print(tr("快回已经在运行，已把它调到前台。"), file=sys.stderr)
        return 0
    if smoke_test:
        from desktop.ui.smoke import SmokeTest, headless  # only the build's check needs it
    if not (smoke_test and headless()) and not _wait_for_tray():
        tell(tr("没有找到系统托盘，快回需要系统托盘才能运行。可以使用命令行：quickreply --help"))
        return 3
    recovered = check_at_start(path, ask=None if smoke_test else ask_with_dialog)
    if recovered.path is None:
        tell(recovered.note)
        return 1
    try:
        library = open_library(path)
    except QuickReplyError as exc:
        tell(tr("无法打开话术库：") + says(exc))
        return 1
    server = None
    try:
        server = None if smoke_test else InstanceServer(name)
    except OSError as exc:
        log.warning("single-instance socket unavailable: %s", exc)

    app = QuickReplyApp(library, create_platform())
    if server is not None:
        server.requested.connect(app.handle_request)
    app.start()
    app.messages.send(
        tr("快回已启动"),
        tr("按 %1 搜索话术").replace("%1", app.hotkey_spec or tr("托盘图标")),
        INFO,
    )
    if recovered.note:
        app.messages.send(tr("话术库已恢复"), recovered.note, WARNING)
    if request:
        app.handle_request(request)
    if smoke_test:
        smoke = SmokeTest(app)
        crash.on_error = smoke.fail
        smoke.start()
    code = qt_app.exec()
    app.shutdown()
    if server is not None:
        server.close()
    crash.uninstall()
    logs.teardown()
    return code


__all__ = ["ERROR", "QuickReplyApp", "run"]
