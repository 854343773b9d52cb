"""The side panel's phrase list: a model of phrases and a two-line row painter.

Rows are painted with ``drawText`` and tooltips are escaped HTML: phrase text
comes from shared packs and spreadsheets, and Qt would otherwise read a body
such as ``<b>包邮</b>`` as markup.  What the agent sees must be exactly what
the buyer will receive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.store.models import Phrase
from desktop.qt import Qt, QtCore, QtGui, QtWidgets
from desktop.ui.plain import plain_tooltip
from desktop.ui.result_delegate import (
    LINE_GAP,
    PAD_Y,
    draw_row_background,
    row_fonts,
    two_line_height,
)

PAD_X = 8
PANEL_SCALE = 0.9  # detail line a little larger than the popup's: the panel is read at a glance
_Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ELIDE = Qt.TextElideMode.ElideRight
PREVIEW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def one_line(text: str) -> str:
    return " ".join(text.split())


class PanelModel(QtCore.QAbstractListModel):
    """Phrases of the chosen category.  Preview and tooltip are rendered on demand
    (paint, hover), so they always show the current buyer's details and the time."""

    def __init__(
        self, render_text: Callable[[Phrase], str], parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._render_text = render_text
        self._phrases: list[Phrase] = []

    def set_phrases(self, phrases: Sequence[Phrase]) -> None:
        self.beginResetModel()
        self._phrases = list(phrases)
        self.endResetModel()

    def phrase(self, row: int) -> Phrase | None:
        return self._phrases[row] if 0 <= row < len(self._phrases) else None

    def phrases(self) -> list[Phrase]:
        return list(self._phrases)

    def row_of(self, phrase_id: str) -> int:
        return next((i for i, p in enumerate(self._phrases) if p.id == phrase_id), -1)

    def rowCount(self, parent: _Index = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._phrases)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        phrase = self.phrase(index.row()) if index.isValid() else None
        if phrase is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return phrase.title
        if role == PREVIEW_ROLE:
            return one_line(self._render_text(phrase))
        if role == ID_ROLE:
            return phrase.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._render_text(phrase))
        return None


class PanelDelegate(QtWidgets.QStyledItemDelegate):
    """Title on the first line, the start of the text it sends dimmed on the second."""

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, index: _Index) -> QtCore.QSize:
        return QtCore.QSize(120, two_line_height(*row_fonts(option.font, PANEL_SCALE)))

    def paint(
        self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem, index: _Index
    ) -> None:
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # background, hover and selection only
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        main = draw_row_background(painter, opt)  # never the panel's inactive grey under white
        dim = QtGui.QColor(main)
        dim.setAlphaF(0.75 if selected else 0.55)
        title_font, small_font = row_fonts(opt.font, PANEL_SCALE)
        title_fm, small_fm = QtGui.QFontMetrics(title_font), QtGui.QFontMetrics(small_font)
        rect = opt.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        top = QtCore.QRect(rect.left(), rect.top(), rect.width(), title_fm.height())
        bottom = QtCore.QRect(
            rect.left(), top.bottom() + 1 + LINE_GAP, rect.width(), small_fm.height()
        )

        painter.save()
        painter.setFont(title_font)
        painter.setPen(main)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(top, _LEFT, title_fm.elidedText(title, _ELIDE, top.width()))
        painter.setFont(small_font)
        painter.setPen(dim)
        preview = str(index.data(PREVIEW_ROLE) or "")
        painter.drawText(bottom, _LEFT, small_fm.elidedText(preview, _ELIDE, bottom.width()))
        painter.restore()
