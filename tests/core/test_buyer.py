"""当前买家: the in-memory buyer context and reading it off the clipboard."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text.buyer import FIELDS, NOTHING_FOUND, BuyerContext, Recognised, recognise

ORDER = "3378291654123456789"

# (clipboard text, expected values); one row per real-looking copy.
CASES = [
    # 订单号
    (ORDER, {"订单号": ORDER}),
    ("订单号：" + ORDER, {"订单号": ORDER}),
    ("订单编号: 1234567890123456", {"订单号": "1234567890123456"}),
    ("订单号：３３７８２９１６５４１２３４５６７８９", {"订单号": ORDER}),  # full-width
    ("  " + ORDER + "\n", {"订单号": ORDER}),
    ("12345678901234567890", {"订单号": "12345678901234567890"}),  # 20 digits
    # 顺丰
    ("SF1409876543210", {"快递公司": "顺丰", "运单号": "SF1409876543210"}),
    ("顺丰快递 SF1409876543210", {"快递公司": "顺丰", "运单号": "SF1409876543210"}),
    ("ＳＦ１４０９８７６５４３２１０", {"快递公司": "顺丰", "运单号": "SF1409876543210"}),
    ("sf1409876543210", {"快递公司": "顺丰", "运单号": "SF1409876543210"}),
    ("顺丰 140987654321", {"快递公司": "顺丰", "运单号": "140987654321"}),
    # 圆通, 极兔, 京东, EMS
    ("运单号: YT7512345678901", {"快递公司": "圆通", "运单号": "YT7512345678901"}),
    ("YT1234567890123456", {"快递公司": "圆通", "运单号": "YT1234567890123456"}),
    ("JT0001234567890", {"快递公司": "极兔", "运单号": "JT0001234567890"}),
    ("JDVA12345678901", {"快递公司": "京东", "运单号": "JDVA12345678901"}),
    ("京东物流 JD0012345678901", {"快递公司": "京东", "运单号": "JD0012345678901"}),
    ("EA123456789CN", {"快递公司": "EMS", "运单号": "EA123456789CN"}),
    # 邮政: 13 digits starting 1 or 9 only with a name
    ("邮政 9876543210123", {"快递公司": "邮政", "运单号": "9876543210123"}),
    ("EMS：1012345678901", {"快递公司": "EMS", "运单号": "1012345678901"}),
    ("9876543210123", {}),
    # 中通 / 申通 / 韵达 by shape
    ("中通 78912345678901", {"快递公司": "中通", "运单号": "78912345678901"}),
    ("73123456789012", {"快递公司": "中通", "运单号": "73123456789012"}),
    ("781234567890", {"快递公司": "中通", "运单号": "781234567890"}),
    ("7712345678901", {"快递公司": "申通", "运单号": "7712345678901"}),  # 77 + 13 → 申通
    ("77123456789012", {"快递公司": "中通", "运单号": "77123456789012"}),  # 77 + 14 → 中通
    ("668123456789", {"快递公司": "申通", "运单号": "668123456789"}),
    ("888123456789012", {"快递公司": "申通", "运单号": "888123456789012"}),
    ("4312345678901", {"快递公司": "韵达", "运单号": "4312345678901"}),
    ("312345678901234", {"快递公司": "韵达", "运单号": "312345678901234"}),
    # a name overrides the shape
    ("韵达 78912345678901", {"快递公司": "韵达", "运单号": "78912345678901"}),
    ("78912345678901（韵达）", {"快递公司": "韵达", "运单号": "78912345678901"}),
    (
        "物流公司：韵达快递\n运单号：78912345678901",
        {"快递公司": "韵达", "运单号": "78912345678901"},
    ),
    ("中通 " + ORDER, {"快递公司": "中通", "运单号": ORDER}),  # named: not an order
    ("运单号：1234567890123", {"运单号": "1234567890123"}),  # label, unknown carrier
    # order + tracking together
    (
        f"订单号：{ORDER} 运单号：SF1409876543210",
        {"订单号": ORDER, "快递公司": "顺丰", "运单号": "SF1409876543210"},
    ),
    (
        f"订单编号：{ORDER}\n物流：中通快递 78912345678901\n买家：tb_小明2019",
        {"订单号": ORDER, "快递公司": "中通", "运单号": "78912345678901"},
    ),
    (
        f"{ORDER} 4312345678901",
        {"订单号": ORDER, "快递公司": "韵达", "运单号": "4312345678901"},
    ),
    (
        "亲，您的快递单号是 SF1409876543210，请查收哦",
        {"快递公司": "顺丰", "运单号": "SF1409876543210"},
    ),
    # a carrier name alone
    ("中通快递", {"快递公司": "中通"}),
    # nicknames
    ("tb_小明2019", {"买家昵称": "tb_小明2019"}),
    ("快乐的小猪", {"买家昵称": "快乐的小猪"}),
    ("  Amy Li ", {"买家昵称": "Amy Li"}),
    ("tb_78912345678901", {"买家昵称": "tb_78912345678901"}),  # not a 中通 number
    ("ｔｂ小明", {"买家昵称": "ｔｂ小明"}),  # kept as copied
    # negatives
    ("", {}),
    ("   \n\t ", {}),
    ("12345", {}),
    ("13812345678", {}),  # a phone number
    ("2024-11-22", {}),
    ("订单号：12345", {}),
    ("亲，您的订单已经发货了，请耐心等待。", {}),
    ("好的！", {}),
    ("a b c", {}),
    ("这是一个特别特别长的昵称超过了二十个字符的限制呀", {}),
    ("第一行\n第二行", {}),
    ("https://item.taobao.com/item.htm?id=678901234567890123", {}),
    ("www.taobao.com", {}),
    ("buyer@example.com", {}),
    ("ABC78912345678901", {"买家昵称": "ABC78912345678901"}),  # glued to letters: not 中通
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_recognise_table(text: str, expected: dict[str, str]) -> None:
    assert recognise(text).values == expected


def test_summary_names_what_was_found() -> None:
    assert recognise("SF1234567890123").summary == "识别到运单号 SF1234567890123（顺丰）"
    assert recognise(f"订单号：{ORDER} 运单号：SF1409876543210").summary == (
        f"识别到订单号 {ORDER}、运单号 SF1409876543210（顺丰）"
    )
    assert recognise("运单号：1234567890123").summary == "识别到运单号 1234567890123"
    assert recognise("中通快递").summary == "识别到快递公司 中通"
    assert recognise("快乐的小猪").summary == "识别到买家昵称 快乐的小猪"


def test_nothing_found_summary() -> None:
    assert recognise("   ") == Recognised({}, NOTHING_FOUND)
    assert (
        recognise("亲，您的订单已经发货了，请耐心等待。").summary == "剪贴板里没有可识别的买家信息"
    )


def test_recognised_repr_hides_values() -> None:
    found = recognise(f"订单号：{ORDER} 运单号：SF1409876543210")
    text = repr(found)
    assert ORDER not in text and "SF1409876543210" not in text and "顺丰" not in text
    assert text == "Recognised(订单号=***, 快递公司=***, 运单号=***)"


def test_huge_text_is_bounded_and_fine() -> None:
    assert recognise("亲" * 100_000 + " SF1409876543210").values == {}
    assert recognise("SF1409876543210 " + "亲" * 100_000).values["运单号"] == "SF1409876543210"


@given(st.text())
def test_recognise_never_raises_and_uses_only_known_fields(text: str) -> None:
    found = recognise(text)
    assert isinstance(found, Recognised)
    assert set(found.values) <= set(FIELDS)
    assert all(v and v == v.strip() for v in found.values.values())
    assert found.summary and "\n" not in found.summary


@given(st.text(alphabet="0123456789SFYTJDEMCNA 订单号运单：:中通韵达顺丰邮政\n_tb", max_size=60))
def test_recognise_on_number_like_text(text: str) -> None:
    found = recognise(text)
    assert set(found.values) <= set(FIELDS)
    if "运单号" in found.values:
        assert found.values["运单号"] in text.upper() or found.values["运单号"].isdigit()


def test_recognise_tolerates_non_text() -> None:
    assert recognise(None).values == {}  # type: ignore[arg-type]


# --- BuyerContext ---------------------------------------------------------------


def test_new_context_is_empty() -> None:
    ctx = BuyerContext()
    assert ctx.is_empty()
    assert ctx.values() == {}
    assert all(ctx.get(name) == "" for name in FIELDS)


def test_set_strips_and_get_returns() -> None:
    ctx = BuyerContext()
    ctx.set("买家昵称", "  tb_小明2019 \n")
    assert ctx.get("买家昵称") == "tb_小明2019"
    assert not ctx.is_empty()


def test_set_empty_or_blank_clears_the_field() -> None:
    ctx = BuyerContext()
    ctx.set("订单号", ORDER)
    ctx.set("订单号", "   ")
    assert ctx.get("订单号") == ""
    assert ctx.is_empty()


def test_unknown_field_is_refused() -> None:
    ctx = BuyerContext()
    with pytest.raises(ValueError, match="手机号"):
        ctx.set("手机号", "13812345678")
    with pytest.raises(ValueError):
        ctx.get("手机号")
    assert ctx.is_empty()


def test_update_uses_known_fields_and_ignores_others() -> None:
    ctx = BuyerContext()
    ctx.set("商品", "A款连衣裙")
    ctx.update({"运单号": " SF1409876543210 ", "快递公司": "顺丰", "手机号": "138", "商品": ""})
    assert ctx.values() == {"快递公司": "顺丰", "运单号": "SF1409876543210"}


def test_values_are_non_empty_in_field_order_and_a_copy() -> None:
    ctx = BuyerContext()
    ctx.update({"运单号": "SF1409876543210", "买家昵称": "快乐的小猪", "订单号": ""})
    values = ctx.values()
    assert list(values) == ["买家昵称", "运单号"]
    values["买家昵称"] = "changed"
    assert ctx.get("买家昵称") == "快乐的小猪"


def test_update_from_recognised() -> None:
    ctx = BuyerContext()
    ctx.update(recognise(f"订单号：{ORDER} 运单号：SF1409876543210").values)
    assert ctx.get("订单号") == ORDER
    assert ctx.get("快递公司") == "顺丰"


def test_clear_for_the_next_buyer() -> None:
    ctx = BuyerContext()
    ctx.update({"买家昵称": "快乐的小猪", "订单号": ORDER})
    ctx.clear()
    assert ctx.is_empty()
    assert ctx.values() == {}


def test_repr_names_set_fields_but_hides_values() -> None:
    ctx = BuyerContext()
    assert repr(ctx) == "BuyerContext()"
    ctx.update({"订单号": ORDER, "买家昵称": "快乐的小猪"})
    for shown in (repr(ctx), str(ctx), f"{ctx}", f"{ctx!r}", repr([ctx])):
        assert ORDER not in shown and "快乐的小猪" not in shown
    assert repr(ctx) == "BuyerContext(买家昵称=***, 订单号=***)"


def test_contexts_compare_by_identity() -> None:
    a, b = BuyerContext(), BuyerContext()
    assert a != b
    assert a in [a] and a not in [b]
