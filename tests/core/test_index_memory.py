"""The search index keeps little more than the folded text itself.

Agents keep the app open all day beside a browser and Qianniu, with libraries of
tens of thousands of phrases: per phrase, the index may hold its search text
and a few numbers in arrays, but no Python objects of its own (an int object,
a dict entry or a list per phrase costs more than the text of a short phrase).
"""

import json
import tracemalloc

from desktop.core import Library
from desktop.core.base.resources import read_text
from desktop.core.exchange.importer import import_now
from desktop.core.exchange.packs import parse_pack
from desktop.core.exchange.seed import open_library
from tests.store_access import raw_connection

SIZE = 5_000
OVERHEAD = 100  # bytes per phrase allowed beyond the text (arrays of offsets, ids)


def test_the_index_costs_about_its_text_per_phrase(tmp_path):
    base = json.loads(read_text("library", "default.json"))["phrases"]
    phrases = [
        {
            "category": ["女装", *b["category"]],
            "title": f"{b['title']}{i}",
            "body": b["body"],
            "code": f"{b['code']}{i}",
            "tags": b.get("tags", []),
        }
        for i, b in ((i, base[i % len(base)]) for i in range(SIZE))
    ]
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        import_now(
            lib,
            parse_pack(
                json.dumps(
                    {"format": "quickreply.pack", "version": 1, "phrases": phrases},
                    ensure_ascii=False,
                )
            ),
        )
    with open_library(path) as lib:
        chars = raw_connection(lib).execute(
            "SELECT SUM(LENGTH(search_names) + LENGTH(search_body) + LENGTH(search_pinyin))"
            " FROM phrases"
        ).fetchone()[0]
        tracemalloc.start()
        try:
            assert lib.search("发货")  # builds the index
            lib.wait_for_index_file()  # and writes it in the background: not what it keeps
            kept, _peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    # At most two bytes a character (汉字 text is stored that way), plus the overhead.
    assert kept / SIZE <= 2 * chars / SIZE + OVERHEAD
