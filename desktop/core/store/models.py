"""Plain data objects handed out by the library (no database handles inside)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Category:
    id: int
    parent_id: int | None
    name: str
    position: int
    note: str
    path: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "parent_id": self.parent_id,
            "name": self.name,
            "path": list(self.path),
            "position": self.position,
            "note": self.note,
        }


@dataclass(frozen=True)
class Phrase:
    id: str
    category_id: int
    category: tuple[str, ...]
    title: str
    body: str
    code: str | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    pinned: bool = False
    position: int = 0
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    examples: tuple[str, ...] = ()  # 买家常问: buyer questions this phrase answers
    accept: tuple[str, ...] = ()  # 也算对: codes/titles of phrases a drill also takes for its examples
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("extra")
        data["category"] = list(self.category)
        data["tags"] = list(self.tags)
        data["examples"] = list(self.examples)
        data["accept"] = list(self.accept)
        return data
