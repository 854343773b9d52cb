"""话术质检 rules, offsets on the original text, and shop-extended word lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text.lint import LEVELS, Finding, Rules, lint, load_rules


def hits(body: str, rule: str, title: str = "") -> list[tuple[str, int, int]]:
    return [(f.match, f.start, f.end) for f in lint(body, title) if f.rule == rule]


def only(body: str, rule: str) -> Finding:
    found = [f for f in lint(body) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "rule, body, expected",
    [
        ("absolute-promise", "我们保证是正品", [("保证", 2, 4)]),
        ("absolute-promise", "百分之百正品，绝对放心", [("百分之百", 0, 4), ("绝对", 7, 9)]),
        ("absolute-promise", "100%好评", [("100%", 0, 4)]),
        ("absolute-promise", "我们会尽量为您安排", []),
        ("absolute-promise", "已有1100%的增长", []),
        ("blunt-refusal", "这个我不知道", [("不知道", 3, 6)]),
        ("blunt-refusal", "这个不归我管", [("不归我管", 2, 6)]),
        ("blunt-refusal", "我帮您查询一下哦", []),
        ("ad-superlative", "全网最低价", [("全网最", 0, 3)]),
        ("ad-superlative", "我们是第一品牌，唯一的办法", [("第一", 3, 5), ("唯一", 8, 10)]),
        ("ad-superlative", "第一时间为您处理", []),
        ("ad-superlative", "第一次购买可以领券，第一步先收藏", []),
        ("ad-superlative", "第一次就是最好的", [("最好", 5, 7)]),
        ("off-platform", "加我微信聊", [("微信", 2, 4)]),
        ("off-platform", "QQ:12345", [("QQ", 0, 2)]),
        ("off-platform", "qq12345", [("qq", 0, 2)]),
        ("off-platform", "加v 或 加 V 都行", [("加v", 0, 2), ("加 V", 5, 8)]),
        ("off-platform", "vx搜一下 wx也行", [("vx", 0, 2), ("wx", 6, 8)]),
        ("off-platform", "可以私下交易吗", [("私下交易", 2, 6)]),
        ("off-platform", "qqq wxyz vxyz avx", []),
        ("off-platform", "请在淘宝下单", []),
        ("cold-filler", "哦。", [("哦", 0, 1)]),
        ("cold-filler", "嗯，好的", [("嗯", 0, 1)]),
        ("cold-filler", "好的 嗯嗯", [("嗯嗯", 3, 5)]),
        ("cold-filler", "收到！呵呵~", [("呵呵", 3, 5)]),
        ("cold-filler", "请耐心等待哦", []),
        ("cold-filler", "哦好的", []),
        ("cold-filler", "金额没问题", []),
    ],
)
def test_word_rules(rule: str, body: str, expected: list[tuple[str, int, int]]) -> None:
    assert hits(body, rule) == expected


def test_word_rule_levels_and_messages() -> None:
    levels = {f.rule: f.level for f in lint("保证 不知道 最好 微信 哦")}
    assert levels == {
        "absolute-promise": "warning",
        "blunt-refusal": "warning",
        "ad-superlative": "warning",
        "off-platform": "error",
        "cold-filler": "warning",
    }
    for f in lint("保证 不知道 最好 微信 哦 http://x.cn {a"):
        assert f.message and "\n" not in f.message
        assert "：" in f.message  # names the problem, then the hint


@pytest.mark.parametrize(
    "body",
    [
        "https://item.taobao.com/x",
        "链接 https://detail.tmall.com/item.htm?id=1，谢谢",
        "m.tb.cn/h.abc",
        "taobao.com",
        "https://img.alicdn.com/a.jpg",
        "规格1.5kg，文件 readme.txt，版本 v2.0",
        "https://",
    ],
)
def test_allowed_or_non_links(body: str) -> None:
    assert hits(body, "external-link") == []


@pytest.mark.parametrize(
    "body, match",
    [
        ("http://evil.cn", "http://evil.cn"),
        ("去 http://evil.cn/a?b=1。", "http://evil.cn/a?b=1"),
        ("看 www.baidu.com 吧", "www.baidu.com"),
        ("看 abc.com/x 吧", "abc.com/x"),
        ("https://item.taobao.com.evil.cn/x", "https://item.taobao.com.evil.cn/x"),
        ("https://eviltaobao.com", "https://eviltaobao.com"),
        ("https://user@evil.cn", "https://user@evil.cn"),
        ("邮箱 abc@163.com", "163.com"),
    ],
)
def test_external_links_are_errors(body: str, match: str) -> None:
    f = only(body, "external-link")
    assert f.level == "error"
    assert f.match == match
    assert body[f.start : f.end] == match


def test_ascii_words_inside_links_are_left_to_the_link_rule() -> None:
    rules = {f.rule for f in lint("https://wx.qq.com/x")}
    assert rules == {"external-link"}


def test_full_width_input_reports_original_offsets() -> None:
    body = "亲，加我ＱＱ：１２３，或ｖｘ"
    assert hits(body, "off-platform") == [("ＱＱ", 4, 6), ("ｖｘ", 12, 14)]
    link = only("看ｈｔｔｐ：／／ｅｖｉｌ．ｃｎ吧", "external-link")
    assert link.match == "ｈｔｔｐ：／／ｅｖｉｌ．ｃｎ"
    assert (link.start, link.end) == (1, 15)


def test_offsets_survive_characters_that_fold_to_several() -> None:
    # ㈱ folds to "(株)" and ﬁ to "fi": later offsets must not drift.
    body = "㈱ﬁ 保证，加微"
    assert hits(body, "absolute-promise") == [("保证", 3, 5)]
    assert hits(body, "off-platform") == [("加微", 6, 8)]


def test_placeholder_names_are_masked_but_their_text_is_checked() -> None:
    assert lint("{QQ号}您好，{微信}已收到，{最好的称呼}") == []
    assert hits("{联系|微信}", "off-platform") == [("微信", 4, 6)]
    assert hits("{联系:电话/微信}", "off-platform") == [("微信", 7, 9)]
    assert hits("{称呼}哦", "cold-filler") == []
    assert hits("{称呼|亲}哦", "cold-filler") == []
    assert hits("{称呼}，哦", "cold-filler") == [("哦", 5, 6)]


def test_placeholder_problems_are_errors() -> None:
    f = only("亲{买家昵称，您好", "placeholder")
    assert f.level == "error"
    assert (f.match, f.start, f.end) == ("{买家昵称，您好", 1, 9)
    assert "右括号" in f.message
    assert hits("好}的", "placeholder") == [("}", 1, 2)]
    assert hits("{买家昵称}您好 {{ }}", "placeholder") == []


@pytest.mark.parametrize("body", ["", "  ", "\n\t\u3000"])
def test_empty_body(body: str) -> None:
    assert [(f.rule, f.level) for f in lint(body)] == [("empty", "error")]


def test_length_limits() -> None:
    assert hits("好" * 200, "too-long") == []
    f = only("好" * 201, "too-long")
    assert (f.level, f.start, f.end, f.match) == ("info", 200, 201, "好")
    f = only("好" * 501, "too-long")
    assert (f.level, f.start, f.end) == ("warning", 500, 501)
    assert "501" in f.message


def test_title_words_have_no_offsets() -> None:
    found = lint("您好，请稍等", title="全网最低价 加微信 不知道")
    assert [(f.rule, f.match, f.start, f.end) for f in found] == [
        ("off-platform", "加微", -1, -1),
        ("ad-superlative", "全网最", -1, -1),
    ]
    assert all(f.message.startswith("标题：") for f in found)
    assert lint("您好", title="第一时间发货") == []


def test_findings_sorted_by_start() -> None:
    found = lint("哦，绝对是全网最低价，加微信", title="首选")
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert found[0].start == -1
    assert [f.rule for f in found[1:]] == [
        "cold-filler",
        "absolute-promise",
        "ad-superlative",
        "off-platform",
    ]


def test_to_dict() -> None:
    f = only("保证", "absolute-promise")
    assert f.to_dict() == {
        "level": "warning",
        "rule": "absolute-promise",
        "message": f.message,
        "match": "保证",
        "start": 0,
        "end": 2,
    }


def test_default_rules_are_cached_and_loaded() -> None:
    rules = load_rules()
    assert load_rules() is rules
    assert "taobao.com" in rules.link_allow
    assert "第一时间" in rules.superlative_allow
    assert not any(e.startswith("#") or not e.strip() for e in rules.absolute)


def test_extra_dir_adds_entries(tmp_path: Path) -> None:
    (tmp_path / "absolute.txt").write_text("# 店铺自定义\n\n包退包换\n保证\n", encoding="utf-8")
    (tmp_path / "link_allow.txt").write_text("\ufeffexample.com\n", encoding="utf-8")
    (tmp_path / "superlative_allow.txt").write_text("最好的朋友\n", encoding="utf-8")
    (tmp_path / "offplatform.txt").write_text("Line\n", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert rules is not load_rules()
    assert rules.absolute.count("保证") == 1
    body = "包退包换，保证，https://shop.example.com 最好的朋友 LINE号"
    got = {(f.rule, f.match) for f in lint(body, rules=rules)}
    assert got == {
        ("absolute-promise", "包退包换"),
        ("absolute-promise", "保证"),
        ("off-platform", "LINE"),
    }
    defaults = {(f.rule, f.match) for f in lint(body)}
    assert ("external-link", "https://shop.example.com") in defaults
    assert ("ad-superlative", "最好") in defaults


def test_missing_extra_dir_is_just_the_defaults(tmp_path: Path) -> None:
    assert load_rules(tmp_path / "nope") == load_rules()


def test_empty_rules_find_only_structural_problems() -> None:
    assert lint("保证 微信 哦 http://x.cn", rules=Rules()) == [
        Finding("error", "external-link", lint("http://x.cn")[0].message, "http://x.cn", 8, 19)
    ]


@given(st.text(max_size=120), st.text(max_size=20))
def test_lint_never_raises_and_offsets_point_at_the_match(body: str, title: str) -> None:
    for f in lint(body, title):
        assert f.level in LEVELS
        if f.start >= 0:
            assert body[f.start : f.end] == f.match
        else:
            assert f.end == -1 and f.message.startswith("标题：")


@given(st.text(alphabet="ＱｑQq微信哦，。 ｗＸ{}|:保证ﬁ㈱", max_size=40))
def test_offsets_with_folding_heavy_text(body: str) -> None:
    for f in lint(body):
        assert body[f.start : f.end] == f.match
