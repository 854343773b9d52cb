"""打字练习: 汉字 a minute and accuracy on a phrase body typed through the input method.

Speed counts *committed* 汉字 (what the input method put into the box), never
keystrokes: with pinyin a trainee presses several keys per character, and the
figure customer-service training uses (80 a minute for a beginner, 120 for a
good agent) is characters.  Accuracy compares the typed text with the target
character by character (an alignment, so one missed character does not make
everything after it wrong); a typed character counts when it lines up with
the same character of the target.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.core.store.models import Phrase
from desktop.core.text.template import parse

TARGET_START = 80  # 汉字 a minute: where a beginner starts
TARGET_GOAL = 120  # what a trained agent types
MIN_CHARS = 8
MAX_CHARS = 120
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def practice_text(body: str) -> str:
    """A phrase body as something to type: one line, not too long; a placeholder with a
    default (``{称呼|亲}``, ``{快递:顺丰/圆通}``) shows it, any other is dropped."""
    parts = []
    for seg in parse(body):
        f = seg.field
        if f is None:
            parts.append(seg.text)
        elif f.choices:
            parts.append(f.choices[0])
        elif f.fallback:
            parts.append(f.fallback)
    text = " ".join("".join(parts).split()).lstrip("，,。；;：:！!？? ")
    if len(text) > MAX_CHARS:
        cut = max(text.rfind(mark, 0, MAX_CHARS) for mark in "。！？；，")
        text = text[: cut + 1] if cut >= MIN_CHARS else text[:MAX_CHARS]
    return text


def pick_texts(phrases: Sequence[Phrase], count: int = 5, seed: int | None = None) -> list[str]:
    """Phrase bodies worth typing (enough 汉字), in an order fixed by ``seed``."""
    texts = []
    for p in phrases:
        text = practice_text(p.body)
        if han_count(text) >= MIN_CHARS and text not in texts:
            texts.append(text)
    random.Random(seed).shuffle(texts)
    return texts[:count]


@dataclass(frozen=True)
class TypingResult:
    target: str
    typed: str
    seconds: float

    @property
    def chars(self) -> int:
        """Committed 汉字 that match the target (a wrong character is not speed)."""
        matcher = SequenceMatcher(None, self.target, self.typed, autojunk=False)
        return sum(
            han_count(self.target[b.a : b.a + b.size]) for b in matcher.get_matching_blocks()
        )

    @property
    def errors(self) -> int:
        """Target characters missed or mistyped, plus extra characters typed."""
        matcher = SequenceMatcher(None, self.target, self.typed, autojunk=False)
        same = sum(b.size for b in matcher.get_matching_blocks())
        return max(len(self.target), len(self.typed)) - same

    @property
    def accuracy(self) -> float:
        longest = max(len(self.target), len(self.typed))
        return 1.0 if longest == 0 else 1 - self.errors / longest

    @property
    def per_minute(self) -> float:
        """汉字 a minute."""
        return 0.0 if self.seconds <= 0 else self.chars * 60.0 / self.seconds
