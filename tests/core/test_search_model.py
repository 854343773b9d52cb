"""The search index finds what the ranking rule says, in its order, however it is built.

The rule, written out plainly below (``expected``): an exact shortcut code
first; then, tier by tier, a single term starting a name field, every term in
the name fields, every term anywhere (body, notes, body pinyin, the names and
pinyin of the phrase's category and its parents).  Inside a tier, phrases with
uses come first in frecency order, then the rest in library order; nothing
twice; at most ``limit``.  The index is checked fresh, with its skip masks,
and after a round trip through its stored parts, with and without its masks.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.search.index import FIELD, SearchIndex, category_keys
from desktop.core.search.textnorm import fold, terms
from tests.core.search_strategies import ALPHABET, entries

# Category names share characters and letters with the phrases, so queries hit both.
CATEGORY_PATHS = {
    1: (["售后"], ["shouhou"]),
    2: (["售后", "退货"], ["shouhou", "tuihuo"]),
    3: (["发货a"], ["fahuoa"]),
    4: (["Ｚ码"], ["zma"]),
}
CATEGORIES = {cid: category_keys(path, pinyin) for cid, (path, pinyin) in CATEGORY_PATHS.items()}


def make_keys(entry):
    code, fields, body, pinyin, _cat = entry
    return (
        fold(FIELD + FIELD.join(f for f in (code or "", *fields) if f)),
        fold(FIELD + body),
        FIELD + pinyin,
    )


def build(entries, block):
    keys = [make_keys(e) for e in entries]
    return SearchIndex(
        [f"p{i}" for i in range(len(entries))],
        [e[4] for e in entries],
        [e[0] for e in entries],
        ([k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys]),
        CATEGORIES,
        block=block,
    )


def expected(entries, query, limit, used=(), scope=None):
    """The ranking rule, one phrase at a time."""
    words = [w for w in (t.replace("\x1e", "").replace("\x1f", "") for t in terms(query)) if w]
    keys = [make_keys(e) for e in entries]
    n = len(entries)
    in_scope = [scope is None or e[4] in scope for e in entries]
    used_idx = [int(p[1:]) for p in used]

    def anywhere(i, w):
        names, body, pinyin = keys[i]
        cat_names, cat_pinyin = CATEGORIES[entries[i][4]]
        letters = w.isascii() and w.isalpha()
        return (
            w in names
            or w in body
            or w in cat_names
            or (letters and (w in pinyin or w in cat_pinyin))
        )

    tiers = []
    if len(words) == 1:
        tiers.append(lambda i: FIELD + words[0] in keys[i][0])
    tiers.append(lambda i: all(w in keys[i][0] for w in words))
    tiers.append(lambda i: all(anywhere(i, w) for w in words))

    result: list[int] = []
    code = "".join(words)
    result += [
        i for i in range(n)
        if in_scope[i] and entries[i][0] and fold(entries[i][0]) == code
    ]
    for tier in tiers:
        ordered = [i for i in used_idx] + [i for i in range(n) if i not in used_idx]
        result += [i for i in ordered if in_scope[i] and i not in result and tier(i)]
    return [f"p{i}" for i in result[:limit]]


def round_trip(index):
    return SearchIndex.from_parts(index.parts())


entry = entries("abhuzos", sorted(CATEGORY_PATHS))
query = st.lists(
    st.one_of(
        st.text(ALPHABET.strip(), min_size=1, max_size=3),
        st.sampled_from(["售后", "售", "退货", "shou", "hou", "tuihuo", "fahuoa", "发货a", "z码", "zma"]),
    ),
    min_size=1,
    max_size=3,
).map(" ".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(entry, max_size=30),
    query,
    st.integers(min_value=1, max_value=8),
    st.integers(min_value=1, max_value=4),
    st.data(),
)
def test_search_follows_the_ranking_rule(entries, text, limit, block, data):
    n = len(entries)
    used = data.draw(st.lists(st.sampled_from([f"p{i}" for i in range(n)]), unique=True)) if n else []
    scope = data.draw(st.one_of(st.none(), st.sets(st.sampled_from(sorted(CATEGORY_PATHS)), min_size=1)))
    want = expected(entries, text, limit, used, scope)
    fresh = build(entries, block)
    masked = build(entries, block)
    masked.build_skips()
    for index in (fresh, masked, round_trip(fresh), round_trip(masked)):
        got = index.search(text, limit, ranked_used=used, categories=scope)
        assert got == want, (index, text)


def test_a_term_only_in_the_category_path_finds_every_phrase_there():
    entries = [(None, ["标题"], "正文", "zhengwen", cid) for cid in (1, 2, 3, 2)]
    index = build(entries, 2)
    assert index.search("退货") == ["p1", "p3"]
    assert index.search("shouhou") == ["p0", "p1", "p3"]
    assert index.search("售后 退货") == ["p1", "p3"]
    assert round_trip(index).search("tuihuo 正文") == ["p1", "p3"]
