"""Reorganising the library: categories renamed, moved and deleted; phrases moved,
reordered, pinned and tagged, many at a time.

Each operation is one transaction (``lib.writing()``), so a reorganisation of
hundreds of phrases reaches the file whole or not at all, and each refuses
read-only (subscribed) categories, whose next update would silently undo it.
Operations hand back what they replaced (positions, flags, tags, a deleted
category's rows) so the window's undo can put exactly that back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from desktop.core.base.errors import ValidationError
from desktop.core.base.messages import Message
from desktop.core.store.category_ops import (
    FALLBACK,
    CategoryNotEmpty,
    DeletedCategory,
    Placements,
    _category,
    create_category,
    delete_category,
    move_category,
    placements,
    rename_category,
    restore_placements,
    set_category_note,
    sibling_index,
    undelete_category,
)
from desktop.core.store.library import Library, now_iso
from desktop.core.store.validation import clean_tags

__all__ = [
    "FALLBACK",
    "CategoryNotEmpty",
    "DeletedCategory",
    "Placements",
    "add_tag",
    "create_category",
    "delete_category",
    "move_category",
    "move_phrases",
    "placements",
    "remove_tag",
    "rename_category",
    "reorder_phrase",
    "restore_phrases",
    "restore_pinned",
    "restore_placements",
    "restore_tags",
    "set_category_note",
    "set_pinned",
    "sibling_index",
    "trash_phrases",
    "undelete_category",
]


# ----- phrases -------------------------------------------------------------------
def _live(lib: Library, ids: Sequence[str]) -> list[tuple[str, int]]:
    """(id, category_id) of live phrases, each checked editable; missing ids refused."""
    out = []
    for pid in dict.fromkeys(ids):
        phrase = lib.get(pid, include_trash=False)
        lib.check_editable(phrase.category_id)
        out.append((phrase.id, phrase.category_id))
    return out


def move_phrases(
    lib: Library, ids: Sequence[str], category_id: int, index: int | None = None
) -> Placements:
    """Move phrases (in the given order) into a category at ``index`` among its
    live phrases, counted without the moved ones (None: at the end)."""
    with lib.writing() as conn:
        target = _category(lib, category_id)
        lib.check_editable(target.id)
        moving = _live(lib, ids)
        moved = [pid for pid, _ in moving]
        before = Placements(phrases=placements(lib, {c for _, c in moving} | {target.id}))
        rest = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM phrases WHERE category_id = ? AND deleted_at IS NULL"
                " ORDER BY position, created_at, id",
                (target.id,),
            )
            if r[0] not in moved
        ]
        at = len(rest) if index is None else max(0, min(index, len(rest)))
        order = rest[:at] + moved + rest[at:]
        conn.executemany(
            "UPDATE phrases SET category_id = ?, position = ? WHERE id = ?",
            [(target.id, i, pid) for i, pid in enumerate(order)],
        )
    return before


def reorder_phrase(lib: Library, phrase_id: str, index: int) -> Placements:
    """Move a phrase to ``index`` within its own category."""
    return move_phrases(lib, [phrase_id], lib.get(phrase_id).category_id, index)


def trash_phrases(lib: Library, ids: Sequence[str]) -> list[str]:
    """Move many phrases to the 回收站 at once; returns their ids."""
    with lib.writing() as conn:
        moving = [pid for pid, _ in _live(lib, ids)]
        stamp = now_iso()
        conn.executemany(
            "UPDATE phrases SET deleted_at = ? WHERE id = ?", [(stamp, p) for p in moving]
        )
    return moving


def restore_phrases(lib: Library, ids: Sequence[str]) -> None:
    """Bring phrases back from the 回收站, all or none (a taken code refuses all)."""
    with lib.writing():
        for pid in ids:
            lib.restore(pid)


def set_pinned(lib: Library, ids: Sequence[str], flag: bool) -> dict[str, bool]:
    """Pin or unpin many phrases; returns each one's previous state."""
    with lib.writing() as conn:
        before = {pid: lib.get(pid).pinned for pid, _ in _live(lib, ids)}
        conn.executemany(
            "UPDATE phrases SET pinned = ? WHERE id = ?", [(int(flag), p) for p in before]
        )
    return before


def restore_pinned(lib: Library, before: Mapping[str, bool]) -> None:
    with lib.writing() as conn:
        conn.executemany(
            "UPDATE phrases SET pinned = ? WHERE id = ?", [(int(v), p) for p, v in before.items()]
        )


def _one_tag(tag: str) -> str:
    cleaned = clean_tags([tag])
    if len(cleaned) != 1:
        raise ValidationError(Message("请给出一个标签：{tag}", tag=tag))
    return cleaned[0]


def _retag(
    lib: Library, ids: Sequence[str], change: Callable[[tuple[str, ...]], tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    with lib.writing():
        before: dict[str, tuple[str, ...]] = {}
        for pid, _ in _live(lib, ids):
            tags = lib.get(pid).tags
            new = change(tags)
            if new != tags:
                before[pid] = tags
                lib.update(pid, tags=new)
    return before


def add_tag(lib: Library, ids: Sequence[str], tag: str) -> dict[str, tuple[str, ...]]:
    """Tag many phrases; returns the previous tags of those that changed."""
    tag = _one_tag(tag)
    return _retag(lib, ids, lambda tags: tags if tag in tags else (*tags, tag))


def remove_tag(lib: Library, ids: Sequence[str], tag: str) -> dict[str, tuple[str, ...]]:
    tag = _one_tag(tag)
    return _retag(lib, ids, lambda tags: tuple(t for t in tags if t != tag))


def restore_tags(lib: Library, before: Mapping[str, Sequence[str]]) -> None:
    with lib.writing():
        for pid, tags in before.items():
            lib.update(pid, tags=tags)
