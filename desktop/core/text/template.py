"""Placeholders in phrase bodies: ``{买家昵称}``, ``{称呼|亲}``, ``{快递:顺丰/圆通}``.

Rendering is plain text substitution on purpose: bodies come from shared packs
and spreadsheets, so nothing in them may ever be evaluated (no ``str.format``,
no templates engine).  Malformed braces never raise; they stay literal text and
are reported by :func:`problems` so the editor and the linter can point at them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from desktop.core.base.errors import ValidationError
from desktop.core.base.messages import Message
from desktop.core.text.fields import BUILTINS, canonical

#: Store settings read from the values mapping by the ``发货日`` built-in.
CUTOFF_KEY = "发货截止时间"
NO_SHIP_KEY = "不发货的星期"
DEFAULT_CUTOFF = time(16, 0)

_WEEKDAY_NAMES = "一二三四五六日"
_WEEKDAY_CHARS = {ch: i for i, ch in enumerate(_WEEKDAY_NAMES)} | {"天": 6}
_DAY_SEPARATORS = re.compile(r"[\s,，、;；/]+")
_CUTOFF_RE = re.compile(r"^\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*$")

MSG_UNCLOSED = Message("占位符缺少右括号 }")
MSG_NESTED = Message("占位符里不能再有 {（字面的花括号请写成 {{ 和 }}）")
MSG_LONE_CLOSE = Message("多余的右括号 }（字面的 } 请写成 }}）")
MSG_EMPTY_NAME = Message("占位符名称为空")
MSG_NO_CHOICES = Message("选项占位符没有任何选项")


@dataclass(frozen=True)
class Field:
    """One placeholder as written; the same name may appear several times in a body."""

    name: str
    fallback: str | None = None
    choices: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        if self.choices:
            return "choice"
        if self.fallback is not None:
            return "fallback"
        return "field"

    @property
    def required(self) -> bool:
        """Only a plain field can end up missing; the others always have a default."""
        return self.kind == "field"


@dataclass(frozen=True)
class Problem:
    message: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Rendered:
    text: str
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Segment:
    """A span of the body: literal text, a placeholder, or malformed text.

    ``text`` is what the segment renders to when nothing is substituted
    (``{{`` → ``{``; placeholders and malformed spans render as ``raw``).
    """

    start: int
    end: int
    raw: str
    text: str
    field: Field | None = None
    problem: str | None = None


def _parse_content(content: str) -> Field | str:
    """Turn the text between the braces into a Field, or an error message."""
    if "|" in content:
        name, fallback = content.split("|", 1)
        name = name.strip()
        return Field(name, fallback=fallback.strip()) if name else MSG_EMPTY_NAME
    cut = min((i for i in (content.find(":"), content.find("：")) if i >= 0), default=-1)
    if cut < 0:
        name = content.strip()
        return Field(name) if name else MSG_EMPTY_NAME
    name = content[:cut].strip()
    if not name:
        return MSG_EMPTY_NAME
    options = tuple(o.strip() for o in content[cut + 1 :].split("/") if o.strip())
    return Field(name, choices=options) if options else MSG_NO_CHOICES


def parse(body: str) -> list[Segment]:
    """Split a body into segments with offsets; never raises."""
    segments: list[Segment] = []
    literal: list[str] = []
    lit_start = 0
    i = 0
    n = len(body)
    # Remember the next brace positions so a body full of "{" stays linear.
    next_close = next_open = -2

    def flush(upto: int) -> None:
        nonlocal literal
        if literal:
            segments.append(Segment(lit_start, upto, body[lit_start:upto], "".join(literal)))
            literal = []

    def add(seg: Segment) -> None:
        nonlocal lit_start
        flush(seg.start)
        segments.append(seg)
        lit_start = seg.end

    while i < n:
        ch = body[i]
        if ch == "}":
            if body.startswith("}}", i):
                literal.append("}")
                i += 2
            else:
                add(Segment(i, i + 1, "}", "}", problem=MSG_LONE_CLOSE))
                i += 1
            continue
        if ch != "{":
            literal.append(ch)
            i += 1
            continue
        if body.startswith("{{", i):
            literal.append("{")
            i += 2
            continue
        if next_close != -1 and next_close < i:
            next_close = body.find("}", i)
        if next_open != -1 and next_open <= i:
            next_open = body.find("{", i + 1)
        if next_close == -1:
            # Unclosed: the bad span runs to the next "{" or line end, whichever is first.
            end = next_open if next_open != -1 else n
            line_end = body.find("\n", i, end)
            end = line_end if line_end != -1 else end
            raw = body[i:end]
            add(Segment(i, end, raw, raw, problem=MSG_UNCLOSED))
            i = end
            continue
        end = next_close + 1
        raw = body[i:end]
        if next_open != -1 and next_open < next_close:
            add(Segment(i, end, raw, raw, problem=MSG_NESTED))
        else:
            parsed = _parse_content(body[i + 1 : next_close])
            if isinstance(parsed, Field):
                add(Segment(i, end, raw, raw, field=parsed))
            else:
                add(Segment(i, end, raw, raw, problem=parsed))
        i = end
    flush(n)
    return segments


def fields(body: str) -> list[Field]:
    """Placeholders in order of first appearance, one per name (first one wins)."""
    seen: dict[str, Field] = {}
    for seg in parse(body):
        if seg.field is not None and seg.field.name not in seen:
            seen[seg.field.name] = seg.field
    return list(seen.values())


def problems(body: str) -> list[Problem]:
    return [
        Problem(seg.problem, seg.start, seg.end, seg.raw)
        for seg in parse(body)
        if seg.problem is not None
    ]


def escape(text: str) -> str:
    """Make text render to itself, e.g. before storing a buyer's message as a phrase."""
    return text.replace("{", "{{").replace("}", "}}")


def _cutoff(values: Mapping[str, str]) -> time:
    raw = values.get(CUTOFF_KEY)
    match = _CUTOFF_RE.match(raw) if isinstance(raw, str) else None
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    return DEFAULT_CUTOFF


def no_ship_days(spec: str | None) -> frozenset[int]:
    """Parse ``"六,日"`` / ``"周六 周日"`` / ``"星期天"`` into weekday numbers (Monday = 0).

    Unknown words are ignored; listing all seven days means the setting is a
    mistake rather than a shop that never ships, so it counts as none.
    """
    days: set[int] = set()
    for token in _DAY_SEPARATORS.split(spec or ""):
        token = token.replace("星期", "").replace("礼拜", "").replace("周", "")
        if token and all(ch in _WEEKDAY_CHARS for ch in token):
            days.update(_WEEKDAY_CHARS[ch] for ch in token)
    return frozenset() if len(days) == 7 else frozenset(days)


def _month_day(day: datetime) -> str:
    return f"{day.month}月{day.day}日"


def _ship_day(now: datetime, values: Mapping[str, str]) -> str:
    closed = no_ship_days(values.get(NO_SHIP_KEY))
    if now.weekday() not in closed and now.time() < _cutoff(values):
        return "今天"
    for ahead in range(1, 8):
        day = now + timedelta(days=ahead)
        if day.weekday() not in closed:
            return "明天" if ahead == 1 else _month_day(day)
    return "明天"  # unreachable: at most six days are closed


def _greeting(hour: int) -> str:
    if 5 <= hour < 11:
        return "早上好"
    if 11 <= hour < 13:
        return "中午好"
    if 13 <= hour < 18:
        return "下午好"
    return "晚上好"


def builtin_values(now: datetime, values: Mapping[str, str] | None = None) -> dict[str, str]:
    """Values every body can use without the caller passing them."""
    settings = values or {}
    return {
        "今天": _month_day(now),
        "明天": _month_day(now + timedelta(days=1)),
        "时间": f"{now:%H:%M}",
        "星期": "星期" + _WEEKDAY_NAMES[now.weekday()],
        "问候": _greeting(now.hour),
        "发货日": _ship_day(now, settings),
    }


def _provided(values: Mapping[str, str], name: str) -> str | None:
    value = values.get(name)
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


# A chat message is far shorter; a body repeating one field thousands of times with a
# long value would otherwise build hundreds of megabytes.
MAX_RENDERED = 50_000


def render(
    body: str, values: Mapping[str, str] | None = None, now: datetime | None = None
) -> Rendered:
    """Fill placeholders; unfilled plain fields stay as written and are listed in ``missing``.

    Refuses (``ValidationError``) once the text would pass ``MAX_RENDERED`` characters.
    """
    given: Mapping[str, str] = values or {}
    builtins: dict[str, str] | None = None
    out: list[str] = []
    missing: dict[str, None] = {}
    length = 0
    for seg in parse(body):
        if length > MAX_RENDERED:
            raise ValidationError(
                Message("填好的话术太长（超过 {limit} 字），请检查填入的值", limit=MAX_RENDERED)
            )
        f = seg.field
        if f is None:
            out.append(seg.text)
            length += len(seg.text)
            continue
        value = _provided(given, f.name)
        name = f.name
        if value is None:
            name = canonical(f.name)  # aliases: {店铺名称} is {店铺名}
            if name != f.name:
                value = _provided(given, name)
        if value is None and name in BUILTINS:
            if builtins is None:
                builtins = builtin_values(now or datetime.now(), given)
            value = builtins[name]
        if value is None and f.fallback is not None:
            value = f.fallback
        if value is None and f.choices:
            value = f.choices[0]
        if value is None:
            missing.setdefault(f.name)
            value = seg.raw
        out.append(value)
        length += len(value)
    if length > MAX_RENDERED:
        raise ValidationError(
            Message("填好的话术太长（超过 {limit} 字），请检查填入的值", limit=MAX_RENDERED)
        )
    return Rendered("".join(out), tuple(missing))
