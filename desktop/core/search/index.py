"""In-memory search index: 汉字, pinyin, initials and codes, ranked.

Why not FTS5: its trigram tokenizer ignores queries shorter than three
characters, and most Chinese queries are one or two (``退``, ``发货``).

How it stays fast: every phrase's searchable text is folded into one long
string per tier, in the library's static order (pinned, category order,
position).  ``str.find`` walks that string in C and results come out already
in order, so a query stops as soon as it has enough.  Phrases that have been
used are few and are ranked first by frecency; they are checked one by one.
A rare term would read every text to the end to prove nothing else matches;
skip masks (``skips.py``), built in the background after the first such walk,
let it read only the blocks of entries that can hold it.

Tiers, best first:
  0. the query is exactly a shortcut code;
  1. a single term starts the title, code, tag, pinyin or initials;
  2. every term occurs in those name fields;
  3. every term occurs anywhere (also body, body pinyin, category names).

Category names and their pinyin are kept once per category, not copied into
every phrase's text (that was 1.2 MB at 20,000 phrases): a term found in a
category's path matches every phrase filed under it.
"""

from __future__ import annotations

import heapq
import json
import threading
import time
import weakref
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, compress, islice, pairwise
from typing import Any, NamedTuple, TypedDict

from desktop.core.base.memory import give_back_freed_memory
from desktop.core.search.skips import BLOCK, Skips
from desktop.core.search.textnorm import body_pinyin, fold, terms, title_pinyin

FIELD = "\x1f"  # starts every field, so a prefix match is a find of FIELD + term
_CONTROL = str.maketrans("", "", "\x1e\x1f")
_SAMPLE = 100_000  # characters of the joined text used to guess which term is rarest


class _MaskKeys(TypedDict):
    chars: bool
    field_starts: bool
    every_pair: bool


# Which keys the skip masks of each text hold (see skips.py): the name fields
# also the first character of each field, for the tier of terms starting one.
# Pinyin holds only the pairs, and half of them: its characters are the 26
# letters, and it is the longest text (its letter pairs matter less: most
# are in every block).
_SKIP_KEYS: dict[str, _MaskKeys] = {
    "names": {"chars": True, "field_starts": True, "every_pair": True},
    "body": {"chars": True, "field_starts": False, "every_pair": True},
    "pinyin": {"chars": False, "field_starts": False, "every_pair": False},
}
# Below this many phrases a whole walk is quick and masks are not built unasked.
_BACKGROUND_ENTRIES = 1_000
_YIELD_S = 0.0005  # a background build's pause after each block (see _build_skips)


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


def phrase_keys(
    code: str | None,
    title: str,
    tags: Sequence[str],
    body: str,
    note: str = "",
    examples: Sequence[str] = (),
) -> Keys:
    """``note`` (适用场景) and ``examples`` (买家常问) are searched with the body, so a
    match there ranks below a match in the name fields."""
    full, initials = title_pinyin(title)
    names = [code or "", title, full, initials, *tags]
    extra = [t for t in (note, *examples) if t]
    return Keys(
        fold(FIELD + FIELD.join(f for f in names if f)),
        fold(FIELD + FIELD.join([body, *extra])),
        FIELD + body_pinyin(body),
    )


def name_pinyin(name: str) -> str:
    """A category name's pinyin and initials, stored with the category when it is written."""
    return FIELD.join(k for k in title_pinyin(name) if k)


def category_keys(path: Sequence[str], pinyin: Sequence[str]) -> tuple[str, str]:
    """Search text for a category path: its names, and each name's stored ``name_pinyin``."""
    return fold(FIELD + FIELD.join(path)), FIELD + FIELD.join(p for p in pinyin if p)


class _Joined:
    """One tier's text: all entries' fields in a single string.

    Offsets are kept in an ``array`` rather than a list: a list holds one int
    object per phrase, and those small objects, made while the rows are being
    read, would keep the memory of the rows from going back to the system.

    Once ``skips`` is set (see ``skips.py``), a walk reads only the blocks of
    entries that can hold its pattern; until then it reads the whole text, and
    ``read_whole`` records that a walk had to.
    """

    def __init__(self, segments: Iterable[str], block: int = BLOCK) -> None:
        parts = list(segments)
        self.text = "".join(parts)
        # starts[i] is where segment i begins, starts[size] where the last one ends.
        # 32-bit: a text of 2,000 million characters would need 4 million phrases.
        self.starts = array("i", accumulate(map(len, parts), initial=0))
        self.size = len(parts)
        self.block = block  # entries per block of the skip masks
        self.blocks = -(-self.size // block)
        self.skips: Skips | None = None
        self.read_whole = False

    @classmethod
    def of(cls, text: str, starts: array[int], block: int = BLOCK) -> _Joined:
        """One made again from its ``text`` and ``starts`` (a stored index)."""
        joined = cls.__new__(cls)
        joined.text, joined.starts = text, starts
        joined.size = len(starts) - 1
        joined.block = block
        joined.blocks = -(-joined.size // block)
        joined.skips = None
        joined.read_whole = False
        return joined

    def segment(self, i: int) -> str:
        return self.text[self.starts[i] : self.starts[i + 1]]

    def segments(self) -> list[str]:
        text, starts = self.text, self.starts
        return [text[a:b] for a, b in pairwise(starts)]

    def block_text(self, b: int) -> str:
        """The text of block ``b``: entries ``b * block`` up to the next block's."""
        first = b * self.block
        return self.text[self.starts[first] : self.starts[min(self.size, first + self.block)]]

    def scan(self, pattern: str, accept: Callable[[int], bool], need: int) -> list[int]:
        """Entries containing ``pattern`` for which ``accept(i)``, in order, at most ``need``."""
        found: list[int] = []
        skips = self.skips
        if skips is None:
            if not self._walk(pattern, accept, need, 0, self.size, found):
                self.read_whole = True
            return found
        # Runs of neighbouring candidate blocks are walked with one find each.
        bits = _bits(skips.candidates(pattern))
        b = bits.find("1")
        while b != -1:
            e = bits.find("0", b)
            e = len(bits) if e == -1 else e
            first, end = b * self.block, min(self.size, e * self.block)
            if self._walk(pattern, accept, need, first, end, found):
                break
            b = bits.find("1", e)
        return found

    def candidates(self, pattern: str) -> int | None:
        """Bit ``b`` set when block ``b`` may hold ``pattern``; None before the masks
        are built."""
        return None if self.skips is None else self.skips.candidates(pattern)

    def _walk(
        self,
        pattern: str,
        accept: Callable[[int], bool],
        need: int,
        first: int,
        end: int,
        found: list[int],
    ) -> bool:
        """Add the accepted entries among ``first``..``end - 1`` that contain
        ``pattern``; True once ``found`` holds ``need``.

        A match never spans two entries: each starts with ``FIELD``, which a
        pattern holds only as its first character.
        """
        text, starts = self.text, self.starts
        stop = starts[end]
        pos = text.find(pattern, starts[first], stop)
        while pos != -1:
            i = bisect_right(starts, pos, first, end) - 1
            if accept(i):
                found.append(i)
                if len(found) >= need:
                    return True
            pos = text.find(pattern, starts[i + 1], stop)
        return False


def _build_skips(
    ref: weakref.ref[_Joined],
    *,
    chars: bool,
    field_starts: bool,
    every_pair: bool = True,
    pause: bool = False,
) -> Skips | None:
    """Build a text's skip masks; None if the text was dropped meanwhile.

    Holds the text only through ``ref`` between blocks, so a build in the
    background does not keep a replaced index in memory.  With ``pause`` it
    sleeps briefly after each block, so the GUI thread
    gets the interpreter between blocks: ``time.sleep(0)`` alone let this
    thread take it straight back, and a popup opened meanwhile took 40–70 ms
    to paint instead of 12 ms (100,000 phrases).
    """
    joined = ref()
    if joined is None:
        return None
    blocks = joined.blocks
    del joined

    def block_text(b: int) -> str | None:
        if pause:
            time.sleep(_YIELD_S)
        joined = ref()
        return None if joined is None else joined.block_text(b)

    return Skips.build(
        block_text, blocks, chars=chars, field_starts=field_starts, every_pair=every_pair
    )


def _build_in_background(texts: dict[str, weakref.ref[_Joined]]) -> None:
    built = {name: _build_skips(ref, **_SKIP_KEYS[name], pause=True) for name, ref in texts.items()}
    alive = {name: ref() for name, ref in texts.items()}
    if all(alive.values()) and all(built.values()):
        for name, joined in alive.items():
            joined.skips = built[name]  # type: ignore[union-attr]
        del alive, joined
        give_back_freed_memory()  # what the build read and made on the way


def _bits(mask: int) -> str:
    """``mask`` as a string of 0 and 1, lowest bit first."""
    return format(mask, "b")[::-1] if mask else ""


def _always(i: int) -> bool:
    return True


@dataclass(frozen=True)
class _Tier:
    """One rank of matches: the texts to walk for ``pattern``, and how to check a phrase.

    ``matches`` decides for a phrase with uses (those are checked directly, best
    frecency first); ``matches_hit`` for a phrase the walk found, which already
    contains ``pattern``, so only the other terms are left to check.
    """

    texts: Sequence[_Joined]
    pattern: str
    matches: Callable[[int], bool]
    matches_hit: Callable[[int], bool] = _always
    # The categories whose path holds ``pattern`` (the last tier), asked only when
    # the tier is walked: most queries have enough results before it.
    in_paths: Callable[[], list[int]] | None = None


class _Ranking:
    """One query's results so far, best first, and what its walks have seen."""

    def __init__(
        self,
        limit: int,
        in_scope: Callable[[int], bool],
        used_idx: list[int],
        names: _Joined,
        filed_under: Callable[[list[int]], Iterable[int]],
    ) -> None:
        """``filed_under(categories)``: the entries in those categories, in order."""
        self.limit = limit
        self.in_scope = in_scope
        self.used_idx = used_idx
        self.used = set(used_idx)
        self.names = names
        self.filed_under = filed_under
        self.taken: set[int] = set()
        self.result: list[int] = []
        # Raw hits of a names walk that reached the end, by pattern: a later tier
        # walking the same pattern filters these instead of walking again.
        self.walked: dict[str, list[int]] = {}

    def add(self, indices: Iterable[int]) -> bool:
        """Take the new ones in order; True once ``limit`` is reached."""
        for i in indices:
            if i not in self.taken:
                self.taken.add(i)
                self.result.append(i)
                if len(self.result) >= self.limit:
                    return True
        return False

    @staticmethod
    def _may_match(used: Iterable[int], tier: _Tier, in_paths: list[int]) -> Iterable[int]:
        """Leave out phrases in no candidate block of the tier's texts (they cannot
        match), when the masks are built and leave out enough to be worth it."""
        if in_paths:
            return used  # a category name can match any of them
        mask = 0
        for text in tier.texts:
            candidates = text.candidates(tier.pattern)
            if candidates is None:
                return used
            mask |= candidates
        blocks, block = tier.texts[0].blocks, tier.texts[0].block
        if mask.bit_count() * 2 > blocks:
            return used
        bits = _bits(mask)
        return (i for i in used if bits.startswith("1", i // block))

    def walk(self, tier: _Tier) -> bool:
        """Add the tier's matches (phrases with uses first, then in library order);
        True once ``limit`` is reached."""
        used: Iterable[int] = (i for i in self.used_idx if i not in self.taken and self.in_scope(i))
        in_paths = tier.in_paths() if tier.in_paths is not None else []
        used = self._may_match(used, tier, in_paths)
        if self.add(i for i in used if tier.matches(i)):
            return True
        need = self.limit - len(self.result)

        def accept(i: int) -> bool:
            return (
                i not in self.taken
                and i not in self.used
                and self.in_scope(i)
                and tier.matches_hit(i)
            )

        hits: set[int] = set()
        for text in tier.texts:
            if text is self.names and tier.pattern in self.walked:
                hits.update(i for i in self.walked[tier.pattern] if accept(i))
                continue
            raw: list[int] = []

            def record(i: int, raw: list[int] = raw) -> bool:
                raw.append(i)
                return accept(i)

            found = text.scan(tier.pattern, record, need)
            if text is self.names and len(found) < need:
                self.walked[tier.pattern] = raw
            hits.update(found)
        if in_paths:
            hits.update(islice(filter(accept, self.filed_under(in_paths)), need))
        return self.add(sorted(hits)[:need])


class SearchIndex:
    """Built from entries already in static order; rebuilt when phrases change.

    Compact by design (measured with tracemalloc, see bench/bench_index_memory.py):
    per phrase it keeps only characters in a few long strings and numbers in
    arrays, no Python object of its own.  Ids sit in one joined string too;
    the few that searches ask about by id (used and pinned phrases) are looked
    up in one pass and remembered.  Shortcut codes are found through a sorted
    array of their hashes, checked against the code at the start of the
    phrase's names.
    """

    def __init__(
        self,
        ids: Sequence[str],
        category_ids: Sequence[int],
        codes: Sequence[str | None],
        keys: tuple[Sequence[str], Sequence[str], Sequence[str]],
        categories: Mapping[int, tuple[str, str]],
        *,
        block: int = BLOCK,
    ) -> None:
        """One column per argument, each in static order; ``keys`` holds the phrases'
        stored ``names``, ``body`` and ``pinyin`` columns (see ``Keys``);
        ``categories`` maps id → ``category_keys``; ``block`` is the number of
        entries per block of the skip masks."""
        names, bodies, pinyins = keys
        self._id_text = _Joined(ids)
        self._where: dict[str, int] = {}  # id → index, for ids asked about so far
        self._absent: set[str] = set()  # ids asked about that are not here
        self.category_of = array("q", category_ids)
        self._category_keys = {cid: (k[0], k[1]) for cid, k in categories.items()}
        self._members: dict[int, array[int]] | None = None  # category → its entries
        self.names = _Joined(names, block)
        self.body = _Joined(bodies, block)
        self.pinyin = _Joined(pinyins, block)
        # Hashes of the folded codes, sorted, with where each code is; looped in C
        # (codes are nearly always ASCII, where folding is ``str.lower``).
        coded = list(compress(range(len(codes)), codes))
        present = list(filter(None, codes))
        folding: Callable[[str], str] = str.lower if "".join(present).isascii() else _fold_code
        hashes = list(map(hash, map(folding, present)))
        by_hash = sorted(range(len(hashes)), key=hashes.__getitem__)
        self._code_hash = array("q", map(hashes.__getitem__, by_hash))
        self._code_at = array("i", map(coded.__getitem__, by_hash))
        self._skips_thread: threading.Thread | None = None

    _TEXTS = ("_id_text", "names", "body", "pinyin")

    def parts(self) -> dict[str, str | bytes | int]:
        """What ``from_parts`` needs to make this index again (it is stored in a file):
        the texts with their offsets, and which entries have a code.  Code hashes
        are not stored: string hashes differ from one process to the next."""
        out: dict[str, str | bytes | int] = {"block": self.names.block}
        for name in self._TEXTS:
            joined = getattr(self, name)
            # Bytes, not the str: handing a str to SQLite makes Python keep a UTF-8
            # copy inside it for as long as it lives (6.5 MB at 20,000 phrases).
            out[name] = _encode(joined.text)
            out[name + ".starts"] = joined.starts.tobytes()
        for name in _SKIP_KEYS:
            skips = getattr(self, name).skips
            if skips is not None:  # stored too: a search after loading skips at once
                out[name + ".skips"] = skips.to_bytes()
        out["category_of"] = self.category_of.tobytes()
        keys = [[cid, names, pinyin] for cid, (names, pinyin) in self._category_keys.items()]
        out["categories"] = json.dumps(keys, ensure_ascii=False).encode("utf-8", "surrogatepass")
        out["coded"] = array("i", sorted(self._code_at)).tobytes()
        return out

    @classmethod
    def from_parts(cls, parts: Mapping[str, Any]) -> SearchIndex:
        """The index ``parts()`` described, without reading a phrase again."""
        index = cls.__new__(cls)
        block = int(str(parts["block"]))
        for name in cls._TEXTS:
            starts = array("i")
            starts.frombytes(parts[name + ".starts"])
            text = parts[name].decode("utf-8", "surrogatepass")
            setattr(index, name, _Joined.of(text, starts, block))
        for name in _SKIP_KEYS:
            if name + ".skips" in parts:
                joined = getattr(index, name)
                joined.skips = Skips.from_bytes(parts[name + ".skips"])
                if joined.skips.blocks != joined.blocks:
                    raise ValueError("the stored skip masks are for another index")
        index.category_of = array("q")
        index.category_of.frombytes(parts["category_of"])
        keys = json.loads(parts["categories"].decode("utf-8", "surrogatepass"))
        index._category_keys = {int(cid): (str(names), str(pinyin)) for cid, names, pinyin in keys}
        index._members = None
        coded = array("i")
        coded.frombytes(parts["coded"])
        sizes = {index._id_text.size, index.names.size, index.body.size, index.pinyin.size}
        if len(sizes) != 1 or len(index.category_of) != index.names.size:
            raise ValueError("the stored index's parts do not fit together")
        # The code is the first field of an entry's folded names (see ``phrase_keys``).
        text, starts = index.names.text, index.names.starts
        firsts = []
        for i in coded:
            end = text.find(FIELD, starts[i] + 1, starts[i + 1])
            firsts.append(text[starts[i] + 1 : end if end != -1 else starts[i + 1]])
        hashes = list(map(hash, firsts))
        by_hash = sorted(range(len(hashes)), key=hashes.__getitem__)
        index._code_hash = array("q", map(hashes.__getitem__, by_hash))
        index._code_at = array("i", map(coded.__getitem__, by_hash))
        index._where, index._absent = {}, set()
        index._skips_thread = None
        return index

    def build_skips(self) -> None:
        """Build the skip masks of the three texts (see ``skips.py``) now."""
        built = {
            name: _build_skips(weakref.ref(getattr(self, name)), **keys)
            for name, keys in _SKIP_KEYS.items()
        }
        for name, skips in built.items():
            getattr(self, name).skips = skips

    def wait_for_skips(self, timeout: float | None = None) -> bool:
        """Wait for a background build of the skip masks, if one was started;
        True when the masks are in use."""
        if self._skips_thread is not None:
            self._skips_thread.join(timeout)
        return self.has_skips()

    def wants_skips(self) -> bool:
        """Whether the index is long enough for skip masks to be worth building unasked."""
        return len(self) >= _BACKGROUND_ENTRIES

    def has_skips(self) -> bool:
        return self.names.skips is not None

    def skips_pending(self) -> bool:
        """Whether a background build of the skip masks is running."""
        return self._skips_thread is not None and self._skips_thread.is_alive()

    def skips_bytes(self) -> int:
        """Memory held by the skip masks built so far."""
        texts = (self.names, self.body, self.pinyin)
        return sum(t.skips.nbytes() for t in texts if t.skips is not None)

    def _after_search(self) -> None:
        """Once a walk has had to read a whole long text, build the masks in the background.

        Until they are ready walks stay plain, as fast as before.  The thread holds
        the texts only through weak references: a replaced index is freed at once
        and its build stops at the next block.
        """
        if any(getattr(self, name).read_whole for name in _SKIP_KEYS):
            self.build_skips_in_background()

    def build_skips_in_background(self) -> None:
        """Start building the skip masks in a thread, if the index is long enough to
        want them and they are neither built nor being built (``wait_for_skips``)."""
        if self._skips_thread or self.names.skips or not self.wants_skips():
            return
        self._skips_thread = threading.Thread(
            target=_build_in_background,
            args=({name: weakref.ref(getattr(self, name)) for name in _SKIP_KEYS},),
            name="search-skips",
            daemon=True,
        )
        self._skips_thread.start()

    def _with_code(self, code: str) -> list[int]:
        """Entries whose shortcut code is exactly ``code`` (folded), in order."""
        hashes, names = self._code_hash, self.names
        found = []
        n = bisect_left(hashes, hash(code))
        while n < len(hashes) and hashes[n] == hash(code):
            i = self._code_at[n]
            start = names.starts[i] + 1
            end = names.text.find(FIELD, start, names.starts[i + 1])
            if names.text[start : end if end != -1 else names.starts[i + 1]] == code:
                found.append(i)
            n += 1
        return found

    def _positions(self, ids: Iterable[str]) -> list[int]:
        """Indices of those ids that are in the index, in the order given."""
        ids = list(ids)
        missing = {p for p in ids if p not in self._where and p not in self._absent}
        if missing:
            for i, pid in enumerate(self._id_text.segments()):
                if pid in missing:
                    self._where[pid] = i
            self._absent.update(missing - self._where.keys())
        return [self._where[p] for p in ids if p in self._where]

    def __len__(self) -> int:
        return self._id_text.size

    def _texts(self, word: str) -> list[_Joined]:
        """Where a term can occur anywhere in a phrase: pinyin holds only ASCII letters."""
        if _letters(word):
            return [self.names, self.body, self.pinyin]
        return [self.names, self.body]

    def _anywhere(self, i: int, word: str) -> bool:
        return any(word in t.segment(i) for t in self._texts(word)) or self._in_path(
            self.category_of[i], word
        )

    def _in_path(self, category: int, word: str) -> bool:
        """Whether a category's path (its names and theirs above it) holds ``word``."""
        names, pinyin = self._category_keys.get(category, ("", ""))
        return word in names or (_letters(word) and word in pinyin)

    def _categories_with(self, word: str) -> list[int]:
        """The categories whose path holds ``word``."""
        return [c for c in self._category_keys if self._in_path(c, word)]

    def _entries_of(self, categories: Iterable[int]) -> Iterator[int]:
        if self._members is None:  # once per index, when a category name first matches
            members: defaultdict[int, array[int]] = defaultdict(lambda: array("i"))
            for i, category in enumerate(self.category_of):
                members[category].append(i)
            self._members = dict(members)
        return heapq.merge(*(self._members[c] for c in categories if c in self._members))

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
        in_scope: Callable[[int], bool] = (
            (lambda i: True)
            if categories is None
            else (lambda i: self.category_of[i] in categories)
        )
        used_idx = self._positions(ranked_used)
        if not words:
            return self._browse(limit, used_idx, pinned, in_scope, categories is not None)

        ranking = _Ranking(limit, in_scope, used_idx, self.names, self._entries_of)
        if ranking.add(i for i in self._with_code("".join(words)) if in_scope(i)):
            return self._ids(ranking.result)  # an exact shortcut code comes first
        for tier in self._tiers(words):
            if ranking.walk(tier):
                break
        self._after_search()
        return self._ids(ranking.result)

    def _tiers(self, words: list[str]) -> list[_Tier]:
        """Best first: a term starting a name field, every term in the names, anywhere."""
        names = self.names
        scan_word = self._rarest(words)
        others = [w for w in words if w is not scan_word]
        tiers: list[_Tier] = []
        if len(words) == 1:
            prefix = FIELD + words[0]
            tiers.append(_Tier([names], prefix, lambda i: prefix in names.segment(i)))
        tiers.append(
            _Tier(
                [names],
                scan_word,
                lambda i: all(w in names.segment(i) for w in words),
                lambda i: all(w in names.segment(i) for w in others),
            )
        )
        tiers.append(
            _Tier(
                self._texts(scan_word),
                scan_word,
                lambda i: all(self._anywhere(i, w) for w in words),
                lambda i: all(self._anywhere(i, w) for w in others),
                partial(self._categories_with, scan_word),
            )
        )
        return tiers

    def _browse(
        self,
        limit: int,
        used_idx: list[int],
        pinned: Collection[str],
        in_scope: Callable[[int], bool],
        scoped: bool,
    ) -> list[str]:
        """Empty query: pinned first, then most used; in a category, all of it."""
        order: list[int] = []
        seen: set[int] = set()
        pinned_idx = self._positions(pinned)
        used_rank = {i: r for r, i in enumerate(used_idx)}
        pinned_idx.sort(key=lambda i: (used_rank.get(i, len(used_rank)), i))
        sources: list[Iterable[int]] = [pinned_idx, used_idx]
        if scoped:
            sources.append(range(len(self)))
        for source in sources:
            for i in source:
                if i not in seen and in_scope(i):
                    seen.add(i)
                    order.append(i)
                    if len(order) >= limit:
                        return self._ids(order)
        return self._ids(order)

    def _ids(self, indices: Iterable[int]) -> list[str]:
        return [self._id_text.segment(i) for i in indices]

    def ids_at(self, indices: Iterable[int]) -> list[str]:
        """The ids at those places of the static order."""
        return self._ids(indices)

    def _rarest(self, words: list[str]) -> str:
        """The term to walk the text with: the one seen least in a sample of it.

        Walking the rarest term means fewer candidates to reject when several
        terms must all match; counting in a sample costs far less than a walk.
        """
        if len(words) == 1:
            return words[0]
        sample = self.body.text[:_SAMPLE]
        return min(words, key=lambda w: (sample.count(w), -_selectivity(w)))


_ENCODE_SLICE = 1 << 18  # characters: about a millisecond of encoding


def _encode(text: str) -> bytes:
    """``text`` in UTF-8, a slice at a time, letting other threads run between slices:
    the index file is written from a thread while the user may be typing, and one
    encode of a 100,000-phrase text would hold the interpreter for tens of
    milliseconds.  Encoding goes character by character, so slices join exactly."""
    if len(text) <= _ENCODE_SLICE:
        return text.encode("utf-8", "surrogatepass")
    chunks = []
    for start in range(0, len(text), _ENCODE_SLICE):
        chunks.append(text[start : start + _ENCODE_SLICE].encode("utf-8", "surrogatepass"))
        time.sleep(0)
    return b"".join(chunks)


def _letters(word: str) -> bool:
    """Whether a term can match pinyin, which holds only ASCII letters."""
    return word.isascii() and word.isalpha()


def _fold_code(code: str) -> str:
    """``fold`` for a stored code, quick for the usual ASCII ones (NFKC leaves ASCII alone)."""
    return code.lower() if code.isascii() else fold(code)


def _selectivity(word: str) -> int:
    """Rough guess of how rare a term is: 汉字 narrow a search more than letters."""
    return sum(3 if not ch.isascii() else 1 for ch in word)
