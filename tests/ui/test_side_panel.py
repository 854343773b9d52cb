"""The side panel: a click pastes through the paste service, without ever taking focus."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.text.buyer import BuyerContext
from desktop.platform.fake import FakeFocus, FakeKeystroke
from desktop.qt import QRect, Qt, QtCore, QtGui, QtWidgets
from desktop.ui.paste import PasteService
from desktop.ui.side_panel import STRIP_WIDTH, WIDTH, SidePanel, dock_rect
from desktop.ui.side_panel_list import PREVIEW_ROLE, plain_tooltip
from desktop.ui.side_panel_tree import FREQUENT

pytestmark = pytest.mark.gui

CHAT = 7001
FIXED_NOW = datetime(2024, 5, 6, 10, 30)
BOLD_BODY = "<b>粗体</b> & <img src=x>\n第二行"


class FakePaste:
    """Records what the panel asked of the paste service, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def remember_target(self) -> None:
        self.calls.append(("remember_target",))

    def deliver(self, phrase_id: str, text: str) -> None:
        self.calls.append(("deliver", phrase_id, text))


@pytest.fixture
def ids(lib: Library) -> dict[str, str]:
    return {
        "问好": lib.add("问好", "亲，您好！有什么可以帮您？", ("售前",), pinned=True).id,
        "称呼": lib.add("称呼", "{买家昵称|亲}，在的", ("售前", "迎接")).id,
        "查订单": lib.add("查订单", "您的订单{订单号}已发出", ("售后",)).id,
        "粗体": lib.add("粗体", BOLD_BODY, ("其他",)).id,
    }


@pytest.fixture
def buyer() -> BuyerContext:
    return BuyerContext()


@pytest.fixture
def fake_paste() -> FakePaste:
    return FakePaste()


@pytest.fixture
def panel(qtbot, lib, ids, buyer, fake_paste) -> SidePanel:
    widget = SidePanel(lib, buyer, fake_paste, now=lambda: FIXED_NOW)
    qtbot.addWidget(widget)
    widget.show_docked()
    qtbot.waitExposed(widget)
    return widget


def titles(panel: SidePanel) -> list[str]:
    return [p.title for p in panel.model.phrases()]


def click_title(qtbot, panel: SidePanel, title: str) -> None:
    view = panel.phrase_view
    row = titles(panel).index(title)
    rect = view.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose(panel: SidePanel, path: tuple[str, ...]) -> None:
    panel.category_picker.select(path)


def available() -> QRect:
    return QtGui.QGuiApplication.primaryScreen().availableGeometry()


# ----- never taking focus -------------------------------------------------------------
def test_a_hidden_panel_reads_nothing_until_it_is_shown(qtbot, lib, ids, buyer, fake_paste):
    """Made at start but hidden: it must not build the search index before the
    tray is up (seconds at 100,000 phrases); shown, it lists the phrases."""
    widget = SidePanel(lib, buyer, fake_paste, now=lambda: FIXED_NOW)
    qtbot.addWidget(widget)
    lib.add("后来加的", "隐藏时加的话术", ("售前",), pinned=True)
    widget.refresh()  # the library changed while hidden
    assert widget.model.rowCount() == 0
    widget.show_docked()
    assert "问好" in titles(widget) and "后来加的" in titles(widget)


def test_the_panel_is_a_tool_window_that_never_takes_focus(panel):
    flags = panel.windowFlags()
    for flag in (Qt.WindowType.Tool, Qt.WindowType.WindowStaysOnTopHint,
                 Qt.WindowType.WindowDoesNotAcceptFocus):  # fmt: skip
        assert flags & flag == flag
    assert panel.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert panel.testAttribute(Qt.WidgetAttribute.WA_AlwaysShowToolTips)
    # The offscreen platform activates every window it shows, so the native
    # hint is checked here; a real window manager honours it (checked under Xvfb).
    assert panel.windowHandle().flags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert panel.phrase_view.focusPolicy() == Qt.FocusPolicy.NoFocus


# ----- clicking -------------------------------------------------------------------------
def test_a_click_remembers_the_chat_window_then_delivers_the_rendered_text(
    panel, qtbot, ids, fake_paste
):
    assert titles(panel)[0] == "问好"  # 常用: pinned first
    click_title(qtbot, panel, "问好")
    assert fake_paste.calls == [
        ("remember_target",),
        ("deliver", ids["问好"], "亲，您好！有什么可以帮您？"),
    ]


def test_a_click_pastes_into_the_chat_window_through_the_real_pipeline(qtbot, lib, ids, buyer):
    board = QtGui.QGuiApplication.clipboard()
    board.setText("agent's own text")
    focus = FakeFocus(active=CHAT)
    seen: list[str] = []
    keys = FakeKeystroke(on_paste=lambda: seen.append(board.text()))
    service = PasteService(board, focus, keys, mode=lambda: "paste", restore_delay_ms=lambda: 30)
    widget = SidePanel(lib, buyer, service, now=lambda: FIXED_NOW)
    service.setParent(widget)  # as in the app: Qt owns it, so it goes with the panel
    qtbot.addWidget(widget)
    widget.show_docked()
    qtbot.waitExposed(widget)
    choose(widget, ("售前",))
    with qtbot.waitSignal(service.delivered, timeout=3000) as blocker:
        click_title(qtbot, widget, "称呼")
    assert blocker.args == [ids["称呼"]]
    assert seen == ["亲，在的"]
    assert focus.activated == [CHAT]
    qtbot.waitUntil(lambda: not service.busy(), timeout=3000)
    assert board.text() == "agent's own text"


def test_a_required_field_asks_for_input_instead_of_pasting(panel, qtbot, ids, fake_paste):
    choose(panel, ("售后",))
    with qtbot.waitSignal(panel.needs_input) as blocker:
        click_title(qtbot, panel, "查订单")
    assert blocker.args == [ids["查订单"]]
    assert fake_paste.calls == []


def test_a_known_buyer_value_fills_the_field_so_the_click_pastes(
    panel, qtbot, ids, buyer, fake_paste
):
    buyer.set("订单号", "1234567890123456789")
    choose(panel, ("售后",))
    with qtbot.assertNotEmitted(panel.needs_input):
        click_title(qtbot, panel, "查订单")
    assert fake_paste.calls[-1] == ("deliver", ids["查订单"], "您的订单1234567890123456789已发出")


def test_a_double_click_sends_the_reply_once(panel, qtbot, fake_paste):
    view = panel.phrase_view
    clicks: list[int] = []
    view.clicked.connect(lambda index: clicks.append(index.row()))
    centre = view.visualRect(panel.model.index(0, 0)).center()
    for _ in range(2):  # a double click reaches the view as two clicks
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert clicks == [0, 0]
    assert [c[0] for c in fake_paste.calls].count("deliver") == 1


# ----- categories -------------------------------------------------------------------------
def test_categories_choose_the_phrases_shown(panel, lib):
    picker = panel.category_picker
    assert picker.current_path() == FREQUENT
    top = [picker.topLevelItem(i).text(0) for i in range(picker.topLevelItemCount())]
    assert top == ["常用", "售前", "售后", "其他"]
    choose(panel, ("售前",))
    assert titles(panel) == ["问好", "称呼"]  # a category shows its subcategories' phrases too
    choose(panel, ("售前", "迎接"))
    assert titles(panel) == ["称呼"]
    lib.add("新话术", "新的内容", ("售前", "迎接"))
    panel.refresh()
    assert picker.current_path() == ("售前", "迎接")
    assert titles(panel) == ["称呼", "新话术"]


# ----- hover text ----------------------------------------------------------------------------
def test_tooltip_is_the_full_text_as_plain_text(panel, qtbot):
    choose(panel, ("其他",))
    tip = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == plain_tooltip(BOLD_BODY)
    assert "<b>" not in tip and "&lt;b&gt;" in tip
    doc = QtGui.QTextDocument()
    doc.setHtml(tip)
    assert doc.toPlainText() == BOLD_BODY  # what the agent reads is what the buyer gets


def test_hovering_shows_the_tooltip_even_though_the_panel_is_not_active(panel, qtbot):
    choose(panel, ("其他",))
    view = panel.phrase_view
    pos = view.visualRect(panel.model.index(0, 0)).center()
    event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QtWidgets.QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QtWidgets.QToolTip.isVisible, timeout=2000)
    assert QtWidgets.QToolTip.text() == plain_tooltip(BOLD_BODY)
    QtWidgets.QToolTip.hideText()


def test_tooltip_shows_the_buyer_values_a_click_would_send(panel, buyer):
    buyer.set("买家昵称", "小<i>明")
    choose(panel, ("售前", "迎接"))
    tip = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == plain_tooltip("小<i>明，在的")


# ----- docking and collapsing -------------------------------------------------------------
def test_docks_full_height_on_the_right_by_default(panel):
    area = available()
    assert panel.side == "right"
    assert panel.geometry() == QRect(area.right() + 1 - WIDTH, area.top(), WIDTH, area.height())


def test_collapse_to_a_thin_strip_and_expand_again(panel, qtbot):
    area = available()
    panel.collapse()
    assert panel.collapsed and panel.strip.isVisible()
    assert panel.geometry() == QRect(
        area.right() + 1 - STRIP_WIDTH, area.top(), STRIP_WIDTH, area.height()
    )
    assert not panel.phrase_view.isVisible()
    qtbot.mouseClick(panel.strip, Qt.MouseButton.LeftButton)
    assert not panel.collapsed and not panel.strip.isVisible()
    assert panel.geometry().width() == WIDTH and panel.phrase_view.isVisible()


def test_docking_side_is_remembered(panel, qtbot, lib, buyer, fake_paste):
    panel.toggle_side()
    area = available()
    assert panel.side == "left" and lib.setting("panel_side") == "left"
    assert panel.geometry() == QRect(area.left(), area.top(), WIDTH, area.height())
    again = SidePanel(lib, buyer, fake_paste)
    qtbot.addWidget(again)
    again.show_docked()
    assert again.side == "left" and again.geometry().left() == area.left()
    again.collapse()
    assert again.geometry() == QRect(area.left(), area.top(), STRIP_WIDTH, area.height())


def test_dock_rect_never_exceeds_the_area():
    area = QRect(100, 20, 200, 500)
    assert dock_rect(area, "right", 260) == QRect(100, 20, 200, 500)
    assert dock_rect(area, "left", 18) == QRect(100, 20, 18, 500)
    assert dock_rect(area, "right", 18) == QRect(282, 20, 18, 500)


def test_close_button_hides_and_says_so(panel, qtbot):
    close = next(b for b in panel.findChildren(QtWidgets.QToolButton) if b.text() == "×")
    with qtbot.waitSignal(panel.closed):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()


def test_rows_paint_the_title_and_a_one_line_preview(panel):
    choose(panel, ("其他",))
    index = panel.model.index(0, 0)
    assert index.data() == "粗体"
    assert index.data(PREVIEW_ROLE) == "<b>粗体</b> & <img src=x> 第二行"
    assert not panel.grab().toImage().isNull()


# ----- wired into the app ------------------------------------------------------------------
@pytest.fixture
def world(qtbot, tmp_path):
    from desktop.app import QuickReplyApp
    from desktop.platform.base import Platform
    from desktop.platform.fake import FakeHotkey

    library = open_library(tmp_path / "lib.db")
    board = QtWidgets.QApplication.clipboard()
    seen: list[str] = []
    keys = FakeKeystroke(on_paste=lambda: seen.append(board.text()))
    platform = Platform("fake", FakeHotkey(), FakeFocus(active=CHAT), keys)
    app = QuickReplyApp(library, platform)
    app.start()
    yield app, platform, seen
    app.popup.hide()
    app.shutdown()


def test_tray_toggles_the_panel_and_its_close_button_unticks_the_tray(world, qtbot):
    app, _, _ = world
    assert not app.side_panel.isVisible()
    app.tray.panel_action.trigger()
    assert app.side_panel.isVisible() and app.tray.panel_action.isChecked()
    close = next(b for b in app.side_panel.findChildren(QtWidgets.QToolButton) if b.text() == "×")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not app.side_panel.isVisible() and not app.tray.panel_action.isChecked()


def test_a_panel_click_pastes_into_the_chat_and_counts_the_use(world, qtbot):
    app, platform, seen = world
    app.tray.panel_action.trigger()
    panel = app.side_panel
    choose(panel, ("售中", "发货时间"))
    phrase = next(p for p in panel.model.phrases() if not app.library.render(p.id).missing)
    with qtbot.waitSignal(app.paste.delivered, timeout=3000):
        click_title(qtbot, panel, phrase.title)
    assert seen == [app.library.render(phrase.id).text]
    assert platform.focus.activated[-1] == CHAT
    assert app.library.use_count(phrase.id) == 1


def test_a_phrase_needing_input_opens_the_popup_form_on_it(world, qtbot):
    app, _, seen = world
    pid = app.library.add("查订单测试", "您的订单{订单号}已发出", ("售后",), code="cddcs").id
    app.tray.panel_action.trigger()
    panel = app.side_panel
    choose(panel, ("售后",))
    click_title(qtbot, panel, "查订单测试")
    assert app.popup.isVisible() and seen == []
    assert app.paste.target() == CHAT  # remembered before the popup took focus
    assert app.popup.search_box.text() == "cddcs"
    view = app.popup.results_view
    assert view.model().phrase(view.currentIndex().row()).id == pid
    editor = app.popup.form.editor("订单号")
    assert editor is not None and editor.property("missing") is True
    editor.setText("1234567890123456")
    with qtbot.waitSignal(app.paste.delivered, timeout=3000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == [pid]
    assert seen == ["您的订单1234567890123456已发出"]


def test_tray_opens_the_statistics(world):
    app, _, _ = world
    app.tray.stats_action.trigger()
    assert any(type(d).__name__ == "StatsDialog" for d in app._dialogs)
    for dialog in list(app._dialogs):
        dialog.close()


def test_a_copied_buyer_message_fills_the_suggestions_section(qtbot, lib, buyer, fake_paste):
    from desktop.core.exchange.seed import seed_default_library

    seed_default_library(lib)
    widget = SidePanel(lib, buyer, fake_paste, now=lambda: FIXED_NOW)
    qtbot.addWidget(widget)
    widget.show_docked()
    qtbot.waitExposed(widget)
    view = widget.suggestion_view
    assert not view.isVisible()
    widget.set_message("在吗 能便宜点吗？？")
    qtbot.waitUntil(view.isVisible, timeout=10_000)  # the index was being built after the seeding
    model = view.model()
    first = model.phrase(0)
    assert first is not None and first.category == ("售前", "议价") and model.rowCount() <= 3
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0, 0)).center())
    assert fake_paste.calls[-1][:2] == ("deliver", first.id)
    assert lib.suggester.learned_count() > 0
    widget.set_message("SF1234567890123")
    assert not view.isVisible()
