"""The real picker (search, pinyin, codes, 建议) answering into the drill window.

``Popup`` is reused as it is, embedded in the drill window instead of floating
over a chat program.  Its ``chosen`` signal goes to the drill, never to the
paste service.  Three things differ from the job: a pick is an answer even
when the phrase has empty placeholders (the drill grades the choice, not the
filled text), nothing is learned from a trainee's picks, and at the harder
level the list is plain search without 建议.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.core import Library
from desktop.core.store.models import Phrase
from desktop.core.text.buyer import BuyerContext
from desktop.core.text.template import Rendered
from desktop.qt import Qt, QtCore, QtWidgets
from desktop.ui.popup import SEARCH_LIMIT, Popup


class DrillPicker(Popup):
    def __init__(self, library: Library, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(library, BuyerContext(), parent)  # a buyer context of its own, empty
        self.setWindowFlags(Qt.WindowType.Widget)  # a part of the drill window, not a popup
        self.suggestions = True

    def start(self, message: str = "") -> None:
        """A fresh, empty search for the next question; with 建议 for ``message``."""
        self._keys.reset()
        self._clearing = True
        try:
            self._search.clear()
        finally:
            self._clearing = False
        self._set_message(message if self.suggestions else "")
        self._message_label.hide()  # the drill shows the message as a chat bubble
        self._run_search()
        self.show()
        self._search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _phrases_for_query(self) -> tuple[list[Phrase], list[str]]:
        if self.suggestions:
            return super()._phrases_for_query()
        self._source = ""
        return self._library.search(self._search.text(), limit=SEARCH_LIMIT), []

    def _render(self, phrase: Phrase) -> Rendered | None:
        rendered = super()._render(phrase)
        return None if rendered is None else replace(rendered, missing=())

    def _learn(self, message: str, phrase_id: str) -> None:
        """A trainee's picks, right or wrong, teach 建议 nothing."""

    def _show_hint(self) -> None:
        self._set_status(self.tr("Enter 回答 · Ctrl+1…9 选第几条 · Esc 结束练习"))

    def changeEvent(self, event: QtCore.QEvent) -> None:
        QtWidgets.QWidget.changeEvent(self, event)  # embedded: never dismissed on deactivation
