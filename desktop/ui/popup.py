"""The picker that pops up on the hotkey: search, preview, fill in, send.

Every key the agent needs works while the cursor stays in the search box, so
a reply is two or three keystrokes and Enter.  Two rules protect the buyer
from half-made messages: nothing is sent while a placeholder is still empty,
and nothing is sent while a Chinese input method is still composing (Enter
then belongs to the IME, not to us).
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Sequence
from datetime import datetime

from desktop.core import Library, QuickReplyError
from desktop.core.search.textnorm import has_han
from desktop.core.store.models import Phrase
from desktop.core.store.suggestions import Suggester
from desktop.core.text.buyer import FIELDS as BUYER_FIELDS
from desktop.core.text.buyer import BuyerContext
from desktop.core.text.intents import clean_message, looks_like_message
from desktop.core.text.template import Rendered
from desktop.qt import QPoint, QRect, Qt, QtCore, QtGui, QTimer, QtWidgets, Signal
from desktop.ui.fill_form import FillForm
from desktop.ui.popup_keys import PopupKeys
from desktop.ui.result_delegate import ResultDelegate
from desktop.ui.results_model import ResultsModel

SIZE = QtCore.QSize(560, 420)
SEARCH_LIMIT = 50
FEW = 3  # fewer direct matches than this for a sentence: 建议 fill the list
CLIPBOARD_SUGGESTIONS = 3
TYPED_SUGGESTIONS = 5
SUGGEST_RETRY_MS = 150  # while the 建议 index is being built
MESSAGE_CHARS = 60
CURSOR_GAP = 12  # keep the mouse pointer off the popup's corner
# A focus-out this soon after showing is the window system still settling who is
# in front (Windows puts the chat window back when our claim comes late): take
# focus back once instead of closing.  No agent clicks elsewhere this fast.
FOCUS_GRACE_MS = 250
_STYLE = """
#popupFrame { background: palette(window); border: 1px solid #9a9a9a; border-radius: 4px; }
#status { color: #707070; }
#status[refusal="true"] { color: #c5221f; }
"""
_E = QtCore.QEvent.Type


def place_near(pos: QPoint, size: QtCore.QSize, area: QRect) -> QRect:
    """Below-right of the pointer, flipped to the other side where it would not
    fit, and always clamped fully inside ``area`` (the screen's free area)."""
    w, h = min(size.width(), area.width()), min(size.height(), area.height())
    x, y = pos.x() + CURSOR_GAP, pos.y() + CURSOR_GAP
    if x + w > area.right() + 1:
        x = pos.x() - CURSOR_GAP - w
    if y + h > area.bottom() + 1:
        y = pos.y() - CURSOR_GAP - h
    x = max(area.left(), min(x, area.right() + 1 - w))
    y = max(area.top(), min(y, area.bottom() + 1 - h))
    return QRect(x, y, w, h)


class Popup(QtWidgets.QWidget):
    """Frameless, always-on-top picker; the app shows it with ``open_at``."""

    chosen = Signal(str, str)  # phrase id, final text — only ever complete text
    dismissed = Signal()
    foreground_wanted = Signal()  # lost focus right after showing: the app claims it again

    def __init__(
        self,
        library: Library,
        buyer: BuyerContext,
        parent: QtWidgets.QWidget | None = None,
        *,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        super().__init__(parent, flags)
        self._library = library
        self._buyer = buyer
        self._now = now
        self._refusing = False
        self._message = ""  # the buyer's message from the clipboard; memory only
        self._message_phrases: list[Phrase] = []
        self._source = ""  # what the 建议 in the list were made for
        self._clearing = False
        self._shown_at = 0.0
        self._reclaimed = False
        self._clipboard = ""  # the clipboard text this opening was given
        # 建议 are never waited for: while the index is being built (after a
        # change, seconds in a large library) they come in once it is ready.
        self._suggest_retry = QTimer(self)
        self._suggest_retry.setSingleShot(True)
        self._suggest_retry.setInterval(SUGGEST_RETRY_MS)
        self._suggest_retry.timeout.connect(self._suggestions_ready)
        self.setWindowTitle(self.tr("快回"))
        self.resize(SIZE)
        self._build()
        self._show_hint()

    # ----- construction --------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(_STYLE)
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame = QtWidgets.QFrame(self)
        frame.setObjectName("popupFrame")
        outer.addWidget(frame)
        layout = QtWidgets.QVBoxLayout(frame)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(8)

        self._search = QtWidgets.QLineEdit(frame)
        self._search.setObjectName("search")
        self._search.setPlaceholderText(self.tr("搜索：汉字 / 拼音 / 首字母 / 编码"))
        self._search.setClearButtonEnabled(True)
        self._search.textChanged.connect(self._on_query)
        layout.addWidget(self._search)
        self._message_label = QtWidgets.QLabel(frame)
        self._message_label.setObjectName("buyerMessage")
        self._message_label.setTextFormat(Qt.TextFormat.PlainText)  # the buyer's words are data
        small = self._message_label.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        self._message_label.setFont(small)
        self._message_label.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        self._message_label.hide()
        layout.addWidget(self._message_label)
        self._keys = PopupKeys(self._search, self)
        self._keys.enter.connect(self._choose_current)
        self._keys.digit.connect(lambda n: self._choose(n - 1))
        self._keys.escape.connect(self._dismiss)
        self._keys.move.connect(self._move)
        self._keys.page.connect(lambda pages: self._move(pages * self._page()))
        self._keys.to_form.connect(self._form_focus_first)
        self._keys.to_search.connect(self._focus_search)

        self._model = ResultsModel(self)
        self._list = QtWidgets.QListView(frame)
        self._list.setObjectName("results")
        self._list.setModel(self._model)
        self._list.setItemDelegate(ResultDelegate(self._list))
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the search box
        self._list.setUniformItemSizes(True)
        self._list.setVerticalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.selectionModel().currentChanged.connect(self._on_current)
        self._list.doubleClicked.connect(lambda index: self._choose(index.row()))

        self._preview = QtWidgets.QPlainTextEdit(frame)
        self._preview.setObjectName("preview")
        self._preview.setReadOnly(True)
        self._preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._form = FillForm(frame)
        self._form.changed.connect(self._on_form_changed)
        self._form.hide()

        right = QtWidgets.QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self._preview, 1)
        right.addWidget(self._form)
        middle = QtWidgets.QHBoxLayout()
        middle.setSpacing(8)
        middle.addWidget(self._list, 11)
        middle.addLayout(right, 10)
        layout.addLayout(middle, 1)

        self._status = QtWidgets.QLabel(frame)
        self._status.setObjectName("status")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        layout.addWidget(self._status)

    # ----- public API ----------------------------------------------------------
    def open_at(self, pos: QPoint, message: str = "") -> None:
        """Fresh query, placed by ``pos`` on the screen that contains it, focused.

        ``message``: clipboard text; when it looks like a buyer's message (and
        设置 allows it) the top 建议 for it stand above the usual list."""
        self._keys.reset()
        # Not blockSignals: the clear (×) button hides on the line edit's own
        # text signal, and a blocked clear left it showing over an empty box.
        self._clearing = True
        try:
            self._search.clear()
        finally:
            self._clearing = False
        self._clipboard = message
        self._set_message(message)
        self._run_search()
        screen = QtGui.QGuiApplication.screenAt(pos) or QtGui.QGuiApplication.primaryScreen()
        self.setGeometry(place_near(pos, SIZE, screen.availableGeometry()))
        self._shown_at, self._reclaimed = time.monotonic(), False
        self.show()
        self.raise_()
        self.activateWindow()
        self._resync_activation()
        self._search.setFocus(Qt.FocusReason.PopupFocusReason)

    def refresh(self) -> None:
        """Search again (the library changed), keeping the selected phrase if it is still there."""
        current = self._current()
        self._run_search(current.id if current else None)

    def _suggestions(self) -> Suggester:
        """The library's 建议; if its index is still being built, look again shortly."""
        suggester: Suggester = self._library.suggester
        if suggester.ready() is None:
            self._suggest_retry.start()
        return suggester

    def _suggestions_ready(self) -> None:
        if not self.isVisible():
            return
        if self._library.suggester.ready() is None:
            self._suggest_retry.start()
            return
        self._set_message(self._clipboard)
        self.refresh()

    @property
    def search_box(self) -> QtWidgets.QLineEdit:
        return self._search

    @property
    def results_view(self) -> QtWidgets.QListView:
        return self._list

    @property
    def preview(self) -> QtWidgets.QPlainTextEdit:
        return self._preview

    @property
    def form(self) -> FillForm:
        return self._form

    @property
    def status_label(self) -> QtWidgets.QLabel:
        return self._status

    @property
    def composing(self) -> bool:
        return self._keys.composing

    # ----- searching and selecting ---------------------------------------------
    def _on_query(self, _text: str) -> None:
        if not self._clearing:
            self._run_search()

    def _set_message(self, message: str) -> None:
        self._message = ""
        self._message_phrases: list[Phrase] = []
        on = self._library.setting("suggest_clipboard") == "on"
        if message and on and looks_like_message(message):
            found = self._suggestions().for_message(
                message.strip(), CLIPBOARD_SUGGESTIONS, wait=False
            )
            self._message_phrases = [s.phrase for s in found]
            if self._message_phrases:
                self._message = message.strip()
        if self._message:
            flat = " ".join(self._message.split())
            shown = flat if len(flat) <= MESSAGE_CHARS else flat[: MESSAGE_CHARS - 1] + "…"
            self._message_label.setText(self.tr("买家：%1").replace("%1", shown))
            # An order or tracking number in it goes to the buyer context (memory only).
            for name, value in clean_message(self._message).values.items():
                self._buyer.set(name, value)
        self._message_label.setVisible(bool(self._message))

    def _phrases_for_query(self) -> tuple[list[Phrase], list[str]]:
        """The list to show and which of it are 建议."""
        text = self._search.text()
        phrases = self._library.search(text, limit=SEARCH_LIMIT)
        self._source = ""
        if text.strip():
            if len(phrases) < FEW and len(text.strip()) >= 2 and has_han(text):
                have = {p.id for p in phrases}
                extra = [
                    s.phrase
                    for s in self._suggestions().suggest(text, TYPED_SUGGESTIONS, wait=False)
                    if s.phrase.id not in have
                ]
                if extra:
                    self._source = text
                return phrases + extra, [p.id for p in extra]
            return phrases, []
        if self._message:
            top = list(self._message_phrases)
            if top:
                self._source = self._message
            ids = [p.id for p in top]
            return top + [p for p in phrases if p.id not in ids], ids
        return phrases, []

    def _run_search(self, keep_id: str | None = None) -> None:
        phrases, suggested = self._phrases_for_query()
        self._model.set_phrases(phrases, suggested)
        self._refusing = False
        self._show_hint()
        if not self._model.rowCount():
            self._show_phrase(None)
            if self._search.text().strip():
                self._set_status(self.tr("没有找到匹配的话术"))
            return
        row = self._model.row_of(keep_id) if keep_id else -1
        self._select(max(row, 0))

    def _select(self, row: int) -> None:
        index = self._model.index(row, 0)
        self._list.setCurrentIndex(index)
        self._list.scrollTo(index)

    def _current(self) -> Phrase | None:
        return self._model.phrase(self._list.currentIndex().row())

    def _move(self, delta: int) -> None:
        count = self._model.rowCount()
        if count:
            row = self._list.currentIndex().row()
            self._select(max(0, min(count - 1, row + delta)))

    def _page(self) -> int:
        row_height = max(1, self._list.sizeHintForRow(0))
        return max(1, self._list.viewport().height() // row_height - 1)

    def _on_current(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        self._refusing = False
        self._show_hint()
        self._show_phrase(self._model.phrase(current.row()))

    def _show_phrase(self, phrase: Phrase | None) -> None:
        if phrase is None:
            self._form.clear()
        else:
            self._form.set_phrase(
                phrase.body, buyer=self._buyer.values(), store=self._library.store_values()
            )
        self._keys.watch_fields(self._form.editors())
        self._form.setVisible(self._form.has_fields())
        self._update_preview()

    # ----- rendering and choosing ----------------------------------------------
    def _render(self, phrase: Phrase) -> Rendered | None:
        """Store values, then the buyer context, then what the agent typed."""
        values = self._buyer.values()
        values.update(self._form.values())
        try:
            return self._library.render(phrase.id, values, now=self._now())
        except QuickReplyError:
            return None  # deleted meanwhile; the next refresh drops it

    def _update_preview(self) -> None:
        phrase = self._current()
        rendered = self._render(phrase) if phrase else None
        self._preview.setPlainText(rendered.text if rendered else "")

    def _on_form_changed(self) -> None:
        self._update_preview()
        if self._refusing:
            missing = self._form.missing_required()
            if missing:
                self._show_refusal(missing)
            else:
                self._refusing = False
                self._show_hint()

    def _choose_current(self) -> None:
        self._choose(self._list.currentIndex().row())

    def _choose(self, row: int) -> None:
        if self._keys.composing:
            return  # the IME owns the keyboard until the text is committed
        phrase = self._model.phrase(row)
        if phrase is None:
            return
        if row != self._list.currentIndex().row():
            self._select(row)
        rendered = self._render(phrase)
        if rendered is None:
            self._set_status(self.tr("这条话术已被删除"), alert=True)
            return
        if rendered.missing:
            self._form.show()
            self._form.focus_first_missing()
            self._show_refusal(rendered.missing)
            return
        for name, value in self._form.entered_values().items():
            if name in BUYER_FIELDS:
                self._buyer.set(name, value)
        if self._source and self._model.is_suggested(row):
            self._learn(self._source, phrase.id)
        self.hide()
        self.chosen.emit(phrase.id, rendered.text)

    def _learn(self, message: str, phrase_id: str) -> None:
        """The agent sent a 建议: strengthen the message's dictionary words → phrase."""
        if self._library.setting("suggest_learn") != "on":
            return
        try:
            self._library.suggester.learn(message, phrase_id)
        except QuickReplyError:
            pass  # a read-only or busy file: learning is a nicety, sending is not

    def _form_focus_first(self) -> None:
        self._form.focus_first()

    def _focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.BacktabFocusReason)

    def _dismiss(self) -> None:
        self._keys.reset()
        self.hide()
        self.dismissed.emit()

    def _show_hint(self) -> None:
        self._set_status(self.tr("Enter 发送 · Ctrl+1…9 直接发送 · Tab 填写 · Esc 关闭"))

    def _show_refusal(self, missing: Sequence[str]) -> None:
        self._refusing = True
        self._set_status(
            self.tr("请先填写：%1").replace("%1", self.tr("、").join(missing)), alert=True
        )

    def _set_status(self, text: str, *, alert: bool = False) -> None:
        self._status.setText(text)
        if bool(self._status.property("refusal")) != alert:
            self._status.setProperty("refusal", alert)
            self._status.style().unpolish(self._status)
            self._status.style().polish(self._status)

    # ----- focus ---------------------------------------------------------------
    def _resync_activation(self) -> None:
        """Hiding the popup (Enter, Esc) deactivates it for the widgets, but the
        window system may still name its window as focused and never report a
        change; asking to activate an already-focused window is then a no-op, so
        the shown popup had focus yet no active widget, and ignored every key."""
        handle = self.windowHandle()
        if (
            handle is not None
            and QtGui.QGuiApplication.focusWindow() is handle
            and QtWidgets.QApplication.activeWindow() is not self
        ):
            # Deprecated since Qt 6.5 in favour of activateWindow(), which is the
            # very call that does nothing here; still the one way to re-sync.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QtWidgets.QApplication.setActiveWindow(self)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == _E.ActivationChange and not self.isActiveWindow():
            # Decide after Qt has settled where activation went (a combo's
            # drop-down or one of our own dialogs does not count as leaving).
            QTimer.singleShot(0, self, self._dismiss_if_left)
        super().changeEvent(event)

    def _dismiss_if_left(self) -> None:
        if not self.isVisible() or QtWidgets.QApplication.activePopupWidget() is not None:
            return
        active = QtWidgets.QApplication.activeWindow()
        while active is not None and active is not self:
            active = active.parentWidget()
        if active is not None:
            return
        since_ms = (time.monotonic() - self._shown_at) * 1000
        if since_ms < FOCUS_GRACE_MS:
            if not self._reclaimed:
                self._reclaimed = True
                self.raise_()
                self.activateWindow()
                self._resync_activation()
                self.foreground_wanted.emit()
            # Judge again once the window system has settled.
            QTimer.singleShot(int(FOCUS_GRACE_MS - since_ms) + 1, self, self._dismiss_if_left)
            return
        self._dismiss()
