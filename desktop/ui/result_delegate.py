"""Paints one result row: number hint, bold title, code, category and preview.

Painted with ``drawText`` rather than a label per row: phrase text comes from
shared packs and spreadsheets, and ``drawText`` never interprets markup, so a
body full of ``<b>`` or ``<img>`` shows exactly those characters.
"""

from __future__ import annotations

from desktop.qt import Qt, QtCore, QtGui, QtWidgets
from desktop.ui.results_model import ResultsModel

PAD_X = 8
PAD_Y = 5
LINE_GAP = 2
HINT_WIDTH = 18
CODE_GAP = 10
HINTED_ROWS = 9  # Ctrl+1 … Ctrl+9
MIN_CONTRAST = 4.5  # WCAG AA for body text
_ROLE = QtGui.QPalette.ColorRole
_Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex
_SINGLE = Qt.TextFlag.TextSingleLine
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def row_fonts(base: QtGui.QFont, scale: float = 0.88) -> tuple[QtGui.QFont, QtGui.QFont]:
    """Bold title font and a smaller font for the grey second line of a row."""
    title = QtGui.QFont(base)
    title.setBold(True)
    small = QtGui.QFont(base)
    if base.pointSizeF() > 0:
        small.setPointSizeF(max(7.0, base.pointSizeF() * scale))
    return title, small


def two_line_height(title: QtGui.QFont, small: QtGui.QFont) -> int:
    """Height of a row with a title line above a detail line (shared with the side panel)."""
    return (
        QtGui.QFontMetrics(title).height()
        + LINE_GAP
        + QtGui.QFontMetrics(small).height()
        + 2 * PAD_Y
    )


def color_group(opt: QtWidgets.QStyleOption) -> QtGui.QPalette.ColorGroup:
    """The group the style paints with: a row of an inactive window is drawn from
    the Inactive colours (on Windows a light grey selection), so its text must be too."""
    if not opt.state & QtWidgets.QStyle.StateFlag.State_Enabled:
        return QtGui.QPalette.ColorGroup.Disabled
    if not opt.state & QtWidgets.QStyle.StateFlag.State_Active:
        return QtGui.QPalette.ColorGroup.Inactive
    return QtGui.QPalette.ColorGroup.Active


def contrast(a: QtGui.QColor, b: QtGui.QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""

    def luminance(c: QtGui.QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def row_text_color(opt: QtWidgets.QStyleOptionViewItem, selected: bool) -> QtGui.QColor:
    """Text, or HighlightedText on a selected row, from the group the row is drawn in;
    a palette whose pair is unreadable (a style that set HighlightedText to Text)
    falls back to black or white, whichever reads on the Highlight."""
    group = color_group(opt)
    if not selected:
        return opt.palette.color(group, _ROLE.Text)
    text = opt.palette.color(group, _ROLE.HighlightedText)
    background = opt.palette.color(group, _ROLE.Highlight)
    if contrast(text, background) >= MIN_CONTRAST:
        return text
    black, white = QtGui.QColor(Qt.GlobalColor.black), QtGui.QColor(Qt.GlobalColor.white)
    return max((black, white), key=lambda c: contrast(c, background))


def draw_row_background(
    painter: QtGui.QPainter, opt: QtWidgets.QStyleOptionViewItem
) -> QtGui.QColor:
    """Paint a row's background and return the colour its text must use.

    A selected row gets our own Highlight fill: a style that paints its own
    selection (the Windows ones) would otherwise sit under a text colour
    chosen for another background.  Other rows are the style's (hover)."""
    selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
    if selected:
        painter.fillRect(opt.rect, opt.palette.brush(color_group(opt), _ROLE.Highlight))
    else:
        widget = opt.widget
        style = widget.style() if widget is not None else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return row_text_color(opt, selected)


class ResultDelegate(QtWidgets.QStyledItemDelegate):
    """Two-line rows; the first nine carry the digit that Ctrl+digit sends."""

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, index: _Index) -> QtCore.QSize:
        return QtCore.QSize(200, two_line_height(*row_fonts(option.font)))

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: _Index,
    ) -> None:
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # background and selection only
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        main = draw_row_background(painter, opt)
        dim = QtGui.QColor(main)
        dim.setAlphaF(0.75 if selected else 0.55)

        title_font, small_font = row_fonts(opt.font)
        title_fm = QtGui.QFontMetrics(title_font)
        small_fm = QtGui.QFontMetrics(small_font)
        rect: QtCore.QRect = opt.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        top = QtCore.QRect(rect.left(), rect.top(), rect.width(), title_fm.height())
        bottom = QtCore.QRect(
            rect.left(), top.bottom() + 1 + LINE_GAP, rect.width(), small_fm.height()
        )

        painter.save()
        row = index.row()
        text_left = rect.left() + HINT_WIDTH
        if row < HINTED_ROWS:
            painter.setFont(small_font)
            painter.setPen(dim)
            hint = QtCore.QRect(rect.left(), top.top(), HINT_WIDTH - 4, top.height())
            painter.drawText(hint, _CENTER | _SINGLE, str(row + 1))

        code = str(index.data(ResultsModel.CodeRole) or "")
        code_width = 0
        if code:
            painter.setFont(small_font)
            painter.setPen(dim)
            # +2: advances are fractional, and an exact fit can still elide to "…".
            code_width = min(small_fm.horizontalAdvance(code) + 2, rect.width() // 3)
            code_rect = QtCore.QRect(
                rect.right() - code_width + 1, top.top(), code_width, top.height()
            )
            shown = small_fm.elidedText(code, Qt.TextElideMode.ElideRight, code_width)
            painter.drawText(code_rect, _RIGHT | _SINGLE, shown)
            code_width += CODE_GAP

        if index.data(ResultsModel.SuggestedRole):
            # 建议: drawn as a small tag before the title, in the highlight colour.
            tag = self.tr("建议")
            painter.setFont(small_font)
            accent = main if selected else opt.palette.color(QtGui.QPalette.ColorRole.Highlight)
            painter.setPen(accent)
            tag_width = small_fm.horizontalAdvance(tag) + 6
            painter.drawText(
                QtCore.QRect(text_left, top.top(), tag_width, top.height()), _LEFT | _SINGLE, tag
            )
            text_left += tag_width
        painter.setFont(title_font)
        painter.setPen(main)
        title_width = max(0, rect.right() + 1 - text_left - code_width)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(
            QtCore.QRect(text_left, top.top(), title_width, top.height()),
            _LEFT | _SINGLE,
            title_fm.elidedText(title, Qt.TextElideMode.ElideRight, title_width),
        )

        category = str(index.data(ResultsModel.CategoryRole) or "")
        preview = str(index.data(ResultsModel.PreviewRole) or "")
        second = f"{category}  ·  {preview}" if category and preview else category or preview
        painter.setFont(small_font)
        painter.setPen(dim)
        second_width = max(0, rect.right() + 1 - text_left)
        painter.drawText(
            QtCore.QRect(text_left, bottom.top(), second_width, bottom.height()),
            _LEFT | _SINGLE,
            small_fm.elidedText(second, Qt.TextElideMode.ElideRight, second_width),
        )
        painter.restore()
