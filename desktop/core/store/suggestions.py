"""建议 on the library's side: the phrases it reads, what it learns, what it answers.

The scoring itself is ``desktop.core.search.suggest`` (pure, on strings); the
buyer's words are cleaned by ``desktop.core.text.intents``.  This module owns
the SQL: the phrases and learned words the index is built from, and the
``suggest_learned`` table (dictionary words only, see ``learnable_words``).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.base.errors import ValidationError
from desktop.core.base.memory import give_back_freed_memory
from desktop.core.base.messages import Message
from desktop.core.search.suggest import (
    Doc,
    Match,
    PackedPostings,
    Query,
    SuggestIndex,
    explain_doc,
    make_query,
)
from desktop.core.store import suggest_file
from desktop.core.store.content_token import content_token
from desktop.core.store.db import transaction
from desktop.core.store.suggest_file import StoredPostings
from desktop.core.text.intents import Vocabulary, clean_message, load_vocabulary

_HAN = re.compile(r"[\u3400-\u9fff]")


def build_query(text: str, vocabulary: Vocabulary | None = None) -> Query:
    """A buyer's message as weighted terms: cleaned, then widened by the intent table."""
    vocab = vocabulary or load_vocabulary()
    cleaned = clean_message(text, vocab).text
    said = [(word, intent.targets) for word, intent in vocab.said(cleaned.replace(" ", ""))]
    return make_query(cleaned, said)


MAX_EXAMPLES = 20
MAX_EXAMPLE = 100
MIN_RAW = 1.5  # below this a "match" is a stray shared character or two
MIN_RELATIVE = 0.2  # far below the best one, a phrase is noise next to it
LEARN_STEP = 1.0
LEARN_CAP = 4.0
_EXAMPLE_SPLIT = re.compile(r"[|｜\n\r]+")


def clean_examples(examples: Iterable[str] | str) -> tuple[str, ...]:
    """买家常问 as stored: split on ``|`` and new lines, trimmed, no repeats, bounded."""
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

    The index of a library file is stored beside it (``suggest_file``) and read
    per query; it is rebuilt, in the background when the app asks with
    ``warm``, only when the library's content token says the phrases changed.
    A library in memory, or one whose folder cannot take the file, keeps the
    index in memory.  Dropped whenever phrases change (``invalidate``), as the
    search index is.
    """

    def __init__(self, lib: Any) -> None:  # the Library, which imports this module
        self.lib = lib
        self._index: SuggestIndex | None = None
        self._stored: StoredPostings | None = None
        self._generation = 0
        self._warming: threading.Thread | None = None
        self._steps: Iterator[None] | None = None  # a build the caller's loop is running
        # How a background build runs: None, a thread; the app gives its event
        # loop instead (``run_steps(steps)`` calls ``next`` a few at a time), so
        # the build never competes with the picker for the interpreter lock.
        self.run_steps: Callable[[Iterator[None]], None] | None = None

    @property
    def vocabulary(self) -> Vocabulary:
        folder = self.lib.path.parent if self.lib.path is not None else None
        return load_vocabulary(folder)

    @property
    def file(self) -> Path | None:
        """Where the index is stored, or None for a library in memory."""
        return suggest_file.path_for(self.lib.path) if self.lib.path is not None else None

    def invalidate(self) -> None:
        self._index = None
        self._generation += 1
        self._steps = None  # a build for the old content stops at its next step
        self.close()

    def close(self) -> None:
        """Let go of the stored index's file (the library is closing or changed)."""
        if self._stored is not None:
            self._stored.close()
            self._stored = None

    def index(self) -> SuggestIndex:
        """The index, built now if need be (the command line; the app uses ``ready``)."""
        warming = self._warming
        if self._index is None and warming is not None and warming.is_alive():
            warming.join()  # half built already: waiting beats building twice
        if self._index is None and self._steps is not None:
            for _ in self._steps:  # the same, when the app's loop is running it
                pass
        if self._index is None:
            self._index = self._open_stored()
        if self._index is None:
            for _ in self._build(self._docs()):
                pass
        assert self._index is not None
        return self._index

    def ready(self) -> SuggestIndex | None:
        """The index if it can answer now (built, or its file current); otherwise
        None, and a background build is under way."""
        if self._index is None and not self._building():
            self.warm()
        if self._index is None and not self._building():
            self._open_stored_now()  # built and stored meanwhile
        return self._index

    def _building(self) -> bool:
        warming = self._warming
        return self._steps is not None or (warming is not None and warming.is_alive())

    def warm(self) -> threading.Thread | None:
        """Make the index ready without making the caller wait (the app calls this after start).

        A stored index that is still current is opened at once.  Otherwise the
        phrases are read here, on the caller's thread (SQLite connections stay on
        theirs); building and storing run in steps, through ``run_steps`` or in a
        thread (returned).  A library changed meanwhile discards the result.
        """
        if self._index is not None or self._building() or self._open_stored_now():
            return None
        if self.run_steps is not None:  # all on the caller's thread, reading too
            self._steps = self._read_and_build()
            self.run_steps(self._steps)
            return None
        steps = self._build(self._docs())
        self._warming = threading.Thread(
            target=lambda: [None for _ in steps], name="suggest-index", daemon=True
        )
        self._warming.start()
        return self._warming

    def _read_and_build(self) -> Iterator[None]:
        generation = self._generation
        docs: list[Doc] = []
        read = False
        try:
            for _ in self._docs_in_steps(docs):
                if self._generation != generation:
                    return  # changed while reading: a later ``ready`` starts again
                yield None
            read = True
        finally:  # failed or abandoned while reading: a later ``ready`` may start again
            if self._generation == generation and not read:
                self._steps = None
        yield from self._build(docs)

    def _build(self, docs: list[Doc]) -> Iterator[None]:
        """Build from ``docs`` and store the file, in short steps; then the index is
        current.  The library is read here, on the caller's thread; the steps may
        run on another, which then leaves opening the file to the caller's next
        ``ready`` or ``index``."""
        generation, token, target = self._generation, self._token(), self.file
        caller = threading.current_thread()

        def steps() -> Iterator[None]:
            try:
                yield from build_and_store()
            finally:  # done, abandoned or failed: a later ``ready`` may start again
                if self._generation == generation:
                    self._steps = None

        def build_and_store() -> Iterator[None]:
            built = None
            for built in PackedPostings.built_in_steps(docs):
                if self._generation != generation:
                    return  # the library changed: this build is for old content
                if built is None:
                    yield None
            docs.clear()
            assert built is not None
            stored = False
            if target is not None and token is not None:
                stored = yield from suggest_file.save_steps(target, token, built)
            if self._generation == generation:
                if not stored:
                    self._index = SuggestIndex.over(built)  # kept in memory instead
                elif threading.current_thread() is caller:
                    self._open_stored_now()
            del built
            give_back_freed_memory()  # the build's transient lists, megabytes at 20,000

        return steps()

    def _open_stored_now(self) -> bool:
        self._index = self._open_stored()
        return self._index is not None

    def _token(self) -> bytes | None:
        return content_token(self.lib._conn)

    def _open_stored(self) -> SuggestIndex | None:
        """The stored index, if it was built for the library as it is now."""
        if self.file is None:
            return None
        self.close()
        self._stored = suggest_file.open_stored(self.file, self._token())
        return SuggestIndex.over(self._stored) if self._stored is not None else None

    def _learned(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for pid, word, weight in self.lib._conn.execute(
            "SELECT phrase_id, word, weight FROM suggest_learned"
        ):
            out.setdefault(pid, []).extend([word] * max(1, min(int(weight), int(LEARN_CAP))))
        return out

    _SQL = (
        "SELECT id, category_id, title, body, tags, note, examples, pinned, position, rowid"
        " FROM phrases WHERE deleted_at IS NULL"
    )
    _ROWS_PER_STEP = 2000

    def _docs(self, ids: Sequence[str] | None = None) -> list[Doc]:
        """The phrases as the index reads them, in library order (or those ``ids``)."""
        if ids is not None:
            sql = f"{self._SQL} AND id IN ({','.join('?' * len(ids))})"
            return self._to_docs(self.lib._conn.execute(sql, tuple(ids)).fetchall())
        docs: list[Doc] = []
        for _ in self._docs_in_steps(docs):
            pass
        return docs

    def _docs_in_steps(self, docs: list[Doc]) -> Iterator[None]:
        """``_docs()`` into ``docs``, a slice of rows per step: at 100,000 phrases the
        whole read takes a second, too long for the app's event loop to wait."""
        rows: list[tuple[Any, ...]] = []
        after = -1
        sql = f"{self._SQL} AND rowid > ? ORDER BY rowid LIMIT {self._ROWS_PER_STEP}"
        while chunk := self.lib._conn.execute(sql, (after,)).fetchall():
            rows.extend(chunk)
            after = chunk[-1][-1]
            yield None
        rank = self.lib.tree.rank
        rows.sort(key=lambda r: (-r[7], rank.get(r[1], 1 << 30), r[8], r[0]))
        learned = self._learned()
        for start in range(0, len(rows), self._ROWS_PER_STEP):
            docs.extend(self._to_docs(rows[start : start + self._ROWS_PER_STEP], learned))
            yield None

    def _to_docs(
        self, rows: Sequence[tuple[Any, ...]], learned: dict[str, list[str]] | None = None
    ) -> list[Doc]:
        learned = self._learned() if learned is None else learned
        by_id = self.lib.tree.by_id
        docs = []
        for pid, cid, title, body, tags, note, examples, *_order in rows:
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

    def suggest(
        self, text: str, limit: int = 5, *, explain: bool = True, wait: bool = True
    ) -> list[Suggestion]:
        """``wait=False`` (the picker, the side panel): nothing rather than a pause
        while the index is built (seconds in a large library after a change)."""
        if limit <= 0:
            return []
        query = self.query(text)
        if not query.terms:
            return []
        boost = self._recent_boost()
        found = self.index() if wait else self.ready()
        if found is None:
            return []
        index = found
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

    def for_message(self, text: str, limit: int = 3, *, wait: bool = True) -> list[Suggestion]:
        """Suggestions for clipboard text, or none when it is one of our own phrases
        (after a paste in copy mode the clipboard holds the reply, not the question)."""
        found = self.suggest(text, limit, explain=False, wait=wait)
        if any(is_rendering_of(text, s.phrase.body) for s in found):  # type: ignore[attr-defined]
            return []
        return found

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
        # A plain transaction, not ``lib.writing()``: one learned send must not make
        # the next hotkey rebuild the search and suggestion indexes (seconds at
        # 20,000 phrases).  Learned words count from the next rebuild (a library
        # change or the next start).
        with transaction(self.lib._conn) as conn:
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
        return int(self.lib._conn.execute("SELECT COUNT(*) FROM suggest_learned").fetchone()[0])

    def forget(self) -> int:
        """Erase everything learned (设置 → 清除建议学习记录)."""
        with self.lib.writing() as conn:
            cur = conn.execute("DELETE FROM suggest_learned")
        return int(cur.rowcount)


def is_rendering_of(text: str, body: str) -> bool:
    """Whether ``text`` is ``body`` with its placeholders filled in (our own phrase, pasted)."""
    from desktop.core.text import template

    parts = []
    for seg in template.parse(body):
        parts.append(".*?" if seg.field is not None else re.escape(seg.text))
    return re.fullmatch("".join(parts), text.strip(), re.DOTALL) is not None
