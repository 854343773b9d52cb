"""A fast import must store exactly what writing the phrases one by one stores.

The import takes short cuts for speed (a quicker NFKC, cleaning and category
lookups remembered, one batched INSERT); these tests hold every stored column,
the search keys above all, to what ``Library.add`` writes for the same input.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import unicodedata
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import Library, PackError, QuickReplyError
from desktop.core.base.memory import collector_paused
from desktop.core.base.resources import read_text
from desktop.core.base.textcheck import json_may_hold_lone_surrogate, surrogate_place
from desktop.core.exchange import importer
from desktop.core.exchange.formats.base import clean_phrase
from desktop.core.exchange.importer import import_now
from desktop.core.exchange.packs import Pack, PackPhrase, parse_pack
from desktop.core.search import textnorm
from desktop.core.search.textnorm import fold
from desktop.core.store.content_token import content_token
from desktop.core.store.phrase_batch import _MANY, PhraseBatch
from desktop.core.store.validation import strip_controls
from tests.store_access import raw_connection

# Text where NFKC has work to do: full-width forms, compatibility ideographs and
# radicals, enclosed and squared forms, Latin with combining marks, Hangul jamo.
AWKWARD = (
    "ＡＢｃ１２，。！？（）：；　〜～·—"
    "\uf900\uf9ff\ufa0e\u2f00\u2f08\u2e80\u3231\u3300\u337f\u32a4"
    "e\u0301\u0301\u0327\u0345Å\u212b\u1100\u1161\u11a8ǰİßﬁ"
    "发货行长重还乐"
)
MIXED = st.text(
    st.one_of(st.sampled_from(AWKWARD), st.characters(blacklist_categories=("Cs",))),
    max_size=30,
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_fold_is_nfkc_then_casefold(text):
    assert fold(text) == unicodedata.normalize("NFKC", text).casefold()


def test_fold_matches_nfkc_for_every_character():
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        assert fold(ch) == unicodedata.normalize("NFKC", ch).casefold(), hex(code)


# ----- import == one by one ------------------------------------------------------------
HAN = "发货退款行长重还乐得了地都好的银行店长重量还有发现快递尺码颜色质量物流"
SOME_TEXT = st.text(
    st.one_of(
        st.sampled_from(HAN),
        st.sampled_from(AWKWARD),
        st.sampled_from("abcXYZ019 ,.!?-_/{}|"),
        st.sampled_from(" \t\n\r\x07\u3000"),
        st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF),
    ),
    max_size=40,
)
VISIBLE = SOME_TEXT.filter(lambda s: strip_controls(s).strip())
NAME = st.text(st.sampled_from(HAN + "abcＡＢ1 "), min_size=1, max_size=6).filter(
    lambda s: s.strip()
)
TAG = st.text(st.sampled_from(HAN + "abcＡＢ1，, "), max_size=8)

PHRASE = st.fixed_dictionaries(
    {
        "title": VISIBLE.map(lambda s: s[:90]),
        "body": VISIBLE,
        "category": st.lists(NAME, min_size=1, max_size=3),
        "code": st.one_of(st.none(), st.text(st.sampled_from("abcfhＡＢ12"), min_size=1, max_size=6)),
        "tags": st.lists(TAG, max_size=3),
        "note": SOME_TEXT,
        "pinned": st.booleans(),
        "examples": st.lists(SOME_TEXT, max_size=2),
        "accept": st.lists(SOME_TEXT, max_size=2),
    }
)


def stored(lib: Library) -> tuple[list[tuple], list[tuple]]:
    """Every stored column but ids and times, phrases in the order written."""
    conn = raw_connection(lib)
    paths = {c.id: c.path for c in lib.categories()}
    phrases = [
        (paths[row[0]], *row[1:])
        for row in conn.execute(
            "SELECT category_id, title, body, code, tags, note, pinned, position, search_names,"
            " search_body, search_pinyin, examples, accept, deleted_at FROM phrases ORDER BY rowid"
        )
    ]
    categories = [
        (paths[row[0]], *row[1:])
        for row in conn.execute(
            "SELECT id, position, note, read_only, search_pinyin, search_for FROM categories"
            " ORDER BY id"
        )
    ]
    return phrases, categories


def unique(phrases: list[dict]) -> list[dict]:
    """Distinct titles and codes, so the import adds every phrase instead of matching one."""
    seen: set[str] = set()
    out = []
    for n, p in enumerate(phrases):
        code = p["code"] and fold(p["code"]).strip()
        if code in seen:
            p = {**p, "code": None}
        elif code:
            seen.add(code)
        out.append({**p, "title": f"{p['title']}{n}"})
    return out


def add_one_by_one(lib: Library, phrases: list[dict]) -> None:
    for p in phrases:
        lib.add(
            p["title"],
            p["body"],
            p["category"],
            code=p["code"],
            tags=p["tags"],
            note=p["note"],
            pinned=p["pinned"],
            examples=p["examples"],
            accept=p["accept"],
        )


def as_pack(phrases: list[dict]) -> Pack:
    return Pack(
        phrases=[
            PackPhrase(
                category=tuple(p["category"]),
                title=p["title"],
                body=p["body"],
                code=p["code"],
                tags=tuple(p["tags"]),
                note=p["note"],
                pinned=p["pinned"],
                examples=tuple(p["examples"]),
                accept=tuple(p["accept"]),
            )
            for p in phrases
        ]
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PHRASE, min_size=1, max_size=12))
def test_an_import_stores_what_adding_one_by_one_stores(phrases):
    phrases = unique(phrases)
    with Library.memory() as one_by_one, Library.memory() as imported:
        add_one_by_one(one_by_one, phrases)
        report = import_now(imported, as_pack(phrases))
        assert len(report.added) == len(phrases)
        assert stored(imported) == stored(one_by_one)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PHRASE)
def test_cleaning_a_clean_phrase_changes_nothing(p):
    """The import cleans each phrase once (in the preview), where it used to clean twice."""
    raw = as_pack([p]).phrases[0]
    try:
        once = clean_phrase(raw)
    except QuickReplyError:
        return
    assert clean_phrase(once) == once


# Few codes, titles and categories, so that rows of a file meet each other and the
# library's phrases: conflicts, copies with free codes, replaces that move a phrase.
CLASHING = st.fixed_dictionaries(
    {
        "title": st.sampled_from(["发货", "退款", "尺码", "ab"]),
        "body": st.sampled_from(["亲，已发货", "退款已到账", "偏大一码", "x"]),
        "category": st.sampled_from([["售后"], ["售后", "退换"], ["售前"]]),
        "code": st.one_of(st.none(), st.sampled_from(["fh", "tk", "cm", "FH"])),
        "tags": st.lists(st.sampled_from(["急", "顺丰"]), max_size=2),
        "note": st.sampled_from(["", "备注"]),
        "pinned": st.booleans(),
        "examples": st.just([]),
        "accept": st.just([]),
    }
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(CLASHING, max_size=5),
    st.lists(CLASHING, min_size=1, max_size=10),
    st.sampled_from(["skip", "replace", "copy"]),
)
def test_a_batched_import_stores_what_a_row_by_row_import_stores(existing, incoming, policy):
    """Every policy, rows that clash with the library and with each other."""
    existing = unique(existing)

    def row_by_row(batch, **fields):
        phrase_id = real_add(batch, **fields)
        batch.write()  # each new phrase reaches the file before the next is looked at
        return phrase_id

    real_add = PhraseBatch.add
    with Library.memory() as batched, Library.memory() as one_at_a_time:
        for lib in (batched, one_at_a_time):
            add_one_by_one(lib, existing)
        report = import_now(batched, as_pack(incoming), policy)
        with mock.patch.object(PhraseBatch, "add", row_by_row):
            reference = import_now(one_at_a_time, as_pack(incoming), policy)
        assert (len(report.added), len(report.replaced), report.skipped) == (
            len(reference.added),
            len(reference.replaced),
            reference.skipped,
        )
        assert stored(batched) == stored(one_at_a_time)


def test_the_default_library_imported_is_the_default_library_added_one_by_one():
    doc = json.loads(read_text("library", "default.json"))
    phrases = [
        {
            "title": p["title"],
            "body": p["body"],
            "category": p["category"],
            "code": p.get("code"),
            "tags": p.get("tags", []),
            "note": p.get("note", ""),
            "pinned": p.get("pinned", False),
            "examples": p.get("examples", []),
            "accept": p.get("accept", []),
        }
        for p in doc["phrases"]
    ]
    with Library.memory() as one_by_one, Library.memory() as imported:
        add_one_by_one(one_by_one, phrases)
        import_now(imported, as_pack(phrases))
        ours, theirs = stored(imported), stored(one_by_one)
        assert len(ours[0]) == len(phrases) > 100
        assert ours == theirs


def test_titles_keep_the_reading_their_words_give_polyphonic_characters(lib):
    import_now(lib, as_pack(unique([
        {"title": t, "body": "内容", "category": ["测试"], "code": None, "tags": [], "note": "",
         "pinned": False, "examples": [], "accept": []}
        for t in ("银行卡", "行走", "店长", "长度", "重量", "重新发货", "还有", "还钱")
    ])))
    names = [row[8] for row in stored(lib)[0]]
    for reading in ("yinhangka", "xingzou", "dianzhang", "changdu", "zhongliang",
                    "chongxinfahuo", "haiyou", "huanqian"):
        assert any(reading in n for n in names), reading


def test_new_phrases_and_a_replaced_one_take_places_in_file_order(lib):
    """A replace between new phrases moves its phrase after the ones written before it."""
    lib.add("旧的", "旧内容", "甲", code="x")
    rows = [
        PackPhrase(category=("乙",), title="新一", body="一"),
        PackPhrase(category=("乙",), title="换了", body="新内容", code="x"),
        PackPhrase(category=("乙",), title="新二", body="二"),
    ]
    report = import_now(lib, Pack(phrases=rows), "replace")
    assert len(report.added) == 2 and len(report.replaced) == 1
    placed = [(p.title, p.position) for p in lib.phrases("乙")]
    assert placed == [("新一", 0), ("换了", 1), ("新二", 2)]


# ----- reading a pack -------------------------------------------------------------------
JSON_TEXT = st.text(
    st.one_of(st.sampled_from("\ud800\udc00\ud83d\ude00\\u\"dD89aAfF"), st.characters()),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(JSON_TEXT, max_size=4), st.booleans())
def test_the_quick_look_for_surrogates_misses_none(values, ascii_only):
    text = json.dumps({"phrases": values}, ensure_ascii=ascii_only)
    if not json_may_hold_lone_surrogate(text):
        assert surrogate_place(json.loads(text)) is None


@pytest.mark.parametrize(
    "text",
    ['{"a": "\\ud800"}', '{"a": "\\uDBFF x"}', '{"a": "x\\udc00"}', '{"\\udfff": 1}', '{"a": "\ud800"}'],
)
def test_a_lone_surrogate_in_the_text_or_escaped_is_looked_at(text):
    assert json_may_hold_lone_surrogate(text)
    assert surrogate_place(json.loads(text)) is not None


def test_a_pack_with_an_escaped_lone_surrogate_is_still_refused():
    text = '{"format": "quickreply.pack", "version": 1, "phrases": [{"title": "a", "body": "\\udc01"}]}'
    with pytest.raises(PackError, match="U\\+DC01"):
        parse_pack(text)


# ----- the content token (建议's stored index is rebuilt when it changes) ----------------
def token_and_triggers(lib: Library) -> tuple[bytes | None, list[tuple]]:
    conn = raw_connection(lib)
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()
    return content_token(conn), triggers


def many(count: int) -> Pack:
    return Pack(phrases=[PackPhrase(("批量",), f"第{n}条", f"内容{n}") for n in range(count)])


def test_a_large_import_changes_the_token_and_keeps_its_triggers(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        token, triggers = token_and_triggers(lib)
        cache = raw_connection(lib).execute("PRAGMA cache_size").fetchone()
        import_now(lib, many(_MANY + 5))
        after, triggers_after = token_and_triggers(lib)
        assert after != token and triggers_after == triggers
        assert raw_connection(lib).execute("PRAGMA cache_size").fetchone() == cache
        lib.add("再加一条", "内容", "批量")
        assert token_and_triggers(lib)[0] != after  # the insert trigger still works


def test_a_large_import_that_fails_leaves_token_and_triggers_as_they_were(tmp_path):
    with Library.open(tmp_path / "lib.db") as lib:
        lib.add("已有", "内容", "批量", code="p0")
        # A row the file refuses half-way through the batch, as a full disk would.
        raw_connection(lib).execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON phrases WHEN NEW.title = '第2000条'"
            " BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
        before = token_and_triggers(lib)
        with pytest.raises(sqlite3.IntegrityError):
            import_now(lib, many(_MANY + 5))
        assert token_and_triggers(lib) == before
        assert [p.title for p in lib.phrases()] == ["已有"]


# ----- memory -----------------------------------------------------------------------------
def test_a_large_import_hands_its_memory_back_and_collects_garbage_again(lib, monkeypatch):
    given_back = []
    monkeypatch.setattr(importer, "give_back_freed_memory", lambda: given_back.append(1))
    import_now(lib, many(importer._LARGE))
    assert given_back == [1]
    assert gc.isenabled()
    assert textnorm._run_pinyin.cache_info().currsize == 0  # titles' pinyin not kept
    import_now(lib, many(3))  # a small one (seeding a new library) costs nothing extra
    assert given_back == [1]


def test_a_large_import_that_fails_still_collects_garbage_again(lib, monkeypatch):
    given_back = []
    monkeypatch.setattr(importer, "give_back_freed_memory", lambda: given_back.append(1))
    pack = many(importer._LARGE)
    pack.phrases[-1].title = "\ud800"  # refused in the preview, after thousands of others
    with pytest.raises(PackError):
        import_now(lib, pack)
    assert gc.isenabled() and given_back == [1]
    assert lib.count() == 0


def test_pausing_the_collector_twice_resumes_it_only_at_the_outer_end():
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
