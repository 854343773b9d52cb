"""Category operations behind the library window's tree: create, rename, note,
move (also reorder) and delete with undelete.

Split from :mod:`desktop.core.store.organize`, which re-exports everything here; see
there for the rules every operation follows (one transaction, read-only
categories refused, the replaced state handed back for undo).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core.base.errors import NotFoundError, ValidationError
from desktop.core.base.messages import Message
from desktop.core.store.categories import MAX_DEPTH, clean_path
from desktop.core.store.library import Library, now_iso
from desktop.core.store.models import Category
from desktop.core.store.validation import MAX_NOTE, clean_text

FALLBACK = "未分类"


class CategoryNotEmpty(ValidationError):
    """Deleting needs the caller's confirmation that the phrases go to the trash."""

    def __init__(self, path: tuple[str, ...], count: int) -> None:
        self.count = count
        super().__init__(
            Message(
                "分类「{path}」里还有 {count} 条话术；确认后这些话术会和分类一起移到回收站",
                path="/".join(path),
                count=count,
            )
        )


@dataclass(frozen=True)
class Placements:
    """Where things were: (id, parent_id, position) and (id, category_id, position)."""

    categories: tuple[tuple[int, int | None, int], ...] = ()
    phrases: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class DeletedCategory:
    """Everything ``delete_category`` removed or changed, for ``undelete_category``."""

    rows: tuple[tuple[int, int | None, str, int, str, int], ...]  # parents first
    index: int  # the root's place among its siblings
    phrases: tuple[tuple[str, int, int, str | None], ...]  # id, category, position, deleted_at
    fallback_id: int
    created_fallback: bool


# ----- helpers -------------------------------------------------------------------
def _category(lib: Library, category_id: int) -> Category:
    cat = lib.tree.by_id.get(category_id)
    if cat is None:
        raise NotFoundError(Message("没有这个分类：{path}", path=category_id))
    return cat


def _clean_name(name: str) -> str:
    if any(ch in str(name) for ch in "/›"):
        raise ValidationError(Message("分类名不能包含 / 或 ›：{name}", name=name))
    return clean_path([name])[0]


def _siblings(lib: Library, parent_id: int | None) -> list[int]:
    rows = lib._conn.execute(
        "SELECT id FROM categories WHERE parent_id IS ? ORDER BY position, id", (parent_id,)
    )
    return [r[0] for r in rows]


def _refuse_taken_name(lib: Library, parent_id: int | None, name: str, own: int | None) -> None:
    for cid in _siblings(lib, parent_id):
        if cid != own and lib.tree.by_id[cid].name == name:
            raise ValidationError(Message("同一层已经有叫「{name}」的分类", name=name))


def _renumber_categories(lib: Library, ids: Sequence[int]) -> None:
    lib._conn.executemany(
        "UPDATE categories SET position = ? WHERE id = ?", [(i, cid) for i, cid in enumerate(ids)]
    )


def _check_subtree_editable(lib: Library, category_id: int) -> list[int]:
    """The subtree in tree order (parents first), each checked editable."""
    ids = [cid for cid in lib.tree.order if cid in lib.tree.subtree(category_id)]
    for cid in ids:
        lib.check_editable(cid)
    return ids


def placements(lib: Library, category_ids: Iterable[int]) -> tuple[tuple[str, int, int], ...]:
    """Every phrase (trash included) of these categories, with its position."""
    ids = sorted(set(category_ids))
    rows = lib._conn.execute(
        f"SELECT id, category_id, position FROM phrases WHERE category_id IN ({','.join('?' * len(ids))})",
        ids,
    )
    return tuple((r[0], r[1], r[2]) for r in rows)


def restore_placements(lib: Library, before: Placements) -> None:
    """Put categories and phrases back where a snapshot says they were (undo of a move)."""
    with lib.writing() as conn:
        conn.executemany(
            "UPDATE categories SET parent_id = ?, position = ? WHERE id = ?",
            [(parent, pos, cid) for cid, parent, pos in before.categories],
        )
        conn.executemany(
            "UPDATE phrases SET category_id = ?, position = ? WHERE id = ?",
            [(cat, pos, pid) for pid, cat, pos in before.phrases],
        )


# ----- categories ----------------------------------------------------------------
def create_category(
    lib: Library,
    parent_id: int | None,
    name: str,
    index: int | None = None,
    *,
    note: str = "",
    category_id: int | None = None,
) -> Category:
    """A new category at ``index`` among its siblings (end if None).

    ``category_id`` recreates a category under its old id, so undo/redo of
    later steps that name that id keep working.
    """
    name = _clean_name(name)
    note = clean_text(note, Message("分类说明"), MAX_NOTE, required=False).strip()
    with lib.writing() as conn:
        if parent_id is not None:
            parent = _category(lib, parent_id)
            lib.check_editable(parent.id)
            if len(parent.path) >= MAX_DEPTH:
                raise ValidationError(Message("分类层级太深（最多 {limit} 层）", limit=MAX_DEPTH))
        _refuse_taken_name(lib, parent_id, name, None)
        if category_id is not None and category_id in lib.tree.by_id:
            raise ValidationError(Message("分类编号 {id} 已被占用", id=category_id))
        cur = conn.execute(
            "INSERT INTO categories (id, parent_id, name, position, note) VALUES (?, ?, ?, 0, ?)",
            (category_id, parent_id, name, note),
        )
        new_id = int(cur.lastrowid or 0)
        order = _siblings(lib, parent_id)
        order.remove(new_id)
        order.insert(len(order) if index is None else max(0, min(index, len(order))), new_id)
        _renumber_categories(lib, order)
    return lib.tree.by_id[new_id]


def rename_category(lib: Library, category_id: int, name: str) -> str:
    """Rename in place; returns the old name."""
    name = _clean_name(name)
    with lib.writing() as conn:
        cat = _category(lib, category_id)
        lib.check_editable(cat.id)
        if name != cat.name:
            _refuse_taken_name(lib, cat.parent_id, name, cat.id)
            conn.execute("UPDATE categories SET name = ? WHERE id = ?", (name, cat.id))
    return cat.name


def set_category_note(lib: Library, category_id: int, note: str) -> str:
    """The note new hires read for this category; returns the old note."""
    note = clean_text(note, Message("分类说明"), MAX_NOTE, required=False).strip()
    with lib.writing():
        cat = _category(lib, category_id)
        lib.check_editable(cat.id)
        lib.tree.set_note(cat.id, note)
    return cat.note


def move_category(
    lib: Library, category_id: int, new_parent_id: int | None, index: int
) -> Placements:
    """Move under ``new_parent_id`` (None: top level) at ``index`` among the new
    siblings, counted without the category itself.  Also reorders in place."""
    with lib.writing():
        cat = _category(lib, category_id)
        subtree = _check_subtree_editable(lib, cat.id)
        depth_below = max(len(lib.tree.by_id[c].path) for c in subtree) - len(cat.path) + 1
        new_depth = 0
        if new_parent_id is not None:
            parent = _category(lib, new_parent_id)
            if parent.id in subtree:
                raise ValidationError(Message("不能把分类移到它自己或它的子分类里"))
            lib.check_editable(parent.id)
            new_depth = len(parent.path)
        if cat.parent_id is not None:
            lib.check_editable(cat.parent_id)
        if new_depth + depth_below > MAX_DEPTH:
            raise ValidationError(Message("分类层级太深（最多 {limit} 层）", limit=MAX_DEPTH))
        _refuse_taken_name(lib, new_parent_id, cat.name, cat.id)
        old_siblings = _siblings(lib, cat.parent_id)
        new_siblings = [c for c in _siblings(lib, new_parent_id) if c != cat.id]
        before = Placements(
            categories=tuple(
                (c, lib.tree.by_id[c].parent_id, lib.tree.by_id[c].position)
                for c in dict.fromkeys(old_siblings + new_siblings)
            )
        )
        new_siblings.insert(max(0, min(index, len(new_siblings))), cat.id)
        lib._conn.execute(
            "UPDATE categories SET parent_id = ? WHERE id = ?", (new_parent_id, cat.id)
        )
        if new_parent_id != cat.parent_id:
            _renumber_categories(lib, [c for c in old_siblings if c != cat.id])
        _renumber_categories(lib, new_siblings)
    return before


def _fallback(lib: Library, parent_id: int | None, removed: set[int]) -> tuple[int, bool]:
    """Where a deleted category's trashed phrases will live: its parent, else 未分类."""
    if parent_id is not None:
        return parent_id, False
    for cid in _siblings(lib, None):
        if cid not in removed and lib.tree.by_id[cid].name == FALLBACK:
            return cid, False
    for cid in removed & set(_siblings(lib, None)):
        if lib.tree.by_id[cid].name == FALLBACK:  # the 未分类 being deleted: out of the way
            lib._conn.execute(  # of the unique name; it is gone by the end of this change
                "UPDATE categories SET name = ? WHERE id = ?", (f"{FALLBACK} #{cid}", cid)
            )
    position = len(_siblings(lib, None))
    cur = lib._conn.execute(
        "INSERT INTO categories (parent_id, name, position, note) VALUES (NULL, ?, ?, '')",
        (FALLBACK, position),
    )
    return int(cur.lastrowid or 0), True


def delete_category(
    lib: Library, category_id: int, *, trash_phrases: bool = False
) -> DeletedCategory:
    """Delete a category with its subcategories.

    A category that still holds live phrases is refused with
    ``CategoryNotEmpty`` unless ``trash_phrases``: then those phrases go to the
    回收站.  Trashed phrases are re-homed to the parent (or 未分类) so a later
    restore always lands in a category that exists.
    """
    with lib.writing() as conn:
        cat = _category(lib, category_id)
        subtree = _check_subtree_editable(lib, cat.id)
        if cat.parent_id is not None:
            lib.check_editable(cat.parent_id)
        marks = ",".join("?" * len(subtree))
        phrase_rows = conn.execute(
            f"SELECT id, category_id, position, deleted_at FROM phrases WHERE category_id IN ({marks})",
            subtree,
        ).fetchall()
        live = sum(1 for r in phrase_rows if r[3] is None)
        if live and not trash_phrases:
            raise CategoryNotEmpty(cat.path, live)
        rows = tuple(
            conn.execute(
                "SELECT id, parent_id, name, position, note, read_only FROM categories WHERE id = ?",
                (cid,),
            ).fetchone()
            for cid in subtree
        )
        index = _siblings(lib, cat.parent_id).index(cat.id)
        fallback, created = (
            _fallback(lib, cat.parent_id, set(subtree)) if phrase_rows else (0, False)
        )
        start = conn.execute(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM phrases WHERE category_id = ?", (fallback,)
        ).fetchone()[0]
        stamp = now_iso()
        conn.executemany(
            "UPDATE phrases SET category_id = ?, position = ?, deleted_at = COALESCE(deleted_at, ?)"
            " WHERE id = ?",
            [(fallback, start + i, stamp, r[0]) for i, r in enumerate(phrase_rows)],
        )
        for cid in reversed(subtree):
            conn.execute("DELETE FROM categories WHERE id = ?", (cid,))
        _renumber_categories(lib, _siblings(lib, cat.parent_id))
    return DeletedCategory(
        rows=tuple(tuple(r) for r in rows),
        index=index,
        phrases=tuple((r[0], r[1], r[2], r[3]) for r in phrase_rows),
        fallback_id=fallback,
        created_fallback=created,
    )


def _refuse_taken_codes(lib: Library, returning: Sequence[str]) -> None:
    """Phrases coming back from the trash must not reuse a code taken meanwhile."""
    for pid in returning:
        row = lib._conn.execute(
            "SELECT p.title, o.title FROM phrases p JOIN phrases o ON o.code = p.code"
            " WHERE p.id = ? AND o.id != p.id AND o.deleted_at IS NULL AND p.code IS NOT NULL",
            (pid,),
        ).fetchone()
        if row:
            raise ValidationError(
                Message(
                    "「{title}」的快捷编码已被「{other}」使用，无法恢复", title=row[0], other=row[1]
                )
            )


def _fallback_goes(lib: Library, deleted: DeletedCategory) -> bool:
    """Does the 未分类 this delete created go again once its phrases are back?

    Yes unless it holds a subcategory or a live phrase of its own.  Trashed
    phrases left in it (an undone add leaves its phrase there) move into the
    category coming back, so they stay restorable and no stray 未分类 remains
    to collide with a later undo.
    """
    if not deleted.created_fallback:
        return False
    leaving = [p[0] for p in deleted.phrases]
    marks = ",".join("?" * len(leaving))
    live = lib._conn.execute(
        "SELECT COUNT(*) FROM phrases WHERE category_id = ? AND deleted_at IS NULL"
        f" AND id NOT IN ({marks})",
        (deleted.fallback_id, *leaving),
    ).fetchone()[0]
    children = lib._conn.execute(
        "SELECT COUNT(*) FROM categories WHERE parent_id = ?", (deleted.fallback_id,)
    ).fetchone()[0]
    return not live and not children


def undelete_category(lib: Library, deleted: DeletedCategory) -> None:
    """Undo ``delete_category``: the same ids, names, notes and phrases come back."""
    with lib.writing() as conn:
        root = deleted.rows[0]
        if root[1] is not None and root[1] not in lib.tree.by_id:
            raise ValidationError(Message("原来的上级分类已不存在，无法恢复这个分类"))
        # The 未分类 this delete created goes again (see _fallback_goes); it must
        # not block a deleted 未分类 from coming back under the same name.
        fallback_goes = _fallback_goes(lib, deleted)
        _refuse_taken_name(lib, root[1], root[2], deleted.fallback_id if fallback_goes else None)
        if any(r[0] in lib.tree.by_id for r in deleted.rows):
            # Reusing another id would point older undo steps at the wrong category.
            raise ValidationError(
                Message(
                    "分类「{name}」删除后它的编号已被新分类占用，无法撤销删除；回收站里的话术仍可逐条恢复",
                    name=root[2],
                )
            )
        _refuse_taken_codes(lib, [p[0] for p in deleted.phrases if p[3] is None])
        if fallback_goes:  # it may share the name of the category coming back (unique index)
            conn.execute(
                "UPDATE categories SET name = ? WHERE id = ?",
                (f"{FALLBACK} #{deleted.fallback_id}", deleted.fallback_id),
            )
        conn.executemany(
            "INSERT INTO categories (id, parent_id, name, position, note, read_only)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            deleted.rows,
        )
        conn.executemany(
            "UPDATE phrases SET category_id = ?, position = ?, deleted_at = ? WHERE id = ?",
            [(cat, pos, gone, pid) for pid, cat, pos, gone in deleted.phrases],
        )
        if fallback_goes:
            start = conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM phrases WHERE category_id = ?",
                (root[0],),
            ).fetchone()[0]
            rest = conn.execute(
                "SELECT id FROM phrases WHERE category_id = ? ORDER BY position, id",
                (deleted.fallback_id,),
            ).fetchall()
            conn.executemany(
                "UPDATE phrases SET category_id = ?, position = ? WHERE id = ?",
                [(root[0], start + i, r[0]) for i, r in enumerate(rest)],
            )
            conn.execute("DELETE FROM categories WHERE id = ?", (deleted.fallback_id,))
        order = [c for c in _siblings(lib, root[1]) if c != root[0]]
        order.insert(min(deleted.index, len(order)), root[0])
        _renumber_categories(lib, order)
