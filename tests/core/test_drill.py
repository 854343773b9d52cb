"""练习: rounds from 买家常问, grading with 也算对, results, summary and the CSV a lead collects."""

from __future__ import annotations

import pytest

from desktop.core import Library
from desktop.core.base.errors import QuickReplyError, ValidationError
from desktop.core.exchange.formats import read_any, write_any
from desktop.core.exchange.importer import import_now
from desktop.core.training import drill, results
from desktop.core.training.typing_drill import TypingResult, pick_texts, practice_text


@pytest.fixture
def lib():
    with Library.memory() as lib:
        lib.add("退货流程", "亲，退货请在订单页申请～", ("售后", "退换"), code="thlc",
                examples=["怎么退货", "我要退货"], accept=["退货地址", "thxz"])  # fmt: skip
        lib.add("退货地址", "退货地址是：{退货地址}", ("售后", "退换"), code="thdz")
        lib.add("退货须知", "退货前请保持商品完好", ("售后",), code="thxz")
        lib.add("发货时间", "亲，下单后 48 小时内发货哦", ("售前",), code="fhsj",
                examples=["什么时候发货", "几天能发"])  # fmt: skip
        lib.add("欢迎", "您好，欢迎光临", ("售前",), code="hy")
        yield lib


def test_questions_come_from_examples_of_the_chosen_categories(lib):
    pool = drill.library_questions(lib, ["售后"])
    assert sorted(q.text for q in pool) == ["怎么退货", "我要退货"]
    assert {q.title for q in pool} == {"退货流程"}
    assert len(drill.library_questions(lib)) == 4


def test_accepted_alternatives_by_title_and_code_are_right_others_wrong(lib):
    q = drill.library_questions(lib, ["售后"])[0]
    by_title = {p.title: p for p in lib.phrases()}
    for title in ("退货流程", "退货地址", "退货须知"):
        assert drill.grade(q, by_title[title], 5.0, 20).correct, title
    wrong = drill.grade(q, by_title["发货时间"], 5.0, 20)
    assert not wrong.correct and wrong.in_time
    assert q.expected == "thlc · 退货流程"
    late = drill.grade(q, by_title["退货流程"], 25.0, 20)
    assert late.correct and not late.in_time
    timeout = drill.grade(q, None, 20.3, 20)
    assert not timeout.correct and not timeout.in_time and timeout.picked_title == ""


def test_same_seed_same_round_and_phrases_are_spread(lib):
    pool = drill.library_questions(lib)
    a = drill.draw(pool, 4, seed=7)
    assert a == drill.draw(pool, 4, seed=7)
    assert sorted(q.text for q in a) == sorted(q.text for q in pool)
    # one question of each phrase before the second of any
    assert {a[0].phrase_id, a[1].phrase_id} == {q.phrase_id for q in pool}
    orders = {tuple(q.text for q in drill.draw(pool, 4, seed=s)) for s in range(20)}
    assert len(orders) > 1
    assert len(drill.draw(pool, 10, seed=1)) == 10


def test_a_library_without_example_questions_is_a_clear_message():
    with Library.memory() as lib:
        lib.add("欢迎", "您好", ("售前",))
        with pytest.raises(ValidationError) as exc:
            drill.draw(drill.library_questions(lib), 10)
        assert "没有买家常问" in str(exc.value)
    with pytest.raises(ValidationError):
        drill.draw([drill.Question("x", "p", (), "t", None, frozenset({"p"}))], 0)


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".csv"])
def test_a_drill_pack_carries_accepted_alternatives(lib, tmp_path, suffix):
    path = tmp_path / f"pack{suffix}"
    write_any(path, lib)
    with Library.memory() as other:
        import_now(other, read_any(path))
        p = other.find_by_code("thlc")
        assert p.accept == ("退货地址", "thxz")
        assert p.examples == ("怎么退货", "我要退货")
        q = drill.library_questions(other, ["售后"])[0]
        assert q.accepted == {other.find_by_code(c).id for c in ("thlc", "thdz", "thxz")}


def test_accept_is_cleaned_and_bounded(lib):
    p = lib.find_by_code("hy")
    assert lib.update(p.id, accept="  退货地址 ｜ thxz|退货地址\n").accept == ("退货地址", "thxz")
    with pytest.raises(ValidationError):
        lib.update(p.id, accept=[f"x{i}" for i in range(11)])


def _round(lib, name="小王", day=0.0):
    res = results.DrillResults(lib)
    pool = drill.library_questions(lib)
    by_code = {p.code: p for p in lib.phrases()}
    picks = [("thlc", 4.0), ("hy", 9.0), (None, 20.0), ("thdz", 12.0)]
    for q, (code, secs) in zip(drill.draw(pool, 4, seed=3), picks):
        res.add_answer(name, drill.grade(q, by_code.get(code), secs, 20), at=1_760_000_000 + day)
    return res


def test_results_are_kept_per_trainee_and_summarised(lib):
    res = _round(lib)
    _round(lib, "小李", day=86_400)
    assert res.trainees() == ["小李", "小王"]
    rows = res.rows("小王")
    assert len(rows) == 4 and all(r.trainee == "小王" for r in rows)
    s = results.summarize(rows)
    assert s.answers == 4
    assert s.correct == sum(r.correct for r in rows)
    assert s.median_seconds == 10.5
    assert s.within_limit == 0.75  # the timed-out one is not within the limit
    assert len(s.days) == 1 and s.days[0].answers == 4
    both = results.summarize(res.rows())
    assert [d.day for d in both.days] == sorted({d.day for d in both.days}) and len(both.days) == 2


def test_weakest_categories_come_first_and_perfect_ones_are_left_out():
    rows = [results.Row("answer", "a", 0, "售前", "q", "e", "x", ok, 3, 20)
            for ok in (True, False, False)]  # fmt: skip
    rows += [results.Row("answer", "a", 0, "售后", "q", "e", "x", ok, 3, 20) for ok in (True, False)]
    rows += [results.Row("answer", "a", 0, "物流", "q", "e", "e", True, 3, 20) for _ in range(3)]
    s = results.summarize(rows)
    assert [(w.category, round(w.accuracy, 2)) for w in s.weakest] == [("售前", 0.33), ("售后", 0.5)]
    assert s.missed == ("e",)


def test_csv_round_trip_is_excel_ready_and_formula_safe(lib, tmp_path):
    res = _round(lib, "=HYPERLINK(1)")
    res.add_typing("=HYPERLINK(1)", TypingResult("亲，下单后四十八小时内发货", "亲，下单后四十八小时内发或", 6.0))
    rows = res.rows()
    path = tmp_path / "成绩.csv"
    results.write_csv(rows, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "\r\n'=HYPERLINK(1)," in text and "\r\n=HYPERLINK" not in text
    assert results.read_csv(path) == rows
    with pytest.raises(QuickReplyError) as exc:
        results.write_csv(rows, tmp_path / "missing" / "x.csv")
    assert "无法写入" in str(exc.value)
    assert not list(tmp_path.glob("missing*"))


def test_typing_speed_counts_committed_han_characters_and_accuracy():
    exact = TypingResult("亲，您的包裹已经发出啦", "亲，您的包裹已经发出啦", 10.0)
    assert exact.chars == 10 and exact.errors == 0 and exact.accuracy == 1.0
    assert exact.per_minute == pytest.approx(60.0)
    one_wrong = TypingResult("亲，您的包裹已经发出啦", "亲，您的包过已经发出啦", 10.0)
    assert one_wrong.chars == 9 and one_wrong.errors == 1
    assert one_wrong.accuracy == pytest.approx(10 / 11)
    missing = TypingResult("亲，您的包裹已经发出啦", "亲，您的包已经发出啦", 10.0)
    assert missing.errors == 1 and missing.chars == 9  # later characters still line up
    assert TypingResult("亲你好", "", 0).per_minute == 0.0


def test_typing_speed_is_remembered_per_trainee(lib):
    res = results.DrillResults(lib)
    assert res.typing_speed("小王") is None
    res.add_typing("小王", TypingResult("亲，您的包裹已经发出啦", "亲，您的包裹已经发出啦", 6.0))
    res.add_typing("小王", TypingResult("亲，您的包裹已经发出啦", "亲，您的包裹已经发出啦", 12.0))
    assert res.typing_speed("小王") == 67  # 20 汉字 in 18 s
    assert results.summarize(res.rows("小王")).per_minute == pytest.approx(200 / 3)


def test_practice_text_drops_placeholders_and_picks_long_enough_bodies(lib):
    assert practice_text("{称呼|亲}，您好！\n欢迎光临{店铺名}") == "亲，您好！ 欢迎光临"
    assert practice_text("{买家昵称}，{快递:顺丰/圆通}已发出") == "顺丰已发出"
    texts = pick_texts(lib.phrases(), 5, seed=1)
    assert texts and all(len(t) >= 8 for t in texts)
    assert texts == pick_texts(lib.phrases(), 5, seed=1)
