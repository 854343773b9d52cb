"""The category tree: paths like 售后 › 退换货, kept in a small in-memory map."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from desktop.core.base.errors import NotFoundError, ValidationError
from desktop.core.base.messages import Message
from desktop.core.store.models import Category

MAX_NAME = 40
MAX_DEPTH = 8


def clean_path(path: Sequence[str] | str) -> tuple[str, ...]:
    """``"售后/退换货"`` or ``["售后", "退换货"]`` → ``("售后", "退换货")``, checked."""
    parts = path.replace("›", "/").split("/") if isinstance(path, str) else list(path)
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
        if len(name) > MAX_NAME or any(ch in name for ch in "\n\r\t"):
            raise ValidationError(
                Message(
                    "分类名不合适（一行、最多 {limit} 字）：{name}…",
                    limit=MAX_NAME,
                    name=name[:MAX_NAME],
                )
            )
    return names


class CategoryTree:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.reload()

    def reload(self) -> None:
        rows = self.conn.execute(
            "SELECT id, parent_id, name, position, note, read_only FROM categories"
        ).fetchall()
        # Cached here because every insert checks it; reloaded after each write.
        self.read_only = {row[0] for row in rows if row[5]}
        rows = [row[:5] for row in rows]
        children: dict[int | None, list[tuple]] = {}
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
                pos = self.conn.execute(
                    "SELECT COALESCE(MAX(position) + 1, 0) FROM categories WHERE parent_id IS ?",
                    (parent_id,),
                ).fetchone()[0]
                cur = self.conn.execute(
                    "INSERT INTO categories (parent_id, name, position, note) VALUES (?, ?, ?, '')",
                    (parent_id, names[depth - 1], pos),
                )
                existing = Category(
                    int(cur.lastrowid), parent_id, names[depth - 1], pos, "", names[:depth]
                )
                self.by_id[existing.id] = existing
                self.by_path[existing.path] = existing
                self.order.append(existing.id)
                self.rank[existing.id] = len(self.order) - 1
            parent = existing
        assert parent is not None
        return parent

    def set_note(self, category_id: int, note: str) -> None:
        self.conn.execute(
            "UPDATE categories SET note = ? WHERE id = ?", (note.strip(), category_id)
        )
