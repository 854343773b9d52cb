"""What a buyer's message says, once the chat noise is gone: the word lists behind 建议.

Three lists ship in ``resources/suggest`` (a shop adds lines in same-named files
in its own folder, the way it extends the lint lists):

* ``intents.txt``: the words agents' phrases use for a need, and the ways buyers
  say it (``退款 = 退钱 钱呢 …``);
* ``typos.txt``: common misspellings (``快地 → 快递``);
* ``noise.txt``: greetings and particles that say nothing about the need.

:func:`clean_message` turns a pasted message into plain text for matching and
pulls out the buyer data in it (order and tracking numbers) so it can fill
``{订单号}`` in memory; none of it is kept anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from desktop.core.base.resources import read_text
from desktop.core.text import buyer

FILES = ("intents.txt", "typos.txt", "noise.txt")
MAX_MESSAGE = 2000  # a whole copied page is not one question; only its start is read


def _lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff")
        if line and not line.startswith("#"):
            out.append(line)
    return out


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Intent:
    """``targets``: words phrases use; ``says``: how buyers put it (targets included)."""

    targets: tuple[str, ...]
    says: tuple[str, ...]


@dataclass
class Vocabulary:
    """The three lists, with lookups by first character for a quick scan of a message."""

    intents: list[Intent] = field(default_factory=list)
    typos: dict[str, str] = field(default_factory=dict)
    noise: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # said word → indexes of intents; scanned longest first at each position
        self._said: dict[str, list[int]] = {}
        for n, intent in enumerate(self.intents):
            for word in intent.says:
                self._said.setdefault(word, []).append(n)
        self._said_len = sorted({len(w) for w in self._said}, reverse=True)
        self._typo_re = _alternation(self.typos)
        self._noise_re = _alternation(self.noise)

    def fix_typos(self, text: str) -> str:
        if self._typo_re is None:
            return text
        return self._typo_re.sub(lambda m: self.typos[m.group(0)], text)

    def drop_noise(self, text: str) -> str:
        if self._noise_re is None:
            return text
        return self._noise_re.sub(" ", text)

    def said(self, text: str) -> list[tuple[str, Intent]]:
        """The buyer's words in ``text`` that name an intent, longest match first, no overlaps."""
        found: list[tuple[str, Intent]] = []
        seen: set[int] = set()
        i, n = 0, len(text)
        while i < n:
            step = 1
            for size in self._said_len:
                if i + size > n:
                    continue
                word = text[i : i + size]
                hits = self._said.get(word)
                if hits:
                    for h in hits:
                        if h not in seen:
                            seen.add(h)
                            found.append((word, self.intents[h]))
                    step = size
                    break
            i += step
        return found


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile("|".join(re.escape(w) for w in ordered))


def _parse(intent_text: str, typo_text: str, noise_text: str) -> Vocabulary:
    intents: list[Intent] = []
    for line in _lines(intent_text):
        left, _, right = line.partition("=")
        targets = tuple(dict.fromkeys(fold(w) for w in left.split()))
        says = tuple(dict.fromkeys((*targets, *(fold(w) for w in right.split()))))
        if targets:
            intents.append(Intent(targets, says))
    typos: dict[str, str] = {}
    for line in _lines(typo_text):
        parts = line.split()
        if len(parts) == 2:
            typos[fold(parts[0])] = fold(parts[1])
    noise = tuple(fold(w) for line in _lines(noise_text) for w in line.split())
    return Vocabulary(intents, typos, noise)


def _read(extra_dir: Path | None, name: str) -> str:
    text = read_text("suggest", name)
    extra = extra_dir / name if extra_dir is not None else None
    if extra is not None and extra.is_file():
        try:
            text += "\n" + extra.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            pass  # a shop's unreadable list is left out rather than stopping suggestions
    return text


@lru_cache(maxsize=8)
def load_vocabulary(extra_dir: Path | None = None) -> Vocabulary:
    """Shipped lists plus same-named files in ``extra_dir`` (the shop's own lines)."""
    return _parse(*(_read(extra_dir, name) for name in FILES))


# ----- cleaning a pasted message ---------------------------------------------------
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3\u3030\u303d]"
)
# Qianniu/Wangwang emoticons ([微笑], /:^_^) and a chat header line with a time.
_EMOTICON = re.compile(r"\[[^\[\]\s]{1,5}\]|/:[^\s\u4e00-\u9fff]{1,6}")
_TIME = re.compile(r"\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?")
_MENTION = re.compile(r"@\S+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
# Mixed letters and digits (nicknames like tb_889123, tracking numbers) and long numbers.
_CODES = re.compile(r"[a-z_]*\d[a-z0-9_]*|[a-z0-9]*_[a-z0-9_]*")
# "订单号：1234…" is the buyer handing over data, not asking about 单号.
_LABELLED = re.compile(r"(?:订单|运单|快递单|物流单|单)(?:编号|号码|号)?\s*[:：是为]?\s*(?=[a-z]*[0-9]{6,})")
_CN_DIGITS = "零一二三四五六七八九"


def _digit(m: re.Match[str]) -> str:
    return _CN_DIGITS[int(m.group(0))]


@dataclass(frozen=True)
class CleanMessage:
    """A message ready for matching; ``values`` is buyer data for placeholders, memory only."""

    text: str
    values: dict[str, str] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:  # never let a log line show the buyer's words
        return f"CleanMessage(<{len(self.text)} characters>)"


def clean_message(text: str, vocabulary: Vocabulary | None = None) -> CleanMessage:
    """Fold, drop chat headers, emoji, mentions, links, codes and noise; fix typos."""
    vocab = vocabulary or load_vocabulary()
    raw = str(text or "")[:MAX_MESSAGE]
    found = buyer.recognise(raw).values
    values = {k: v for k, v in found.items() if k in (buyer.ORDER, buyer.TRACKING, buyer.CARRIER)}
    lines = []
    for line in fold(raw).splitlines():
        if _TIME.search(line) and len(_TIME.sub("", line).strip()) <= 24 and len(line) < 48:
            continue  # "小鱼儿 2026-12-07 10:23:11": who wrote and when, not what
        lines.append(line)
    folded = " ".join(lines)
    folded = _URL.sub(" ", folded)
    folded = _MENTION.sub(" ", folded)
    folded = _EMOTICON.sub(" ", folded)
    folded = _EMOJI.sub(" ", folded)
    # A single digit reads as a word (7天 → 七天); longer numbers are data.
    folded = re.sub(r"(?<![0-9a-z_])[0-9](?![0-9a-z_])", _digit, folded)
    folded = _LABELLED.sub(" ", folded)
    folded = _CODES.sub(" ", folded)
    folded = vocab.fix_typos(folded)
    cleaned = vocab.drop_noise(folded)
    if not _has_word(cleaned):
        cleaned = folded  # only a greeting (在吗): the greeting is the message
    return CleanMessage(" ".join(_PUNCT.sub(" ", cleaned).split()), values)


# What is left of a copied tracking or order number once the number is gone:
# "顺丰快递 SF1409…" is buyer data for the context, not a question.
_DATA_WORDS = re.compile(
    r"顺丰|圆通|中通|韵达|申通|极兔|京东|邮政|德邦|百世|天天|速运|快递|物流|运单号?|订单号?|单号|编号|号码|[\s:：]"
)
_PUNCT = re.compile(r"[^\w\u3400-\u9fff]+")


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def looks_like_message(text: str) -> bool:
    """Whether clipboard text could be a buyer's chat message worth suggesting for.

    A short text with 汉字 in it; not a bare order/tracking number or nickname,
    not a page or a document (too long, too many lines).
    """
    if not isinstance(text, str):
        return False
    stripped = text.strip()
    if not 2 <= len(stripped) <= 300 or stripped.count("\n") > 6:
        return False
    cleaned = _DATA_WORDS.sub("", clean_message(stripped).text)
    han = sum(1 for ch in cleaned if "\u3400" <= ch <= "\u9fff")
    return han >= 2
