"""Selected rows stay readable under every style and palette (issue 11, finding 11).

Under the Windows style the popup showed white text on light grey: the row's
background came from one colour group (Inactive: a light grey selection) and
its text from another (Active: white).  Rows are rendered for real and the
contrast measured between the painted background and the darkest/lightest
pixel of the title.
"""

from __future__ import annotations

import pytest

from desktop.qt import Qt, QtGui, QtWidgets
from desktop.ui.result_delegate import ResultDelegate, contrast
from desktop.ui.results_model import ResultsModel

pytestmark = pytest.mark.gui
G, R = QtGui.QPalette.ColorGroup, QtGui.QPalette.ColorRole


def windows_palette(style: QtWidgets.QStyle, vista_like: bool = False) -> QtGui.QPalette:
    """Windows 10's colours: a blue selection when active, light grey when not; the
    vista style also sets HighlightedText to Text in item views."""
    palette = style.standardPalette()
    palette.setColor(G.Active, R.Highlight, QtGui.QColor("#0078d7"))
    palette.setColor(G.Active, R.HighlightedText, QtGui.QColor("#000000" if vista_like else "#ffffff"))
    palette.setColor(G.Inactive, R.Highlight, QtGui.QColor("#f0f0f0"))
    palette.setColor(G.Inactive, R.HighlightedText, QtGui.QColor("#000000"))
    return palette


def selected_row_contrast(qtbot, lib, style_name, palette_of, active, delegate_of=ResultDelegate):
    style = QtWidgets.QStyleFactory.create(style_name)
    assert style is not None, style_name
    window = QtWidgets.QWidget()
    qtbot.addWidget(window)
    window.setStyle(style)
    layout = QtWidgets.QVBoxLayout(window)
    view = QtWidgets.QListView(window)
    layout.addWidget(view)
    view.setStyle(style)
    view.setPalette(palette_of(style))
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as in the popup: the cursor stays in the search box
    for n in range(3):
        lib.add(f"发货时间说明{n}", "亲，现在下单今天就能发货哦", ("售前", "发货"), code=f"fh{n}")
    model = ResultsModel(view)
    model.set_phrases(lib.search("fh", limit=5))
    view.setModel(model)
    view.setItemDelegate(delegate_of(view))
    view.setCurrentIndex(model.index(0, 0))
    window.resize(420, 300)
    window.show()
    qtbot.waitExposed(window)
    other = QtWidgets.QWidget()
    qtbot.addWidget(other)
    if active:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=1000)
    else:  # the side panel, or the popup before Windows hands it the foreground
        other.show()
        other.activateWindow()
        qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=1000)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(model.index(0, 0))
    background = image.pixelColor(rect.left() + 2, rect.top() + 2)
    title = [
        image.pixelColor(x, y)
        for x in range(rect.left() + 28, rect.left() + 200)
        for y in range(rect.top() + 4, rect.top() + rect.height() // 2)
    ]
    return max(contrast(c, background) for c in title)


@pytest.mark.parametrize("style_name", ["Fusion", "Windows"])
@pytest.mark.parametrize("active", [True, False], ids=["active", "inactive"])
@pytest.mark.parametrize("vista_like", [False, True], ids=["windows-palette", "vista-palette"])
def test_selected_row_text_is_readable(qtbot, lib, style_name, active, vista_like):
    ratio = selected_row_contrast(
        qtbot, lib, style_name, lambda s: windows_palette(s, vista_like), active
    )
    assert ratio >= 4.5, f"{style_name}: contrast {ratio:.2f}"


@pytest.mark.parametrize("style_name", ["Fusion", "Windows"])
def test_the_styles_own_palette_is_readable(qtbot, lib, style_name):
    ratio = selected_row_contrast(qtbot, lib, style_name, lambda s: s.standardPalette(), True)
    assert ratio >= 3.0, f"{style_name}: contrast {ratio:.2f}"  # bold title: WCAG's large-text bar


@pytest.mark.parametrize("style_name", ["Fusion", "Windows"])
def test_the_side_panel_rows_too(qtbot, lib, style_name):
    from desktop.ui.side_panel_list import PanelDelegate

    ratio = selected_row_contrast(
        qtbot, lib, style_name, windows_palette, False, delegate_of=PanelDelegate
    )
    assert ratio >= 4.5, f"{style_name}: contrast {ratio:.2f}"
