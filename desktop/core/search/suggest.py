"""建议: the phrases an agent would send for a buyer's own message.

Scoring is written here rather than taken from a library (see README, 建议):
character bigrams and single 汉字 are the terms, so no word segmenter and no
dictionary has to load (jieba costs about 2 s and 78 MB at start, rjieba about
0.3 s and 33 MB; the whole app should stay near 90 MB).  Each phrase's fields
are weighted (title, 买家常问 and learned words high; body low) and scored the
BM25 way: a term counts more the rarer it is in the library, and a long body
does not win by being long.  The buyer's words are widened with the intent table
(``到哪了`` also looks for 物流/快递/包裹) at query time, so a shop's own
additions to the table work without rebuilding anything.

The index is compact: one ``array`` of phrase numbers and one of weights per
term; a very common term keeps only its best-weighted postings (it adds little
to a score anyway), which bounds the work per query.
"""

from __future__ import annotations

import heapq
import math
import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Protocol

from desktop.core.search.textnorm import fold

# Field weights: what a phrase is *for* (title, tags, its buyer questions) says
# more than what it says to the buyer (body).
WEIGHTS = {
    "title": 3.0,
    "examples": 3.0,
    "learned": 2.5,
    "tags": 2.0,
    "category": 1.2,
    "note": 1.0,
    "body": 1.0,
}
FIELDS = tuple(WEIGHTS)
K1 = 1.2
B = {"body": 0.75, "examples": 0.5, "note": 0.5}
UNIGRAM = 0.3  # a single 汉字 is weak evidence next to a pair
EXPANDED = 0.7  # a word the intent table added, next to one the buyer wrote
MAX_POSTINGS = 600
STEP_DOCS = 400  # phrases per step of a stepped build: a few milliseconds
MIN_IDF = 0.4  # a term in about two phrases of three  # per term; only very common terms are cut
# 汉字 that mean nothing alone; pairs containing them still count.
STOP = frozenset("的了是我你他她它们吗呢啊吧呀哦嘛哈啦么这那个有在就都也还和与及要会能可以"
                 "不没很太更最好给把被让请您亲一下点些")
_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_LATIN = re.compile(r"[a-z]+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_SEP = "\x00"
BODY_CHARS = 200  # what a phrase is about is said early; bounds the index for long bodies


def term_counts(text: str, unigrams: bool = True) -> dict[str, float]:
    """Pairs of adjacent 汉字 (weight 1), single non-stop 汉字 (``UNIGRAM``) and Latin words.

    Counted with ``Counter`` over ``map``: the loops run in C, which is what
    lets a 20,000-phrase index build in about a second.
    """
    pairs: Counter[str] = Counter()
    singles: Counter[str] = Counter()
    for run in _HAN_RUN.findall(text):
        if len(run) > 1:
            pairs.update(map(str.__add__, run, run[1:]))
        if unigrams:
            singles.update(run)
    out: dict[str, float] = dict(pairs)
    for ch, n in singles.items():
        if ch not in STOP:
            out[ch] = n * UNIGRAM
    for word in _LATIN.findall(text):
        out[word] = out.get(word, 0.0) + (UNIGRAM if len(word) == 1 else 1.0)
    return out


_PUNCT = re.compile(r"[^\w\u3400-\u9fff]+")


def _plain(text: str) -> str:
    text = _PLACEHOLDER.sub(" ", fold(text))  # placeholders are not words
    return " ".join(_PUNCT.sub(" ", text).split())


@dataclass(frozen=True)
class Doc:
    """One phrase's text as the suggester reads it."""

    id: str
    title: str
    body: str
    tags: Sequence[str] = ()
    category: Sequence[str] = ()
    note: str = ""
    examples: Sequence[str] = ()
    learned: Sequence[str] = ()

    def fields(self) -> dict[str, str]:
        """Each field folded, placeholders and punctuation out (one pass for all fields)."""
        joined = _SEP.join(
            (
                self.title,
                " / ".join(self.examples),
                " ".join(self.learned),
                " ".join(self.tags),
                " ".join(self.category),
                self.note,
                self.body[:BODY_CHARS],
            )
        ).replace(_SEP, "\n\x01\n")
        folded = _PLACEHOLDER.sub(" ", fold(joined))
        return dict(zip(FIELDS, folded.split("\n\x01\n")))


@dataclass(frozen=True)
class Match:
    """Why a phrase was suggested: a word of the message, and where it was found."""

    word: str
    fields: tuple[str, ...]
    via: str = ""  # the buyer's word when ``word`` came from the intent table

    def to_dict(self) -> dict[str, object]:
        return {"word": self.word, "fields": list(self.fields), "via": self.via}


@dataclass(frozen=True)
class Hit:
    """A scored phrase id; ``score`` is relative, 1.0 for the best of the list."""

    id: str
    score: float
    raw: float
    matches: tuple[Match, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Query:
    """A cleaned message turned into weighted terms, with the words they came from."""

    text: str  # the cleaned message (no buyer data, no noise)
    terms: dict[str, float]
    words: list[tuple[str, str]]  # (word looked for, buyer's word it came from or "")


def make_query(text: str, said: Iterable[tuple[str, Sequence[str]]]) -> Query:
    """``text``: a cleaned message; ``said``: (buyer's word, the words phrases use for it)."""
    terms = {t: min(w, 1.0) for t, w in term_counts(text).items()}
    words: list[tuple[str, str]] = []
    for word, targets in said:
        for target in targets:
            words.append((target, word if target != word else ""))
            for t, w in term_counts(target).items():
                if t not in terms or terms[t] < w * EXPANDED:
                    terms[t] = max(terms.get(t, 0.0), min(w, 1.0) * EXPANDED)
    return Query(text, terms, words)


class Postings(Protocol):
    """Where an index's terms live: built in memory (``PackedPostings``) or stored
    in a file (``desktop.core.store.suggest_file``)."""

    size: int

    def lookup(self, terms: Iterable[str]) -> Iterable[tuple[str, float, Sequence[int], bytes]]:
        """(term, idf, phrase numbers, packed weights) for those of ``terms`` it has."""
        ...

    def ids_at(self, numbers: Sequence[int]) -> dict[int, str]: ...

    def numbers_of(self, ids: Iterable[str]) -> dict[str, int]: ...


class SuggestIndex:
    """BM25 scoring of a buyer's message against the phrases' terms.

    ``SuggestIndex(docs)`` builds the terms in memory; ``SuggestIndex.over``
    scores from postings kept elsewhere (a file), read per query.
    """

    def __init__(self, docs: Iterable[Doc] = (), *, postings: Postings | None = None) -> None:
        self.postings: Postings = postings if postings is not None else PackedPostings(docs)
        self.size = self.postings.size

    @classmethod
    def over(cls, postings: Postings) -> SuggestIndex:
        return cls(postings=postings)

    def __len__(self) -> int:
        return self.size

    def score(self, query: Query, limit: int = 5, boost: dict[str, float] | None = None,
              allowed: Callable[[int], bool] | None = None) -> list[Hit]:
        """The best ``limit`` phrases for ``query``; ``boost`` adds to a phrase's score
        (learned use), ``allowed(index)`` filters."""
        acc: dict[int, float] = {}
        get = acc.get
        # In a small library every term is "common"; the skip is for big ones.
        min_idf = MIN_IDF if self.size >= 200 else 0.0
        for term, idf, docs, weights in self.postings.lookup(query.terms):
            if idf < min_idf:
                continue  # in most phrases: says nothing, costs a full walk
            f = query.terms[term] * idf * _STEP
            for d, w in zip(docs, weights):
                acc[d] = get(d, 0.0) + w * f
        if boost:
            for pid, i in self.postings.numbers_of(boost).items():
                if i in acc:
                    acc[i] += boost[pid]
        if allowed is not None:
            acc = {d: s for d, s in acc.items() if allowed(d)}
        if not acc:
            return []
        best = heapq.nlargest(limit, acc, key=acc.__getitem__)
        top = acc[best[0]] or 1.0
        ids = self.postings.ids_at(best)
        return [Hit(ids[d], round(acc[d] / top, 3), round(acc[d], 3)) for d in best if d in ids]


class PackedPostings:
    """The terms of ``Doc`` values in library order, built in memory.

    Kept in a handful of flat arrays, not a Python object per term or posting:
    a term is found through a sorted array of term hashes, checked against the
    term's text; its postings are a slice of one array of phrase numbers and
    one of weights, stored in a byte each (``_STEP`` apart, finer than scores
    are told apart by).  Per posting that is 5 bytes, where a tuple of two
    arrays per term and a dict of ids cost several times that.
    """

    def __init__(self, docs: Iterable[Doc]) -> None:
        for _ in self.building(docs):
            pass

    @classmethod
    def built_in_steps(cls, docs: Iterable[Doc]) -> Iterator[PackedPostings | None]:
        """The build as a series of short steps (``None``), then the postings.

        For a caller that must stay responsive (the app's event loop): a thread
        would compete with it for the interpreter lock at every switch.
        """
        postings = cls.__new__(cls)
        yield from postings.building(docs)
        yield postings

    def building(self, docs: Iterable[Doc], step: int = STEP_DOCS) -> Iterator[None]:
        docs = docs if isinstance(docs, Sequence) else list(docs)
        self.size = total = len(docs)
        self._ids = _IdList(doc.id for doc in docs)
        # Field lengths first (BM25 scales a field by its length against the
        # average), so the terms are counted in one pass that keeps nothing per phrase.
        sums = dict.fromkeys(FIELDS, 0)
        for n, doc in enumerate(docs):
            for name, text in doc.fields().items():
                sums[name] += len(text)
            if n % step == step - 1:
                yield None
        avg = {f: (sums[f] / total if total else 0.0) or 1.0 for f in FIELDS}
        postings: dict[str, tuple[array[int], array[float]]] = {}
        get = postings.get
        for n, doc in enumerate(docs):
            combined: dict[str, float] = {}
            for name, text in doc.fields().items():
                if not text:
                    continue
                b = B.get(name, 0.3)
                w = WEIGHTS[name] / (1 - b + b * len(text) / avg[name])
                for t, tf in term_counts(text, name != "body").items():
                    combined[t] = combined.get(t, 0.0) + w * tf
            for t, tf in combined.items():
                p = get(t)
                if p is None:
                    p = postings[t] = (array("i"), array("f"))
                p[0].append(n)
                p[1].append(tf * (K1 + 1) / (tf + K1))
            if n % (step // 4) == step // 4 - 1:
                yield None
        yield from self._freeze(postings, total, step * 40)

    def _freeze(
        self, postings: dict[str, tuple[array[int], array[float]]], total: int, step: int
    ) -> Iterator[None]:
        """Move the per-term lists into the flat arrays, cutting very common terms;
        a step ends after about ``step`` postings."""
        terms = sorted(postings, key=hash)
        self._hash = array("q", map(hash, terms))
        self._term_text = "".join(terms)
        self._term_start = array("i", accumulate(map(len, terms), initial=0))
        self._start = array("i", [0])
        self._idf = array("f")
        self._docs = array("i")
        self._weights = array("B")
        done = 0
        for t in terms:
            docs_arr, weights = postings.pop(t)
            df = len(docs_arr)
            done += df
            self._idf.append(math.log(1 + (total - df + 0.5) / (df + 0.5)))
            if df > MAX_POSTINGS:
                best = sorted(heapq.nlargest(MAX_POSTINGS, range(df), key=weights.__getitem__))
                docs_arr = array("i", map(docs_arr.__getitem__, best))
                weights = array("f", map(weights.__getitem__, best))
            self._docs.extend(docs_arr)
            self._weights.extend(_quantized(weights))
            self._start.append(len(self._docs))
            if done >= step:
                done = 0
                yield None

    def _slot(self, term: str) -> int:
        """The term's number, or -1 when no phrase has it."""
        hashes, h = self._hash, hash(term)
        n = bisect_left(hashes, h)
        while n < len(hashes) and hashes[n] == h:
            if self._term_text[self._term_start[n] : self._term_start[n + 1]] == term:
                return n
            n += 1
        return -1

    def _entry(self, n: int) -> tuple[str, float, array[int], bytes]:
        a, b = self._start[n], self._start[n + 1]
        term = self._term_text[self._term_start[n] : self._term_start[n + 1]]
        return term, self._idf[n], self._docs[a:b], self._weights[a:b].tobytes()

    def lookup(self, terms: Iterable[str]) -> list[tuple[str, float, Sequence[int], bytes]]:
        return [self._entry(n) for n in map(self._slot, terms) if n >= 0]

    def entries(self) -> Iterator[tuple[str, float, array[int], bytes]]:
        """Every term, for writing the index to a file."""
        return (self._entry(n) for n in range(len(self._hash)))

    def ids(self) -> Iterator[str]:
        return (self._ids[i] for i in range(self.size))

    def ids_at(self, numbers: Sequence[int]) -> dict[int, str]:
        return {n: self._ids[n] for n in numbers if 0 <= n < self.size}

    def numbers_of(self, ids: Iterable[str]) -> dict[str, int]:
        found = {pid: self._ids.index(pid) for pid in ids}
        return {pid: n for pid, n in found.items() if n is not None}

    def nbytes(self) -> int:
        """Memory held by the arrays and strings (for the benchmark)."""
        parts = (self._hash, self._term_start, self._start, self._idf, self._docs, self._weights)
        return sum(sys.getsizeof(a) for a in parts) + sys.getsizeof(self._term_text) + \
            self._ids.nbytes()


_TOP = (K1 + 1) * 1.0001  # a posting's weight tf·(K1+1)/(tf+K1) stays below K1 + 1
_STEP = _TOP / 255


def _quantized(weights: array[float]) -> Iterable[int]:
    """Weights as bytes, 1 = ``_STEP``; a posting never rounds down to nothing."""
    return (max(1, round(w / _STEP)) for w in weights)


class _IdList:
    """Phrase ids in index order, in one string: ``"\n" + id + "\n" + id ... "\n"``."""

    def __init__(self, ids: Iterable[str]) -> None:
        parts = list(ids)
        self._text = "\n" + "".join(p + "\n" for p in parts)
        self._starts = array("i", accumulate((len(p) + 1 for p in parts), initial=1))

    def __getitem__(self, i: int) -> str:
        return self._text[self._starts[i] : self._starts[i + 1] - 1]

    def index(self, pid: str) -> int | None:
        """Where ``pid`` is, or None; ids hold no new line, so a match is whole."""
        at = self._text.find("\n" + pid + "\n") if "\n" not in pid else -1
        return None if at < 0 else bisect_right(self._starts, at + 1) - 1

    def nbytes(self) -> int:
        return sys.getsizeof(self._text) + sys.getsizeof(self._starts)


def explain_doc(query: Query, doc: Doc) -> tuple[Match, ...]:
    """The buyer's words (and intent words) found in the phrase, and in which fields."""
    fields = doc.fields()
    squeezed = {name: text.replace(" ", "") for name, text in fields.items()}
    matches: list[Match] = []
    seen: set[str] = set()
    for word in _words_in(query.text, squeezed):
        where = tuple(n for n, t in squeezed.items() if word in t)
        if where and word not in seen:
            seen.add(word)
            matches.append(Match(word, where))
    for target, said in query.words:
        where = tuple(n for n, t in squeezed.items() if target in t)
        if where and target not in seen:
            seen.add(target)
            matches.append(Match(target, where, said))
    return tuple(matches)


def _words_in(message: str, fields: dict[str, str]) -> list[str]:
    """Longest stretches of the message (two or more characters) found in some field."""
    out: list[str] = []
    haystack = "\x00".join(fields.values())
    for run in message.split():
        i = 0
        while i < len(run) - 1:
            j = i + 2
            if run[i:j] not in haystack:
                i += 1
                continue
            while j < len(run) and run[i : j + 1] in haystack:
                j += 1
            out.append(run[i:j])
            i = j
    return out
