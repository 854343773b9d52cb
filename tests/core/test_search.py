"""Search as an agent uses it: short 汉字, pinyin, initials, codes, several terms."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.search.textnorm import fold, terms


@pytest.fixture
def shop(lib):
    ids = {}
    ids["fhsj"] = lib.add("发货时间", "{发货截止时间}前付款当天发出", "售中/发货时间", code="fhsj", tags=["时效"]).id
    ids["fhtz"] = lib.add("发货通知", "您的包裹已经发出，请留意物流", "售中/发货时间", code="fhtz").id
    ids["thyf"] = lib.add("退货运费", "质量问题退货的运费由我们承担", "售后/退换货", code="thyf").id
    ids["tk"] = lib.add("退款进度", "退款会原路退回，请耐心等待", "售后/退款", code="tk").id
    ids["cm"] = lib.add("尺码推荐", "麻烦告诉我您的身高体重，帮您推荐尺码", "售前/尺码咨询", code="cm").id
    ids["cz"] = lib.add("材质说明", "面料是纯棉的，亲肤透气", "售前/材质", code="cz", tags=["面料"]).id
    ids["body"] = lib.add("物流查询", "我这边帮您查一下，发货后通常两三天到", "售中/物流查询", code="wl").id
    return ids


def titles(results):
    return [p.title for p in results]


def test_single_chinese_character_finds_titles_before_bodies(lib, shop):
    got = titles(lib.search("退"))
    assert got[:2] == ["退货运费", "退款进度"]
    assert set(got) >= {"退货运费", "退款进度"}


def test_two_character_query_matches_title_and_body(lib, shop):
    got = titles(lib.search("发货"))
    assert got[:2] == ["发货时间", "发货通知"]
    assert "物流查询" in got  # body mentions 发货, ranked after the titles


def test_full_pinyin_and_initials_find_the_title(lib, shop):
    assert titles(lib.search("fahuo"))[:2] == ["发货时间", "发货通知"]
    assert titles(lib.search("fh"))[:2] == ["发货时间", "发货通知"]
    assert titles(lib.search("chima"))[0] == "尺码推荐"


def test_exact_code_comes_first_even_against_title_matches(lib, shop):
    lib.add("付款后发货", "付款后尽快发出", "售中/付款", code="fh")
    assert titles(lib.search("fh"))[0] == "付款后发货"
    assert titles(lib.search("thyf")) == ["退货运费"]


def test_mixed_hanzi_and_pinyin_terms_must_all_match_in_any_order(lib, shop):
    assert titles(lib.search("退 yunfei")) == ["退货运费"]
    assert titles(lib.search("yunfei 退")) == ["退货运费"]
    assert lib.search("退 尺码") == []


def test_full_width_and_upper_case_queries_fold(lib, shop):
    assert titles(lib.search("ＦＨＳＪ"))[0] == "发货时间"
    assert titles(lib.search("CHIMA"))[0] == "尺码推荐"


def test_tags_and_category_names_are_searched(lib, shop):
    assert titles(lib.search("面料"))[0] == "材质说明"
    assert "材质说明" in titles(lib.search("售前"))
    assert titles(lib.search("时效")) == ["发货时间"]


def test_body_pinyin_finds_body_text(lib, shop):
    assert "退款进度" in titles(lib.search("yuanlu"))


def test_frecency_lifts_used_phrases_within_a_tier(lib, shop):
    assert titles(lib.search("fh"))[0] == "发货时间"
    for _ in range(3):
        lib.record_use(shop["fhtz"])
    assert titles(lib.search("fh"))[:2] == ["发货通知", "发货时间"]


def test_recent_uses_outweigh_old_ones(lib, shop):
    day = 86_400
    now = 1_800_000_000
    for k in range(5):
        lib.record_use(shop["fhsj"], when=now - 120 * day - k)  # many, four months ago
    lib.record_use(shop["fhtz"], when=now)  # one, today
    assert titles(lib.search("发货"))[:2] == ["发货通知", "发货时间"]


def test_pinned_come_before_unpinned_when_unused(lib, shop):
    lib.update(shop["tk"], pinned=True)
    assert titles(lib.search("退"))[0] == "退款进度"


def test_empty_query_gives_pinned_then_most_used(lib, shop):
    assert lib.search("") == []
    lib.update(shop["cz"], pinned=True)
    lib.record_use(shop["tk"])
    lib.record_use(shop["tk"])
    lib.record_use(shop["body"])
    assert titles(lib.search("")) == ["材质说明", "退款进度", "物流查询"]


def test_category_filter_limits_to_the_subtree(lib, shop):
    assert set(titles(lib.search("", category="售后"))) == {"退货运费", "退款进度"}
    assert titles(lib.search("发货", category="售中/物流查询")) == ["物流查询"]


def test_limit_is_respected(lib):
    for n in range(30):
        lib.add(f"退货说明{n}", "退货流程", "售后", code=f"th{n}")
    assert len(lib.search("退", limit=7)) == 7
    assert len(lib.search("退", limit=100)) == 30


def test_edits_and_deletes_show_up_in_the_next_search(lib, shop):
    lib.update(shop["cm"], title="身高尺码对照")
    assert titles(lib.search("sgcm")) == ["身高尺码对照"]
    lib.delete(shop["cm"])
    assert lib.search("sgcm") == []


def test_query_with_separator_characters_does_not_confuse_the_index(lib, shop):
    assert lib.search("\x1f") == []
    assert lib.search("\x1e退") != []


# ----- normalisation properties ---------------------------------------------------
@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1))
def test_full_width_ascii_folds_to_half_width_lower_case(text):
    wide = "".join(chr(ord(c) + 0xFEE0) for c in text)
    assert fold(wide) == fold(text) == text.casefold()


@given(st.lists(st.text(alphabet="退货发abcＡＢ１2", min_size=1, max_size=4), min_size=1, max_size=4))
def test_terms_split_on_any_white_space(words):
    query = "\u3000".join(words) + "  "
    assert terms(query) == [fold(w) for w in words]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="发货退款尺码运费亲您好abcxyz12", min_size=2, max_size=12), st.data())
def test_any_substring_of_a_title_finds_that_phrase(title, data):
    from desktop.core import Library

    with Library.memory() as library:
        p = library.add(title, "正文")
        start = data.draw(st.integers(0, len(title) - 1))
        end = data.draw(st.integers(start + 1, len(title)))
        query = title[start:end]
        if query.strip():
            assert p.id in [r.id for r in library.search(query, limit=5)]


def test_notes_and_buyer_questions_are_searched_below_names():
    from desktop.core import Library

    with Library.memory() as lib:
        by_note = lib.add("退货说明", "七天无理由", note="买家嫌质保短时")
        by_question = lib.add("换货说明", "寄回换新", examples=["能换个颜色吗"])
        by_title = lib.add("质保期限", "一年质保")
        assert [p.id for p in lib.search("质保")] == [by_title.id, by_note.id]
        assert [p.id for p in lib.search("换个颜色")] == [by_question.id]
        lib.update(by_note.id, note="")
        assert [p.id for p in lib.search("嫌")] == []
