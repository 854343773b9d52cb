"""Phrase packs in the JSON format ``quickreply.pack`` version 1.

Reading checks the whole file before anything is written, and names what is
wrong and where (``phrases[3].title``).  Importing is one transaction: the
library either gets every accepted phrase or none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop.core.base import files
from desktop.core.base.errors import PackError, QuickReplyError
from desktop.core.base.memory import collector_paused
from desktop.core.base.messages import Message, message_of
from desktop.core.base.textcheck import json_may_hold_lone_surrogate, surrogate_place
from desktop.core.store.categories import clean_path
from desktop.core.store.library import Library
from desktop.core.store.validation import strip_controls

FORMAT = "quickreply.pack"
VERSION = 1
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PHRASES = 200_000
POLICIES = ("skip", "replace", "copy")
MAX_CATEGORY_NOTE = 1000  # as for a category note row in a CSV or xlsx
_A_FILE = Message("文件")  # names the source in messages when the caller gives no name


@dataclass
class PackPhrase:
    category: tuple[str, ...]
    title: str
    body: str
    id: str | None = None
    code: str | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    pinned: bool = False
    examples: tuple[str, ...] = ()  # 买家常问
    accept: tuple[str, ...] = ()  # 也算对 (练习)


@dataclass
class Pack:
    name: str = ""
    description: str = ""
    author: str = ""
    created: str = ""
    phrases: list[PackPhrase] = field(default_factory=list)
    category_notes: dict[tuple[str, ...], str] = field(default_factory=dict)


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (title, why)
    backup: str = ""  # name of the backup taken just before, if any

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "added": len(self.added),
            "replaced": len(self.replaced),
            "skipped": [{"title": t, "reason": r} for t, r in self.skipped],
        }
        if self.backup:
            data["backup"] = self.backup
        return data


# ----- reading -------------------------------------------------------------------
def _text(obj: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            raise PackError(Message("{where}.{key} 缺失", where=where, key=key))
        return ""
    if not isinstance(value, str):
        raise PackError(
            Message(
                "{where}.{key} 应为文字，实际是 {kind}",
                where=where,
                key=key,
                kind=type(value).__name__,
            )
        )
    if required and not value.strip():
        raise PackError(Message("{where}.{key} 不能为空", where=where, key=key))
    return value


def _path(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split("/")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(Message('{where} 应为分类名列表，例如 ["售后", "退换货"]', where=where))
    try:
        return clean_path(value)
    except QuickReplyError as exc:
        problem = message_of(exc)
        raise PackError(Message("{where}：{problem}", where=where, problem=problem)) from None


def parse_pack(
    data: str | bytes, source: str = _A_FILE, *, errors: list[tuple[int, str]] | None = None
) -> Pack:
    """Check and read a pack; raises ``PackError`` naming the first problem.

    With ``errors``, a bad phrase is left out and reported there as (index,
    message) instead, so a preview can list every bad phrase at once.
    """
    with collector_paused():  # what is made here stays: nothing for the collector to find
        return _parse(data, source, errors)


def _parse(data: str | bytes, source: str, errors: list[tuple[int, str]] | None) -> Pack:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PackError(
                Message("{source} 不是 UTF-8 编码（第 {byte} 字节）", source=source, byte=exc.start)
            ) from None
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        raise PackError(
            Message(
                "{source} 不是有效的 JSON：第 {line} 行第 {column} 列 {error}",
                source=source,
                line=exc.lineno,
                column=exc.colno,
                error=exc.msg,
            )
        ) from None
    except RecursionError:
        raise PackError(Message("{source} 嵌套太深", source=source)) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise PackError(
            Message("{source} 里有位数过多的数字，不是快回话术包", source=source)
        ) from None
    if not isinstance(doc, dict):
        raise PackError(Message("{source} 的最外层应为一个对象", source=source))
    bad = surrogate_place(doc) if json_may_hold_lone_surrogate(data) else None
    if bad is not None:
        raise PackError(
            Message(
                "{source} 的 {where} 含有无效的字符（{code}，单独的代理码位），已拒绝",
                source=source,
                where=bad[0],
                code=bad[1],
            )
        )
    if doc.get("format") != FORMAT:
        raise PackError(
            Message("{source} 不是快回话术包（format 应为 {format}）", source=source, format=FORMAT)
        )
    if doc.get("version") != VERSION:
        raise PackError(
            Message(
                "不支持的话术包版本：{version}（支持 {supported}）",
                version=repr(doc.get("version")),
                supported=VERSION,
            )
        )
    raw_phrases = doc.get("phrases")
    if not isinstance(raw_phrases, list):
        raise PackError(Message("phrases 应为列表"))
    if len(raw_phrases) > MAX_PHRASES:
        raise PackError(
            Message(
                "话术太多：{count} 条（最多 {limit}）", count=len(raw_phrases), limit=MAX_PHRASES
            )
        )
    pack = Pack(
        name=_text(doc, "name", "pack"),
        description=_text(doc, "description", "pack"),
        author=_text(doc, "author", "pack"),
        created=_text(doc, "created", "pack"),
    )
    cats = doc.get("categories", [])
    if not isinstance(cats, list):
        raise PackError(Message("categories 应为列表"))
    for n, cat in enumerate(cats):
        where = f"categories[{n}]"
        if not isinstance(cat, dict):
            raise PackError(Message("{where} 应为对象", where=where))
        note = _text(cat, "note", where)
        if len(note.strip()) > MAX_CATEGORY_NOTE:
            raise PackError(
                Message(
                    "{where}.note 太长（最多 {limit} 字）", where=where, limit=MAX_CATEGORY_NOTE
                )
            )
        pack.category_notes[_path(cat.get("path"), where + ".path")] = strip_controls(note)
    for n, item in enumerate(raw_phrases):
        try:
            pack.phrases.append(_phrase(item, f"phrases[{n}]"))
        except PackError as exc:
            if errors is None:
                raise
            errors.append((n, message_of(exc)))
    return pack


def _phrase(item: Any, where: str) -> PackPhrase:
    if not isinstance(item, dict):
        raise PackError(Message("{where} 应为对象", where=where))
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise PackError(Message("{where}.tags 应为文字列表", where=where))
    examples = item.get("examples", [])
    if isinstance(examples, str):
        examples = [examples]
    if not isinstance(examples, list) or not all(isinstance(t, str) for t in examples):
        raise PackError(Message("{where}.examples 应为文字列表", where=where))
    accept = item.get("accept", [])
    if isinstance(accept, str):
        accept = [accept]
    if not isinstance(accept, list) or not all(isinstance(t, str) for t in accept):
        raise PackError(Message("{where}.accept 应为文字列表", where=where))
    pinned = item.get("pinned", False)
    if not isinstance(pinned, bool):
        raise PackError(Message("{where}.pinned 应为 true 或 false", where=where))
    return PackPhrase(
        category=_path(item.get("category", ["未分类"]), where + ".category"),
        title=_text(item, "title", where, required=True),
        body=_text(item, "body", where, required=True),
        id=_text(item, "id", where) or None,
        code=_text(item, "code", where) or None,
        tags=tuple(tags),
        note=_text(item, "note", where),
        pinned=pinned,
        examples=tuple(examples),
        accept=tuple(accept),
    )


def read_limited(path: str | Path) -> bytes:
    """The file's bytes, refusing before reading anything bigger than the limit."""
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PackError(
                Message(
                    "文件太大：{size} MB（最多 {limit} MB）",
                    size=size // 1024 // 1024,
                    limit=MAX_FILE_BYTES // 1024 // 1024,
                )
            )
        return target.read_bytes()
    except FileNotFoundError:
        raise PackError(Message("找不到文件：{path}", path=str(target))) from None
    except IsADirectoryError:
        raise PackError(Message("这是一个文件夹，不是话术文件：{path}", path=str(target))) from None
    except OSError as exc:
        raise PackError(
            Message(
                "读不了文件 {path}：{reason}", path=str(target), reason=str(exc.strerror or exc)
            )
        ) from None


# ----- exporting -----------------------------------------------------------------
def build_pack(
    lib: Library,
    categories: Sequence[Sequence[str] | str] | None = None,
    phrase_ids: Iterable[str] | None = None,
    *,
    name: str = "",
    description: str = "",
    author: str = "",
) -> dict[str, Any]:
    """The pack as a JSON-ready dict; phrases only, no store variables or usage."""
    if phrase_ids is not None:
        phrases = [lib.get(pid, include_trash=False) for pid in phrase_ids]
    elif categories:
        seen: set[str] = set()
        phrases = []
        for path in categories:
            for p in lib.phrases(path):
                if p.id not in seen:
                    seen.add(p.id)
                    phrases.append(p)
    else:
        phrases = lib.phrases()
    used_paths = {p.category[:depth] for p in phrases for depth in range(1, len(p.category) + 1)}
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": name,
        "description": description,
        "author": author,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "categories": [
            {"path": list(c.path), "note": c.note} for c in lib.categories() if c.path in used_paths
        ],
        "phrases": [
            {
                "id": p.id,
                "category": list(p.category),
                "title": p.title,
                "body": p.body,
                "code": p.code,
                "tags": list(p.tags),
                "note": p.note,
                "examples": list(p.examples),
                **({"accept": list(p.accept)} if p.accept else {}),
            }
            for p in phrases
        ],
    }


def write_json_atomic(path: str | Path, doc: dict[str, Any]) -> None:
    """Write a pack whole or not at all."""
    files.write_atomic(path, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
