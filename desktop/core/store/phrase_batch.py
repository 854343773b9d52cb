"""Adding phrases in batches: each row checked and keyed as one ``add`` would, written together.

``Library.insert`` is a batch of one, so a phrase typed in the library window
and 100,000 phrases from a pack go through the same checks and the same search
keys.  A larger batch saves what a row-by-row insert repeats: the category's
next position (asked once per category, then counted), the JSON of tag lists
seen before, and one ``INSERT`` statement run per row from Python.  Rows reach
the file on ``write``; the caller holds the transaction.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from typing import Any, Protocol

from desktop.core.base.messages import Message
from desktop.core.search.index import phrase_keys
from desktop.core.store.categories import CategoryTree
from desktop.core.store.models import Category
from desktop.core.store.suggestions import clean_examples
from desktop.core.store.validation import (
    MAX_BODY,
    MAX_NOTE,
    MAX_TITLE,
    clean_accept,
    clean_code,
    clean_tags,
    clean_text,
    code_taken,
)

# From this many new ids on, the ids in the file are read once instead of asked per id,
# and the rows are written with a larger page cache and one change of the content token.
_MANY = 2000
_BULK_CACHE_KIB = 32 * 1024
_INSERT = (
    "INSERT INTO phrases (id, category_id, title, body, code, tags, note, pinned, position,"
    " created_at, updated_at, search_names, search_body, search_pinyin, examples, accept)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class Owner(Protocol):
    """What a batch needs of the library (``Library`` itself)."""

    _conn: sqlite3.Connection
    tree: CategoryTree

    def check_editable(self, category_id: int, read_only: set[int] | None = None) -> None: ...

    def _refuse_taken_code(self, code: str, own_id: str | None) -> None: ...


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class PhraseBatch:
    """New phrases waiting to be written; ``add`` refuses a bad one at once, naming why."""

    def __init__(self, lib: Owner) -> None:
        self._lib = lib
        self._conn = lib._conn
        self._rows: list[tuple[Any, ...]] = []
        self._ids: set[str] = set()  # ids of rows added since the last ``write``
        self._taken: set[str] | None = None  # ids in the file, once read
        self._codes: dict[str, tuple[str, str]] = {}  # code → (id, title) of those rows
        self._next_position: dict[int, int] = {}
        self._editable: set[int] = set()  # categories already found editable
        self._categories: dict[tuple[str, ...], Category] = {}  # as given → as made
        self._json: dict[tuple[str, ...], str] = {}
        self._stamp = ""

    def __len__(self) -> int:
        return len(self._rows)

    def add(
        self,
        *,
        title: str,
        body: str,
        category: Sequence[str] | str,
        code: str | None = None,
        tags: Iterable[str] = (),
        note: str = "",
        pinned: bool = False,
        phrase_id: str | None = None,
        check_code: bool = True,
        check_editable: bool = True,
        examples: Iterable[str] = (),
        accept: Iterable[str] = (),
        cleaned: bool = False,
    ) -> str:
        """Check and key one phrase (see ``Library.insert``); returns the id it gets.

        ``cleaned``: the texts, tags, examples and accept come from
        ``formats.base.clean_phrase``, which cleans with these same functions, and
        are taken as they are (cleaning twice gives what cleaning once gives, a
        test checks it).  The code and category are still checked.
        """
        if cleaned:
            tag_tuple, example_tuple, accept_tuple = tuple(tags), tuple(examples), tuple(accept)
        else:
            title = clean_text(title, Message("标题"), MAX_TITLE, required=True).strip()
            body = clean_text(body, Message("内容"), MAX_BODY, required=True)
            note = clean_text(note or "", Message("备注"), MAX_NOTE, required=False).strip()
            tag_tuple = clean_tags(tags)
            example_tuple = clean_examples(examples)
            accept_tuple = clean_accept(accept)
        code = clean_code(code)
        if check_code and code:
            self._refuse_taken_code(code)
        cat = self._category(category)
        if check_editable and cat.id not in self._editable:
            self._lib.check_editable(cat.id, self._lib.tree.read_only)
            self._editable.add(cat.id)
        if phrase_id is None:
            phrase_id = self._new_id()
        position = self._next_position.get(cat.id)
        if position is None:
            position = self._conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM phrases WHERE category_id = ?",
                (cat.id,),
            ).fetchone()[0]
        self._next_position[cat.id] = position + 1
        if not self._stamp:  # one change, one time: the whole batch is written at once
            self._stamp = now_iso()
        keys = phrase_keys(code, title, tag_tuple, body, note, example_tuple)
        self._rows.append(
            (
                phrase_id,
                cat.id,
                title,
                body,
                code,
                self._dumps(tag_tuple),
                note,
                int(bool(pinned)),
                position,
                self._stamp,
                self._stamp,
                *keys,
                self._dumps(example_tuple),
                self._dumps(accept_tuple),
            )
        )
        self._ids.add(phrase_id)
        if code:
            self._codes.setdefault(code, (phrase_id, title))
        return phrase_id

    def write(self) -> None:
        """Insert the rows added so far (inside the caller's transaction).

        All at once: written in chunks, the rows' memory would be reused by what
        lives on after the import, and less of it would go back to the system
        (about 35 MB more kept after 100,000 phrases).
        """
        if len(self._rows) >= _MANY:
            with _token_changed_once(self._conn), _roomy_page_cache(self._conn):
                self._conn.executemany(_INSERT, self._rows)
        elif self._rows:
            self._conn.executemany(_INSERT, self._rows)
        self._rows.clear()
        if self._taken is not None:
            self._taken |= self._ids
        self._ids.clear()
        self._codes.clear()
        # Later writes (an update between two batches) may move phrases into these
        # categories: positions are asked again.
        self._next_position.clear()
        self._editable.clear()
        self._categories.clear()

    def _category(self, path: Sequence[str] | str) -> Category:
        """``tree.ensure``, remembered per path as given: an import names few categories."""
        try:
            cat = self._categories.get(path) if isinstance(path, tuple) else None
        except TypeError:  # a part that can't be a key: left to ensure to judge
            return self._lib.tree.ensure(path)
        if cat is None:
            cat = self._lib.tree.ensure(path)
            if isinstance(path, tuple):
                self._categories[path] = cat
        return cat

    def _dumps(self, values: tuple[str, ...]) -> str:
        text = self._json.get(values)
        if text is None:
            text = self._json[values] = json.dumps(values, ensure_ascii=False)
        return text

    def _new_id(self) -> str:
        if self._taken is None and len(self._ids) >= _MANY:
            # A large batch reads the ids in the file once instead of asking per row.
            self._taken = {row[0] for row in self._conn.execute("SELECT id FROM phrases")}
        while True:
            candidate = os.urandom(6).hex()  # as secrets.token_hex, without loading OpenSSL
            if candidate in self._ids:
                continue
            if self._taken is not None:
                if candidate not in self._taken:
                    return candidate
            elif not self._conn.execute(
                "SELECT 1 FROM phrases WHERE id = ?", (candidate,)
            ).fetchone():
                return candidate

    def _refuse_taken_code(self, code: str) -> None:
        waiting = self._codes.get(code)
        if waiting is not None:
            raise code_taken(code, waiting[1], waiting[0])
        self._lib._refuse_taken_code(code, None)


@contextmanager
def _token_changed_once(conn: sqlite3.Connection) -> Iterator[None]:
    """Many rows inserted in one statement change the content token once, not per row.

    The row trigger of ``schema._v10_content_token`` (a third of the time of
    inserting 100,000 phrases) is set aside for the statement, inside the
    caller's transaction, and put back from its own stored text; then the token
    gets a fresh value, which is all the trigger would have left behind.
    """
    name = "phrases_insert_token"
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
    ).fetchone()
    if row is None:
        yield
        return
    conn.execute(f"DROP TRIGGER {name}")
    try:
        yield
    except BaseException:
        # The transaction is rolled back, and the trigger with it; should a caller
        # go on anyway, the trigger is back.
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute(row[0])
        raise
    conn.execute(row[0])
    conn.execute("UPDATE content_token SET token = randomblob(8)")


@contextmanager
def _roomy_page_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A page cache of 32 MB for one large INSERT, then the connection's own size again.

    With the few hundred KB a connection keeps (``db.CACHE_KIB``), SQLite
    writes pages out to the WAL over and over while the indexes of 100,000 new
    rows grow: a quarter of a second.  The pages go when the commit has written
    them.
    """
    size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(size)}")
