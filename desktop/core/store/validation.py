"""What a phrase's fields may hold: limits and the cleaning every writer applies.

The library checks every write with these, and the spreadsheet and pack
readers check rows with the same rules before anything is written, so a file
is refused (row by row) for exactly what the library would refuse.  Codes are
folded like search folds them, which is why this sits in the store and not in
``base``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.base.errors import ValidationError
from desktop.core.base.messages import Message
from desktop.core.base.textcheck import lone_surrogate
from desktop.core.search.textnorm import fold

MAX_TITLE = 100
MAX_BODY = 10_000
MAX_CODE = 20
MAX_TAGS = 20
MAX_TAG = 20
MAX_NOTE = 1000  # a phrase's note (适用场景) and a category's note alike


def code_taken(code: str, title: str, phrase_id: str) -> ValidationError:
    """The refusal of a shortcut code another phrase already has."""
    return ValidationError(
        Message("快捷编码 {code} 已被「{title}」（{id}）使用", code=code, title=title, id=phrase_id)
    )


def refuse_lone_surrogate(value: str, what: str) -> None:
    """Text that can't be stored as UTF-8 (an undecodable byte from the command line)."""
    code = lone_surrogate(value)
    if code:
        raise ValidationError(Message("{what}含有无效的字符（{code}）", what=what, code=code))


def clean_code(code: str | None) -> str | None:
    if code is None:
        return None
    if isinstance(code, str) and code.isascii():  # folding ASCII is lowering it
        folded = code.lower().strip()
    else:
        refuse_lone_surrogate(str(code), Message("快捷编码"))
        folded = fold(code).strip()
    if not folded:
        return None
    if len(folded) > MAX_CODE or len(folded.split()) > 1:  # white space inside
        raise ValidationError(
            Message("快捷编码应为一个词、最多 {limit} 个字符：{code}", limit=MAX_CODE, code=code)
        )
    return folded


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for tag in map(str, tags):
        if _UNUSUAL.search(tag):
            refuse_lone_surrogate(tag, Message("标签"))
            tag = tag.translate(_CONTROL_CHARS)
        for part in tag.replace("，", ",").split(","):
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
# What cleaning changes or refuses: those controls (\r among them) and lone surrogates.
# One search finds text that has none, as nearly all has; ``translate`` would
# look every character up in the table, a cost felt at 100,000 phrases.
_UNUSUAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def strip_controls(text: str, *, keep_lines: bool = True) -> str:
    """``text`` without control characters (ESC, BEL, NUL…); they would reach a terminal raw."""
    return str(text).translate(_CONTROL_CHARS if keep_lines else _ALL_CONTROL_CHARS)


MAX_ACCEPT = 10


def clean_accept(accept: Iterable[str] | str) -> tuple[str, ...]:
    """也算对 as stored: codes or titles of other phrases, split on ``|`` and new lines."""
    if isinstance(accept, str):
        accept = [accept]
    out: list[str] = []
    for item in accept:
        text = str(item).replace("｜", "|").replace("\n", "|").translate(_CONTROL_CHARS)
        for part in text.split("|"):
            part = " ".join(part.split())
            if not part or part in out:
                continue
            if len(part) > MAX_TITLE:
                raise ValidationError(
                    Message("也算对太长（每条最多 {limit} 字）：{text}", limit=MAX_TITLE, text=part[:20])
                )
            out.append(part)
    if len(out) > MAX_ACCEPT:
        raise ValidationError(Message("也算对太多（最多 {limit} 条）", limit=MAX_ACCEPT))
    return tuple(out)


def clean_text(value: str, what: str, limit: int, *, required: bool) -> str:
    """Normalise line ends and drop control characters (they'd corrupt chat and search)."""
    text = str(value)
    if _UNUSUAL.search(text):
        refuse_lone_surrogate(text, what)
        text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL_CHARS)
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
