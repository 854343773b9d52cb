"""The fill-in form: which fields it shows, what it returns, how it flags gaps."""

from __future__ import annotations

import pytest

from desktop.qt import Qt, QtWidgets
from desktop.ui.fill_form import MISSING_PROPERTY, FillForm

pytestmark = pytest.mark.gui

BODY = "{买家昵称|亲}您好，订单{订单号}今天{今天}由{快递公司:顺丰/圆通}发出。{店铺名}{客服名}"


@pytest.fixture
def form(qtbot) -> FillForm:
    widget = FillForm()
    qtbot.addWidget(widget)
    widget.set_phrase(BODY, buyer={}, store={"店铺名": "小店"})
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_built_ins_and_store_values_are_not_asked_for(form):
    assert form.names() == ["买家昵称", "订单号", "快递公司", "客服名"]


def test_inputs_by_kind(form):
    nick = form.editor("买家昵称")
    order = form.editor("订单号")
    carrier = form.editor("快递公司")
    assert isinstance(nick, QtWidgets.QLineEdit) and nick.text() == "亲"
    assert isinstance(order, QtWidgets.QLineEdit) and order.text() == ""
    assert order.placeholderText() == "必填"
    assert isinstance(carrier, QtWidgets.QComboBox) and carrier.isEditable()
    assert carrier.currentText() == "顺丰"
    assert [carrier.itemText(i) for i in range(carrier.count())] == ["顺丰", "圆通"]


def test_values_and_missing_required(form):
    assert form.values() == {"买家昵称": "亲", "订单号": "", "快递公司": "顺丰", "客服名": ""}
    assert form.missing_required() == ["订单号", "客服名"]
    form.editor("订单号").setText("  123  ")
    assert form.values()["订单号"] == "123"
    assert form.missing_required() == ["客服名"]


def test_changed_choice_and_typed_choice(form, qtbot):
    carrier = form.editor("快递公司")
    with qtbot.waitSignal(form.changed):
        carrier.setCurrentIndex(1)
    assert form.values()["快递公司"] == "圆通"
    carrier.setEditText("中通")  # QTest cannot type 汉字; the IME would commit them
    assert form.values()["快递公司"] == "中通"
    assert carrier.count() == 2  # typing another carrier does not grow the list


def test_buyer_values_are_shown_prefilled_and_editable(qtbot):
    form = FillForm()
    qtbot.addWidget(form)
    form.set_phrase(BODY, buyer={"订单号": "2024001", "快递公司": "中通"}, store={})
    assert form.editor("订单号").text() == "2024001"
    assert form.editor("快递公司").currentText() == "中通"
    assert form.missing_required() == ["店铺名", "客服名"]


def test_entered_values_leave_out_the_phrase_defaults(form):
    assert form.entered_values() == {}
    form.editor("订单号").setText("42")
    form.editor("快递公司").setCurrentIndex(1)
    assert form.entered_values() == {"订单号": "42", "快递公司": "圆通"}


def test_focus_first_missing_marks_and_focuses(form, qtbot):
    form.activateWindow()
    assert form.focus_first_missing() == "订单号"
    order = form.editor("订单号")
    qtbot.waitUntil(order.hasFocus)
    assert order.property(MISSING_PROPERTY) is True
    assert form.editor("客服名").property(MISSING_PROPERTY) is True
    assert form.editor("买家昵称").property(MISSING_PROPERTY) is False
    qtbot.keyClicks(order, "7")
    assert order.property(MISSING_PROPERTY) is False


def test_labels_are_plain_text(qtbot):
    form = FillForm()
    qtbot.addWidget(form)
    form.set_phrase("{<b>x</b>}", buyer={}, store={})
    labels = form.findChildren(QtWidgets.QLabel)
    assert [label.text() for label in labels] == ["<b>x</b>"]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_a_new_phrase_replaces_the_rows(form):
    form.set_phrase("没有占位符", buyer={}, store={})
    assert not form.has_fields() and form.values() == {}
    assert form.focus_first() is False
