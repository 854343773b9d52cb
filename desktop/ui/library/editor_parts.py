"""Pieces of the phrase editor: the insert-field menu, the lint list and the
sample values the preview renders with.

Split out so the editor itself is only about loading, dirtiness and saving.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from desktop.core import Library
from desktop.core.store.settings import STORE_VARIABLES
from desktop.core.text.buyer import FIELDS as BUYER_FIELDS
from desktop.core.text.lint import Finding
from desktop.core.text.template import BUILTINS
from desktop.qt import Qt, QtCore, QtGui, QtWidgets
from desktop.ui.i18n import says

#: What the preview fills in for the buyer: obviously made up, never real data.
SAMPLE_BUYER = {
    "买家昵称": "小王",
    "订单号": "3141592653589793238",
    "商品": "纯棉T恤",
    "快递公司": "顺丰",
    "运单号": "SF1409876543210",
}
SAMPLE_STORE = {"店铺名": "示例旗舰店", "客服名": "小林"}
_LEVEL_COLOURS = {"error": "#c5221f", "warning": "#b06000", "info": "#1a5fb4"}


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("PhraseEditor", text)


W = TypeVar("W", bound=QtWidgets.QWidget)


def named(widget: W, name: str, style: str = "") -> W:
    """Give a widget an object name (for style sheets and tests) and its style."""
    widget.setObjectName(name)
    if style:
        widget.setStyleSheet(f"#{name} {{ {style} }}")
    return widget


def plain_label(name: str, *, wrap: bool = True, style: str = "") -> QtWidgets.QLabel:
    """A label that never interprets its text as rich text (notes are data)."""
    label = named(QtWidgets.QLabel(), name, style)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def sample_values(lib: Library) -> dict[str, str]:
    """Buyer samples, then the store's own variables (sample names where unset)."""
    values = dict(SAMPLE_BUYER)
    values.update(SAMPLE_STORE)
    values.update(lib.store_values())
    return values


def field_menu(
    lib: Library, parent: QtWidgets.QWidget, insert: Callable[[str], None]
) -> QtWidgets.QMenu:
    """Known placeholder names by source; choosing one inserts ``{name}``."""
    menu = QtWidgets.QMenu(parent)

    def section(title: str, names: Iterable[str]) -> None:
        menu.addSection(title)
        for name in names:
            action = menu.addAction("{" + name + "}")
            action.triggered.connect(lambda _=False, n=name: insert("{" + n + "}"))

    def fill() -> None:
        menu.clear()
        section(tr("当前买家"), BUYER_FIELDS)
        store = list(STORE_VARIABLES) + [k for k in lib.store_values() if k not in STORE_VARIABLES]
        section(tr("店铺变量"), store)
        section(tr("内置（发送时计算）"), BUILTINS)

    menu.aboutToShow.connect(fill)
    fill()
    return menu


class LintList(QtWidgets.QListWidget):
    """Findings one per line; clicking one selects the offending text in the body."""

    def __init__(
        self, select: Callable[[int, int], None], parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._select = select
        self.setObjectName("lintList")
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.itemClicked.connect(self._on_click)

    def show_findings(self, findings: list[Finding]) -> None:
        self.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        for f in findings:
            where = tr("标题") if f.start < 0 else tr("「%1」").replace("%1", f.match[:12])
            item = QtWidgets.QListWidgetItem(
                icons.get(f.level, QtGui.QIcon()), f"{where} {says(f.message)}"
            )
            item.setForeground(QtGui.QColor(_LEVEL_COLOURS.get(f.level, "#202020")))
            item.setData(Qt.ItemDataRole.UserRole, (f.start, f.end))
            self.addItem(item)
        self.setVisible(bool(findings))
        rows = min(len(findings), 4)
        self.setFixedHeight(max(1, rows) * (self.fontMetrics().height() + 8) + 6)

    def _on_click(self, item: QtWidgets.QListWidgetItem) -> None:
        start, end = item.data(Qt.ItemDataRole.UserRole)
        if start >= 0:
            self._select(start, end)


def qt_pos(text: str, index: int) -> int:
    """A Python string index as a Qt text position (Qt counts UTF-16 units: 😀 is two)."""
    return len(text[:index].encode("utf-16-le")) // 2


def underline(body: QtWidgets.QPlainTextEdit, findings: list[Finding]) -> None:
    """Wavy underlines under the spans the linter points at, as a spell checker does."""
    text = body.toPlainText()
    selections = []
    for f in findings:
        if f.start < 0 or f.level == "info" and f.rule == "too-long":
            continue
        sel = QtWidgets.QTextEdit.ExtraSelection()
        fmt = QtGui.QTextCharFormat()
        fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QtGui.QColor(_LEVEL_COLOURS.get(f.level, "#b06000")))
        sel.format = fmt  # type: ignore[attr-defined]
        cursor = QtGui.QTextCursor(body.document())
        cursor.setPosition(qt_pos(text, f.start))
        cursor.setPosition(qt_pos(text, f.end), QtGui.QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor  # type: ignore[attr-defined]
        selections.append(sel)
    body.setExtraSelections(selections)
