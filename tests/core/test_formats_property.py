"""Property: any phrase the library accepts survives export → import in every format."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import Library
from desktop.core.exchange.formats import read_any, write_any
from desktop.core.exchange.formats.table import escape_cell, unescape_cell
from desktop.core.exchange.importer import import_now

AWKWARD = ["=SUM(A1)", "+86", "-", "@x", "'", "''=", '"', '""', ",", "，", ";", "\n", "\t",
           "😀", "👍🏻", " ", "'=x", "=", "\u2028", "\\", "<b>", "&amp;", "{买家昵称}"]
LETTERS = st.characters(blacklist_categories=("Cs", "Cc", "Cn"))


def awkward_text(max_parts: int = 6) -> st.SearchStrategy[str]:
    part = st.one_of(st.sampled_from(AWKWARD), st.text(LETTERS, max_size=6))
    return st.lists(part, max_size=max_parts).map("".join)


def visible(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return strategy.filter(lambda s: s.strip())


def no(chars: str, strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return strategy.map(lambda s: "".join(ch for ch in s if ch not in chars))


category_name = visible(no("/›\n\r\t\u2028", awkward_text(3))).map(lambda s: s.strip()[:40]).filter(bool)
tag = visible(no(",，\r", awkward_text(2))).map(lambda s: s.strip()[:20]).filter(bool)
code = st.text(alphabet="abcxyz0189=+-@'", min_size=1, max_size=8)

phrase = st.fixed_dictionaries({
    "title": visible(awkward_text(4)).map(lambda s: s[:100]),
    "body": visible(awkward_text(8)),
    "category": st.lists(category_name, min_size=1, max_size=3),
    "code": st.one_of(st.none(), code),
    "tags": st.lists(tag, max_size=3, unique=True),
    "note": awkward_text(3),
})


def stored(lib: Library) -> list[tuple]:
    return sorted((p.id, p.category, p.title, p.body, p.code, p.tags, p.note) for p in lib.phrases())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(phrase, min_size=1, max_size=6), st.sampled_from([".json", ".xlsx", ".csv"]))
def test_export_then_import_gives_the_same_fields(phrases, suffix):
    with Library.memory() as lib, Library.memory() as again, tempfile.TemporaryDirectory() as tmp:
        taken: set[str] = set()
        for p in phrases:
            if p["code"] in taken:
                p = {**p, "code": None}
            lib.add(p["title"], p["body"], p["category"], code=p["code"], tags=p["tags"],
                    note=p["note"])
            taken.add(p["code"])
        path = Path(tmp) / f"out{suffix}"
        write_any(path, lib)
        loaded = read_any(path)
        assert loaded.errors == []
        import_now(again, loaded)
        assert stored(again) == stored(lib)


@given(awkward_text(10))
def test_formula_escaping_is_lossless_and_never_leaves_a_formula(text):
    written = escape_cell(text)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unescape_cell(written) == text
