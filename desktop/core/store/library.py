"""The phrase library: one SQLite file with phrases, categories, settings and usage.

``Library`` is the one object the CLI and the Qt layer talk to.  It hands out
plain ``Phrase``/``Category`` values and raises ``QuickReplyError`` subclasses
with messages fit for the user.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.base.errors import DatabaseError, NotFoundError, ValidationError
from desktop.core.base.messages import Message
from desktop.core.base.textcheck import lone_surrogate
from desktop.core.search.index import Entry, Keys, SearchIndex, category_keys, phrase_keys
from desktop.core.search.textnorm import fold
from desktop.core.store.categories import CategoryTree
from desktop.core.store.db import connect, default_path, transaction
from desktop.core.store.models import Category, Phrase
from desktop.core.store.schema import check_version, migrate
from desktop.core.store.settings import SETTINGS, STORE_PREFIX, canonical_key, check_value
from desktop.core.store.storage_errors import storage_error
from desktop.core.store.usage import Frecency
from desktop.core.text import template

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self from Python 3.11


MAX_TITLE = 100
MAX_BODY = 10_000
MAX_CODE = 20
MAX_TAGS = 20
MAX_TAG = 20
_UNSET: Any = object()
_COLUMNS = (
    "id, category_id, title, body, code, tags, note, pinned, position, "
    "created_at, updated_at, deleted_at"
)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def refuse_lone_surrogate(value: str, what: str) -> None:
    """Text that can't be stored as UTF-8 (an undecodable byte from the command line)."""
    code = lone_surrogate(value)
    if code:
        raise ValidationError(Message("{what}含有无效的字符（{code}）", what=what, code=code))


def clean_code(code: str | None) -> str | None:
    if code is None:
        return None
    refuse_lone_surrogate(str(code), Message("快捷编码"))
    folded = fold(code).strip()
    if not folded:
        return None
    if len(folded) > MAX_CODE or any(ch.isspace() for ch in folded):
        raise ValidationError(
            Message("快捷编码应为一个词、最多 {limit} 个字符：{code}", limit=MAX_CODE, code=code)
        )
    return folded


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for tag in tags:
        refuse_lone_surrogate(str(tag), Message("标签"))
        for part in str(tag).translate(_CONTROL_CHARS).replace("，", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if len(part) > MAX_TAG:
                raise ValidationError(
                    Message("标签太长（最多 {limit} 字）：{tag}", limit=MAX_TAG, tag=part)
                )
            if part not in out:
                out.append(part)
    if len(out) > MAX_TAGS:
        raise ValidationError(Message("标签太多（最多 {limit} 个）", limit=MAX_TAGS))
    return tuple(out)


# C0 controls but line breaks and tabs, DEL and the C1 controls (0x9B starts a terminal escape)
_CONTROL_CHARS = (
    {c: None for c in range(32) if chr(c) not in "\n\t"}
    | {0x7F: None}
    | {c: None for c in range(0x80, 0xA0)}
)
_ALL_CONTROL_CHARS = _CONTROL_CHARS | {ord("\n"): None, ord("\t"): None}


def strip_controls(text: str, *, keep_lines: bool = True) -> str:
    """``text`` without control characters (ESC, BEL, NUL…); they would reach a terminal raw."""
    return str(text).translate(_CONTROL_CHARS if keep_lines else _ALL_CONTROL_CHARS)


def clean_text(value: str, what: str, limit: int, *, required: bool) -> str:
    """Normalise line ends and drop control characters (they'd corrupt chat and search)."""
    refuse_lone_surrogate(str(value), what)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL_CHARS)
    if required and not text.strip():
        raise ValidationError(Message("{what}不能为空", what=what))
    if len(text) > limit:
        raise ValidationError(
            Message(
                "{what}太长（{length} 字，最多 {limit} 字）",
                what=what,
                length=len(text),
                limit=limit,
            )
        )
    return text


class Library:
    """A phrase library stored in one SQLite file."""

    def __init__(self, db, *, path: Path | None) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.tree = CategoryTree(self.conn)
        self.frecency = Frecency()
        for phrase_id, used_at in self.conn.execute("SELECT phrase_id, used_at FROM usage"):
            self.frecency.add(phrase_id, used_at)
        self._index: SearchIndex | None = None
        self._pinned: set[str] = set()
        self._data_version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        self._checked_for_writing = path is None  # a file is checked before its first write

    # ----- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, *, seed: bool = True) -> Library:
        """Open ``path`` (default: ``QUICKREPLY_DB`` or the user data folder).

        A brand-new file gets the schema and, if ``seed``, the default library.
        An existing file is upgraded in place and never re-seeded.
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
            before = migrate(db.conn)
            lib = cls(db, path=None if memory else Path(path))
        except sqlite3.DatabaseError as exc:
            db.close()
            honest = storage_error(exc, path)
            if honest is not None:  # a read-only mount or a lock is not damage
                raise honest from exc
            raise DatabaseError(
                Message(
                    "话术库文件已损坏或不是快回的文件：{path}（{error}）",
                    path=str(path),
                    error=str(exc),
                )
            ) from exc
        except BaseException:
            db.close()
            raise
        if before == 0 and seed:
            from desktop.core.exchange.packs import seed_default_library

            try:
                seed_default_library(lib)
            except BaseException:
                # The file was created just now: remove it rather than leave a
                # library that would never be seeded on the next start.
                lib.close()
                if lib.path is not None:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{lib.path}{suffix}").unlink(missing_ok=True)
                raise
        return lib

    @classmethod
    def memory(cls, *, seed: bool = False) -> Library:
        return cls.open(":memory:", seed=seed)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh_if_changed(self) -> bool:
        """Reload caches if another process (the CLI, a second window) wrote the file.

        SQLite's ``data_version`` changes only for commits made by other
        connections, so polling it is cheap.  Returns True when something changed.
        """
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._data_version:
            return False
        self._data_version = version
        self.tree.reload()
        self._invalidate()
        self.frecency = Frecency()
        for phrase_id, used_at in self.conn.execute("SELECT phrase_id, used_at FROM usage"):
            self.frecency.add(phrase_id, used_at)
        return True

    # ----- read-only (subscribed) categories --------------------------------
    def read_only_categories(self) -> set[int]:
        """Categories whose phrases come from a subscription and can't be edited here."""
        rows = self.conn.execute("SELECT id FROM categories WHERE read_only = 1")
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
    ) -> Phrase:
        with self.writing():
            phrase_id = self._insert(
                title=title,
                body=body,
                category=category,
                code=code,
                tags=tags,
                note=note,
                pinned=pinned,
            )
        return self.get(phrase_id)

    def _insert(
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
    ) -> str:
        """Insert inside the caller's transaction; returns the new id."""
        title = clean_text(title, Message("标题"), MAX_TITLE, required=True).strip()
        body = clean_text(body, Message("内容"), MAX_BODY, required=True)
        note = clean_text(note or "", Message("备注"), 1000, required=False).strip()
        code = clean_code(code)
        tag_tuple = clean_tags(tags)
        if check_code and code:
            self._refuse_taken_code(code, None)
        cat = self.tree.ensure(category)
        if check_editable:
            self.check_editable(cat.id, self.tree.read_only)
        if phrase_id is None:
            phrase_id = self._new_id()
        pos = self.conn.execute(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM phrases WHERE category_id = ?", (cat.id,)
        ).fetchone()[0]
        stamp = now_iso()
        keys = phrase_keys(code, title, tag_tuple, body)
        self.conn.execute(
            "INSERT INTO phrases (id, category_id, title, body, code, tags, note, pinned, position,"
            " created_at, updated_at, search_names, search_body, search_pinyin)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                phrase_id,
                cat.id,
                title,
                body,
                code,
                json.dumps(tag_tuple, ensure_ascii=False),
                note,
                int(bool(pinned)),
                pos,
                stamp,
                stamp,
                *keys,
            ),
        )
        return phrase_id

    def _new_id(self) -> str:
        while True:
            candidate = secrets.token_hex(6)
            if not self.conn.execute("SELECT 1 FROM phrases WHERE id = ?", (candidate,)).fetchone():
                return candidate

    def _refuse_taken_code(self, code: str, own_id: str | None) -> None:
        row = self.conn.execute(
            "SELECT id, title FROM phrases WHERE code = ? AND deleted_at IS NULL AND id IS NOT ?",
            (code, own_id),
        ).fetchone()
        if row:
            raise ValidationError(
                Message(
                    "快捷编码 {code} 已被「{title}」（{id}）使用",
                    code=code,
                    title=row[1],
                    id=row[0],
                )
            )

    def get(self, phrase_id: str, *, include_trash: bool = True) -> Phrase:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM phrases WHERE id = ?", (str(phrase_id).strip(),)
        ).fetchone()
        if row is None or (not include_trash and row[11] is not None):
            raise NotFoundError(Message("没有这条话术：{id}", id=phrase_id))
        return self._phrase(row)

    def find_by_code(self, code: str) -> Phrase | None:
        folded = clean_code(code)
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM phrases WHERE code = ? AND deleted_at IS NULL", (folded,)
        ).fetchone()
        return self._phrase(row) if row else None

    def phrases(self, category: Sequence[str] | str | None = None) -> list[Phrase]:
        """Live phrases in library order, optionally of one category and its children."""
        sql = f"SELECT {_COLUMNS} FROM phrases WHERE deleted_at IS NULL"
        params: tuple = ()
        if category is not None:
            ids = self.tree.subtree(self.tree.find(category).id)
            sql += f" AND category_id IN ({','.join('?' * len(ids))})"
            params = tuple(ids)
        rows = [self._phrase(r) for r in self.conn.execute(sql, params)]
        rank = self.tree.rank
        rows.sort(key=lambda p: (rank.get(p.category_id, 1 << 30), p.position, p.created_at, p.id))
        return rows

    def count(self) -> int:
        return self.conn.execute(
            "SELECT COUNT(*) FROM phrases WHERE deleted_at IS NULL"
        ).fetchone()[0]

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
        if code is not _UNSET:
            changes["code"] = clean_code(code)
        if changes.keys() & {"title", "body", "tags", "code"}:
            changes["search_names"], changes["search_body"], changes["search_pinyin"] = phrase_keys(
                changes.get("code", current.code),
                changes.get("title", current.title),
                json.loads(changes["tags"]) if "tags" in changes else current.tags,
                changes.get("body", current.body),
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
                    changes["position"] = self.conn.execute(
                        "SELECT COALESCE(MAX(position) + 1, 0) FROM phrases WHERE category_id = ?",
                        (cat.id,),
                    ).fetchone()[0]
            if changes:
                changes["updated_at"] = now_iso()
                assignments = ", ".join(f"{k} = ?" for k in changes)
                self.conn.execute(
                    f"UPDATE phrases SET {assignments} WHERE id = ?",
                    (*changes.values(), current.id),
                )
        return self.get(current.id)

    def delete(self, phrase_id: str) -> Phrase:
        """Move to the trash (回收站); ``restore`` brings it back."""
        current = self.get(phrase_id, include_trash=False)
        self.check_editable(current.category_id)
        with self.writing():
            self.conn.execute(
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
            self.conn.execute("UPDATE phrases SET deleted_at = NULL WHERE id = ?", (current.id,))
        return self.get(current.id)

    def trash(self) -> list[Phrase]:
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM phrases WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
        )
        return [self._phrase(r) for r in rows]

    def empty_trash(self) -> int:
        """Delete trashed phrases for good, with their usage records."""
        with self.writing():
            self.conn.execute(
                "DELETE FROM usage WHERE phrase_id IN (SELECT id FROM phrases WHERE deleted_at IS NOT NULL)"
            )
            cur = self.conn.execute("DELETE FROM phrases WHERE deleted_at IS NOT NULL")
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
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM phrases WHERE id IN ({','.join('?' * len(ids))})", tuple(ids)
        ).fetchall()
        by_id = {r[0]: self._phrase(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _invalidate(self) -> None:
        self._index = None

    def check_before_writing(self) -> None:
        """Refuse to write into a damaged file, checked once per process (``quick_check``).

        A write into a damaged b-tree can spread the damage and would then be
        copied into the next backup; refusing keeps the file as it is for the
        recovery at the next start.
        """
        if self._checked_for_writing:
            return
        from desktop.core.store.damaged import quick_problem

        problem = quick_problem(self.conn)
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
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction; afterwards (committed or rolled back) caches are refreshed."""
        self.check_before_writing()
        try:
            with self.storage_errors(), transaction(self.conn) as conn:
                # Inside the write lock: catch up with what other processes committed,
                # so no decision below rests on a stale cache.
                self.refresh_if_changed()
                yield conn
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
            self._index = self._build_index()
        return self._index

    def _build_index(self) -> SearchIndex:
        rows = self.conn.execute(
            "SELECT id, category_id, code, search_names, search_body, search_pinyin, pinned,"
            " position FROM phrases WHERE deleted_at IS NULL"
        ).fetchall()
        rank = self.tree.rank
        rows.sort(key=lambda r: (-r[6], rank.get(r[1], 1 << 30), r[7], r[0]))
        cat_keys = {c.id: category_keys(c.path) for c in self.tree.all()}
        entries = [Entry(r[0], r[1], r[2] or "", Keys(r[3], r[4], r[5])) for r in rows]
        self._pinned = {r[0] for r in rows if r[6]}
        return SearchIndex(entries, cat_keys)

    # ----- usage ---------------------------------------------------------------
    def record_use(self, phrase_id: str, when: float | None = None) -> None:
        """Remember that a phrase was sent: its id and the time, nothing else."""
        current = self.get(phrase_id)
        used_at = time.time() if when is None else float(when)
        self.check_before_writing()
        with self.storage_errors(), transaction(self.conn):
            self.conn.execute(
                "INSERT INTO usage (phrase_id, used_at) VALUES (?, ?)", (current.id, used_at)
            )
        self.frecency.add(current.id, used_at)

    def use_count(self, phrase_id: str) -> int:
        return self.frecency.count.get(phrase_id, 0)

    # ----- settings ------------------------------------------------------------
    def setting(self, key: str) -> str:
        key = canonical_key(key)
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return row[0]
        return SETTINGS[key].default if key in SETTINGS else ""

    def set_setting(self, key: str, value: str) -> str:
        key = canonical_key(key)
        checked = check_value(key, value)
        self.check_before_writing()
        with self.storage_errors(), transaction(self.conn):
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, checked),
            )
        return checked

    def settings(self) -> dict[str, str]:
        """Every known setting with its current value, plus custom store variables."""
        values = {key: s.default for key, s in SETTINGS.items()}
        values.update(dict(self.conn.execute("SELECT key, value FROM settings")))
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
