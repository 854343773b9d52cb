"""The phrase library: one SQLite file with phrases, categories, settings and usage.

``Library`` is the one object the CLI and the Qt layer talk to.  It hands out
plain ``Phrase``/``Category`` values and raises ``QuickReplyError`` subclasses
with messages fit for the user.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from operator import itemgetter, neg
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.base.errors import DatabaseError, NotFoundError, ValidationError
from desktop.core.base.memory import (
    collector_paused,
    give_back_freed_memory,
    one_heap_for_all_threads,
)
from desktop.core.base.messages import Message
from desktop.core.search.index import SearchIndex, category_keys, phrase_keys
from desktop.core.store import index_file
from desktop.core.store.categories import CategoryTree, fill_pinyin
from desktop.core.store.content_token import content_token
from desktop.core.store.db import Database, connect, default_path, opening_error, transaction
from desktop.core.store.models import Category, Phrase
from desktop.core.store.phrase_batch import PhraseBatch
from desktop.core.store.schema import check_version, migrate
from desktop.core.store.settings import SETTINGS, STORE_PREFIX, canonical_key, check_value
from desktop.core.store.storage_errors import storage_error
from desktop.core.store.suggestions import Suggester, Suggestion, clean_examples
from desktop.core.store.usage import Frecency
from desktop.core.store.validation import (
    MAX_BODY,
    MAX_TITLE,
    clean_accept,
    clean_code,
    clean_tags,
    clean_text,
    code_taken,
)
from desktop.core.text import template

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11


_UNSET: Any = object()
_BIG_INDEX = 5_000  # phrases; from here a build leaves enough garbage to hand back
_COLUMNS = (
    "id, category_id, title, body, code, tags, note, pinned, position, "
    "created_at, updated_at, deleted_at, examples, accept"
)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Library:
    """A phrase library stored in one SQLite file.

    The connection (``_conn``), the database wrapper (``_db``) and the
    transaction helper (``writing()``) belong to ``desktop/core/store``: the
    store's own modules (category_ops, organize, subtree, backup, ...) use them,
    nothing above the store does (tests/test_architecture.py checks this).
    Callers group several calls into one change with ``atomic()``.

    ``tree`` stays public as a named manager, like Anki's ``col.decks``: the
    cached category tree (``by_id``, ``by_path``, ``subtree``, ``ensure``,
    ``reload``).  It hands out ``Category`` values and runs its own SQL, but
    exposes no connection or SQL to its users; writes through it belong inside
    ``atomic()``.
    """

    def __init__(self, db: Database, *, path: Path | None) -> None:
        self._db = db
        self._conn: sqlite3.Connection = db.conn
        self.path = path
        self.tree = CategoryTree(self._conn)
        self.frecency = Frecency()
        for phrase_id, used_at in self._conn.execute("SELECT phrase_id, used_at FROM usage"):
            self.frecency.add(phrase_id, used_at)
        self._index: SearchIndex | None = None
        self._saving: list[index_file.BackgroundSave] = []  # index files being written
        self.suggester = Suggester(self)
        self._pinned: set[str] = set()
        self.created = False  # the file was made by this open (set by ``open``)
        self.closed = False
        self._data_version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        self._checked_for_writing = path is None  # a file is checked before its first write

    # ----- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None) -> Library:
        """Open ``path`` (default: ``QUICKREPLY_DB`` or the user data folder).

        A brand-new file gets the schema (``created`` tells so); an existing
        file is upgraded in place.  Filling a new file with the default phrases
        is not the store's business: see ``desktop.core.exchange.seed``.
        """
        if path is None:
            path = default_path()
        memory = str(path) == ":memory:"
        if not memory and Path(path).is_file() and Path(path).stat().st_size == 0:
            # Something emptied the file: damage, not a new library to seed over it.
            raise DatabaseError(Message("话术库文件是空的（0 字节）：{path}", path=str(path)))
        db = connect(None if memory else path)
        try:
            check_version(db.conn)
            if not memory:
                from desktop.core.store.damaged import not_a_library

                foreign = not_a_library(db.conn)
                if foreign:
                    raise DatabaseError(
                        Message("{path} {problem}", path=str(path), problem=foreign)
                    )
            if not memory:
                db.enable_wal()
                one_heap_for_all_threads()  # before the index threads (see memory.py)
            before = migrate(db.conn)
            lib = cls(db, path=None if memory else Path(path))
        except sqlite3.DatabaseError as exc:
            db.close()
            raise opening_error(exc, path) from exc  # a read-only mount or a lock is not damage
        except BaseException:
            db.close()
            raise
        lib.created = before == 0
        return lib

    @classmethod
    def memory(cls) -> Library:
        return cls.open(":memory:")

    def discard(self) -> None:
        """Close and delete a file this open created, with its WAL companions."""
        self.close()
        if self.path is not None:
            for suffix in ("", "-wal", "-shm", ".suggest", ".search"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        for saving in self._saving:
            saving.finish()  # written now, without skip masks still being built
        self._saving.clear()
        self.suggester.close()
        self._db.close()
        self.closed = True

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh_if_changed(self) -> bool:
        """Reload caches if another process (the CLI, a second window) wrote the file.

        SQLite's ``data_version`` changes only for commits made by other
        connections, so polling it is cheap.  Returns True when something changed.
        """
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._data_version:
            return False
        self._data_version = version
        self.tree.reload()
        self._invalidate()
        self.frecency = Frecency()
        for phrase_id, used_at in self._conn.execute("SELECT phrase_id, used_at FROM usage"):
            self.frecency.add(phrase_id, used_at)
        return True

    # ----- read-only (subscribed) categories --------------------------------
    def read_only_categories(self) -> set[int]:
        """Categories whose phrases come from a subscription and can't be edited here."""
        rows = self._conn.execute("SELECT id FROM categories WHERE read_only = 1")
        return {row[0] for row in rows}

    def is_editable(self, category_id: int, read_only: set[int] | None = None) -> bool:
        """False inside a subscribed subtree, also for a subcategory made there later
        (the next update would delete it with the publisher's content).

        ``read_only`` lets a bulk insert pass the tree's cached set instead of
        asking the database once per phrase."""
        if read_only is None:
            read_only = self.read_only_categories()
        cat = self.tree.by_id.get(category_id)
        if cat is None or not read_only:
            return category_id not in read_only
        return not any(
            (up := self.tree.by_path.get(cat.path[:depth])) is not None and up.id in read_only
            for depth in range(1, len(cat.path) + 1)
        )

    def check_editable(self, category_id: int, read_only: set[int] | None = None) -> None:
        """Refuse changes inside a subscribed category (the next update would undo them)."""
        if not self.is_editable(category_id, read_only):
            cat = self.tree.by_id.get(category_id)
            where = "/".join(cat.path) if cat else str(category_id)
            raise ValidationError(
                Message(
                    "分类「{category}」来自订阅，是只读的；需要修改请先复制一份到自己的分类",
                    category=where,
                )
            )

    # ----- categories ----------------------------------------------------------
    def categories(self) -> list[Category]:
        """All categories in tree order (a parent before its children)."""
        return self.tree.all()

    def category(self, path: Sequence[str] | str) -> Category:
        return self.tree.find(path)

    def ensure_category(self, path: Sequence[str] | str, note: str | None = None) -> Category:
        with self.writing():
            cat = self.tree.ensure(path)
            if note is not None:
                self.tree.set_note(cat.id, note)
        return self.tree.by_id[cat.id]

    # ----- phrases -------------------------------------------------------------
    def add(
        self,
        title: str,
        body: str,
        category: Sequence[str] | str = ("未分类",),
        *,
        code: str | None = None,
        tags: Iterable[str] = (),
        note: str = "",
        pinned: bool = False,
        examples: Iterable[str] = (),
        accept: Iterable[str] = (),
    ) -> Phrase:
        with self.writing():
            phrase_id = self.insert(
                title=title,
                body=body,
                category=category,
                code=code,
                tags=tags,
                note=note,
                pinned=pinned,
                examples=examples,
                accept=accept,
            )
        return self.get(phrase_id)

    def insert(
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
    ) -> str:
        """Add one phrase as part of a larger change (inside ``atomic``); returns its id.

        ``add`` is this plus its own transaction.  An import or a subscription
        update inserts many inside one ``atomic`` block, choosing ids and
        skipping the checks it has already made for the whole batch; a large one
        goes quicker through ``batch()``, which stores exactly the same.
        """
        batch = self.batch()
        phrase_id = batch.add(
            title=title,
            body=body,
            category=category,
            code=code,
            tags=tags,
            note=note,
            pinned=pinned,
            phrase_id=phrase_id,
            check_code=check_code,
            check_editable=check_editable,
            examples=examples,
            accept=accept,
        )
        batch.write()
        return phrase_id

    def batch(self) -> PhraseBatch:
        """Many new phrases (inside ``atomic``): ``add`` each, then ``write`` them together."""
        return PhraseBatch(self)

    def _new_id(self) -> str:
        while True:
            candidate = os.urandom(6).hex()  # what secrets.token_hex does, without OpenSSL
            if not self._conn.execute("SELECT 1 FROM phrases WHERE id = ?", (candidate,)).fetchone():
                return candidate

    def _refuse_taken_code(self, code: str, own_id: str | None) -> None:
        row = self._conn.execute(
            "SELECT id, title FROM phrases WHERE code = ? AND deleted_at IS NULL AND id IS NOT ?",
            (code, own_id),
        ).fetchone()
        if row:
            raise code_taken(code, row[1], row[0])

    def get(self, phrase_id: str, *, include_trash: bool = True) -> Phrase:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM phrases WHERE id = ?", (str(phrase_id).strip(),)
        ).fetchone()
        if row is None or (not include_trash and row[11] is not None):
            raise NotFoundError(Message("没有这条话术：{id}", id=phrase_id))
        return self._phrase(row)

    def find_by_code(self, code: str) -> Phrase | None:
        folded = clean_code(code)
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM phrases WHERE code = ? AND deleted_at IS NULL", (folded,)
        ).fetchone()
        return self._phrase(row) if row else None

    def phrases(self, category: Sequence[str] | str | None = None) -> list[Phrase]:
        """Live phrases in library order, optionally of one category and its children."""
        sql = f"SELECT {_COLUMNS} FROM phrases WHERE deleted_at IS NULL"
        params: tuple[Any, ...] = ()
        if category is not None:
            ids = self.tree.subtree(self.tree.find(category).id)
            sql += f" AND category_id IN ({','.join('?' * len(ids))})"
            params = tuple(ids)
        rows = [self._phrase(r) for r in self._conn.execute(sql, params)]
        rank = self.tree.rank
        rows.sort(key=lambda p: (rank.get(p.category_id, 1 << 30), p.position, p.created_at, p.id))
        return rows

    def every_phrase(self) -> list[Phrase]:
        """Every phrase, live and in the trash, in no set order (an import matches all)."""
        return [self._phrase(r) for r in self._conn.execute(f"SELECT {_COLUMNS} FROM phrases")]

    def count(self) -> int:
        return int(
            self._conn.execute("SELECT COUNT(*) FROM phrases WHERE deleted_at IS NULL").fetchone()[0]
        )

    def update(
        self,
        phrase_id: str,
        *,
        title: str = _UNSET,
        body: str = _UNSET,
        category: Sequence[str] | str = _UNSET,
        code: str | None = _UNSET,
        tags: Iterable[str] = _UNSET,
        note: str = _UNSET,
        pinned: bool = _UNSET,
        examples: Iterable[str] = _UNSET,
        accept: Iterable[str] = _UNSET,
    ) -> Phrase:
        """Change the given fields only; ``code=None`` or ``""`` removes the code."""
        current = self.get(phrase_id)
        changes: dict[str, Any] = {}
        if title is not _UNSET:
            changes["title"] = clean_text(title, Message("标题"), MAX_TITLE, required=True).strip()
        if body is not _UNSET:
            changes["body"] = clean_text(body, Message("内容"), MAX_BODY, required=True)
        if note is not _UNSET:
            changes["note"] = clean_text(note or "", Message("备注"), 1000, required=False).strip()
        if tags is not _UNSET:
            changes["tags"] = json.dumps(clean_tags(tags), ensure_ascii=False)
        if pinned is not _UNSET:
            changes["pinned"] = int(bool(pinned))
        if examples is not _UNSET:
            changes["examples"] = json.dumps(clean_examples(examples), ensure_ascii=False)
        if accept is not _UNSET:
            changes["accept"] = json.dumps(clean_accept(accept), ensure_ascii=False)
        if code is not _UNSET:
            changes["code"] = clean_code(code)
        if changes.keys() & {"title", "body", "tags", "code", "note", "examples"}:
            changes["search_names"], changes["search_body"], changes["search_pinyin"] = phrase_keys(
                changes.get("code", current.code),
                changes.get("title", current.title),
                json.loads(changes["tags"]) if "tags" in changes else current.tags,
                changes.get("body", current.body),
                changes.get("note", current.note),
                json.loads(changes["examples"]) if "examples" in changes else current.examples,
            )
        with self.writing():
            self.check_editable(current.category_id)
            if changes.get("code") and current.deleted_at is None:
                self._refuse_taken_code(changes["code"], current.id)
            if category is not _UNSET:
                cat = self.tree.ensure(category)
                self.check_editable(cat.id)
                if cat.id != current.category_id:
                    changes["category_id"] = cat.id
                    changes["position"] = self._conn.execute(
                        "SELECT COALESCE(MAX(position) + 1, 0) FROM phrases WHERE category_id = ?",
                        (cat.id,),
                    ).fetchone()[0]
            if changes:
                changes["updated_at"] = now_iso()
                assignments = ", ".join(f"{k} = ?" for k in changes)
                self._conn.execute(
                    f"UPDATE phrases SET {assignments} WHERE id = ?",
                    (*changes.values(), current.id),
                )
        return self.get(current.id)

    def delete(self, phrase_id: str) -> Phrase:
        """Move to the trash (回收站); ``restore`` brings it back."""
        current = self.get(phrase_id, include_trash=False)
        self.check_editable(current.category_id)
        with self.writing():
            self._conn.execute(
                "UPDATE phrases SET deleted_at = ? WHERE id = ?", (now_iso(), current.id)
            )
        return self.get(current.id)

    def restore(self, phrase_id: str) -> Phrase:
        current = self.get(phrase_id)
        if current.deleted_at is None:
            raise ValidationError(Message("这条话术不在回收站里：{id}", id=current.id))
        with self.writing():
            if current.code:
                self._refuse_taken_code(current.code, current.id)
            self._conn.execute("UPDATE phrases SET deleted_at = NULL WHERE id = ?", (current.id,))
        return self.get(current.id)

    def trash(self) -> list[Phrase]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM phrases WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
        )
        return [self._phrase(r) for r in rows]

    def empty_trash(self) -> int:
        """Delete trashed phrases for good, with their usage records."""
        with self.writing():
            self._conn.execute(
                "DELETE FROM usage WHERE phrase_id IN (SELECT id FROM phrases WHERE deleted_at IS NOT NULL)"
            )
            cur = self._conn.execute("DELETE FROM phrases WHERE deleted_at IS NOT NULL")
        return cur.rowcount

    def _phrase(self, row: Sequence[Any]) -> Phrase:
        cat = self.tree.by_id.get(row[1])
        return Phrase(
            id=row[0],
            category_id=row[1],
            category=cat.path if cat else (),
            title=row[2],
            body=row[3],
            code=row[4],
            tags=tuple(json.loads(row[5] or "[]")),
            note=row[6],
            pinned=bool(row[7]),
            position=row[8],
            created_at=row[9],
            updated_at=row[10],
            deleted_at=row[11],
            examples=tuple(json.loads(row[12] or "[]")),
            accept=tuple(json.loads(row[13] or "[]")),
        )

    # ----- search --------------------------------------------------------------
    def search(
        self, query: str, category: Sequence[str] | str | None = None, limit: int = 20
    ) -> list[Phrase]:
        """Best matches first: exact code, title, then body; used and pinned phrases first
        within each.  An empty query gives pinned and most-used phrases."""
        index = self._ensure_index()
        scope = None
        if category is not None:
            scope = self.tree.subtree(self.tree.find(category).id)
        ids = index.search(
            query, limit, ranked_used=self.frecency.ranked(), pinned=self._pinned, categories=scope
        )
        return self._fetch(ids)

    def _fetch(self, ids: Sequence[str]) -> list[Phrase]:
        if not ids:
            return []
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM phrases WHERE id IN ({','.join('?' * len(ids))})", tuple(ids)
        ).fetchall()
        by_id = {r[0]: self._phrase(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _invalidate(self) -> None:
        self._index = None
        self.suggester.invalidate()

    def suggest(self, text: str, limit: int = 5) -> list[Suggestion]:
        """Phrases for a buyer's message, best first, each with a score and why (建议)."""
        return self.suggester.suggest(text, limit)

    def check_before_writing(self) -> None:
        """Refuse to write into a damaged file, checked once per process (``quick_check``).

        A write into a damaged b-tree can spread the damage and would then be
        copied into the next backup; refusing keeps the file as it is for the
        recovery at the next start.
        """
        if self._checked_for_writing:
            return
        from desktop.core.store.damaged import quick_problem

        problem = quick_problem(self._conn)
        if problem:
            raise DatabaseError(
                Message(
                    "话术库文件已损坏，为了不让损坏扩大，没有写入：{path}（{problem}）",
                    path=str(self.path),
                    problem=problem,
                )
            )
        self._checked_for_writing = True

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Several library calls as one change: all of it reaches the file, or none.

        For the layers above the store (import, subscriptions, settings pages);
        the connection itself stays inside the store.
        """
        with self.writing():
            yield

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction; afterwards (committed or rolled back) caches are refreshed."""
        self.check_before_writing()
        try:
            with self.storage_errors(), transaction(self._conn) as conn:
                # Inside the write lock: catch up with what other processes committed,
                # so no decision below rests on a stale cache.
                self.refresh_if_changed()
                yield conn
                fill_pinyin(conn)  # for categories made or renamed in there
        finally:
            self.tree.reload()
            self._invalidate()

    @contextmanager
    def storage_errors(self) -> Iterator[None]:
        """A full disk, a read-only mount or a lock as a ``StorageError`` saying so."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            honest = storage_error(exc, self.path)
            if honest is None:
                raise
            raise honest from exc

    def _ensure_index(self) -> SearchIndex:
        if self._index is None:
            self._index = self._stored_index() or self._build_and_store_index()
        return self._index

    def wait_for_index_file(self) -> None:
        """Until the search index just built is written beside the library, with its
        skip masks (it is written in the background)."""
        for saving in self._saving:
            saving.wait()
        self._saving.clear()

    def complete_index_file(self) -> None:
        """Add the skip masks to an index file written without them, in the
        background (a command-line run after a change writes the file without
        waiting for them).  The tray app calls this once the index is loaded."""
        index = self._index
        if self.path is None or index is None or self._saving:
            return
        if index.has_skips() or not index.wants_skips():
            return
        token = content_token(self._conn)
        if token is None:
            return
        self._saving.append(
            index_file.save_in_background(
                index_file.path_for(self.path), token, index, {"pinned": len(self._pinned)},
                only_to_add_masks=True,
            )
        )

    def _stored_index(self) -> SearchIndex | None:
        """The index from its file beside the library, if built for the library as it is."""
        if self.path is None:
            return None
        parts = index_file.load(index_file.path_for(self.path), content_token(self._conn))
        if parts is None:
            return None
        try:
            index = SearchIndex.from_parts(parts)
            pinned = int(parts["pinned"])
        except (KeyError, ValueError, TypeError):
            return None
        del parts
        self._pinned = set(index.ids_at(range(pinned)))
        if len(index) >= _BIG_INDEX:
            give_back_freed_memory()  # the blobs read and decoded: tens of MB at 100,000
        return index

    def _build_and_store_index(self) -> SearchIndex:
        token = content_token(self._conn)
        # Reading 100,000 rows makes the collector run its passes over them for
        # nothing (no cycles among rows and strings): about 30 ms of the build.
        with collector_paused():
            index = self._build_index()
        if self.path is not None and token is not None:
            self._saving = [saving for saving in self._saving if saving.running()]
            extra = {"pinned": len(self._pinned)}
            path = index_file.path_for(self.path)
            # The thread also gives the build's freed memory back, once the file is
            # written: a full collection, 50 ms in a busy process, not waited for here.
            big = len(index) >= _BIG_INDEX
            self._saving.append(
                index_file.save_in_background(path, token, index, extra, give_back=big)
            )
        elif len(index) >= _BIG_INDEX:
            give_back_freed_memory()
        return index

    def _build_index(self) -> SearchIndex:
        rows = self._conn.execute(
            "SELECT id, category_id, code, search_names, search_body, search_pinyin, pinned,"
            " position FROM phrases WHERE deleted_at IS NULL"
        ).fetchall()
        # Columns, ordered by (pinned first, category order, position, id) with
        # C-level maps: at 100,000 phrases a Python loop per row is felt.
        ids, cats, pinned, positions = (list(map(itemgetter(k), rows)) for k in (0, 1, 6, 7))
        rank = defaultdict(lambda: 1 << 30, self.tree.rank)
        sort_keys = list(zip(map(neg, pinned), map(rank.__getitem__, cats), positions, ids))
        order = sorted(range(len(ids)), key=sort_keys.__getitem__)
        del sort_keys, ids, cats, positions
        rows = list(map(rows.__getitem__, order))
        columns = [list(map(itemgetter(k), rows)) for k in range(6)]
        del rows
        ids, cats, codes, names, bodies, pinyins = columns

        tree = self.tree
        cat_keys = {
            c.id: category_keys(
                c.path,
                [tree.pinyin_of(tree.by_path[c.path[:d]].id) for d in range(1, len(c.path) + 1)],
            )
            for c in tree.all()
        }
        index = SearchIndex(ids, cats, codes, (names, bodies, pinyins), cat_keys)
        pinned_count = sum(pinned)
        del columns, ids, cats, codes, names, bodies, pinyins, pinned
        # Pinned phrases come first in the static order.  Their ids are made now,
        # after the rows are gone: ids kept from the rows would pin their memory.
        self._pinned = set(index.ids_at(range(pinned_count)))
        return index  # the caller gives the rows' memory back (see give_back_freed_memory)

    # ----- usage ---------------------------------------------------------------
    def record_use(self, phrase_id: str, when: float | None = None) -> None:
        """Remember that a phrase was sent: its id and the time, nothing else."""
        current = self.get(phrase_id)
        used_at = time.time() if when is None else float(when)
        self.check_before_writing()
        with self.storage_errors(), transaction(self._conn):
            self._conn.execute(
                "INSERT INTO usage (phrase_id, used_at) VALUES (?, ?)", (current.id, used_at)
            )
        self.frecency.add(current.id, used_at)

    def use_count(self, phrase_id: str) -> int:
        return self.frecency.count.get(phrase_id, 0)

    def use_summary(
        self, since: float | None = None, until: float | None = None
    ) -> dict[str, tuple[int, float]]:
        """Per phrase id: uses and the last use in ``[since, until)`` (open ends: all)."""
        where, params = _time_window(since, until)
        rows = self._conn.execute(
            f"SELECT phrase_id, COUNT(*), MAX(used_at) FROM usage{where} GROUP BY phrase_id",
            params,
        )
        return {pid: (int(n), float(last)) for pid, n, last in rows}

    def phrase_counts(self) -> dict[int, int]:
        """Live phrases directly in each category (categories without any are left out)."""
        rows = self._conn.execute(
            "SELECT category_id, COUNT(*) FROM phrases WHERE deleted_at IS NULL GROUP BY category_id"
        )
        return {int(cid): int(n) for cid, n in rows}

    # ----- settings ------------------------------------------------------------
    def setting(self, key: str) -> str:
        key = canonical_key(key)
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return str(row[0])
        return SETTINGS[key].default if key in SETTINGS else ""

    def set_setting(self, key: str, value: str) -> str:
        key = canonical_key(key)
        checked = check_value(key, value)
        self.check_before_writing()
        with self.storage_errors(), transaction(self._conn):
            self._conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, checked),
            )
        return checked

    def set_settings(self, values: Mapping[str, str]) -> None:
        """Several settings at once: each checked, then all written or none."""
        with self.writing():
            for key, value in values.items():
                self.set_setting(key, value)

    def settings(self) -> dict[str, str]:
        """Every known setting with its current value, plus custom store variables."""
        values = {key: s.default for key, s in SETTINGS.items()}
        values.update(dict(self._conn.execute("SELECT key, value FROM settings")))
        return {k: v for k, v in values.items() if not k.startswith("_")}

    def store_values(self) -> dict[str, str]:
        """Store variables by placeholder name (店铺名 → …), empty ones left out."""
        return {
            k[len(STORE_PREFIX) :]: v
            for k, v in self.settings().items()
            if k.startswith(STORE_PREFIX) and v.strip()
        }

    # ----- rendering -----------------------------------------------------------
    def render(
        self, phrase_id: str, values: Mapping[str, str] | None = None, now: datetime | None = None
    ) -> template.Rendered:
        """Fill a phrase: ``values`` (buyer context, ``--var``) over store variables,
        then built-ins, then fallbacks."""
        merged = self.store_values()
        merged.update({k: v for k, v in (values or {}).items() if v is not None})
        return template.render(self.get(phrase_id).body, merged, now=now)


def _time_window(since: float | None, until: float | None) -> tuple[str, tuple[float, ...]]:
    clauses, params = [], []
    if since is not None:
        clauses.append("used_at >= ?")
        params.append(since)
    if until is not None:
        clauses.append("used_at < ?")
        params.append(until)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
