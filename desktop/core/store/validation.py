"""What a phrase's fields may hold: limits and the cleaning every writer applies.

The library checks every write with these, and the spreadsheet and pack
readers check rows with the same rules before anything is written, so a file
is refused (row by row) for exactly what the library would refuse.  Codes are
folded like search folds them, which is why this sits in the store and not in
``base``.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.base.errors import ValidationError
from desktop.core.base.messages import Message
from desktop.core.search.textnorm import fold

MAX_TITLE = 100
MAX_BODY = 10_000
MAX_CODE = 20
MAX_TAGS = 20
MAX_TAG = 20

def clean_code(code: str | None) -> str | None:
    if code is None:
        return None
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


_CONTROL_CHARS = {c: None for c in range(32) if chr(c) not in "\n\t"} | {0x7F: None}


def clean_text(value: str, what: str, limit: int, *, required: bool) -> str:
    """Normalise line ends and drop control characters (they'd corrupt chat and search)."""
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
