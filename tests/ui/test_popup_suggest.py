"""建议 in the picker: a pasted sentence and a copied buyer message find phrases."""

from __future__ import annotations

import pytest

from desktop.core.exchange.seed import open_library
from desktop.core.text.buyer import BuyerContext
from desktop.qt import QPoint, Qt, QtWidgets
from desktop.ui.popup import Popup
from desktop.ui.results_model import ResultsModel
from tests.store_access import raw_connection

pytestmark = pytest.mark.gui

MESSAGE = "亲 在吗？？我的快递到哪了 订单号 321456789012345678"


@pytest.fixture(scope="module")
def library():
    lib = open_library(":memory:")
    yield lib
    lib.close()


@pytest.fixture
def popup(qtbot, library):
    library.set_setting("suggest_clipboard", "on")
    library.suggester.index()  # the app builds it after start
    widget = Popup(library, BuyerContext())
    qtbot.addWidget(widget)
    return widget


def rows(popup: Popup) -> list[tuple[str, bool]]:
    model = popup.results_view.model()
    return [
        (model.data(model.index(r, 0)), bool(model.data(model.index(r, 0), ResultsModel.SuggestedRole)))
        for r in range(model.rowCount())
    ]


def open_with(popup: Popup, qtbot, message: str = "") -> None:
    popup.open_at(QPoint(100, 100), message)
    qtbot.waitExposed(popup)
    qtbot.waitUntil(popup.search_box.hasFocus)


def test_a_pasted_buyer_sentence_never_gives_an_empty_list(popup, qtbot):
    open_with(popup, qtbot)
    popup.search_box.setText("收到的杯子是碎的怎么办")  # as pasted: one term, found nowhere
    shown = rows(popup)
    assert shown and all(suggested for _title, suggested in shown)
    assert "收到问题件" in [t for t, _ in shown[:3]]


def test_suggestions_come_in_when_the_index_is_ready_without_a_pause(popup, qtbot, library):
    """After a change the 建议 index is rebuilt (seconds in a large library): the
    picker answers at once with what search finds and adds 建议 when ready."""
    library.suggester.invalidate()
    open_with(popup, qtbot)
    popup.search_box.setText("收到的杯子是碎的怎么办")
    assert not any(suggested for _title, suggested in rows(popup))  # not waited for
    qtbot.waitUntil(lambda: bool(rows(popup)), timeout=10_000)
    shown = rows(popup)
    assert shown and all(suggested for _title, suggested in shown)
    assert "收到问题件" in [t for t, _ in shown[:3]]


def test_words_that_match_directly_are_not_marked(popup, qtbot):
    open_with(popup, qtbot)
    popup.search_box.setText("fhsj")
    assert rows(popup)[0] == ("发货时间", False)


def test_a_copied_buyer_message_puts_three_suggestions_on_top(popup, qtbot, library):
    open_with(popup, qtbot, MESSAGE)
    shown = rows(popup)
    assert [s for _t, s in shown[:3]] == [True, True, True]
    assert not any(s for _t, s in shown[3:])
    assert "物流查询" in [t for t, _ in shown[:3]]
    label = popup.findChild(QtWidgets.QLabel, "buyerMessage")
    assert label.isVisible() and "我的快递到哪了" in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert not popup.results_view.grab().isNull()  # the 建议 tag paints, selected or not
    popup.results_view.setCurrentIndex(popup.results_view.model().index(1, 0))
    assert not popup.results_view.grab().isNull()


def test_ctrl_1_sends_the_first_suggestion(popup, qtbot, library):
    open_with(popup, qtbot, "在吗 能便宜点吗？？😊")
    first = rows(popup)[0]
    assert first[1] and library.search(first[0], limit=1)[0].category == ("售前", "议价")
    with qtbot.waitSignal(popup.chosen) as blocker:
        qtbot.keyClick(popup.search_box, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert library.get(blocker.args[0]).title == first[0]


def test_the_order_number_in_the_message_fills_the_buyer_context(qtbot, library):
    buyer = BuyerContext()
    widget = Popup(library, buyer)
    qtbot.addWidget(widget)
    widget.open_at(QPoint(100, 100), MESSAGE)
    assert buyer.values()["订单号"] == "321456789012345678"


def test_typing_replaces_the_message_suggestions(popup, qtbot):
    open_with(popup, qtbot, MESSAGE)
    popup.search_box.setText("fhsj")
    assert rows(popup)[0] == ("发货时间", False)


def test_not_a_message_or_turned_off_gives_the_usual_list(popup, qtbot, library):
    open_with(popup, qtbot, "SF1234567890123")
    assert not any(s for _t, s in rows(popup))
    library.set_setting("suggest_clipboard", "off")
    open_with(popup, qtbot, MESSAGE)
    assert not any(s for _t, s in rows(popup))
    assert not popup.findChild(QtWidgets.QLabel, "buyerMessage").isVisible()


def test_sending_a_suggestion_teaches_words_not_the_message(popup, qtbot, library):
    library.suggester.forget()
    open_with(popup, qtbot, "能便宜点吗 张三 13812345678 北京市朝阳区")
    qtbot.waitUntil(lambda: bool(rows(popup)) and rows(popup)[0][1], timeout=10_000)
    with qtbot.waitSignal(popup.chosen):
        qtbot.keyClick(popup.search_box, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    words = [w for (w,) in raw_connection(library).execute("SELECT word FROM suggest_learned")]
    assert words and "便宜点" in words
    assert not any(x in w for w in words for x in ("张三", "138", "北京", "朝阳"))
    library.suggester.forget()


def _clear_button(popup: Popup) -> QtWidgets.QWidget:
    buttons = popup.search_box.findChildren(QtWidgets.QToolButton)
    assert buttons
    return buttons[0]


def test_the_clear_button_hides_when_the_picker_reopens_empty(popup, qtbot):
    open_with(popup, qtbot)
    qtbot.keyClicks(popup.search_box, "fh")
    qtbot.waitUntil(lambda: _clear_button(popup).property("opacity") == 1.0)
    popup.hide()
    popup.open_at(QPoint(100, 100))
    qtbot.waitExposed(popup)
    assert popup.search_box.text() == ""
    # Qt fades the button out (its opacity) rather than hiding the widget.
    qtbot.waitUntil(lambda: _clear_button(popup).property("opacity") == 0.0, timeout=2000)


def test_settings_turn_suggestions_off_and_erase_what_was_learned(qtbot):
    from desktop.ui.settings_dialog import SettingsDialog

    with open_library(":memory:") as lib:
        pid = lib.search("比价回应", limit=1)[0].id
        assert lib.suggester.learn("能便宜点吗", pid)
        dialog = SettingsDialog(lib)
        qtbot.addWidget(dialog)
        assert dialog.suggest_clipboard.isChecked() and dialog.forget.isEnabled()
        dialog.forget.click()
        assert lib.suggester.learned_count() == 0 and not dialog.forget.isEnabled()
        dialog.suggest_clipboard.setChecked(False)
        dialog.accept()
        assert lib.setting("suggest_clipboard") == "off"


def test_our_own_phrase_on_the_clipboard_is_not_taken_for_a_question(popup, qtbot, library):
    pid = library.search("发货时间", limit=1)[0].id
    pasted = library.render(pid, {}).text  # what copy mode leaves on the clipboard
    open_with(popup, qtbot, pasted)
    assert not any(s for _t, s in rows(popup))
    assert not popup.findChild(QtWidgets.QLabel, "buyerMessage").isVisible()
