"""What every file format shares: limits, row errors, checked reading and atomic writing.

Reading never stops at the first bad row: it returns the good phrases and a
list of ``RowError`` so the caller (CLI, dialog) can show them all and let the
user decide whether to import without them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.base import files
from desktop.core.base.errors import PackError, QuickReplyError
from desktop.core.base.memory import collector_paused
from desktop.core.base.messages import Message, message_of
from desktop.core.exchange.packs import MAX_PHRASES, Pack, PackPhrase
from desktop.core.store.categories import clean_path
from desktop.core.store.suggestions import clean_examples
from desktop.core.store.validation import (
    MAX_BODY,
    MAX_NOTE,
    MAX_TITLE,
    clean_accept,
    clean_code,
    clean_tags,
    clean_text,
    strip_controls,
)

ALL_FIELDS = frozenset({"id", "category", "title", "body", "code", "tags", "note", "examples", "accept"})
MAX_ID = 64
MB = 1024 * 1024


@dataclass(frozen=True)
class RowError:
    """One row (or JSON phrase) that cannot be imported; ``message`` names the place."""

    row: int
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"row": self.row, "message": self.message}


@dataclass
class ReadResult:
    """A file read into a pack: the good phrases, where each came from, and the bad rows."""

    pack: Pack
    rows: list[int] = field(default_factory=list)  # where each phrase came from (1-based)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str = ""
    table: bool = False  # rows of a spreadsheet rather than phrases of a JSON pack
    # The fields the file has columns for; a matched phrase keeps its own value for
    # the others instead of having its tags or note blanked by a sheet without them.
    fields: frozenset[str] = ALL_FIELDS
    clean: bool = False  # every phrase already went through ``clean_phrase``

    def label(self, index: int) -> str:
        """``第 3 行`` for a spreadsheet row, ``phrases[2]`` for a JSON pack."""
        row = self.rows[index] if index < len(self.rows) else index + 1
        return Message("第 {row} 行", row=row) if self.table else f"phrases[{row - 1}]"


def check_count(count: int) -> None:
    if count > MAX_PHRASES:
        raise PackError(Message("话术太多：超过 {limit} 条", limit=MAX_PHRASES))


def clean_phrase(item: PackPhrase) -> PackPhrase:
    """The phrase as the library would store it; raises ``QuickReplyError`` with the reason.

    Checking here, before the import starts, lets the preview list every bad row
    instead of the import failing half-way through.
    """
    phrase_id = strip_controls(item.id or "", keep_lines=False).strip() or None
    if phrase_id is not None and len(phrase_id) > MAX_ID:
        raise PackError(Message("编号太长（最多 {limit} 个字符）", limit=MAX_ID))
    return PackPhrase(
        category=clean_path(item.category),
        title=clean_text(item.title, Message("标题"), MAX_TITLE, required=True).strip(),
        body=clean_text(item.body, Message("内容"), MAX_BODY, required=True),
        id=phrase_id,
        code=clean_code(item.code),
        tags=clean_tags(item.tags),
        note=clean_text(item.note or "", Message("备注"), MAX_NOTE, required=False).strip(),
        pinned=item.pinned,
        examples=clean_examples(item.examples),
        accept=clean_accept(item.accept),
    )


def clean_all(result: ReadResult) -> ReadResult:
    """Move phrases the library would refuse from ``pack.phrases`` to ``errors``."""
    good: list[PackPhrase] = []
    rows: list[int] = []
    with collector_paused():  # every phrase made here stays: nothing for the collector
        for n, item in enumerate(result.pack.phrases):
            row = result.rows[n] if n < len(result.rows) else n + 1
            try:
                good.append(clean_phrase(item))
            except QuickReplyError as exc:
                problem = Message(
                    "{where}：{problem}", where=result.label(n), problem=message_of(exc)
                )
                result.errors.append(RowError(row, problem))
                continue
            rows.append(row)
    result.pack.phrases = good
    result.rows = rows
    result.clean = True
    result.errors.sort(key=lambda e: e.row)
    return result


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill a temporary file that is then renamed into place."""
    files.write_atomic(path, write)
