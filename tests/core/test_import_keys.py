"""A fast import must store exactly what writing the phrases one by one stores.

The import takes short cuts for speed (a quicker NFKC, cleaning and category
lookups remembered, one batched INSERT); these tests hold every stored column,
the search keys above all, to what ``Library.add`` writes for the same input.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.search.textnorm import fold

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
