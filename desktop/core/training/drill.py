"""应答练习: buyer questions drawn from 买家常问, graded against the phrase they belong to.

A question is one example question of one phrase.  The right answer is that
phrase, or any phrase the lead listed in its 也算对 field (by shortcut code or
by exact title), so a pack can accept "退货流程" and "退货地址" alike for
"怎么退货".  The order of a round comes from a seed, so a lead can hand every
trainee the same round.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core.base.errors import ValidationError
from desktop.core.base.messages import Message
from desktop.core.store.library import Library
from desktop.core.store.models import Phrase

DEFAULT_ROUNDS = 10
MAX_ROUNDS = 200
DEFAULT_SECONDS = 20.0


@dataclass(frozen=True)
class Question:
    text: str  # the example question, written by the lead
    phrase_id: str
    category: tuple[str, ...]
    title: str
    code: str | None
    accepted: frozenset[str]  # ids of every phrase counted right, the own one included

    @property
    def expected(self) -> str:
        """How the expected phrase is shown: its code first, so the trainee learns it."""
        return f"{self.code} · {self.title}" if self.code else self.title


@dataclass(frozen=True)
class Answer:
    question: Question
    picked_id: str | None  # None: time ran out or the trainee skipped
    picked_title: str
    seconds: float
    limit: float

    @property
    def correct(self) -> bool:
        return self.picked_id is not None and self.picked_id in self.question.accepted

    @property
    def in_time(self) -> bool:
        return self.picked_id is not None and self.seconds <= self.limit


def _resolve(phrase: Phrase, by_code: dict[str, str], by_title: dict[str, list[str]]) -> frozenset[str]:
    ids = {phrase.id}
    for name in phrase.accept:
        key = name.strip()
        if key.lower() in by_code:
            ids.add(by_code[key.lower()])
        ids.update(by_title.get(key, ()))
    return frozenset(ids)


def questions(phrases: Iterable[Phrase], everything: Iterable[Phrase] | None = None) -> list[Question]:
    """Every example question of ``phrases``, in library order.

    ``everything`` is where 也算对 names are looked up (the whole library: an
    accepted phrase may live in another category); it defaults to ``phrases``.
    """
    phrases = list(phrases)
    pool = phrases if everything is None else list(everything)
    by_code = {p.code.lower(): p.id for p in pool if p.code}
    by_title: dict[str, list[str]] = {}
    for p in pool:
        by_title.setdefault(p.title.strip(), []).append(p.id)
    out: list[Question] = []
    for p in phrases:
        accepted = _resolve(p, by_code, by_title)
        for text in p.examples:
            out.append(Question(text, p.id, p.category, p.title, p.code, accepted))
    return out


def library_questions(lib: Library, categories: Sequence[Sequence[str] | str] = ()) -> list[Question]:
    """The questions of the chosen categories (and their children), or of the whole library."""
    everything = lib.phrases()
    if not categories:
        return questions(everything)
    chosen: list[Phrase] = []
    seen: set[str] = set()
    for cat in categories:
        for p in lib.phrases(cat):
            if p.id not in seen:
                seen.add(p.id)
                chosen.append(p)
    return questions(chosen, everything)


def draw(pool: Sequence[Question], rounds: int = DEFAULT_ROUNDS, seed: int | None = None) -> list[Question]:
    """A round of ``rounds`` questions in an order fixed by ``seed``.

    Each phrase's questions are spread out first (one per phrase until every
    phrase had its turn), so a phrase with many example questions does not
    take over the round; a round longer than the pool repeats it.
    """
    if not pool:
        raise ValidationError(
            Message("这些分类里没有买家常问，没法练习：请先在话术里填写「买家常问」，或导入组长的练习包")
        )
    if not 1 <= rounds <= MAX_ROUNDS:
        raise ValidationError(Message("题数应为 1 到 {limit}", limit=MAX_ROUNDS))
    rng = random.Random(seed)
    by_phrase: dict[str, list[Question]] = {}
    for q in pool:
        by_phrase.setdefault(q.phrase_id, []).append(q)
    groups = list(by_phrase.values())
    for g in groups:
        rng.shuffle(g)
    rng.shuffle(groups)
    order: list[Question] = []
    depth = max(len(g) for g in groups)
    for i in range(depth):
        layer = [g[i] for g in groups if i < len(g)]
        rng.shuffle(layer)
        order.extend(layer)
    out: list[Question] = []
    while len(out) < rounds:
        out.extend(order[: rounds - len(out)])
    return out


def grade(question: Question, picked: Phrase | None, seconds: float, limit: float) -> Answer:
    """The trainee's pick (``None`` when time ran out) as an answer."""
    if picked is None:
        return Answer(question, None, "", max(seconds, limit), limit)
    return Answer(question, picked.id, picked.title, max(0.0, seconds), limit)
