"""In-memory search index: 汉字, pinyin, initials and codes, ranked.

Why not FTS5: its trigram tokenizer ignores queries shorter than three
characters, and most Chinese queries are one or two (``退``, ``发货``).

How it stays fast: every phrase's searchable text is folded into one long
string per tier, in the library's static order (pinned, category order,
position).  ``str.find`` walks that string in C and results come out already
in order, so a query stops as soon as it has enough.  Phrases that have been
used are few and are ranked first by frecency; they are checked one by one.

Tiers, best first:
  0. the query is exactly a shortcut code;
  1. a single term starts the title, code, tag, pinyin or initials;
  2. every term occurs in those name fields;
  3. every term occurs anywhere (also body, body pinyin, category names).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from desktop.core.search.textnorm import body_pinyin, fold, terms, title_pinyin

FIELD = "\x1f"  # starts every field, so a prefix match is a find of FIELD + term
_CONTROL = str.maketrans("", "", "\x1e\x1f")
_SAMPLE = 100_000  # characters of the joined text used to guess which term is rarest


class Entry(NamedTuple):
    """One live phrase as the index sees it: keys already folded at write time."""

    id: str
    category_id: int
    code: str
    keys: Keys


class Keys(NamedTuple):
    """A phrase's folded search text, computed once when it is written.

    ``names`` holds the fields whose matches rank high (code, title, its pinyin
    and initials, tags); ``body`` the body text; ``pinyin`` the body's pinyin.
    Pinyin is kept apart because it is pure ASCII: Python stores it at one byte
    a character, and a query in 汉字 never needs to walk it.
    """

    names: str
    body: str
    pinyin: str


def phrase_keys(code: str | None, title: str, tags: Sequence[str], body: str) -> Keys:
    full, initials = title_pinyin(title)
    names = [code or "", title, full, initials, *tags]
    return Keys(
        fold(FIELD + FIELD.join(f for f in names if f)),
        fold(FIELD + body),
        FIELD + body_pinyin(body),
    )


def category_keys(path: Sequence[str]) -> tuple[str, str]:
    """Search text for a category path: its names, and their pinyin and initials."""
    pinyin: list[str] = []
    for name in path:
        pinyin.extend(k for k in title_pinyin(name) if k)
    return fold(FIELD + FIELD.join(path)), FIELD + FIELD.join(pinyin)


class _Joined:
    """One tier's text: all entries' fields in a single string."""

    def __init__(self, segments: Iterable[str]) -> None:
        starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for seg in segments:
            starts.append(offset)
            parts.append(seg)
            offset += len(seg)
        self.text = "".join(parts)
        self.starts = starts
        self.size = len(starts)

    def segment(self, i: int) -> str:
        end = self.starts[i + 1] if i + 1 < self.size else len(self.text)
        return self.text[self.starts[i] : end]

    def scan(self, pattern: str, accept, need: int) -> list[int]:
        """Entries containing ``pattern`` for which ``accept(i)``, in order, at most ``need``."""
        found: list[int] = []
        text, starts, size = self.text, self.starts, self.size
        pos = text.find(pattern)
        while pos != -1:
            i = bisect_right(starts, pos) - 1
            if accept(i):
                found.append(i)
                if len(found) >= need:
                    break
            if i + 1 >= size:
                break
            pos = text.find(pattern, starts[i + 1])
        return found


class SearchIndex:
    """Built from entries already in static order; rebuilt when phrases change."""

    def __init__(self, entries: Sequence[Entry], categories: Mapping[int, tuple[str, str]]) -> None:
        """``entries`` in static order; ``categories`` maps id → ``category_keys``."""
        self.ids = [e.id for e in entries]
        self.position = {pid: i for i, pid in enumerate(self.ids)}
        self.category_of = [e.category_id for e in entries]
        none = ("", "")
        self.names = _Joined(e.keys.names for e in entries)
        self.body = _Joined(e.keys.body + categories.get(e.category_id, none)[0] for e in entries)
        self.pinyin = _Joined(
            e.keys.pinyin + categories.get(e.category_id, none)[1] for e in entries
        )
        self.codes: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            if e.code:
                self.codes.setdefault(fold(e.code), []).append(i)

    def __len__(self) -> int:
        return len(self.ids)

    def _texts(self, word: str) -> list[_Joined]:
        """Where a term can occur anywhere in a phrase: pinyin holds only ASCII letters."""
        if word.isascii() and word.isalpha():
            return [self.names, self.body, self.pinyin]
        return [self.names, self.body]

    def _anywhere(self, i: int, word: str) -> bool:
        return any(word in t.segment(i) for t in self._texts(word))

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        ranked_used: Sequence[str] = (),
        pinned: Collection[str] = (),
        categories: Collection[int] | None = None,
    ) -> list[str]:
        """Ids of the best ``limit`` matches.

        ``ranked_used`` lists phrases with uses, best frecency first; inside a
        tier they come before the rest.  ``categories`` restricts to those ids.
        """
        if limit <= 0:
            return []
        words = [w.translate(_CONTROL) for w in terms(query)]
        words = [w for w in words if w]
        in_scope = (
            (lambda i: True)
            if categories is None
            else (lambda i: self.category_of[i] in categories)
        )
        used_idx = [self.position[p] for p in ranked_used if p in self.position]
        if not words:
            return self._browse(limit, used_idx, pinned, in_scope, categories is not None)

        taken: set[int] = set()
        result: list[int] = []

        def add(indices: Iterable[int]) -> bool:
            for i in indices:
                if i not in taken:
                    taken.add(i)
                    result.append(i)
                    if len(result) >= limit:
                        return True
            return False

        if add(i for i in self.codes.get("".join(words), ()) if in_scope(i)):
            return self._ids(result)

        used_set = set(used_idx)
        scan_word = self._rarest(words)
        others = [w for w in words if w is not scan_word]
        names = self.names

        def in_names(i: int) -> bool:
            seg = names.segment(i)
            return all(w in seg for w in words)

        def anywhere(i: int) -> bool:
            return all(self._anywhere(i, w) for w in words)

        # (texts to walk, pattern, check for used phrases, check for walked hits)
        tiers: list[tuple[list[_Joined], str, Callable[[int], bool], Callable[[int], bool]]] = []
        if len(words) == 1:
            prefix = FIELD + words[0]
            tiers.append(([names], prefix, lambda i: prefix in names.segment(i), lambda i: True))
        tiers.append(
            ([names], scan_word, in_names, (lambda i: all(w in names.segment(i) for w in others)))
        )
        tiers.append(
            (
                self._texts(scan_word),
                scan_word,
                anywhere,
                (lambda i: all(self._anywhere(i, w) for w in others)),
            )
        )

        walked: dict[str, list[int]] = {}
        for texts, pattern, check_used, check_hit in tiers:
            if add(i for i in used_idx if i not in taken and in_scope(i) and check_used(i)):
                return self._ids(result)
            need = limit - len(result)

            def accept(i: int, check_hit=check_hit) -> bool:
                return i not in taken and i not in used_set and in_scope(i) and check_hit(i)

            hits: set[int] = set()
            for text in texts:
                if text is names and pattern in walked:
                    # Walked to the end for an earlier tier: its raw hits are all there is.
                    hits.update(i for i in walked[pattern] if accept(i))
                    continue
                raw: list[int] = []
                found = text.scan(pattern, lambda i, raw=raw: (raw.append(i), accept(i))[1], need)
                if text is names and len(found) < need:
                    walked[pattern] = raw
                hits.update(found)
            if add(sorted(hits)[:need]):
                break
        return self._ids(result)

    def _browse(self, limit, used_idx, pinned, in_scope, scoped: bool) -> list[str]:
        """Empty query: pinned first, then most used; in a category, all of it."""
        order: list[int] = []
        seen: set[int] = set()
        pinned_idx = [self.position[p] for p in pinned if p in self.position]
        used_rank = {i: r for r, i in enumerate(used_idx)}
        pinned_idx.sort(key=lambda i: (used_rank.get(i, len(used_rank)), i))
        sources: list[Iterable[int]] = [pinned_idx, used_idx]
        if scoped:
            sources.append(range(len(self.ids)))
        for source in sources:
            for i in source:
                if i not in seen and in_scope(i):
                    seen.add(i)
                    order.append(i)
                    if len(order) >= limit:
                        return self._ids(order)
        return self._ids(order)

    def _ids(self, indices: Iterable[int]) -> list[str]:
        return [self.ids[i] for i in indices]

    def _rarest(self, words: list[str]) -> str:
        """The term to walk the text with: the one seen least in a sample of it.

        Walking the rarest term means fewer candidates to reject when several
        terms must all match; counting in a sample costs far less than a walk.
        """
        if len(words) == 1:
            return words[0]
        sample = self.body.text[:_SAMPLE]
        return min(words, key=lambda w: (sample.count(w), -_selectivity(w)))


def _selectivity(word: str) -> int:
    """Rough guess of how rare a term is: 汉字 narrow a search more than letters."""
    return sum(3 if not ch.isascii() else 1 for ch in word)
