"""The category tree: paths like 售后 › 退换货, kept in a small in-memory map."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from desktop.core.base.errors import NotFoundError, ValidationError
from desktop.core.base.messages import Message
from desktop.core.base.textcheck import lone_surrogate
from desktop.core.search.index import name_pinyin
from desktop.core.store.models import Category

MAX_NAME = 40
# control characters but tab and line breaks (those make a name refused, not cleaned)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_DEPTH = 8


def clean_path(path: Sequence[str] | str) -> tuple[str, ...]:
    """``"售后/退换货"`` or ``["售后", "退换货"]`` → ``("售后", "退换货")``, checked."""
    if isinstance(path, str):
        return _clean_path_of(path)
    parts = tuple(path)
    if all(type(p) is str for p in parts):
        return _clean_path_of(parts)
    return _clean_path(parts)


@lru_cache(maxsize=4096)
def _clean_path_of(path: tuple[str, ...] | str) -> tuple[str, ...]:
    """Remembered: an import names the same few hundred categories 100,000 times."""
    return _clean_path(path)


def forget_cleaned_paths() -> None:
    """Drop the remembered paths (after an import, whose memory goes back)."""
    _clean_path_of.cache_clear()


def _clean_path(path: Sequence[Any] | str) -> tuple[str, ...]:
    parts = path.replace("›", "/").split("/") if isinstance(path, str) else list(path)
    # Control characters (a terminal escape in a pack) are dropped, not stored.
    parts = [_CONTROLS.sub("", p) if isinstance(p, str) else p for p in parts]
    names = tuple(str(p).strip() for p in parts if str(p).strip())
    if not names:
        raise ValidationError(Message("分类不能为空"))
    if len(names) > MAX_DEPTH:
        raise ValidationError(
            Message(
                "分类层级太深（最多 {limit} 层）：{path}", limit=MAX_DEPTH, path="/".join(names)
            )
        )
    for name in names:
        code = lone_surrogate(name)
        if code:
            raise ValidationError(
                Message("分类名含有无效的字符（{code}）：{name}", code=code, name=repr(name)[1:-1])
            )
        if len(name) > MAX_NAME or any(ch in name for ch in "\n\r\t"):
            raise ValidationError(
                Message(
                    "分类名不合适（一行、最多 {limit} 字）：{name}…",
                    limit=MAX_NAME,
                    name=name[:MAX_NAME],
                )
            )
    return names


def fill_pinyin(conn: sqlite3.Connection) -> None:
    """Store the pinyin of every category name that is new or renamed since last time.

    ``search_for`` remembers which name ``search_pinyin`` was made from, so any
    write (insert, rename, undo, a subscription update) is caught by comparing
    the two, and opening the library never has to load pypinyin.
    """
    rows = conn.execute("SELECT id, name FROM categories WHERE search_for IS NOT name").fetchall()
    conn.executemany(
        "UPDATE categories SET search_pinyin = ?, search_for = ? WHERE id = ?",
        [(name_pinyin(name), name, cid) for cid, name in rows],
    )


class CategoryTree:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.reload()

    def reload(self) -> None:
        rows = self._conn.execute(
            "SELECT id, parent_id, name, position, note, read_only, search_pinyin, search_for"
            " FROM categories"
        ).fetchall()
        # Cached here because every insert checks it; reloaded after each write.
        self.read_only = {row[0] for row in rows if row[5]}
        # None where the stored pinyin is missing or stale (see ``pinyin_of``).
        self._pinyin = {row[0]: row[6] if row[7] == row[2] else None for row in rows}
        rows = [row[:5] for row in rows]
        children: dict[int | None, list[tuple[Any, ...]]] = {}
        for row in rows:
            children.setdefault(row[1], []).append(row)
        self.by_id: dict[int, Category] = {}
        self.order: list[int] = []

        def walk(parent: int | None, prefix: tuple[str, ...], depth: int) -> None:
            for cid, pid, name, pos, note in sorted(
                children.get(parent, []), key=lambda r: (r[3], r[0])
            ):
                path = prefix + (name,)
                self.by_id[cid] = Category(cid, pid, name, pos, note, path)
                self.order.append(cid)
                if depth < 64:
                    walk(cid, path, depth + 1)

        walk(None, (), 0)
        self.by_path = {c.path: c for c in self.by_id.values()}
        self.rank = {cid: i for i, cid in enumerate(self.order)}

    def pinyin_of(self, category_id: int) -> str:
        """The stored pinyin of one category's name (made now if it is missing)."""
        stored = self._pinyin.get(category_id)
        if stored is None:
            stored = name_pinyin(self.by_id[category_id].name)
        return stored

    def all(self) -> list[Category]:
        return [self.by_id[cid] for cid in self.order]

    def find(self, path: Sequence[str] | str) -> Category:
        names = clean_path(path)
        found = self.by_path.get(names)
        if found is None:
            raise NotFoundError(Message("没有这个分类：{path}", path="/".join(names)))
        return found

    def subtree(self, category_id: int) -> set[int]:
        root = self.by_id[category_id].path
        return {c.id for c in self.by_id.values() if c.path[: len(root)] == root}

    def ensure(self, path: Sequence[str] | str) -> Category:
        """Create the missing parts of ``path``; the caller holds the transaction."""
        names = clean_path(path)
        parent: Category | None = None
        for depth in range(1, len(names) + 1):
            existing = self.by_path.get(names[:depth])
            if existing is None:
                parent_id = parent.id if parent else None
                # A bare MAX() over the (parent_id, position) index is one lookup;
                # wrapped in COALESCE, SQLite would walk every sibling.
                last = self._conn.execute(
                    "SELECT MAX(position) FROM categories WHERE parent_id IS ?", (parent_id,)
                ).fetchone()[0]
                pos = 0 if last is None else last + 1
                # The file's unique index decides, not this cache: another process may
                # have created the same category since it was loaded.
                cur = self._conn.execute(
                    "INSERT INTO categories (parent_id, name, position, note) VALUES (?, ?, ?, '')"
                    " ON CONFLICT DO NOTHING",
                    (parent_id, names[depth - 1], pos),
                )
                if cur.rowcount == 1:
                    cid, note = int(cur.lastrowid or 0), ""
                else:  # made meanwhile by another process: use that one
                    cid, pos, note = self._conn.execute(
                        "SELECT id, position, note FROM categories"
                        " WHERE COALESCE(parent_id, 0) = ? AND name = ?",  # the unique index
                        (parent_id or 0, names[depth - 1]),
                    ).fetchone()
                existing = Category(cid, parent_id, names[depth - 1], pos, note, names[:depth])
                self.by_id[existing.id] = existing
                self.by_path[existing.path] = existing
                self.order.append(existing.id)
                self.rank[existing.id] = len(self.order) - 1
            parent = existing
        assert parent is not None
        return parent

    def set_note(self, category_id: int, note: str) -> None:
        clean = _CONTROLS.sub("", note).strip()
        self._conn.execute("UPDATE categories SET note = ? WHERE id = ?", (clean, category_id))
