"""话术质检: check a phrase against customer-service and platform norms.

Word lists ship in ``resources/lint`` so a shop can extend them without code.
Matching runs on a folded copy of the body (NFKC + casefold, so ``ＱＱ`` is
``qq``) built one character at a time with an index map, so every finding
points at the original text even where folding changes lengths.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from desktop.core.base.messages import Message
from desktop.core.base.resources import read_text
from desktop.core.text import template

LEVELS = ("error", "warning", "info")

INFO_LENGTH = 200
WARNING_LENGTH = 500

# Stands in for placeholder names: not a letter, space, punctuation or symbol,
# so it ends ASCII tokens and keeps a filler word next to a placeholder from
# looking like a sentence of its own.
_MASK = "\ue000"

_FILES = {
    "absolute": "absolute.txt",
    "refusal": "refusal.txt",
    "filler": "filler.txt",
    "superlative": "superlative.txt",
    "superlative_allow": "superlative_allow.txt",
    "absolute_allow": "absolute_allow.txt",
    "refusal_allow": "refusal_allow.txt",
    "review_cash": "review_cash.txt",
    "offplatform_allow": "offplatform_allow.txt",
    "offplatform": "offplatform.txt",
    "link_allow": "link_allow.txt",
}

MESSAGES = {
    "absolute-promise": Message(
        "绝对化承诺：售后纠纷时会被当作承诺，建议改为“尽量”“一般情况下”等留有余地的说法"
    ),
    "blunt-refusal": Message(
        "生硬拒绝：容易引起买家不满和差评，建议先致歉、说明原因，再给出替代办法"
    ),
    "cold-filler": Message("冷淡语气词：单独成句显得敷衍，建议改成完整的回应，如“好的呢亲”"),
    "ad-superlative": Message("广告法极限词：可能被投诉或处罚，建议换成具体、可证明的描述"),
    "off-platform": Message("站外引流：引导买家到站外联系或交易违反平台规则，可能被处罚，请删除"),
    "external-link": Message(
        "非淘系链接：站外链接会被平台拦截或处罚，只发淘宝/天猫等允许域名的链接"
    ),
    "empty": Message("话术为空：发送内容不能为空，请填写正文"),
    "review-cash": Message(
        "好评返现：淘宝禁止用现金、红包或礼品换好评和晒图，会被处罚，请删除"
    ),
    "invisible-char": Message(
        "看不见的字符：零宽字符或文字方向控制符会让买家看到的和这里显示的不一样，建议删除"
    ),
}
# Bidi controls reorder what the buyer sees; zero-width characters hide inside words
# (and split 微信 so a word list no longer matches).
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

# (rule, level, list) for the plain word rules, in report order.
_WORD_RULES = (
    ("absolute-promise", "warning", "absolute"),
    ("blunt-refusal", "warning", "refusal"),
    ("ad-superlative", "warning", "superlative"),
    ("off-platform", "error", "offplatform"),
    ("review-cash", "error", "review_cash"),
)
# A list's exceptions: where its word is part of a noun or a softened phrase.
_ALLOW = {
    "superlative": "superlative_allow",
    "absolute": "absolute_allow",
    "refusal": "refusal_allow",
    "offplatform": "offplatform_allow",
}
_TITLE_RULES = ("ad-superlative", "off-platform")

_URL_CHARS = r"[a-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_TLDS = (
    "com|cn|net|org|hk|tw|mo|cc|io|me|top|xyz|info|vip|shop|club|co|tv|app|link|"
    "site|online|store|tech|ltd|wang|ink|biz|us|uk|jp|kr|ru|de"
)
_URL_RE = re.compile(
    rf"(?:https?://|www\.){_URL_CHARS}*"
    rf"|(?<![a-z0-9\-._])(?:[a-z0-9][a-z0-9\-]*\.)+(?:{_TLDS})(?![a-z0-9\-])"
    rf"(?::\d+)?(?:/{_URL_CHARS}*)?"
)
_URL_TRAILING = ".,;:!?'\")]}"


@dataclass(frozen=True)
class Finding:
    level: str
    rule: str
    message: str
    match: str
    start: int
    end: int

    def to_dict(self) -> dict[str, str | int]:
        return asdict(self)


def _entries(text: str) -> list[str]:
    out: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            out.append(entry)
    return out


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def _fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _entry_pattern(entry: str) -> str:
    """Regex for one folded entry.

    ASCII ends match whole tokens only (``qq`` not in ``qqq``); letters may be
    followed by digits (``qq12345`` is still a QQ number).  Spaces are allowed
    where the entry switches between 汉字 and ASCII (``加 V``).
    """
    parts: list[str] = []
    prev = ""
    for ch in entry:
        if ch.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
            prev = ""
            continue
        if prev and _is_ascii_alnum(prev) != _is_ascii_alnum(ch):
            parts.append(r"\s*")
        parts.append(re.escape(ch))
        prev = ch
    head, tail = entry[0], entry[-1]
    if head.isascii() and head.isalpha():
        parts.insert(0, "(?<![a-z])")
    elif head.isascii() and head.isdigit():
        parts.insert(0, "(?<![0-9])")
    if tail.isascii() and tail.isalpha():
        parts.append("(?![a-z])")
    elif tail.isascii() and tail.isdigit():
        parts.append("(?![0-9])")
    return "".join(parts)


def _compile(entries: tuple[str, ...], repeat: bool = False) -> re.Pattern[str] | None:
    folded = sorted({_fold(e) for e in entries if _fold(e).strip()}, key=len, reverse=True)
    if not folded:
        return None
    alternation = "|".join(f"(?:{_entry_pattern(e)})" for e in folded)
    return re.compile(f"(?:{alternation})+" if repeat else alternation)


@dataclass(frozen=True)
class Rules:
    """The word lists, as read, and their compiled patterns."""

    absolute: tuple[str, ...] = ()
    refusal: tuple[str, ...] = ()
    filler: tuple[str, ...] = ()
    superlative: tuple[str, ...] = ()
    superlative_allow: tuple[str, ...] = ()
    absolute_allow: tuple[str, ...] = ()
    refusal_allow: tuple[str, ...] = ()
    review_cash: tuple[str, ...] = ()
    offplatform_allow: tuple[str, ...] = ()
    offplatform: tuple[str, ...] = ()
    link_allow: tuple[str, ...] = ()
    _patterns: dict[str, re.Pattern[str] | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = {name: _compile(getattr(self, name)) for name in _FILES}
        patterns["filler"] = _compile(self.filler, repeat=True)
        object.__setattr__(self, "_patterns", patterns)

    def pattern(self, name: str) -> re.Pattern[str] | None:
        return self._patterns[name]

    def allowed_host(self, host: str) -> bool:
        return any(
            host == d or host.endswith("." + d)
            for d in (_fold(x).strip(".") for x in self.link_allow)
        )


def _build(extra_dir: Path | None) -> Rules:
    lists: dict[str, tuple[str, ...]] = {}
    for name, filename in _FILES.items():
        entries = _entries(read_text("lint", filename))
        extra = extra_dir / filename if extra_dir is not None else None
        if extra is not None and extra.is_file():
            entries += _entries(extra.read_text(encoding="utf-8-sig"))
        lists[name] = tuple(dict.fromkeys(entries))
    return Rules(**lists)


@lru_cache(maxsize=1)
def _default_rules() -> Rules:
    return _build(None)


def load_rules(extra_dir: Path | None = None) -> Rules:
    """Shipped lists plus same-named files in ``extra_dir`` (the shop's own additions)."""
    if extra_dir is None:
        return _default_rules()
    return _build(Path(extra_dir))


class _Folded:
    """Folded text with a map back to the original offsets."""

    def __init__(self, text: str, masked: set[int] | None = None) -> None:
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            folded = _MASK if masked and i in masked else _fold_char(ch)
            chars.append(folded)
            origin.extend([i] * len(folded))
        self.text = "".join(chars)
        self._origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self._origin[start], self._origin[end - 1] + 1


def _placeholder_mask(body: str) -> set[int]:
    """Offsets of placeholder syntax and names; fallback and option text stays visible."""
    masked: set[int] = set()
    for seg in template.parse(body):
        f = seg.field
        if f is None:
            continue
        raw = seg.raw
        hide: Iterable[int]
        if f.kind == "fallback":
            hide = range(raw.index("|") + 1)
        elif f.kind == "choice":
            cut = min(i for i in (raw.find(":"), raw.find("：")) if i >= 0)
            hide = [*range(cut + 1), *(i for i, ch in enumerate(raw) if ch == "/")]
        else:
            hide = range(len(raw))
        masked.update(seg.start + i for i in hide)
        masked.add(seg.end - 1)
    return masked


def _is_break(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def _word_matches(
    rules: Rules, name: str, folded: _Folded, urls: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    pattern = rules.pattern(name)
    if pattern is None:
        return []
    text = folded.text
    allowed: list[tuple[int, int]] = []
    if name in _ALLOW:
        for phrase in {_fold(p) for p in getattr(rules, _ALLOW[name]) if p.strip()}:
            at = text.find(phrase)
            while at != -1:
                allowed.append((at, at + len(phrase)))
                at = text.find(phrase, at + 1)
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if any(a <= s and e <= b for a, b in allowed):
            continue
        if m.group().isascii() and any(a <= s and e <= b for a, b in urls):
            continue
        if name == "filler" and not (
            (s == 0 or _is_break(text[s - 1])) and (e == len(text) or _is_break(text[e]))
        ):
            continue
        spans.append((s, e))
    return spans


def _urls(folded: _Folded) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for m in _URL_RE.finditer(folded.text):
        url = m.group().rstrip(_URL_TRAILING)
        host = re.sub(r"^[a-z]+://", "", url)
        host = re.split(r"[/?#]", host, maxsplit=1)[0].rsplit("@", 1)[-1]
        host = host.split(":", 1)[0].strip(".")
        if url and host:
            found.append((m.start(), m.start() + len(url), host))
    return found


def _finding(body: str, folded: _Folded, rule: str, level: str, s: int, e: int) -> Finding:
    start, end = folded.span(s, e)
    return Finding(level, rule, MESSAGES[rule], body[start:end], start, end)


def _lint_title(title: str, rules: Rules) -> list[Finding]:
    if not title.strip():
        return []
    folded = _Folded(title)
    out: list[Finding] = []
    for rule, level, name in _WORD_RULES:
        if rule not in _TITLE_RULES:
            continue
        for s, e in _word_matches(rules, name, folded, []):
            start, end = folded.span(s, e)
            message = Message("标题：{problem}", problem=MESSAGES[rule])
            out.append(Finding(level, rule, message, title[start:end], -1, -1))
    return out


def _length_finding(body: str) -> Finding | None:
    n = len(body)
    if n > WARNING_LENGTH:
        level, limit = "warning", WARNING_LENGTH
    elif n > INFO_LENGTH:
        level, limit = "info", INFO_LENGTH
    else:
        return None
    message = Message(
        "话术过长（{length} 字，超过 {limit} 字）：买家不易读完，建议精简或拆成几条发送",
        length=n,
        limit=limit,
    )
    return Finding(level, "too-long", message, body[limit:], limit, n)


def lint(
    body: str, title: str = "", rules: Rules | None = None, known_fields: Iterable[str] = ()
) -> list[Finding]:
    """Findings for a phrase, sorted by position; title findings have offsets -1.

    ``known_fields``: the shop's own store variables, besides the built-in fields."""
    rules = rules or load_rules()
    findings = _lint_title(title, rules)
    if not body.strip():
        findings.append(Finding("error", "empty", MESSAGES["empty"], body, 0, len(body)))
        return _sorted(findings)

    for p in template.problems(body):
        message = Message("占位符错误：{problem}，发送时会原样显示，请修正", problem=p.message)
        findings.append(Finding("error", "placeholder", message, p.text, p.start, p.end))
    findings.extend(_unknown_fields(body, known_fields))

    folded = _Folded(body, _placeholder_mask(body))
    urls = _urls(folded)
    for s, e, host in urls:
        if not rules.allowed_host(host):
            findings.append(_finding(body, folded, "external-link", "error", s, e))
    url_spans = [(s, e) for s, e, _ in urls]
    for rule, level, name in (*_WORD_RULES, ("cold-filler", "warning", "filler")):
        for s, e in _word_matches(rules, name, folded, url_spans):
            findings.append(_finding(body, folded, rule, level, s, e))

    for found in _INVISIBLE.finditer(body):
        findings.append(
            Finding(
                "warning",
                "invisible-char",
                MESSAGES["invisible-char"],
                found.group(),
                found.start(),
                found.end(),
            )
        )

    length = _length_finding(body)
    if length is not None:
        findings.append(length)
    return _sorted(findings)


def _unknown_fields(body: str, known: Iterable[str]) -> list[Finding]:
    """A field name close to a built-in one (``{买家名字}``, ``{运单}``) is most likely
    that field mistyped; a shop's own field with no close match is left alone."""
    from desktop.core.text.fields import did_you_mean

    known = tuple(known)
    out: list[Finding] = []
    for seg in template.parse(body):
        f = seg.field
        if f is None or f.fallback is not None or f.choices or f.name in known:
            continue
        guess = did_you_mean(f.name, known)
        if guess:
            message = Message(
                "未知字段「{name}」：发送时要手动填写；是不是「{guess}」？", name=f.name, guess=guess
            )
            out.append(Finding("warning", "unknown-field", message, seg.raw, seg.start, seg.end))
    return out


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.start, f.end, LEVELS.index(f.level), f.rule))
