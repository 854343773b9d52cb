"""Hypothesis strategies for search-index entries, shared by the index's property tests."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

# A small alphabet with ASCII letters and digits, 汉字, a full-width letter, a
# character outside the BMP (two UTF-16 units) and a space, so that random texts
# share many keys and random terms often match.
ALPHABET = "ab1z退货发码S𠀀Ａ "


def entries(pinyin_letters: str, categories: Sequence[int]) -> st.SearchStrategy:
    """(code, name fields, body, body pinyin, category id), as the index takes them."""
    return st.tuples(
        st.one_of(st.none(), st.text("abz19S", min_size=1, max_size=4)),
        st.lists(st.text(ALPHABET, max_size=6), max_size=3),
        st.text(ALPHABET, max_size=12),
        st.text(pinyin_letters, max_size=8),
        st.sampled_from(list(categories)),
    )
