"""Core messages: Chinese as plain strings, with what a translation needs kept alongside."""

from __future__ import annotations

import copy
import pickle

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.base.errors import ValidationError
from desktop.core.base.messages import Message, fill, from_record, message_of, to_record, translated

ENGLISH = {
    "第 {row} 行：{problem}": "Row {row}: {problem}",
    "快捷编码 {code} 已被「{title}」使用": "Shortcut code {code} is already used by “{title}”",
    "标题": "Title",
    "{what}不能为空": "{what} must not be empty",
}


def english(pattern: str) -> str:
    return ENGLISH.get(pattern, pattern)


def test_a_message_is_its_chinese_text():
    m = Message("快捷编码 {code} 已被「{title}」使用", code="fh", title="发货时间")
    assert m == "快捷编码 fh 已被「发货时间」使用"
    assert isinstance(m, str) and m.pattern.startswith("快捷编码 {code}")
    assert str(ValidationError(m)) == m  # the CLI and the logs see Chinese


def test_translation_fills_the_same_values_and_translates_nested_messages():
    inner = Message("快捷编码 {code} 已被「{title}」使用", code="fh", title="发货时间")
    outer = Message("第 {row} 行：{problem}", row=3, problem=inner)
    assert outer == "第 3 行：快捷编码 fh 已被「发货时间」使用"
    assert translated(outer, english) == "Row 3: Shortcut code fh is already used by “发货时间”"
    assert translated(Message("{what}不能为空", what=Message("标题")), english) == (
        "Title must not be empty"
    )


def test_exceptions_carry_their_message_through_translation():
    error = ValidationError(Message("{what}不能为空", what=Message("标题")))
    assert message_of(error).pattern == "{what}不能为空"
    assert translated(error, english) == "Title must not be empty"
    plain = OSError("disk full")
    assert message_of(plain) == "disk full" and translated(plain, english) == "disk full"


def test_plain_strings_pass_through_untranslated():
    # a title or file name that happens to equal a pattern is data, not wording
    assert translated("标题", english) == "标题"


def test_braces_in_values_are_never_read_as_blanks():
    m = Message("第 {row} 行：{problem}", row="{problem}", problem="{row} {订单号} {{x}}")
    assert m == "第 {problem} 行：{row} {订单号} {{x}}"
    assert translated(m, english) == "Row {problem}: {row} {订单号} {{x}}"


def test_blanks_without_a_value_and_literal_braces_stay_as_written():
    assert fill("写成 {{ 和 }}，{订单号} 与 {missing}", {}) == "写成 {{ 和 }}，{订单号} 与 {missing}"


@given(st.text(), st.text())
def test_any_value_comes_out_exactly_as_given(row, problem):
    m = Message("第 {row} 行：{problem}", row=row, problem=problem)
    assert m == f"第 {row} 行：{problem}"
    assert translated(m, english) == f"Row {row}: {problem}"


def test_copies_and_pickles_keep_pattern_and_values():
    m = Message("第 {row} 行：{problem}", row=2, problem=Message("标题"))
    for clone in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m), copy.copy(m)):
        assert clone == m and clone.pattern == m.pattern
        assert translated(clone, english) == "Row 2: Title"


def test_a_stored_message_comes_back_translatable_and_plain_text_stays():
    m = Message("第 {row} 行：{problem}", row=2, problem=Message("{what}不能为空", what=Message("标题")))
    back = from_record(to_record(m))
    assert back == m and translated(back, english) == "Row 2: Title must not be empty"
    assert to_record("连不上 example.com") == "连不上 example.com"
    for older in ("连不上 example.com", "{broken json", '{"other": 1}', "{}"):
        assert from_record(older) == older and not isinstance(from_record(older), Message)
