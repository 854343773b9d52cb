"""A subscription's content: one read-only category subtree mirrored from a pack.

Replacing the subtree is the whole update: the publisher's phrases are deleted
for good and the pack's are inserted, inside the caller's transaction, so the
agent sees the old copy or the new one and never a mix.  Nothing outside the
subtree is touched.  Phrase ids are the pack's ids prefixed with the
subscription (``s3:abc``), so a phrase that stays in the pack keeps its id and
its usage history keeps counting.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.core.base.errors import PackError, QuickReplyError
from desktop.core.base.messages import Message, message_of
from desktop.core.store.library import Library
from desktop.core.store.models import Phrase
from desktop.core.store.validation import MAX_CODE, clean_code

PERSONAL_CATEGORY = "我的话术"
_UNSET: Any = object()


class PackPhrase(Protocol):
    """A phrase as a published pack gives it (``exchange.packs.PackPhrase`` is one)."""

    @property
    def id(self) -> str | None: ...
    @property
    def category(self) -> tuple[str, ...]: ...
    @property
    def title(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def code(self) -> str | None: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def note(self) -> str: ...
    @property
    def pinned(self) -> bool: ...
    @property
    def examples(self) -> tuple[str, ...]: ...
    @property
    def accept(self) -> tuple[str, ...]: ...


class Pack(Protocol):
    """What the subtree is made to hold (``exchange.packs.Pack`` is one).  Written as a
    protocol so the store needs nothing from the pack format above it."""

    @property
    def description(self) -> str: ...
    @property
    def phrases(self) -> Sequence[PackPhrase]: ...
    @property
    def category_notes(self) -> Mapping[tuple[str, ...], str]: ...


@dataclass
class Changes:
    """What an update did, by phrase title, for the tray message and the CLI."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    code_conflicts: list[str] = field(default_factory=list)  # codes the agent's own phrases keep

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def summary(self) -> str:
        parts: list[str] = []
        if self.added:
            parts.append(Message("新增 {count} 条", count=len(self.added)))
        if self.changed:
            parts.append(Message("修改 {count} 条", count=len(self.changed)))
        if self.removed:
            parts.append(Message("删除 {count} 条", count=len(self.removed)))
        if len(parts) == 3:
            return Message(
                "{first}、{second}、{third}", first=parts[0], second=parts[1], third=parts[2]
            )
        if len(parts) == 2:
            return Message("{first}、{second}", first=parts[0], second=parts[1])
        return parts[0] if parts else Message("内容没有变化")

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
            "code_conflicts": self.code_conflicts,
        }


def _snapshots(
    lib: Library, category_ids: Iterable[int], root_len: int
) -> dict[str, tuple[Any, ...]]:
    ids = list(category_ids)
    if not ids:
        return {}
    rows = lib.conn.execute(
        "SELECT id, category_id, title, body, code, tags, note, pinned FROM phrases"
        f" WHERE category_id IN ({','.join('?' * len(ids))})",
        ids,
    )
    paths = {cid: lib.tree.by_id[cid].path[root_len:] for cid in ids if cid in lib.tree.by_id}
    return {r[0]: (r[2], paths.get(r[1], ()), r[3], r[4], r[5], r[6], r[7]) for r in rows}


def stable_id(sub_id: int, item: PackPhrase) -> str:
    """The pack's id under the subscription's prefix; a content hash when the pack has none."""
    if item.id and item.id.strip():
        return f"s{sub_id}:{item.id.strip()}"
    digest = hashlib.sha256(json.dumps([item.category, item.title]).encode()).hexdigest()[:12]
    return f"s{sub_id}:h{digest}"


def _wanted_paths(pack: Pack) -> list[tuple[str, ...]]:
    """Every category path the pack needs, parents first, in the pack's order."""
    seen: dict[tuple[str, ...], None] = {}
    for path in [*pack.category_notes, *(p.category for p in pack.phrases)]:
        for depth in range(1, len(path) + 1):
            seen.setdefault(path[:depth], None)
    return list(seen)


def _sync_categories(lib: Library, root_id: int, pack: Pack) -> None:
    """Keep the ids of categories that stay, drop those gone, create new ones, all read-only."""
    root = lib.tree.by_id[root_id]
    wanted = [root.path + p for p in _wanted_paths(pack)]
    keep = set(wanted) | {root.path}
    doomed = [
        lib.tree.by_id[c] for c in lib.tree.subtree(root_id) if lib.tree.by_id[c].path not in keep
    ]
    for cat in sorted(doomed, key=lambda c: -len(c.path)):  # children before parents
        lib.conn.execute("DELETE FROM categories WHERE id = ?", (cat.id,))
    lib.tree.reload()
    siblings: dict[tuple[str, ...], int] = {}
    for n, path in enumerate(wanted):
        try:
            cat = lib.tree.ensure(path)
        except QuickReplyError as exc:
            raise PackError(
                Message(
                    "分类 {category}：{problem}",
                    category="/".join(path[1:]),
                    problem=message_of(exc),
                )
            ) from None
        position = siblings.get(path[:-1], 0)
        siblings[path[:-1]] = position + 1
        note = pack.category_notes.get(path[len(root.path) :], "")
        lib.conn.execute(
            "UPDATE categories SET read_only = 1, position = ?, note = ? WHERE id = ?",
            (position, note.strip(), cat.id),
        )
    lib.conn.execute(
        "UPDATE categories SET read_only = 1, note = ? WHERE id = ?",
        (pack.description.strip(), root_id),
    )
    lib.tree.reload()


def _free_id(lib: Library, wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while (
        candidate in taken
        or lib.conn.execute("SELECT 1 FROM phrases WHERE id = ?", (candidate,)).fetchone()
    ):
        candidate, n = f"{wanted}~{n}", n + 1
    return candidate


def replace_subtree(lib: Library, root_id: int, sub_id: int, pack: Pack) -> Changes:
    """Make the subtree hold exactly the pack; the caller holds the transaction."""
    lib.tree.reload()  # another connection (the app's worker, the CLI) may have changed it
    root_len = len(lib.tree.by_id[root_id].path)
    before = _snapshots(lib, lib.tree.subtree(root_id), root_len)
    old_ids = list(before)
    for start in range(0, len(old_ids), 500):
        chunk = old_ids[start : start + 500]
        lib.conn.execute(f"DELETE FROM phrases WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    _sync_categories(lib, root_id, pack)
    root_path = lib.tree.by_id[root_id].path
    taken_codes = {
        row[0]
        for row in lib.conn.execute(
            "SELECT code FROM phrases WHERE deleted_at IS NULL AND code IS NOT NULL"
        )
    }
    changes = Changes()
    used_ids: set[str] = set()
    for n, item in enumerate(pack.phrases):
        try:
            phrase_id = _free_id(lib, stable_id(sub_id, item), used_ids)
            used_ids.add(phrase_id)
            code = clean_code(item.code)
            if code and code in taken_codes:
                changes.code_conflicts.append(code)
                code = None
            lib.insert(
                title=item.title,
                body=item.body,
                category=root_path + item.category,
                code=code,
                tags=item.tags,
                note=item.note,
                pinned=item.pinned,
                examples=item.examples,
                accept=item.accept,
                phrase_id=phrase_id,
                check_code=False,
                check_editable=False,
            )
        except QuickReplyError as exc:
            raise PackError(
                Message(
                    "{label}（{title}）：{problem}",
                    label=f"phrases[{n}]",
                    title=item.title[:20],
                    problem=message_of(exc),
                )
            ) from None
        if code:
            taken_codes.add(code)
    after = _snapshots(lib, lib.tree.subtree(root_id), root_len)
    changes.added = [after[i][0] for i in after if i not in before]
    changes.removed = [before[i][0] for i in before if i not in after]
    changes.changed = [after[i][0] for i in after if i in before and before[i] != after[i]]
    return changes


def remove_subtree(lib: Library, root_id: int) -> list[str]:
    """Delete the subtree, its phrases and their usage; returns the removed titles."""
    lib.tree.reload()
    cats = lib.tree.subtree(root_id)
    marks = ",".join("?" * len(cats))
    titles = [
        r[0]
        for r in lib.conn.execute(
            f"SELECT title FROM phrases WHERE category_id IN ({marks})", list(cats)
        )
    ]
    lib.conn.execute(
        f"DELETE FROM usage WHERE phrase_id IN (SELECT id FROM phrases WHERE category_id IN ({marks}))",
        list(cats),
    )
    lib.conn.execute(f"DELETE FROM phrases WHERE category_id IN ({marks})", list(cats))
    for cid in sorted(cats, key=lambda c: -len(lib.tree.by_id[c].path)):
        lib.conn.execute("DELETE FROM categories WHERE id = ?", (cid,))
    return titles


def copy_phrase(
    lib: Library, phrase_id: str, category: str = PERSONAL_CATEGORY, *, code: str | None = _UNSET
) -> Phrase:
    """A personal, editable copy of a (usually subscribed) phrase.

    The copy gets a new id; its shortcut code is the original's with a number
    (``fhsj`` → ``fhsj2``) unless ``code`` is given, so both stay reachable.
    """
    source = lib.get(phrase_id, include_trash=False)
    if code is _UNSET:
        code = _free_code(lib, source.code) if source.code else None
    with lib.writing():
        new_id = lib.insert(
            title=source.title,
            body=source.body,
            category=category,
            code=code,
            tags=source.tags,
            note=source.note,
            examples=source.examples,
            accept=source.accept,
        )
    return lib.get(new_id)


def _free_code(lib: Library, code: str) -> str | None:
    n = 2
    while lib.find_by_code(f"{code}{n}") is not None:
        n += 1
    candidate = f"{code}{n}"
    return candidate if len(candidate) <= MAX_CODE else None
