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
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from desktop.core.textnorm import fold, terms

FIELD = "\x1f"  # starts every field, so a prefix match is a find of FIELD + term
_CONTROL = str.maketrans("", "", "\x1e\x1f")


@dataclass(frozen=True)
class Entry:
    """What the index needs to know about one live phrase."""

    id: str
    category_id: int
    code: str
    title: str
    title_py: str
    title_initials: str
    tags: Sequence[str]
    body: str
    body_py: str
    category_keys: Sequence[str]  # names of the category path and their pinyin


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


def _name_segment(e: Entry) -> str:
    fields = [e.code, e.title, e.title_py, e.title_initials, *e.tags]
    return "".join(FIELD + fold(f).translate(_CONTROL) for f in fields if f)


def _rest_segment(e: Entry) -> str:
    fields = [e.body, e.body_py, *e.category_keys]
    return "".join(FIELD + fold(f).translate(_CONTROL) for f in fields if f)


class SearchIndex:
    """Built from entries already in static order; rebuilt when phrases change."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.ids = [e.id for e in entries]
        self.position = {pid: i for i, pid in enumerate(self.ids)}
        self.category_of = [e.category_id for e in entries]
        names = [_name_segment(e) for e in entries]
        self.names = _Joined(names)
        self.everything = _Joined(n + _rest_segment(e) for n, e in zip(names, entries))
        self.codes: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            if e.code:
                self.codes.setdefault(fold(e.code), []).append(i)

    def __len__(self) -> int:
        return len(self.ids)

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
        in_scope = (lambda i: True) if categories is None else (
            lambda i: self.category_of[i] in categories
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

        code = "".join(words)
        if add(i for i in self.codes.get(code, ()) if in_scope(i)):
            return self._ids(result)

        used_set = set(used_idx)
        tiers: list[tuple[_Joined, str, list[str]]] = []
        if len(words) == 1:
            tiers.append((self.names, FIELD + words[0], []))
        scan_word = max(words, key=_selectivity)
        others = [w for w in words if w is not scan_word]
        tiers.append((self.names, scan_word, others))
        tiers.append((self.everything, scan_word, others))

        for joined, pattern, rest in tiers:
            def matches(i: int, joined=joined, pattern=pattern, rest=rest) -> bool:
                seg = joined.segment(i)
                return pattern in seg and all(w in seg for w in rest)

            if add(i for i in used_idx if i not in taken and in_scope(i) and matches(i)):
                return self._ids(result)
            need = limit - len(result)

            def accept(i: int, rest=rest, joined=joined) -> bool:
                if i in taken or i in used_set or not in_scope(i):
                    return False
                if not rest:
                    return True
                seg = joined.segment(i)
                return all(w in seg for w in rest)

            if add(joined.scan(pattern, accept, need)):
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


def _selectivity(word: str) -> int:
    """Rough guess of how rare a term is: 汉字 narrow a search more than letters."""
    return sum(3 if not ch.isascii() else 1 for ch in word)
