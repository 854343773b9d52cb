"""侧边栏: a narrow, always-on-top phrase panel docked beside the Qianniu workbench.

The panel never takes focus (``WindowDoesNotAcceptFocus`` and
``WA_ShowWithoutActivating``), so the agent's chat window stays the active
window the whole time and one click can paste into it: the click remembers
that window and hands the phrase to the same paste pipeline the popup uses.
A phrase that still needs a value (an order number…) can't be pasted
silently; the panel then emits ``needs_input`` and the app opens the popup's
fill-in form for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from desktop.core import Library, QuickReplyError
from desktop.core.store.models import Phrase
from desktop.core.text.buyer import BuyerContext
from desktop.core.text.intents import looks_like_message
from desktop.qt import QRect, Qt, QtGui, QTimer, QtWidgets, Signal
from desktop.ui.side_panel_list import PanelDelegate, PanelModel
from desktop.ui.side_panel_strip import ExpandStrip
from desktop.ui.side_panel_tree import FREQUENT, CategoryPicker

WIDTH = 260
STRIP_WIDTH = 18
FREQUENT_LIMIT = 40
SUGGESTIONS = 3
SUGGEST_RETRY_MS = 150  # while the 建议 index is being built
SUGGEST_HEIGHT = 150
SIDES = ("left", "right")
_STYLE = """
#panelFrame { background: palette(window); }
#panelFrame[side="right"] { border-left: 1px solid #a8a8a8; }
#panelFrame[side="left"] { border-right: 1px solid #a8a8a8; }
#panelTitle { font-weight: bold; padding-left: 4px; }
"""


class PasteTarget(Protocol):
    """The part of :class:`~desktop.ui.paste.PasteService` the panel uses."""

    def remember_target(self) -> None: ...

    def deliver(self, phrase_id: str, text: str) -> None: ...


def dock_rect(area: QRect, side: str, width: int) -> QRect:
    """Full height of ``area`` (the screen minus taskbars), ``width`` wide, on ``side``."""
    width = min(width, area.width())
    x = area.left() if side == "left" else area.right() + 1 - width
    return QRect(x, area.top(), width, area.height())


class SidePanel(QtWidgets.QWidget):
    """Categories on top, phrases below; a click pastes, hovering shows the full text."""

    needs_input = Signal(str)  # phrase id: has an empty required field, open the fill-in form
    closed = Signal()  # the agent closed the panel with its × button

    def __init__(
        self,
        library: Library,
        buyer: BuyerContext,
        paste: PasteTarget,
        parent: QtWidgets.QWidget | None = None,
        *,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        super().__init__(parent, flags)
        self._message = ""  # the copied buyer message the 建议 are for; memory only
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        # Qt shows tooltips only in the active window, and this one never is.
        self.setAttribute(Qt.WidgetAttribute.WA_AlwaysShowToolTips)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("sidePanel")
        self.setWindowTitle(self.tr("快回 侧边栏"))
        self._library = library
        self._buyer = buyer
        self._paste = paste
        self._now = now
        self._side = library.setting("panel_side")
        self._collapsed = False
        self._last_sent: tuple[str, float] = ("", 0.0)
        self._build()
        self._apply_side()
        # Filled when first shown (``show_docked``): a hidden panel costs no
        # library reads, so the tray comes up before the search index is built.
        screen = QtGui.QGuiApplication.primaryScreen()
        if screen is not None:
            screen.availableGeometryChanged.connect(self._redock)

    # ----- construction --------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(_STYLE)
        outer = QtWidgets.QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self._strip = ExpandStrip(STRIP_WIDTH, self)
        self._strip.setText(self.tr("快回"))
        self._strip.setToolTip(self.tr("展开快回侧边栏"))
        self._strip.clicked.connect(self.expand)
        self._strip.hide()
        outer.addWidget(self._strip)

        self._frame = QtWidgets.QFrame(self)
        self._frame.setObjectName("panelFrame")
        outer.addWidget(self._frame)
        layout = QtWidgets.QVBoxLayout(self._frame)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        header = QtWidgets.QHBoxLayout()
        header.setSpacing(2)
        title = QtWidgets.QLabel(self.tr("快回话术"), self._frame)
        title.setObjectName("panelTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        header.addWidget(title, 1)
        self._side_button = self._tool_button(self.toggle_side)
        self._collapse_button = self._tool_button(self.collapse)
        self._collapse_button.setText(self.tr("收起"))
        self._collapse_button.setToolTip(self.tr("收起成屏幕边上的细条"))
        close = self._tool_button(self._close_by_user)
        close.setText("×")
        close.setToolTip(self.tr("关闭侧边栏（托盘菜单可再打开）"))
        for button in (self._side_button, self._collapse_button, close):
            header.addWidget(button)
        layout.addLayout(header)

        # 建议: the top phrases for the buyer message the agent copied (see set_message).
        self._suggest_title = QtWidgets.QLabel(self._frame)
        self._suggest_title.setObjectName("suggestTitle")
        self._suggest_title.setTextFormat(Qt.TextFormat.PlainText)  # the buyer's words are data
        self._suggest_title.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        self._suggest_model = PanelModel(self._render_text, self)
        self._suggest_list = QtWidgets.QListView(self._frame)
        self._suggest_list.setObjectName("suggestions")
        self._suggest_list.setModel(self._suggest_model)
        self._suggest_list.setItemDelegate(PanelDelegate(self._suggest_list))
        self._suggest_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._suggest_list.setMouseTracking(True)
        self._suggest_list.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self._suggest_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._suggest_list.setMaximumHeight(SUGGEST_HEIGHT)
        self._suggest_list.clicked.connect(lambda index: self.send_suggestion(index.row()))
        layout.addWidget(self._suggest_title)
        layout.addWidget(self._suggest_list)
        self._suggest_title.hide()
        self._suggest_list.hide()

        self._categories = CategoryPicker(self._frame)
        self._categories.chosen.connect(self._show_category)
        self._model = PanelModel(self._render_text, self)
        self._list = QtWidgets.QListView(self._frame)
        self._list.setObjectName("phrases")
        self._list.setModel(self._model)
        self._list.setItemDelegate(PanelDelegate(self._list))
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._list.setMouseTracking(True)  # hover highlight on the row under the pointer
        self._list.setUniformItemSizes(True)
        self._list.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self._list.setVerticalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.clicked.connect(lambda index: self.send(index.row()))

        split = QtWidgets.QSplitter(Qt.Orientation.Vertical, self._frame)
        split.setChildrenCollapsible(False)
        split.addWidget(self._categories)
        split.addWidget(self._list)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)

        hint = QtWidgets.QLabel(self.tr("单击粘贴到聊天窗口 · 悬停看全文"), self._frame)
        hint.setObjectName("panelHint")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setStyleSheet("color: #707070;")
        hint.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        layout.addWidget(hint)

    def _tool_button(self, slot: Callable[[], None]) -> QtWidgets.QToolButton:
        button = QtWidgets.QToolButton(self._frame)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    # ----- public API ----------------------------------------------------------
    @property
    def side(self) -> str:
        return self._side

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    @property
    def category_picker(self) -> CategoryPicker:
        return self._categories

    @property
    def phrase_view(self) -> QtWidgets.QListView:
        return self._list

    @property
    def model(self) -> PanelModel:
        return self._model

    @property
    def strip(self) -> ExpandStrip:
        return self._strip

    def show_docked(self) -> None:
        """Show on the remembered edge without taking focus from the chat window."""
        self._library.refresh_if_changed()
        self._reload()
        self._redock()
        self.show()
        self.raise_()

    def refresh(self) -> None:
        """Reload categories and phrases (the library changed), keeping the category.

        A hidden panel waits: ``show_docked`` refreshes it anyway."""
        if not self.isVisible():
            return
        self._reload()

    def _reload(self) -> None:
        self._categories.set_categories(self._library.categories())
        self._show_category(self._categories.current_path())

    def set_side(self, side: str) -> None:
        """Dock to ``left`` or ``right`` and remember it for the next start."""
        if side not in SIDES:
            raise ValueError(side)
        if side != self._side:
            self._side = side
            self._library.set_setting("panel_side", side)
        self._apply_side()
        self._redock()

    def toggle_side(self) -> None:
        self.set_side("left" if self._side == "right" else "right")

    def collapse(self) -> None:
        self._set_collapsed(True)

    def expand(self) -> None:
        self._set_collapsed(False)

    def set_message(self, message: str) -> None:
        """Show 建议 for a copied buyer message (the app feeds the clipboard on the hotkey);
        anything that is not one clears the section."""
        text = (message or "").strip()
        found = []
        if text and self._library.setting("suggest_clipboard") == "on" and looks_like_message(text):
            suggester = self._library.suggester
            if suggester.ready() is None:  # being built: fill the section once it is ready
                QTimer.singleShot(SUGGEST_RETRY_MS, self, lambda: self._retry_message(text))
            found = [s.phrase for s in suggester.for_message(text, SUGGESTIONS, wait=False)]
        self._message = text if found else ""
        self._suggest_model.set_phrases(found)
        if found:
            flat = " ".join(text.split())
            shown = flat if len(flat) <= 24 else flat[:23] + "…"
            self._suggest_title.setText(self.tr("建议 · %1").replace("%1", shown))
        self._suggest_title.setVisible(bool(found))
        self._suggest_list.setVisible(bool(found))

    def _retry_message(self, text: str) -> None:
        if self.isVisible() and not self._message:
            self.set_message(text)

    @property
    def suggestion_view(self) -> QtWidgets.QListView:
        return self._suggest_list

    def send_suggestion(self, row: int) -> None:
        phrase = self._suggest_model.phrase(row)
        if phrase is None:
            return
        if self._send_phrase(phrase) and self._library.setting("suggest_learn") == "on":
            try:
                self._library.suggester.learn(self._message, phrase.id)
            except QuickReplyError:
                pass  # learning is a nicety, sending is not

    def send(self, row: int) -> None:
        """Paste the phrase in ``row`` into the chat window, or ask for its missing values."""
        phrase = self._model.phrase(row)
        if phrase is None:
            return
        self._send_phrase(phrase)

    def _send_phrase(self, phrase: Phrase) -> bool:
        """True when the phrase went to the paste pipeline."""
        last_id, last_at = self._last_sent
        guard = QtWidgets.QApplication.doubleClickInterval() / 1000
        if phrase.id == last_id and time.monotonic() - last_at < guard:
            return False  # the second half of a double click: never send a reply twice
        try:
            rendered = self._library.render(phrase.id, self._buyer.values(), now=self._now())
        except QuickReplyError:
            self.refresh()  # deleted meanwhile
            return False
        if rendered.missing:
            self.needs_input.emit(phrase.id)
            return False
        self._last_sent = (phrase.id, time.monotonic())
        self._paste.remember_target()  # still the chat window: we never took focus
        self._paste.deliver(phrase.id, rendered.text)
        return True

    # ----- internals -----------------------------------------------------------
    def _show_category(self, path: tuple[str, ...]) -> None:
        phrases: list[Phrase]
        try:
            if path == FREQUENT:
                phrases = self._library.search("", limit=FREQUENT_LIMIT)
            else:
                phrases = self._library.phrases(path)
        except QuickReplyError:
            phrases = []
        self._model.set_phrases(phrases)
        self._list.scrollToTop()

    def _render_text(self, phrase: Phrase) -> str:
        """The text a click would send, with the current buyer's details filled in."""
        try:
            return self._library.render(phrase.id, self._buyer.values(), now=self._now()).text
        except QuickReplyError:
            return phrase.body

    def _set_collapsed(self, collapsed: bool) -> None:
        self._collapsed = collapsed
        self._frame.setVisible(not collapsed)
        self._strip.setVisible(collapsed)
        self._redock()

    def _apply_side(self) -> None:
        """The border faces the chat window; the strip's arrow points the way it opens."""
        right = self._side == "right"
        self._frame.setProperty("side", self._side)
        self._frame.style().unpolish(self._frame)
        self._frame.style().polish(self._frame)
        self._side_button.setText(self.tr("靠左") if right else self.tr("靠右"))
        self._side_button.setToolTip(
            self.tr("停靠到屏幕左边") if right else self.tr("停靠到屏幕右边")
        )
        self._strip.set_points_left(right)

    def _redock(self) -> None:
        screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
        if screen is None:
            return
        width = STRIP_WIDTH if self._collapsed else WIDTH
        rect = dock_rect(screen.availableGeometry(), self._side, width)
        self.setFixedWidth(rect.width())
        self.setGeometry(rect)

    def _close_by_user(self) -> None:
        self.hide()
        self.closed.emit()
