"""Placeholder parsing and rendering: plain substitution, never evaluation."""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text.template import (
    BUILTINS,
    Field,
    Rendered,
    builtin_values,
    escape,
    fields,
    no_ship_days,
    parse,
    problems,
    render,
)

# 2024-11-22 is a Friday; the dates below are named after their weekday.
FRI = datetime(2024, 11, 22, 10, 0)
SAT = datetime(2024, 11, 23, 10, 0)
SUN = datetime(2024, 11, 24, 10, 0)
TUE = datetime(2024, 11, 26, 10, 0)


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute)


# --- fields -----------------------------------------------------------------


def test_fields_kinds_in_order_of_first_appearance() -> None:
    body = "{称呼|亲}，{买家昵称} 的 {快递公司:顺丰/圆通/中通} 已发出，{买家昵称}"
    assert fields(body) == [
        Field("称呼", fallback="亲"),
        Field("买家昵称"),
        Field("快递公司", choices=("顺丰", "圆通", "中通")),
    ]
    kinds = [(f.kind, f.required) for f in fields(body)]
    assert kinds == [("fallback", False), ("field", True), ("choice", False)]


def test_first_appearance_wins_for_duplicate_names() -> None:
    assert fields("{a|x} {a} {a:p/q}") == [Field("a", fallback="x")]


def test_names_and_options_are_trimmed_and_fullwidth_colon_splits() -> None:
    assert fields("{ 快递 ： 顺丰 / 圆通 / }") == [Field("快递", choices=("顺丰", "圆通"))]


def test_fallback_is_split_before_choices() -> None:
    assert fields("{时间|14:00}") == [Field("时间", fallback="14:00")]
    assert fields("{a:b|c}") == [Field("a:b", fallback="c")]


def test_empty_fallback_is_an_optional_field() -> None:
    assert render("亲{称呼|}好").text == "亲好"


# --- render -----------------------------------------------------------------


def test_provided_value_beats_fallback_and_first_choice() -> None:
    body = "{称呼|亲} {快递:顺丰/圆通}"
    assert render(body).text == "亲 顺丰"
    assert render(body, {"称呼": "王姐", "快递": "圆通"}).text == "王姐 圆通"


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\u3000"])
def test_blank_value_counts_as_not_provided(blank: str) -> None:
    assert render("{称呼|亲}", {"称呼": blank}).text == "亲"
    result = render("{买家昵称}您好", {"买家昵称": blank})
    assert result == Rendered("{买家昵称}您好", ("买家昵称",))
    assert not result.complete


def test_missing_keeps_placeholder_text_and_lists_unique_names_in_order() -> None:
    result = render("{b}{ a }{b}{c|x}{a}", {})
    assert result.text == "{b}{ a }{b}x{a}"
    assert result.missing == ("b", "a")
    assert render("{a}", {"a": "1"}).complete


def test_values_are_inserted_as_is_and_not_re_expanded() -> None:
    values = {"a": "{b}", "b": "B", "c": "%(x)s {0} ${x} {{7*7}}"}
    assert render("{a}|{b}|{c}", values).text == "{b}|B|%(x)s {0} ${x} {{7*7}}"
    assert render(" {a} ", {"a": "  值  "}).text == "   值   "


@pytest.mark.parametrize(
    "body, name",
    [
        ("{0.__class__}", "0.__class__"),
        ("{__import__('os').system('x')}", "__import__('os').system('x')"),
        ("{a.b[0]}", "a.b[0]"),
        ("{0}", "0"),
        ("{self.__init__.__globals__}", "self.__init__.__globals__"),
    ],
)
def test_injection_attempts_are_just_unknown_fields(body: str, name: str) -> None:
    result = render("x" + body + "y", {"a": "A", "0": ""})
    assert result.text == "x" + body + "y"
    assert result.missing == (name,)
    assert problems(body) == []


def test_jinja_and_percent_syntax_is_plain_text() -> None:
    assert render("{{ 7*7 }} %s %(a)s $a").text == "{ 7*7 } %s %(a)s $a"


# --- malformed ---------------------------------------------------------------


@pytest.mark.parametrize(
    "body, bad, message_part",
    [
        ("亲{买家昵称", "{买家昵称", "缺少右括号"),
        ("{a\n下一行", "{a", "缺少右括号"),
        ("好}的", "}", "多余的右括号"),
        ("{a{b}", "{a{b}", "不能再有 {"),
        ("x{}y", "{}", "名称为空"),
        ("{|亲}", "{|亲}", "名称为空"),
        ("{ :顺丰}", "{ :顺丰}", "名称为空"),
        ("{快递:/}", "{快递:/}", "没有任何选项"),
    ],
)
def test_malformed_renders_literally_and_is_reported(
    body: str, bad: str, message_part: str
) -> None:
    found = problems(body)
    assert len(found) == 1
    p = found[0]
    assert p.text == bad
    assert body[p.start : p.end] == bad
    assert message_part in p.message
    assert "\n" not in p.message
    assert render(body, {"a": "A", "b": "B", "买家昵称": "N"}).text.count(bad) >= 1


def test_malformed_literal_text_is_kept_but_good_placeholders_still_fill() -> None:
    result = render("{a}} {b", {"a": "A", "b": "B"})
    assert result.text == "A} {b"
    assert result.missing == ()
    assert [p.text for p in problems("{a}} {b")] == ["}", "{b"]


def test_nested_span_runs_to_the_first_close() -> None:
    body = "{a {b {c}} {d}"
    assert [p.text for p in problems(body)] == ["{a {b {c}", "}"]
    assert render(body, {"c": "C", "d": "D"}).text == "{a {b {c}} D"


def test_unclosed_span_stops_at_next_open_brace_or_line_end() -> None:
    assert [p.text for p in problems("{a {b")] == ["{a ", "{b"]
    assert [p.text for p in problems("{a\nb {{")] == ["{a"]
    assert render("{a\nb {{", {"a": "A"}).text == "{a\nb {"


def test_escaped_braces() -> None:
    assert render("{{买家昵称}}").text == "{买家昵称}"
    assert fields("{{买家昵称}}") == []
    assert render("{{{a}}}", {"a": "A"}).text == "{A}"


# --- built-ins ---------------------------------------------------------------


@pytest.mark.parametrize(
    "hour, minute, greeting",
    [
        (0, 0, "晚上好"),
        (4, 59, "晚上好"),
        (5, 0, "早上好"),
        (10, 59, "早上好"),
        (11, 0, "中午好"),
        (12, 59, "中午好"),
        (13, 0, "下午好"),
        (17, 59, "下午好"),
        (18, 0, "晚上好"),
        (23, 59, "晚上好"),
    ],
)
def test_greeting_by_hour(hour: int, minute: int, greeting: str) -> None:
    assert builtin_values(at(TUE, hour, minute))["问候"] == greeting


def test_date_time_and_weekday() -> None:
    values = builtin_values(datetime(2024, 11, 30, 9, 5))
    assert values["今天"] == "11月30日"
    assert values["明天"] == "12月1日"
    assert values["时间"] == "09:05"
    assert values["星期"] == "星期六"
    assert builtin_values(SUN)["星期"] == "星期日"
    assert builtin_values(TUE)["星期"] == "星期二"
    assert set(builtin_values(TUE)) == set(BUILTINS)


def test_render_uses_builtins_and_values_override_them() -> None:
    now = at(TUE, 14, 5)
    assert render("{问候}，现在{时间}，{星期}", now=now).text == "下午好，现在14:05，星期二"
    assert render("{今天}", {"今天": "今儿"}, now=now).text == "今儿"
    assert render("{今天}", {"今天": "  "}, now=now).text == "11月26日"


def test_render_without_now_uses_the_clock() -> None:
    result = render("{时间}")
    assert re.fullmatch(r"\d\d:\d\d", result.text)


@pytest.mark.parametrize(
    "now, settings, expected",
    [
        (at(TUE, 10), {}, "今天"),
        (at(TUE, 15, 59), {}, "今天"),
        (at(TUE, 16), {}, "明天"),
        (at(TUE, 17), {}, "明天"),
        (at(TUE, 17), {"发货截止时间": "18:30"}, "今天"),
        (at(TUE, 17), {"发货截止时间": "18：30"}, "今天"),
        (at(TUE, 17), {"发货截止时间": "25:00"}, "明天"),
        (at(TUE, 15), {"发货截止时间": "abc"}, "今天"),
        (at(TUE, 15), {"发货截止时间": "9:00"}, "明天"),
        # Sunday does not ship: Sunday morning → Monday.
        (at(SUN, 10), {"不发货的星期": "日"}, "明天"),
        (at(SUN, 10), {"不发货的星期": "周天"}, "明天"),
        # A weekend off: Friday after cutoff → Monday, Saturday → Monday.
        (at(FRI, 17), {"不发货的星期": "六,日"}, "11月25日"),
        (at(FRI, 17), {"不发货的星期": "星期六 星期日"}, "11月25日"),
        (at(FRI, 10), {"不发货的星期": "周六、周日"}, "今天"),
        (at(SAT, 10), {"不发货的星期": "六，日"}, "11月25日"),
        (at(SAT, 10), {"不发货的星期": "周六日"}, "11月25日"),
        # Month end: Saturday 30 Nov, Sunday off → Monday 2 Dec.
        (datetime(2024, 11, 30, 17), {"不发货的星期": "日"}, "12月2日"),
        # All seven days listed is a mistake and counts as none.
        (at(SAT, 10), {"不发货的星期": "一二三四五六日"}, "今天"),
        (at(SAT, 17), {"不发货的星期": "一二三四五六日"}, "明天"),
        # Unknown words are ignored.
        (at(SAT, 10), {"不发货的星期": "节假日, 六"}, "明天"),
    ],
)
def test_ship_day(now: datetime, settings: dict[str, str], expected: str) -> None:
    assert builtin_values(now, settings)["发货日"] == expected
    assert render("预计{发货日}发货", settings, now=now).text == f"预计{expected}发货"


def test_no_ship_days_forms() -> None:
    assert no_ship_days("六,日") == {5, 6}
    assert no_ship_days("星期一 、周三，天") == {0, 2, 6}
    assert no_ship_days("") == set()
    assert no_ship_days(None) == set()
    assert no_ship_days("周末") == set()


# --- properties ----------------------------------------------------------------

brace_heavy = st.text(alphabet=st.sampled_from("{}|:：/ ab买家\n"), max_size=40)


@given(st.one_of(st.text(max_size=80), brace_heavy), st.dictionaries(st.text(), st.text()))
def test_render_never_raises_and_segments_cover_the_body(body: str, values: dict[str, str]) -> None:
    result = render(body, values, now=TUE)
    assert isinstance(result.text, str)
    segments = parse(body)
    assert "".join(s.raw for s in segments) == body
    for a, b in pairwise(segments):
        assert a.end == b.start
    for p in problems(body):
        assert body[p.start : p.end] == p.text


@given(st.text().filter(lambda t: "{" not in t and "}" not in t))
def test_text_without_braces_renders_to_itself(text: str) -> None:
    assert render(text) == Rendered(text, ())
    assert problems(text) == []
    assert fields(text) == []


@given(st.one_of(st.text(), brace_heavy))
def test_escaping_round_trips(text: str) -> None:
    escaped = escape(text)
    assert render(escaped, {"a": "A", "b": "B"}) == Rendered(text, ())
    assert problems(escaped) == []
    assert fields(escaped) == []


@given(st.text(), st.text())
def test_values_with_braces_are_not_re_expanded(value: str, other: str) -> None:
    result = render("{x}{y|-}", {"x": value, "y": other})
    x = value if value.strip() else "{x}"
    y = other if other.strip() else "-"
    assert result.text == x + y


names = st.sampled_from(["a", "b", "买家", "订单 号"])
pieces = st.lists(
    st.tuples(
        names, st.sampled_from(["field", "fallback", "choice"]), st.text("xy {}", max_size=3)
    ),
    max_size=8,
)


@given(pieces, st.dictionaries(names, st.sampled_from(["", " ", "V", "{a}"])))
def test_missing_is_exactly_the_plain_fields_without_values(
    parts: list[tuple[str, str, str]], values: dict[str, str]
) -> None:
    body = ""
    expected: list[str] = []
    for name, kind, filler in parts:
        body += escape(filler)
        if kind == "field":
            body += "{" + name + "}"
            if not values.get(name, "").strip() and name not in expected:
                expected.append(name)
        elif kind == "fallback":
            body += "{" + name + "|备用}"
        else:
            body += "{" + name + ":甲/乙}"
    result = render(body, values)
    assert list(result.missing) == expected
    assert result.complete == (not expected)
    assert problems(body) == []
