"""建议 on the visible evaluation sets: the right phrase is in the top 3 often enough.

The sets are in tests/data (hand-written buyer messages with the phrases an agent
would accept); bench/bench_suggest.py prints the full table for the README.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core import Library
from desktop.core.exchange.importer import import_now
from desktop.core.exchange.packs import parse_pack
from desktop.core.exchange.seed import open_library

DATA = Path(__file__).resolve().parent.parent / "data"


def read_set(name: str) -> list[tuple[str, set[str]]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            message, ids, _kind = line.split("\t")
            rows.append((message, set(ids.split())))
    return rows


def hit_at_3(lib: Library, rows) -> float:
    hits = sum(1 for m, good in rows if good & {s.phrase.id for s in lib.suggest(m, 3)})
    return hits / len(rows)


@pytest.fixture(scope="module")
def default_lib():
    with open_library(":memory:") as lib:
        yield lib


@pytest.fixture(scope="module")
def shop_lib():
    with Library.memory() as lib:
        import_now(lib, parse_pack((DATA / "shop_library.json").read_text(encoding="utf-8")))
        yield lib


def test_the_sets_are_big_enough_and_name_real_phrases(default_lib, shop_lib):
    own = read_set("suggest_default.tsv")
    assert len(own) >= 150
    assert len(read_set("suggest_shop.tsv")) >= 60
    default_ids = {p.id for p in default_lib.phrases()}
    shop_ids = {p.id for p in shop_lib.phrases()}
    for name, ids in (("suggest_default.tsv", default_ids), ("suggest_holdout.tsv", default_ids),
                      ("suggest_shop.tsv", shop_ids)):
        for message, good in read_set(name):
            assert good <= ids, (name, message)


def test_the_shop_library_has_no_example_questions(shop_lib):
    doc = json.loads((DATA / "shop_library.json").read_text(encoding="utf-8"))
    assert 90 <= len(doc["phrases"]) and not any(p.get("examples") for p in doc["phrases"])
    assert not any(p.examples for p in shop_lib.phrases())


def test_default_library_top3_on_our_messages(default_lib):
    assert hit_at_3(default_lib, read_set("suggest_default.tsv")) >= 0.9


def test_default_library_top3_on_held_out_messages(default_lib):
    assert hit_at_3(default_lib, read_set("suggest_holdout.tsv")) >= 0.8


def test_library_without_examples_top3(shop_lib):
    assert hit_at_3(shop_lib, read_set("suggest_shop.tsv")) >= 0.7


def test_every_default_phrase_that_answers_has_three_buyer_questions(default_lib):
    asked = [p for p in default_lib.phrases() if p.examples]
    assert len(asked) >= 190
    for p in asked:
        assert len(p.examples) >= 3, p.title
        assert all(len(q) <= 30 for q in p.examples), p.title
