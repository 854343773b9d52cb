"""Normalisation and pinyin keys shared by indexing and querying.

Both sides of a match go through the same functions, so a full-width ``ＦＨ``
typed by an IME finds a half-width ``fh`` code and ``退款`` finds ``tuikuan``.

pypinyin is imported on first use, when a phrase or category is written: its
dictionaries are the largest thing the app would otherwise load, and a search
never needs them because every phrase's pinyin is stored with it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    """Case-fold and turn full-width letters, digits and punctuation half-width.

    NFKC is by definition canonical composition of the NFKD form, and that is
    what this computes: CPython composes slowly whenever a text needs any change
    (every body with a ``，``), about 5 µs per line of Chinese, while NFKD and an
    NFC that finds nothing to compose take a tenth of that.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKD", text)).casefold()


def terms(query: str) -> list[str]:
    """Split a query on white space (any width) into folded, non-empty terms."""
    return [t for t in fold(query).split() if t]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_HAN_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff]+)")  # the ranges of ``_is_han``


def has_han(text: str) -> bool:
    return _HAN_RUN.search(text) is not None


@lru_cache(maxsize=65536)
def _run_pinyin(run: str) -> tuple[str, str]:
    """Full pinyin and initials of a run of 汉字; runs like 发货 or 连衣裙 repeat, so cached."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(run)
    return "".join(syllables), "".join(s[0] for s in syllables if s)


def forget_pinyin() -> None:
    """Drop the remembered pinyin of 汉字 runs (after an import, which fills it with its titles)."""
    _run_pinyin.cache_clear()


def title_pinyin(text: str) -> tuple[str, str]:
    """Full pinyin and initials of a short text, using pypinyin's phrase dictionary.

    ``发货时间`` → ``("fahuoshijian", "fhsj")``. Characters that are not 汉字 are
    kept (folded) in both keys, so ``A款`` → ``("akuan", "ak")``; white space is
    dropped so initials run together the way people type them.
    """
    parts = _HAN_RUN.split(fold(text))
    if len(parts) == 1:  # no 汉字
        return "", ""
    full: list[str] = []
    initials: list[str] = []
    for n, part in enumerate(parts):
        if n % 2:  # a run of 汉字
            run_full, run_initials = _run_pinyin(part)
            full.append(run_full)
            initials.append(run_initials)
        else:
            kept = "".join(part.split())
            full.append(kept)
            initials.append(kept)
    return "".join(full), "".join(initials)


class _BodyTable(dict[int, str | None]):
    """``str.translate`` table: 汉字 → pinyin, everything else dropped; filled as met."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        if not _is_han(ch):
            value = None
        else:
            from pypinyin import lazy_pinyin

            value = lazy_pinyin(ch)[0]
        self[code] = value
        return value


_BODY_TABLE = _BodyTable()


def body_pinyin(text: str) -> str:
    """Full pinyin of a long text, character by character.

    Bodies are long and many; a per-character reading (cached) is fast enough
    for importing tens of thousands of phrases, and good enough to find a body
    by a few typed syllables.  Only 汉字 are converted; other characters are dropped
    so pinyin doesn't run into stray Latin text.
    """
    return fold(text).translate(_BODY_TABLE)
