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
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.core.intents import CleanMessage, Vocabulary, clean_message, load_vocabulary

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
MAX_POSTINGS = 1000  # per term; only very common terms are cut
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


def _plain(text: str) -> str:
    from desktop.core.intents import _PUNCT, fold

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
        from desktop.core.intents import fold

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
    """A message turned into weighted terms, with the words they came from."""

    message: CleanMessage
    terms: dict[str, float]
    words: list[tuple[str, str]]  # (word looked for, buyer's word it came from or "")


def build_query(text: str, vocabulary: Vocabulary | None = None) -> Query:
    vocab = vocabulary or load_vocabulary()
    message = clean_message(text, vocab)
    terms = term_counts(message.text)
    terms = {t: min(w, 1.0) for t, w in terms.items()}
    words: list[tuple[str, str]] = []
    for said, intent in vocab.said(message.text.replace(" ", "")):
        for target in intent.targets:
            words.append((target, said if target != said else ""))
            for t, w in term_counts(target).items():
                if t not in terms or terms[t] < w * EXPANDED:
                    terms[t] = max(terms.get(t, 0.0), min(w, 1.0) * EXPANDED)
    return Query(message, terms, words)


class SuggestIndex:
    """Inverted index of phrase terms, built from ``Doc`` values in library order."""

    def __init__(self, docs: Iterable[Doc]) -> None:
        self.ids: list[str] = []
        texts: list[dict[str, str]] = []
        for doc in docs:
            self.ids.append(doc.id)
            texts.append(doc.fields())
        avg = {
            f: (sum(len(t[f]) for t in texts) / len(texts) if texts else 0.0) or 1.0
            for f in FIELDS
        }
        postings: dict[str, tuple[array, array]] = {}
        get = postings.get
        for n, fields in enumerate(texts):
            combined: dict[str, float] = {}
            for name, text in fields.items():
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
            texts[n] = {}  # free as we go: the peak stays near the final size
        total = len(self.ids)
        self.size = total
        self._postings: dict[str, tuple[array, array, float]] = {}
        for t, (docs_arr, weights) in postings.items():
            df = len(docs_arr)
            idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
            if df > MAX_POSTINGS:
                best = heapq.nlargest(MAX_POSTINGS, range(df), key=weights.__getitem__)
                best.sort()
                docs_arr = array("i", (docs_arr[i] for i in best))
                weights = array("f", (weights[i] for i in best))
            self._postings[t] = (docs_arr, weights, idf)

    def __len__(self) -> int:
        return self.size

    def score(self, query: Query, limit: int = 5, boost: dict[str, float] | None = None,
              allowed=None) -> list[Hit]:
        """The best ``limit`` phrases for ``query``; ``boost`` adds to a phrase's score
        (learned use), ``allowed(index)`` filters."""
        acc: dict[int, float] = {}
        get = acc.get
        for term, qw in query.terms.items():
            p = self._postings.get(term)
            if p is None:
                continue
            docs, weights, idf = p
            f = qw * idf
            for d, w in zip(docs, weights):
                acc[d] = get(d, 0.0) + w * f
        if boost:
            pos = {pid: i for i, pid in enumerate(self.ids)} if len(boost) > 50 else None
            for pid, extra in boost.items():
                i = pos.get(pid) if pos is not None else _index_of(self.ids, pid)
                if i is not None and i in acc:
                    acc[i] += extra
        if allowed is not None:
            acc = {d: s for d, s in acc.items() if allowed(d)}
        if not acc:
            return []
        best = heapq.nlargest(limit, acc.items(), key=lambda kv: (kv[1], -kv[0]))
        top = best[0][1] or 1.0
        return [Hit(self.ids[d], round(s / top, 3), round(s, 3)) for d, s in best]


def explain_doc(query: Query, doc: Doc) -> tuple[Match, ...]:
    """The buyer's words (and intent words) found in the phrase, and in which fields."""
    fields = doc.fields()
    squeezed = {name: text.replace(" ", "") for name, text in fields.items()}
    matches: list[Match] = []
    seen: set[str] = set()
    for word in _words_in(query.message.text, squeezed):
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


def _index_of(ids: list[str], pid: str) -> int | None:
    try:
        return ids.index(pid)
    except ValueError:
        return None


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


# ----- the library's side: documents, learning, results ------------------------------
MAX_EXAMPLES = 20
MAX_EXAMPLE = 100
MIN_RAW = 1.5  # below this a "match" is a stray shared character or two
MIN_RELATIVE = 0.2  # far below the best one, a phrase is noise next to it
LEARN_STEP = 1.0
LEARN_CAP = 4.0
_EXAMPLE_SPLIT = re.compile(r"[|｜\n\r]+")


def clean_examples(examples: Iterable[str] | str) -> tuple[str, ...]:
    """买家常问 as stored: split on ``|`` and new lines, trimmed, no repeats, bounded."""
    from desktop.core.errors import ValidationError
    from desktop.core.messages import Message

    if isinstance(examples, str):
        examples = [examples]
    out: list[str] = []
    for item in examples:
        for part in _EXAMPLE_SPLIT.split(str(item)):
            part = " ".join(part.split())
            if not part or part in out:
                continue
            if len(part) > MAX_EXAMPLE:
                raise ValidationError(
                    Message("买家常问太长（每条最多 {limit} 字）：{text}", limit=MAX_EXAMPLE,
                            text=part[:20])
                )
            out.append(part)
    if len(out) > MAX_EXAMPLES:
        raise ValidationError(Message("买家常问太多（最多 {limit} 条）", limit=MAX_EXAMPLES))
    return tuple(out)


@dataclass(frozen=True)
class Suggestion:
    """A phrase suggested for a message: relative ``score`` (best = 1) and why."""

    phrase: object  # models.Phrase
    score: float
    matches: tuple[Match, ...] = ()

    def reason(self) -> str:
        parts = []
        for m in self.matches:
            parts.append(f"{m.via}→{m.word}" if m.via else m.word)
        return "、".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "phrase": self.phrase.to_dict(),  # type: ignore[attr-defined]
            "score": self.score,
            "matches": [m.to_dict() for m in self.matches],
        }


class Suggester:
    """The library's 建议: builds the index from the phrases, answers and learns.

    Built on first use and dropped whenever phrases change (``invalidate``), as
    the search index is.
    """

    def __init__(self, lib) -> None:
        self.lib = lib
        self._index: SuggestIndex | None = None
        self._generation = 0
        self._warming: threading.Thread | None = None

    @property
    def vocabulary(self) -> Vocabulary:
        folder = self.lib.path.parent if self.lib.path is not None else None
        return load_vocabulary(folder)

    def invalidate(self) -> None:
        self._index = None
        self._generation += 1

    def index(self) -> SuggestIndex:
        warming = self._warming
        if self._index is None and warming is not None and warming.is_alive():
            warming.join()  # half built already: waiting beats building twice
        if self._index is None:
            self._index = SuggestIndex(self._docs())
        return self._index

    def warm(self) -> threading.Thread | None:
        """Build the index in a background thread (the app calls this after start).

        The phrases are read here, on the caller's thread (SQLite connections stay
        on theirs); only the pure-Python build runs in the thread.  A library
        changed meanwhile discards the result.
        """
        if self._index is not None:
            return None
        docs = self._docs()
        generation = self._generation

        def build() -> None:
            index = SuggestIndex(docs)
            if self._generation == generation and self._index is None:
                self._index = index

        self._warming = threading.Thread(target=build, name="suggest-index", daemon=True)
        self._warming.start()
        return self._warming

    def _learned(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for pid, word, weight in self.lib.conn.execute(
            "SELECT phrase_id, word, weight FROM suggest_learned"
        ):
            out.setdefault(pid, []).extend([word] * max(1, min(int(weight), int(LEARN_CAP))))
        return out

    def _docs(self, ids: Sequence[str] | None = None) -> list[Doc]:
        import json

        sql = (
            "SELECT id, category_id, title, body, tags, note, examples, pinned, position"
            " FROM phrases WHERE deleted_at IS NULL"
        )
        params: tuple = ()
        if ids is not None:
            sql += f" AND id IN ({','.join('?' * len(ids))})"
            params = tuple(ids)
        rows = self.lib.conn.execute(sql, params).fetchall()
        rank = self.lib.tree.rank
        rows.sort(key=lambda r: (-r[7], rank.get(r[1], 1 << 30), r[8], r[0]))
        learned = self._learned()
        by_id = self.lib.tree.by_id
        docs = []
        for pid, cid, title, body, tags, note, examples, _pinned, _pos in rows:
            cat = by_id.get(cid)
            docs.append(
                Doc(
                    pid,
                    title,
                    body,
                    tuple(json.loads(tags or "[]")),
                    cat.path if cat else (),
                    note,
                    tuple(json.loads(examples or "[]")),
                    tuple(learned.get(pid, ())),
                )
            )
        return docs

    def query(self, text: str) -> Query:
        return build_query(text, self.vocabulary)

    def suggest(self, text: str, limit: int = 5, *, explain: bool = True) -> list[Suggestion]:
        if limit <= 0:
            return []
        query = self.query(text)
        if not query.terms:
            return []
        boost = self._recent_boost()
        index = self.index()
        # Rarity (idf) means little in a tiny library: scale the floor with its size.
        floor = MIN_RAW * min(1.0, len(index) / 200)
        hits = [
            h
            for h in index.score(query, limit, boost)
            if h.raw >= floor and h.score >= MIN_RELATIVE
        ]
        if not hits:
            return []
        phrases = {p.id: p for p in self.lib._fetch([h.id for h in hits])}
        docs = {d.id: d for d in self._docs([h.id for h in hits])} if explain else {}
        out = []
        for h in hits:
            if h.id not in phrases:
                continue
            matches = explain_doc(query, docs[h.id]) if h.id in docs else ()
            out.append(Suggestion(phrases[h.id], h.score, matches))
        return out

    def _recent_boost(self) -> dict[str, float]:
        """A small lift for phrases the agent uses: breaks near-ties their way."""
        ranked = self.lib.frecency.ranked()[:50]
        return {pid: 0.3 * (1 - n / 50) for n, pid in enumerate(ranked)}

    # ----- learning from the agent -------------------------------------------------
    def learnable_words(self, text: str) -> list[str]:
        """The words of a message that may be kept: entries of the intent table only.

        Those are dictionary words by construction, so digits, Latin strings,
        names, addresses and the sentence itself can never be among them.
        """
        cleaned = clean_message(text, self.vocabulary).text.replace(" ", "")
        words = []
        for said, _intent in self.vocabulary.said(cleaned):
            if said not in words and _HAN.search(said) and not any(c.isdigit() for c in said):
                words.append(said)
        return words

    def learn(self, text: str, phrase_id: str) -> list[str]:
        """The agent sent ``phrase_id`` for message ``text``: strengthen its words → phrase."""
        words = self.learnable_words(text)
        if not words:
            return []
        with self.lib.writing() as conn:
            if conn.execute(
                "SELECT 1 FROM phrases WHERE id = ? AND deleted_at IS NULL", (phrase_id,)
            ).fetchone() is None:
                return []
            for word in words:
                conn.execute(
                    "INSERT INTO suggest_learned (phrase_id, word, weight) VALUES (?, ?, ?)"
                    " ON CONFLICT(phrase_id, word) DO UPDATE"
                    " SET weight = MIN(weight + ?, ?)",
                    (phrase_id, word, LEARN_STEP, LEARN_STEP, LEARN_CAP),
                )
        return words

    def learned_count(self) -> int:
        return self.lib.conn.execute("SELECT COUNT(*) FROM suggest_learned").fetchone()[0]

    def forget(self) -> int:
        """Erase everything learned (设置 → 清除建议学习记录)."""
        with self.lib.writing() as conn:
            cur = conn.execute("DELETE FROM suggest_learned")
        return cur.rowcount
