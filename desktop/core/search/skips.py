"""Skip masks: which blocks of a joined search text can hold a pattern.

A term that few phrases contain makes every tier's walk read its whole text
(tens of megabytes at 100,000 phrases) only to prove that nothing else
matches.  The text is cut into blocks of ``BLOCK`` consecutive entries, and
for each key, one Python int records in bit ``b`` whether block ``b`` holds
that key.  Keys are:

- pairs of ASCII characters (codes, pinyin, initials, numbers) taken from the
  block's ASCII characters alone (a pattern's ASCII characters follow each
  other there as well): every pair, or with ``every_pair`` off only those at
  even offsets, half the pairs at half the cost, for which the query asks for
  the pattern's pairs at even offsets or those at odd ones (see
  ``candidates``);
- with ``chars``, each UTF-16 code unit (汉字 and other non-ASCII characters);
- with ``field_starts``, each non-ASCII character that starts a field, for the
  "a term starts a name field" tier, whose pattern is ``FIELD + term``.

A pattern occurs only inside one entry, so only in a block that holds every one
of its keys; a key no block holds rules the pattern out everywhere.  Blocks
that pass are walked with ``str.find`` as before and every hit is checked, so
results and their order are exactly those of a plain walk.

Building reads each character once with C-level ``set`` calls, a few hundred
milliseconds at 100,000 phrases, so the index builds it only after a walk has
had to read a whole text, in a background thread, and walks plainly until
it is ready.
"""

from __future__ import annotations

import re
import struct
import sys
from collections.abc import Callable, Iterable
from itertools import repeat
from operator import or_
from typing import Generic, TypeVar

BLOCK = 64  # entries per block
_FIELD_START = re.compile("\x1f([^\x00-\x7f])")
_RUN = 60  # blocks whose bits are gathered in a small int before joining a mask


def _units(text: str) -> memoryview:
    """The UTF-16 code units of ``text``, as unsigned 16-bit numbers."""
    return memoryview(text.encode("utf-16-le")).cast("H")


def _pairs(ascii_bytes: bytes, every: bool) -> set[int]:
    """Pairs of bytes as ``first | second << 8``: the bytes read as 16-bit numbers,
    so there is no Python work per character.  Those at even offsets, and with
    ``every`` those at odd offsets too (read from the second byte)."""
    even = len(ascii_bytes) & ~1
    found = set(memoryview(ascii_bytes[:even]).cast("H"))
    odd = (len(ascii_bytes) - 1) & ~1
    if every and odd > 0:
        found.update(memoryview(ascii_bytes[1 : 1 + odd]).cast("H"))
    return found


class Skips:
    """The masks of one joined text; immutable once built."""

    def __init__(
        self,
        pairs: dict[int, int],
        chars: dict[int, int] | None,
        field_starts: dict[str, int] | None,
        blocks: int,
        every_pair: bool,
    ) -> None:
        self._pairs = pairs
        self._every_pair = every_pair
        self._last: tuple[str | None, int] = (None, 0)
        self._chars = chars
        self._field_starts = field_starts
        self.blocks = blocks

    @classmethod
    def build(
        cls,
        block_text: Callable[[int], str | None],
        blocks: int,
        *,
        chars: bool,
        field_starts: bool,
        every_pair: bool,
    ) -> Skips | None:
        """Masks for ``blocks`` blocks, ``block_text(b)`` giving block ``b``'s text.

        ``block_text`` returns None when the text is no longer wanted (the
        index was replaced); the build then stops and returns None.
        """
        pairs: _Table[int] = _Table()
        units: _Table[int] = _Table()
        starts: _Table[str] = _Table()
        for b in range(blocks):
            text = block_text(b)
            if text is None:
                return None
            pairs.mark(b, _pairs(text.encode("ascii", "ignore"), every_pair))
            if chars:
                units.mark(b, set(_units(text)))
            if field_starts:
                starts.mark(b, set(_FIELD_START.findall(text)))
        return cls(
            pairs.masks(),
            units.masks() if chars else None,
            starts.masks() if field_starts else None,
            blocks,
            every_pair,
        )

    def candidates(self, pattern: str) -> int:
        """Bit ``b`` set when block ``b`` may contain ``pattern``.

        The last answer is kept: a query asks about the same pattern for the
        phrases with uses and again for its walk.
        """
        if pattern == self._last[0]:
            return self._last[1]
        found = self._candidates(pattern)
        self._last = (pattern, found)
        return found

    def _candidates(self, pattern: str) -> int:
        found = (1 << self.blocks) - 1
        # The pattern's ASCII characters follow each other in a block's ASCII
        # characters too.  With every pair kept, each of theirs must be there;
        # else they start at an even or an odd offset: pairs 0-1, 2-3, … of the
        # pattern are then at even offsets, or pairs 1-2, 3-4, ….
        ascii_chars = pattern.encode("ascii", "ignore")
        pairs = self._pairs
        if self._every_pair:
            for j in range(len(ascii_chars) - 1):
                found &= pairs.get(ascii_chars[j] | ascii_chars[j + 1] << 8, 0)
        elif len(ascii_chars) >= 3:
            either = 0
            for phase in (0, 1):
                aligned = found
                for j in range(phase, len(ascii_chars) - 1, 2):
                    aligned &= pairs.get(ascii_chars[j] | ascii_chars[j + 1] << 8, 0)
                either |= aligned
            found = either
        if self._chars is not None and not pattern.isascii():
            chars = self._chars
            for unit in set(_units(pattern)):
                found &= chars.get(unit, 0)
        starts = self._field_starts
        if starts is not None and pattern[:1] == "\x1f" and not pattern[1:2].isascii():
            found &= starts.get(pattern[1], 0)
        return found

    def to_bytes(self) -> bytes:
        """The masks, to be stored with the index (``from_bytes`` reads them)."""
        width = (self.blocks + 7) // 8
        out = [struct.pack("<IB", self.blocks, self._every_pair)]
        tables: list[dict[int, int] | None] = [self._pairs, self._chars, None]
        if self._field_starts is not None:
            tables[2] = {ord(k): v for k, v in self._field_starts.items()}
        for table in tables:
            out.append(struct.pack("<i", -1 if table is None else len(table)))
            for key, mask in (table or {}).items():
                out.append(struct.pack("<I", key))
                out.append(mask.to_bytes(width, "little"))
        return b"".join(out)

    @classmethod
    def from_bytes(cls, data: bytes) -> Skips:
        """Masks stored by ``to_bytes``; ValueError when the data does not read as such."""
        try:
            blocks, every_pair = struct.unpack_from("<IB", data)
            width, at = (blocks + 7) // 8, 5
            view = memoryview(data)
            tables: list[dict[int, int] | None] = []
            for _ in range(3):
                (count,) = struct.unpack_from("<i", data, at)
                at += 4
                if count < 0:
                    tables.append(None)
                    continue
                table = {}
                for _ in range(count):
                    (key,) = struct.unpack_from("<I", data, at)
                    table[key] = int.from_bytes(view[at + 4 : at + 4 + width], "little")
                    at += 4 + width
                tables.append(table)
        except struct.error as exc:
            raise ValueError(f"stored skip masks cut short: {exc}") from None
        too_wide = any(mask >> blocks for t in tables if t for mask in t.values())
        if at != len(data) or too_wide:
            raise ValueError("stored skip masks do not fit together")
        pairs, chars, starts = tables
        field_starts = None if starts is None else {chr(k): v for k, v in starts.items()}
        return cls(pairs or {}, chars, field_starts, blocks, bool(every_pair))

    def nbytes(self) -> int:
        """Memory the masks hold (ints and their dicts)."""
        total = 0
        for masks in (self._pairs, self._chars, self._field_starts):
            if masks is not None:
                total += sys.getsizeof(masks) + sum(map(sys.getsizeof, masks.values()))
        return total


K = TypeVar("K", int, str)


class _Table(Generic[K]):
    """Which blocks hold each key, gathered block by block.

    Bits are first set in a small int per key for a run of ``_RUN`` blocks
    (cheap to copy), and each run is then moved into the key's mask.  No large
    scratch buffer is made, so nothing is left behind in the heap when the
    build, which runs in a thread, is over.
    """

    def __init__(self) -> None:
        self.result: dict[K, int] = {}
        self._run: dict[K, int] = {}
        self._run_start = 0

    def mark(self, block: int, keys: Iterable[K]) -> None:
        """Set bit ``block`` for every key, looped in C."""
        if block - self._run_start >= _RUN:
            self._flush()
            self._run_start = block
        run = self._run
        keys = list(keys)
        bit = 1 << (block - self._run_start)
        run.update(zip(keys, map(or_, map(run.get, keys, repeat(0)), repeat(bit))))

    def _flush(self) -> None:
        result, shift = self.result, self._run_start
        for key, bits in self._run.items():
            result[key] = result.get(key, 0) | bits << shift
        self._run = {}

    def masks(self) -> dict[K, int]:
        """Each key's mask: bit ``b`` set when block ``b`` holds it."""
        self._flush()
        return self.result
