"""The picker popup, driven by the keys an agent presses."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.core import Library
from desktop.core.text.buyer import BuyerContext
from desktop.qt import QPoint, QRect, Qt, QtCore, QtGui, QtWidgets
from desktop.ui.fill_form import MISSING_PROPERTY
from desktop.ui.popup import FOCUS_GRACE_MS, SIZE, Popup, place_near

pytestmark = pytest.mark.gui

FIXED_NOW = datetime(2024, 5, 6, 10, 30)  # a Monday morning, before the shipping cut-off

PHRASES = [
    # title, body, category, code
    ("发货时间", "{买家昵称|亲}，现在下单{发货日}就能发货哦~", ("售前", "发货"), "fh"),
    (
        "查询物流",
        "您的订单{订单号}已由{快递公司:顺丰/圆通}发出，请留意查收。",
        ("售后", "物流"),
        "wl",
    ),
    (
        "退货地址",
        "亲，退货请寄回：杭州市西湖区xx路1号，订单号{订单号}写在纸条上哦",
        ("售后", "退换货"),
        "thdz",
    ),
    ("包邮说明", "全场满99包邮，偏远地区除外。", ("售前", "活动"), "th"),
    ("欢迎语", "{问候}，欢迎光临{店铺名|本店}，有什么可以帮您？", ("售前",), "hy"),
    ("催付款", "亲，订单{订单号}还没有付款，库存紧张哦\n\n早付早发货！", ("售前", "催付"), "cf"),
    ("粗体测试", "<b>粗体</b><img src=x>", ("其他",), "html"),
    ("感谢好评", "感谢{买家昵称|亲}的支持，期待再次光临！", ("售后",), "hp"),
]

PINNED = ("欢迎语", "发货时间", "感谢好评")  # what an empty query shows, in library order


@pytest.fixture
def phrases(lib: Library) -> dict[str, str]:
    """The sample phrases added to the empty library; maps title → id."""
    ids = {}
    for title, body, category, code in PHRASES:
        ids[title] = lib.add(title, body, category, code=code, pinned=title in PINNED).id
    return ids


@pytest.fixture
def buyer() -> BuyerContext:
    return BuyerContext()


@pytest.fixture
def popup(qtbot, lib, phrases, buyer) -> Popup:
    widget = Popup(lib, buyer, now=lambda: FIXED_NOW)
    qtbot.addWidget(widget)
    widget.open_at(QPoint(100, 100))
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.search_box.hasFocus)
    return widget


def titles(popup: Popup) -> list[str]:
    model = popup.results_view.model()
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def current_title(popup: Popup) -> str:
    return popup.results_view.currentIndex().data()


def ime(widget: QtWidgets.QWidget, preedit: str = "", commit: str = "") -> None:
    event = QtGui.QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QtWidgets.QApplication.sendEvent(widget, event)


# ----- searching and moving -------------------------------------------------------
def test_empty_query_shows_pinned_with_first_row_selected(popup):
    assert titles(popup) == ["欢迎语", "发货时间", "感谢好评"]
    assert current_title(popup) == "欢迎语"
    assert popup.search_box.placeholderText() == "搜索：汉字 / 拼音 / 首字母 / 编码"


def test_typing_filters_and_selects_the_first_row(popup, qtbot):
    qtbot.keyClicks(popup.search_box, "fh")
    assert titles(popup)[0] == "发货时间"
    assert current_title(popup) == "发货时间"


def test_exact_code_comes_before_initials(popup, qtbot):
    qtbot.keyClicks(popup.search_box, "th")  # 包邮说明 has code th; 退货地址 starts with t-h
    assert titles(popup)[:2] == ["包邮说明", "退货地址"]


def test_no_match_says_so(popup, qtbot):
    qtbot.keyClicks(popup.search_box, "zzzzqqq")
    assert titles(popup) == []
    assert popup.preview.toPlainText() == ""
    assert "没有找到" in popup.status_label.text()


def test_arrows_and_pages_move_the_selection_while_typing_continues(popup, qtbot):
    search = popup.search_box
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert current_title(popup) == "发货时间"
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(search, Qt.Key.Key_Down)  # stops at the last row
    assert current_title(popup) == "感谢好评"
    qtbot.keyClick(search, Qt.Key.Key_Up)
    assert current_title(popup) == "发货时间"
    qtbot.keyClick(search, Qt.Key.Key_PageUp)
    assert current_title(popup) == "欢迎语"
    qtbot.keyClick(search, Qt.Key.Key_PageDown)
    assert current_title(popup) == "感谢好评"
    assert search.hasFocus()


def test_refresh_keeps_the_selection_and_shows_new_phrases(popup, qtbot, lib):
    qtbot.keyClick(popup.search_box, Qt.Key.Key_Down)
    lib.add("新的置顶", "新内容", ("售前",), pinned=True)
    popup.refresh()
    assert "新的置顶" in titles(popup)
    assert current_title(popup) == "发货时间"


# ----- choosing ---------------------------------------------------------------------
def test_enter_emits_the_rendered_text_and_hides(popup, qtbot, lib, phrases):
    qtbot.keyClicks(popup.search_box, "fh")
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Return)
    assert blocker.args == [phrases["发货时间"], "亲，现在下单今天就能发货哦~"]
    assert not popup.isVisible()


def test_preview_shows_the_text_as_it_will_be_sent(popup, qtbot, lib, phrases):
    qtbot.keyClicks(popup.search_box, "cf")
    assert popup.preview.toPlainText() == lib.get(phrases["催付款"]).body  # {订单号} as typed
    popup.form.editor("订单号").setText("555")
    assert popup.preview.toPlainText().startswith("亲，订单555还没有付款")


def test_ctrl_digit_chooses_the_nth_row(popup, qtbot, phrases):
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.search_box, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0] == phrases["感谢好评"]
    assert blocker.args[1] == "感谢亲的支持，期待再次光临！"


def test_ctrl_digit_beyond_the_list_does_nothing(popup, qtbot):
    with qtbot.assertNotEmitted(popup.chosen):
        qtbot.keyClick(popup.search_box, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert popup.isVisible()


def test_double_click_chooses(popup, qtbot, phrases):
    view = popup.results_view
    rect = view.visualRect(view.model().index(1, 0))
    with qtbot.waitSignal(popup.chosen) as blocker:
        # QTest sends only the double-click event; a real one starts with a press.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0] == phrases["发货时间"]


def test_click_then_enter_chooses_the_clicked_row(popup, qtbot, phrases):
    view = popup.results_view
    rect = view.visualRect(view.model().index(2, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert current_title(popup) == "感谢好评"
    assert popup.search_box.hasFocus()
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Enter)
    assert blocker.args[0] == phrases["感谢好评"]


def test_escape_dismisses_and_hides(popup, qtbot):
    with qtbot.assertNotEmitted(popup.chosen), qtbot.waitSignal(popup.dismissed):
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_open_again_starts_with_an_empty_query(popup, qtbot):
    qtbot.keyClicks(popup.search_box, "cf")
    qtbot.keyClick(popup.search_box, Qt.Key.Key_Escape)
    popup.open_at(QPoint(50, 50))
    assert popup.search_box.text() == ""
    assert titles(popup) == ["欢迎语", "发货时间", "感谢好评"]


# ----- input method -----------------------------------------------------------------
def test_enter_while_composing_sends_nothing_until_committed(popup, qtbot):
    search = popup.search_box
    ime(search, preedit="fa")
    assert popup.composing
    with qtbot.assertNotEmitted(popup.chosen):
        qtbot.keyClick(search, Qt.Key.Key_Return)
        qtbot.keyClick(search, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert popup.isVisible()
    ime(search, commit="发")
    assert not popup.composing
    assert search.text() == "发"
    assert current_title(popup) == "发货时间"
    with qtbot.waitSignal(popup.chosen):
        qtbot.keyClick(search, Qt.Key.Key_Return)


def test_cancelled_composition_unblocks_enter(popup, qtbot):
    ime(popup.search_box, preedit="fa")
    ime(popup.search_box)  # preedit cleared without a commit
    with qtbot.waitSignal(popup.chosen):
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Return)


def test_composing_in_a_form_field_blocks_enter(popup, qtbot):
    qtbot.keyClicks(popup.search_box, "cf")
    field = popup.form.editor("订单号")
    field.setText("123")
    ime(field, preedit="dan")
    with qtbot.assertNotEmitted(popup.chosen):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    ime(field, commit="")
    with qtbot.waitSignal(popup.chosen):
        qtbot.keyClick(field, Qt.Key.Key_Return)


# ----- filling in -------------------------------------------------------------------
def test_missing_required_field_refuses_and_focuses_it(popup, qtbot):
    qtbot.keyClicks(popup.search_box, "cf")
    assert popup.form.isVisible()
    with qtbot.assertNotEmitted(popup.chosen):
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Return)
    assert popup.isVisible()
    assert popup.status_label.text() == "请先填写：订单号"
    field = popup.form.editor("订单号")
    qtbot.waitUntil(field.hasFocus)
    assert field.property(MISSING_PROPERTY) is True


def test_filled_field_is_sent_and_remembered_for_the_buyer(popup, qtbot, buyer, lib, phrases):
    qtbot.keyClicks(popup.search_box, "cf")
    qtbot.keyClick(popup.search_box, Qt.Key.Key_Return)  # refused; cursor now in 订单号
    field = popup.form.editor("订单号")
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "2024050612345678")
    assert popup.status_label.text() != "请先填写：订单号"
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "订单2024050612345678还没有付款" in blocker.args[1]
    assert buyer.get("订单号") == "2024050612345678"
    assert buyer.get("买家昵称") == ""  # the fallback 亲 is not the buyer's name

    popup.open_at(QPoint(100, 100))
    qtbot.keyClicks(popup.search_box, "thdz")  # the next phrase reuses the number
    assert popup.form.editor("订单号").text() == "2024050612345678"
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Return)
    assert "订单号2024050612345678写在" in blocker.args[1]


def test_choice_default_is_sent(popup, qtbot, buyer):
    buyer.set("订单号", "88")
    qtbot.keyClicks(popup.search_box, "wl")
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Return)
    assert blocker.args[1] == "您的订单88已由顺丰发出，请留意查收。"
    assert buyer.get("快递公司") == ""  # the default was not a decision about this buyer


def test_changed_choice_is_sent_and_remembered(popup, qtbot, buyer):
    buyer.set("订单号", "88")
    qtbot.keyClicks(popup.search_box, "wl")
    combo = popup.form.editor("快递公司")
    assert isinstance(combo, QtWidgets.QComboBox)
    combo.setCurrentIndex(1)
    assert "圆通" in popup.preview.toPlainText()
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Return)
    assert blocker.args[1] == "您的订单88已由圆通发出，请留意查收。"
    assert buyer.get("快递公司") == "圆通"


def test_enter_in_a_choice_box_chooses(popup, qtbot, buyer):
    buyer.set("订单号", "88")
    qtbot.keyClicks(popup.search_box, "wl")
    qtbot.keyClick(popup.search_box, Qt.Key.Key_Tab)
    order = popup.form.editor("订单号")
    qtbot.waitUntil(order.hasFocus)
    assert order.text() == "88"  # known for this buyer, shown so it can be corrected
    qtbot.keyClick(order, Qt.Key.Key_Tab)
    combo = popup.form.editor("快递公司")
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # in a choice box the arrows pick an option
    assert combo.currentText() == "圆通"
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert blocker.args[1] == "您的订单88已由圆通发出，请留意查收。"
    assert combo.count() == 2


def test_tab_goes_into_the_form_and_shift_tab_back(popup, qtbot):
    qtbot.keyClicks(popup.search_box, "cf")
    qtbot.keyClick(popup.search_box, Qt.Key.Key_Tab)
    field = popup.form.editor("订单号")
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(popup.search_box.hasFocus)


def test_form_is_hidden_for_phrases_without_fields(popup, qtbot):
    qtbot.keyClicks(popup.search_box, "html")
    assert not popup.form.isVisible()


# ----- plain text only --------------------------------------------------------------
def test_markup_is_shown_literally_everywhere(popup, qtbot, phrases):
    qtbot.keyClicks(popup.search_box, "html")
    assert current_title(popup) == "粗体测试"
    assert popup.preview.toPlainText() == "<b>粗体</b><img src=x>"
    assert popup.findChildren(QtWidgets.QTextEdit) == []
    labels = popup.findChildren(QtWidgets.QLabel)
    assert labels and all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in labels)
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.search_box, Qt.Key.Key_Return)
    assert blocker.args[1] == "<b>粗体</b><img src=x>"


# ----- placement and focus ----------------------------------------------------------
def test_open_near_the_bottom_right_corner_stays_on_screen(popup):
    area = QtGui.QGuiApplication.primaryScreen().availableGeometry()
    popup.open_at(QPoint(area.right() - 3, area.bottom() - 3))
    assert area.contains(popup.frameGeometry())
    assert popup.width() <= SIZE.width() and popup.height() <= SIZE.height()


@pytest.mark.parametrize(
    ("pos", "expected"),
    [
        (QPoint(100, 100), QRect(112, 112, 560, 420)),  # below-right of the pointer
        (QPoint(3190, 1000), QRect(2618, 568, 560, 420)),  # flipped left and up
        (QPoint(1925, 5), QRect(1937, 17, 560, 420)),  # second screen, top-left
    ],
)
def test_place_near(pos, expected):
    area = QRect(0, 0, 1920, 1040) if pos.x() < 1920 else QRect(1920, 0, 1280, 1024)
    assert place_near(pos, SIZE, area) == expected


def test_place_near_shrinks_to_a_small_screen():
    area = QRect(0, 0, 400, 300)
    assert place_near(QPoint(200, 150), SIZE, area) == area


def test_activating_another_window_dismisses(popup, qtbot):
    other = QtWidgets.QWidget()
    qtbot.addWidget(other)
    qtbot.wait(FOCUS_GRACE_MS + 20)  # the agent looks at it, then clicks elsewhere
    with qtbot.waitSignal(popup.dismissed):
        other.show()
        other.activateWindow()
    assert not popup.isVisible()


def test_combo_drop_down_does_not_dismiss(popup, qtbot, buyer):
    buyer.set("订单号", "1")
    qtbot.keyClicks(popup.search_box, "wl")
    combo = popup.form.editor("快递公司")
    with qtbot.assertNotEmitted(popup.dismissed, wait=50):
        combo.showPopup()
        qtbot.wait(20)
        combo.hidePopup()
    assert popup.isVisible()


def test_status_hint_names_the_keys(popup):
    text = popup.status_label.text()
    assert "Enter" in text and "Esc" in text


def test_window_flags(popup):
    flags = popup.windowFlags()
    for flag in (
        Qt.WindowType.Tool,
        Qt.WindowType.FramelessWindowHint,
        Qt.WindowType.WindowStaysOnTopHint,
    ):
        assert flags & flag


def test_qt_model_tester_on_the_popup_model(popup, qtmodeltester, qtbot):
    qtmodeltester.check(popup.results_view.model())
    qtbot.keyClicks(popup.search_box, "f")
    assert QtCore.QModelIndex() != popup.results_view.currentIndex()
