"""建议: a buyer's own words find the phrase an agent would send."""

from __future__ import annotations

import pytest

from desktop.core import Library
from desktop.core.base.errors import ValidationError
from desktop.core.exchange.seed import open_library
from desktop.core.text.intents import clean_message, looks_like_message
from tests.store_access import raw_connection


@pytest.fixture(scope="module")
def lib():
    with open_library(":memory:") as lib:
        yield lib


def titles(lib, text, limit=3):
    return [s.phrase.title for s in lib.suggest(text, limit)]


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("我的快递到哪了", "物流查询"),
        ("收到的杯子是碎的", "收到问题件"),
        ("有货吗", "有现货"),
        ("会掉色吗", "起球掉色"),
        ("质保多久", "质保维修"),
    ],
)
def test_buyer_words_find_the_phrase(lib, message, title):
    assert title in titles(lib, message)


def test_noise_emoji_fullwidth_and_order_numbers_do_not_derail(lib):
    plain = titles(lib, "什么时候发货", 1)
    noisy = titles(lib, "亲 在吗？？　什么时候发货啊😊😊[微笑] 订单号：３２１４５６７８９０１２３４５６７８", 1)
    assert noisy == plain == ["发货时间"]


def test_order_number_is_recognised_for_the_placeholder_not_matched():
    cleaned = clean_message("订单号 321456789012345678 怎么还没发")
    assert cleaned.values["订单号"] == "321456789012345678"
    assert "3214" not in cleaned.text and "单号" not in cleaned.text
    assert "321456789012345678" not in repr(cleaned)


def test_typos_and_chat_headers_are_cleaned():
    cleaned = clean_message("小鱼儿88 2026-12-07 10:23:11\n我的快地到那了")
    assert cleaned.text == "我的快递到哪了"


def test_scores_are_relative_and_explained(lib):
    found = lib.suggest("能便宜点吗", 3)
    assert found[0].score == 1.0
    assert all(0 < s.score <= 1.0 for s in found)
    assert any(m.via == "便宜点" for m in found[0].matches)


def test_nothing_to_go_on_gives_nothing(lib):
    assert lib.suggest("🙂🙂", 3) == []
    assert lib.suggest("", 3) == []


def test_examples_are_a_phrase_field(lib):
    with Library.memory() as own:
        p = own.add("开箱视频", "拆箱时请录像", examples=["能不能 先拆开看|要不要录像\n录像吗", "录像吗"])
        assert p.examples == ("能不能 先拆开看", "要不要录像", "录像吗")
        assert own.suggest("拆开以前要录视频吗", 1)[0].phrase.id == p.id
        p = own.update(p.id, examples=[])
        assert p.examples == ()
        with pytest.raises(ValidationError):
            own.update(p.id, examples=["问" * 101])


def test_a_changed_library_is_suggested_from_at_once():
    with Library.memory() as own:
        own.add("到货提醒", "到货了我通知您")
        assert own.suggest("什么时候到货", 1)[0].phrase.title == "到货提醒"
        p = own.add("海运说明", "海外仓走海运，大约一个月")
        assert own.suggest("海运要多久", 1)[0].phrase.id == p.id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我的快递到哪了", True),
        ("在吗 能便宜点吗", True),
        ("321456789012345678", False),
        ("SF1234567890123", False),
        ("x", False),
        ("很长的一段文字" * 80, False),
    ],
)
def test_what_looks_like_a_buyer_message(text, expected):
    assert looks_like_message(text) is expected


def test_the_index_can_be_built_in_the_background():
    with open_library(":memory:") as own:
        thread = own.suggester.warm()
        assert thread is not None
        thread.join(30)
        assert own.suggester._index is not None
        assert own.suggest("我的快递到哪了", 3)[0].phrase.category[0] == "售中"


def test_a_change_during_the_background_build_is_not_lost():
    with Library.memory() as own:
        own.add("旧话术", "发货很快")
        thread = own.suggester.warm()
        p = own.add("海运说明", "海外仓走海运，大约一个月")
        thread.join(30)
        assert own.suggest("海运要多久", 1)[0].phrase.id == p.id


def test_learning_keeps_dictionary_words_only(tmp_path):
    message = "亲 杯子碎了 退钱 张三 13812345678 北京市朝阳区建国路88号 tb_lily2024 订单 321456789012345678"
    path = tmp_path / "library.db"
    with open_library(path) as own:
        pid = own.search("收到问题件", limit=1)[0].id
        words = own.suggester.learn(message, pid)
        assert set(words) <= {"碎", "碎了", "退钱"} and "退钱" in words
        stored = [w for (w,) in raw_connection(own).execute("SELECT word FROM suggest_learned")]
        assert sorted(stored) == sorted(words)
        assert own.suggest("碎了", 1)[0].phrase.id == pid
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    for secret in ("张三", "13812345678", "北京市", "建国路", "tb_lily2024", "321456789012345678",
                   "杯子碎了", message):
        assert secret.encode() not in raw and secret.encode("utf-16-le") not in raw
    with open_library(path) as own:
        assert own.suggester.forget() == len(words)
        assert own.suggester.learned_count() == 0


@pytest.mark.parametrize("text", ["顺丰快递 SF1409876543210", "订单号：321456789012345678", "中通 78912345678901"])
def test_copied_buyer_data_is_not_taken_for_a_question(text):
    assert looks_like_message(text) is False


def test_use_lifts_a_phrase_among_equals_wherever_it_sits_in_the_library():
    """The compact index finds a used phrase by id at the start, the end and when
    one id begins another; equal phrases are then ordered by that use."""
    from desktop.core.search.suggest import Doc, SuggestIndex, make_query

    ids = ["a", "ab", "abc", "b", "z9"]
    index = SuggestIndex(Doc(pid, "快递几天到", "发货后快递一般三天到") for pid in ids)
    query = make_query("快递几天到", [])
    for pid in ids:
        hits = index.score(query, limit=5, boost={pid: 0.3})
        assert hits[0].id == pid
        assert sorted(h.id for h in hits) == sorted(ids)
    assert index.score(query, limit=5, boost={"x": 0.3, "": 0.3})[0].raw == pytest.approx(
        index.score(query, limit=5)[0].raw
    )


def test_a_rare_word_outranks_a_common_one_after_the_weights_are_packed():
    """Weights are stored in a byte each: the order BM25 gives must survive that."""
    from desktop.core.search.suggest import Doc, SuggestIndex, make_query

    docs = [Doc(f"p{i}", f"发货说明{i}", "我们当天发货") for i in range(300)]
    docs.append(Doc("rare", "海运说明", "海外仓发货走海运，大约一个月"))
    docs.append(Doc("long", "空运说明", "海运" + "，其他说明" * 60))
    index = SuggestIndex(docs)
    hits = index.score(make_query("海运发货要多久", []), limit=3)
    assert [h.id for h in hits[:2]] == ["rare", "long"]
    assert hits[0].score == 1.0 and hits[1].score < 1.0
