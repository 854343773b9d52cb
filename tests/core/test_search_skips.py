"""Skip masks change how much text a search reads, never what it finds or in which order.

Each test builds the same index twice, one walking every text plainly and one
with its skip masks built, and compares the results; blocks are made a few
entries long so that small libraries have many of them.
"""

from __future__ import annotations

import gc
import json
import weakref

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.search import index as index_module
from desktop.core.search.index import FIELD, SearchIndex, _build_skips
from desktop.core.search.textnorm import fold
from tests.core.search_strategies import ALPHABET, entries

CATEGORIES = {1: (FIELD + "售后", FIELD + "shouhou"), 2: (FIELD + "发货", FIELD + "fahuo")}


def make_index(entries, block, *, skips):
    """``entries``: (code, name fields, body, pinyin, category id) in static order."""
    index = SearchIndex(
        [f"p{i}" for i in range(len(entries))],
        [e[4] for e in entries],
        [e[0] for e in entries],
        (
            [fold(FIELD + FIELD.join(f for f in (e[0] or "", *e[1]) if f)) for e in entries],
            [fold(FIELD + e[2]) for e in entries],
            [FIELD + e[3] for e in entries],
        ),
        CATEGORIES,
        block=block,
    )
    if skips:
        index.build_skips()
        assert None not in (index.names.skips, index.body.skips, index.pinyin.skips)
    return index


def both(entries, block=3):
    return make_index(entries, block, skips=False), make_index(entries, block, skips=True)


def plain_entry(i):
    return (f"c{i}", [f"标题{i}", "biaoti"], f"正文{i}内容", "zhengwen", 1 + i % 2)


def search_both(entries, query, block=3, **kwargs):
    plain, skipping = both(entries, block)
    expected = plain.search(query, **kwargs)
    assert skipping.search(query, **kwargs) == expected
    return expected


entry = entries("abhuz", [1, 2])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entries=st.lists(entry, min_size=1, max_size=40),
    block=st.integers(1, 5),
    data=st.data(),
)
def test_a_search_with_skip_masks_finds_what_a_plain_walk_finds(entries, block, data):
    plain, skipping = both(entries, block)
    texts = [e[2] for e in entries] + [f for e in entries for f in e[1]] + [e[3] for e in entries]
    texts += [e[0] for e in entries if e[0]]
    # Terms cut out of the library's own texts match something; random ones often not.
    cut = data.draw(st.sampled_from(texts)) if texts else ""
    start = data.draw(st.integers(0, max(0, len(cut) - 1)))
    term = cut[start : start + data.draw(st.integers(1, 4))]
    other = data.draw(st.text(ALPHABET, max_size=3))
    query = data.draw(st.sampled_from([term, other, f"{term} {other}", f"{other} {term}"]))
    used = data.draw(st.lists(st.integers(0, len(entries) - 1), unique=True, max_size=4))
    kwargs = {
        "limit": data.draw(st.integers(1, 8)),
        "ranked_used": [f"p{i}" for i in used],
        "categories": data.draw(st.sampled_from([None, {1}, {2}, {1, 2}])),
    }
    assert skipping.search(query, **kwargs) == plain.search(query, **kwargs)


@pytest.mark.parametrize("where", [0, 1, 2, 3, 5, 6, 17, 18, 19])
@pytest.mark.parametrize(
    ("put", "query"),
    [
        # an exact code, and the same code inside another phrase's title and body
        (lambda e: ("yjsh30982", e[1], e[2], e[3], e[4]), "yjsh30982"),
        (lambda e: (e[0], [*e[1], "款yjsh30982号"], e[2], e[3], e[4]), "yjsh30982"),
        (lambda e: (e[0], e[1], e[2] + "见yjsh30982", e[3], e[4]), "yjsh30982"),
        # a rare 汉字 term in a name field, at its start (tier 1) and in the body
        (lambda e: (e[0], [*e[1], "鳄鱼皮带"], e[2], e[3], e[4]), "鳄鱼"),
        (lambda e: (e[0], [*e[1], "鳄鱼皮带"], e[2], e[3], e[4]), "皮带"),
        (lambda e: (e[0], e[1], e[2] + "鳄鱼皮带", e[3], e[4]), "鳄鱼"),
        # ASCII next to 汉字, both ways round, and a character outside the BMP
        (lambda e: (e[0], [*e[1], "XL码偏大"], e[2], e[3], e[4]), "xl码"),
        (lambda e: (e[0], e[1], e[2] + "偏大码XL", e[3], e[4]), "码xl"),
        (lambda e: (e[0], e[1], e[2] + "送𠀀礼", e[3], e[4]), "𠀀礼"),
        # a term only body pinyin holds
        (lambda e: (e[0], e[1], e[2], e[3] + "qqxq", e[4]), "qqxq"),
    ],
)
def test_a_rare_term_is_found_wherever_it_sits(where, put, query):
    """Entries 0..19 in blocks of 3: first, last, both sides of block boundaries."""
    entries = [plain_entry(i) for i in range(20)]
    entries[where] = put(entries[where])
    found = search_both(entries, query, limit=20)
    assert f"p{where}" in found


def test_a_rare_term_in_several_places_keeps_the_plain_order():
    entries = [plain_entry(i) for i in range(40)]
    for i in (2, 3, 26, 39):
        entries[i] = (entries[i][0], entries[i][1], entries[i][2] + "退换货", *entries[i][3:])
    entries[30] = ("thh", ["退换货须知"], "", "", 2)
    entries[7] = (entries[7][0], [*entries[7][1], "说明退换货"], *entries[7][2:])
    found = search_both(entries, "退换货", limit=20)
    # the title that starts with it, the title holding it, then the bodies in order
    assert found == ["p30", "p7", "p2", "p3", "p26", "p39"]


def test_used_phrases_and_category_scope_still_lead_and_limit():
    entries = [plain_entry(i) for i in range(30)]
    for i in (1, 14, 29):
        entries[i] = (entries[i][0], entries[i][1], entries[i][2] + "鳄鱼", *entries[i][3:])
    assert search_both(entries, "鳄鱼", ranked_used=["p29", "p5"]) == ["p29", "p1", "p14"]
    # categories alternate: odd entries are in category 2
    assert search_both(entries, "鳄鱼", categories={2}) == ["p1", "p29"]
    assert search_both(entries, "鳄鱼", limit=2) == ["p1", "p14"]


def test_category_names_are_still_searched_with_the_body():
    entries = [plain_entry(i) for i in range(12)]
    entries[11] = ("zz", ["唯一"], "", "", 2)
    # 发货 is only a category name (category 2) and the term a rare code
    assert search_both(entries, "zz 发货") == ["p11"]


def test_a_term_no_block_holds_reads_nothing():
    entries = [plain_entry(i) for i in range(20)]
    skipping = make_index(entries, 3, skips=True)
    assert skipping.names.skips.candidates("鳄鱼") == 0
    assert skipping.names.skips.candidates("qxq") == 0
    assert skipping.names.skips.candidates(FIELD + "正") == 0  # no name field starts with 正
    assert skipping.pinyin.skips.candidates("zhenqq") == 0  # neither "nq" nor "qq" in pinyin
    assert skipping.body.skips.candidates("正文") == (1 << skipping.body.blocks) - 1
    assert skipping.search("鳄鱼") == []


def test_a_long_walk_builds_the_masks_in_the_background_and_results_stay(monkeypatch):
    monkeypatch.setattr(index_module, "_BACKGROUND_ENTRIES", 50)
    entries = [plain_entry(i) for i in range(60)]
    entries[55] = ("yjsh30982", ["唯一"], "", "", 1)
    plain, _ = both(entries)
    index = make_index(entries, 3, skips=False)
    assert index.search("标题") == plain.search("标题")  # 20 found early: nothing to build
    assert index._skips_thread is None
    first = index.search("yjsh30982")
    index._skips_thread.join(timeout=30)
    assert None not in (index.names.skips, index.body.skips, index.pinyin.skips)
    assert index.search("yjsh30982") == first == plain.search("yjsh30982") == ["p55"]


def test_a_background_build_pauses_between_blocks(monkeypatch):
    """It leaves the interpreter to the GUI thread after each block."""
    monkeypatch.setattr(index_module, "_BACKGROUND_ENTRIES", 50)
    monkeypatch.setattr(index_module, "_YIELD_S", 0.01)
    index = make_index([plain_entry(i) for i in range(120)], 3, skips=False)  # 40 blocks
    index.build_skips_in_background()
    assert index.skips_pending()
    assert index.wait_for_skips(timeout=0.2) is False  # 3 texts × 40 pauses: 1.2 s at least
    assert index.wait_for_skips(timeout=60) is True
    assert not index.skips_pending()


def test_a_replaced_index_is_freed_and_its_build_stops():
    entries = [plain_entry(i) for i in range(20)]
    index = make_index(entries, 3, skips=False)
    ref = weakref.ref(index.names)
    del index
    gc.collect()
    assert ref() is None
    assert _build_skips(ref, chars=True, field_starts=True) is None


def test_a_library_finds_the_same_before_and_after_its_masks_are_built(tmp_path):
    """End to end: a rare code, a rare title term and a letters-only term, searched
    while the masks are built in the background, once they are in use, and after
    an edit (which replaces the index)."""
    from desktop.core import Library
    from desktop.core.exchange.importer import import_now
    from desktop.core.exchange.packs import parse_pack

    size = index_module._BACKGROUND_ENTRIES + 200
    phrases = [
        {
            "category": ["售后" if i % 3 else "发货", "退换"],
            "title": f"退换说明{i}",
            "body": f"亲，七天无理由退换，第{i}号说明",
            "code": f"th{i}",
        }
        for i in range(size)
    ]
    phrases[size - 1]["title"] = "鳄鱼皮带保养"
    pack = {"format": "quickreply.pack", "version": 1, "phrases": phrases}
    queries = [f"th{size - 2}", "鳄鱼", "eyu", "qqxq", "退换 说明1", "七天"]
    with Library.open(tmp_path / "lib.db") as lib:
        import_now(lib, parse_pack(json.dumps(pack, ensure_ascii=False)))
        before = [lib.search(q) for q in queries]
        index = lib._ensure_index()
        assert index.wait_for_skips(timeout=60)  # a rare query started the build
        assert [lib.search(q) for q in queries] == before
        assert [p.title for p in before[1]] == ["鳄鱼皮带保养"]
        lib.update(before[1][0].id, title="鳄鱼皮带清洁")
        assert [p.title for p in lib.search("鳄鱼")] == ["鳄鱼皮带清洁"]
        assert lib.search("保养") == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entry, min_size=1, max_size=40), st.integers(min_value=1, max_value=5), st.data())
def test_stored_masks_answer_as_the_built_ones(entries, block, data):
    built = make_index(entries, block, skips=True)
    loaded = SearchIndex.from_parts(built.parts())
    for name in ("names", "body", "pinyin"):
        assert getattr(loaded, name).skips is not None
    patterns = data.draw(st.lists(st.text(ALPHABET + "\x1f", min_size=1, max_size=4), max_size=8))
    for pattern in patterns:
        for name in ("names", "body", "pinyin"):
            mine, theirs = getattr(built, name).skips, getattr(loaded, name).skips
            assert theirs.candidates(pattern) == mine.candidates(pattern)


def test_an_index_loaded_with_its_masks_skips_from_the_first_search():
    entries = [plain_entry(i) for i in range(200)]
    loaded = SearchIndex.from_parts(make_index(entries, 3, skips=True).parts())
    assert loaded.search("鳄鱼") == []
    assert not any(t.read_whole for t in (loaded.names, loaded.body, loaded.pinyin))


@pytest.mark.parametrize("cut", [1, 7, -1])
def test_damaged_stored_masks_are_refused(cut):
    from desktop.core.search.skips import Skips

    parts = make_index([plain_entry(i) for i in range(20)], 3, skips=True).parts()
    data = parts["names.skips"]
    with pytest.raises(ValueError):
        Skips.from_bytes(data[:cut] if cut > 0 else data + b"\x00")
    parts["body.skips"] = make_index([plain_entry(i) for i in range(90)], 3, skips=True).parts()["body.skips"]
    with pytest.raises(ValueError):  # masks of another index
        SearchIndex.from_parts(parts)
