"""Placeholder names from other tools: aliases render, typos are named, brackets convert."""

from __future__ import annotations

import pytest

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.text.fields import convert_brackets, did_you_mean
from desktop.core.text.lint import lint
from desktop.core.text.template import render


@pytest.mark.parametrize(
    ("alias", "field"),
    [("店铺名称", "店铺名"), ("物流单号", "运单号"), ("快递单号", "运单号"), ("单号", "运单号"),
     ("产品名称", "商品"), ("商品名称", "商品"), ("客户昵称", "买家昵称"), ("顾客昵称", "买家昵称")],
)
def test_aliases_render_from_the_built_in_field(alias, field):
    result = render("{" + alias + "}", {field: "值"})
    assert result.text == "值" and result.complete


def test_store_variables_fill_their_aliases():
    with Library.memory() as lib:
        lib.set_setting("店铺名", "小满家居")
        p = lib.add("欢迎", "欢迎光临{店铺名称}")
        assert lib.render(p.id).text == "欢迎光临小满家居"


def test_lint_names_the_close_built_in_field():
    findings = [f for f in lint("您好{买家名字}，单号{运单}") if f.rule == "unknown-field"]
    assert [f.match for f in findings] == ["{买家名字}", "{运单}"]
    assert "买家昵称" in findings[0].message and "运单号" in findings[1].message


def test_lint_leaves_aliases_and_a_shops_own_fields_alone():
    assert not [f for f in lint("{店铺名称}{快递单号}{颜色:红/蓝}{称呼|亲}") if f.rule == "unknown-field"]
    assert not [f for f in lint("{活动名}", known_fields=["活动名"]) if f.rule == "unknown-field"]
    assert did_you_mean("折扣力度") is None


def test_the_default_library_stays_clean():
    with open_library(":memory:") as lib:
        assert not [f for p in lib.phrases() for f in lint(p.body, p.title)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("亲爱的【买家昵称】，[商品名称]已发出，单号[快递单号]",
         "亲爱的{买家昵称}，{商品}已发出，单号{运单号}"),
        ("这款尺码[偏大/偏小/正常]，颜色【红/蓝】", "这款尺码{选项:偏大/偏小/正常}，颜色{选项2:红/蓝}"),
        ("【温馨提示】收到请好评[微笑]", "【温馨提示】收到请好评[微笑]"),
    ],
)
def test_brackets_convert_only_for_fields_and_option_lists(before, after):
    assert convert_brackets(before) == after
