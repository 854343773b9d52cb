"""当前买家: who the agent is serving right now, and reading it off the clipboard.

The buyer's details fill ``{买家昵称}``, ``{订单号}``, ``{运单号}``… in every
phrase.  They are personal information, so they live in memory only: nothing
here touches the database, settings or logs, and ``repr`` names the fields that
are set but never their values, so a stray log line or crash report can't leak
them.  This module logs nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.core.base.messages import Message

FIELDS: tuple[str, ...] = ("买家昵称", "订单号", "商品", "快递公司", "运单号")
NICKNAME, ORDER, ITEM, CARRIER, TRACKING = FIELDS

NOTHING_FOUND = Message("剪贴板里没有可识别的买家信息")


def _masked(cls_name: str, names: list[str]) -> str:
    return f"{cls_name}({', '.join(f'{n}=***' for n in names)})"


def _check(name: str) -> None:
    if name not in FIELDS:
        raise ValueError(
            Message(
                "未知的买家信息字段：{name}（可用：{names}）", name=name, names="、".join(FIELDS)
            )
        )


@dataclass(eq=False)
class BuyerContext:
    """Mutable, in-memory only.  Cleared with :meth:`clear` for the next buyer."""

    _values: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def get(self, name: str) -> str:
        """The field's value, ``""`` if unset; unknown names raise ``ValueError``."""
        _check(name)
        return self._values.get(name, "")

    def set(self, name: str, value: str) -> None:
        """Set one field; the value is stripped and ``""`` clears it."""
        _check(name)
        value = value.strip()
        if value:
            self._values[name] = value
        else:
            self._values.pop(name, None)

    def update(self, values: Mapping[str, str]) -> None:
        """Set every known field in ``values`` (same rules as :meth:`set`); others are ignored."""
        for name, value in values.items():
            if name in FIELDS:
                self.set(name, value)

    def values(self) -> dict[str, str]:
        """The non-empty fields, in :data:`FIELDS` order, ready to merge into render values."""
        return {name: self._values[name] for name in FIELDS if name in self._values}

    def clear(self) -> None:
        """下一位买家."""
        self._values.clear()

    def is_empty(self) -> bool:
        return not self._values

    def __repr__(self) -> str:
        return _masked("BuyerContext", list(self.values()))


@dataclass(frozen=True)
class Recognised:
    """What :func:`recognise` found.  ``summary`` is for the tray; never log either."""

    values: dict[str, str]
    summary: str

    def __repr__(self) -> str:
        return _masked("Recognised", list(self.values))


# --- recognition --------------------------------------------------------------
#
# The text is NFKC-normalised first (full-width ＳＦ１２３ → SF123, ： → :), and
# cut into tokens: maximal runs of ASCII letters, digits and ``_``, so a number
# glued to letters or ``_`` is never read on its own (``tb_78912345678901`` is a
# nickname).  "Non-alphanumeric" below means not an ASCII letter or digit.
# Candidates are taken in this order, each token used at most once, first hit
# wins per field:
#
#   1. 订单号 label  - "订单"/"订单号"/"订单编号" then ≤6 non-alphanumerics on the
#      same line, then 16–20 digits.
#   2. carrier name next to a pure-digit number (12–20 digits): name then ≤10
#      non-alphanumerics on the same line, or number then ≤3 (``789…（中通）``).
#      The name decides the carrier whatever the number's shape.
#   3. 运单号 label  - "运单"/"快递单"/"物流单" then ≤6 separators, then a token
#      of a tracking shape below, or 12–20 digits (carrier by shape, else unknown).
#   4. every remaining token in text order: a letter-prefixed tracking shape; a
#      pure-digit number when the text names exactly one carrier (12–15 digits);
#      16–20 digits → 订单号; a pure-digit tracking shape.
#   5. a digits-only tracking number whose carrier came from its shape takes the
#      carrier named in the text instead, when the text names exactly one.
#   6. nothing yet and the whole text is a carrier name ("中通快递") → 快递公司.
#   7. nothing yet and the text looks like a nickname → 买家昵称.
# URLs are blanked out first: a product link's ``id=`` is not an order number.

_MAX_CHARS = 20_000  # a whole copied web page is not buyer info; bound the work
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_TOKEN = re.compile(r"[A-Za-z0-9_]+")

# Taobao/Tmall order ids (订单号 in 千牛 and the buyer's 我的订单) are long pure-digit
# numbers, commonly 18–19 digits; 16–20 leaves room for older and sub-order ids.
_ORDER_DIGITS = (16, 20)
# Pure-digit tracking numbers in use are 12–15 digits.  Right next to a carrier
# name or a 运单号 label we accept up to 20: the label beats the order reading.
_TRACKING_DIGITS = (12, 15)
_NAMED_DIGITS = (12, 20)

# Letter-prefixed waybill numbers, as printed on labels and shown in 千牛's
# logistics panel.  Checked in this order; the first full match wins.
_LETTER_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("顺丰", re.compile(r"SF[0-9]{12,15}")),  # SF1409876543210
    ("圆通", re.compile(r"YT[0-9]{13,16}")),  # YT7512345678901
    ("极兔", re.compile(r"JT[0-9]{13,16}")),  # JT0001234567890
    # 京东: JD, up to 3 letters (JDV, JDX, JDAZ…), digits; 13–18 characters in all.
    ("京东", re.compile(r"(?=[A-Z0-9]{13,18}$)JD[A-Z]{0,3}[0-9]{8,16}")),
    # EMS international / 邮政 registered mail: UPU S10 code, EA123456789CN.
    ("EMS", re.compile(r"[A-Z]{2}[0-9]{9}[A-Z]{2}")),
)

# Pure-digit numbers by leading digits and length.  申通's 77 clashes with 中通's
# leading 7, so 申通 77/66/88 with 13 or 15 digits goes first, then 中通 7x with
# 12 or 14, then 申通 66/88 with 12 or 14 (so 77 + 12/14 digits reads as 中通).
# 邮政's 13 digits starting 1 or 9 clash with everything; they need a name (rule 2).
_DIGIT_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("申通", re.compile(r"(?:77|66|88)(?:[0-9]{11}|[0-9]{13})")),  # 13 or 15 digits
    ("中通", re.compile(r"7(?:[0-9]{11}|[0-9]{13})")),  # 12 or 14: 73…, 78…
    ("申通", re.compile(r"(?:66|88)(?:[0-9]{10}|[0-9]{12})")),  # 12 or 14 digits
    ("韵达", re.compile(r"[34](?:[0-9]{12}|[0-9]{14})")),  # 13 or 15: 43…, 31…
)

# Carrier names as agents and buyers write them.  ASCII ones must stand alone,
# so the "SF" of SF1409876543210 is part of the number, not a name.
_CARRIER_NAMES = {
    "顺丰": "顺丰", "SF": "顺丰", "圆通": "圆通", "中通": "中通", "韵达": "韵达",
    "申通": "申通", "极兔": "极兔", "京东": "京东", "邮政": "邮政", "EMS": "EMS",
}  # fmt: skip
_CN_NAMES = "顺丰|圆通|中通|韵达|申通|极兔|京东|邮政"
_CARRIER_NAME = re.compile(rf"{_CN_NAMES}|(?<![A-Za-z0-9])(?:SF|EMS)(?![A-Za-z0-9])", re.IGNORECASE)
_CARRIER_ONLY = re.compile(
    rf"(?:中国)?({_CN_NAMES}|SF|EMS)(?:快递|速运|速递|快运|物流|包裹|公司)*", re.IGNORECASE
)
_ORDER_LABEL = re.compile(r"订单")
_TRACKING_LABEL = re.compile(r"运单|快递单|物流单")

# Nicknames: Taobao member names are short (letters, digits, 汉字, _ and -).
_NICK_MAX = 20
_NOT_IN_NICK = set('。！？!?；;，,：:"“”')
_NOT_NICK_WORDS = ("订单", "运单", "单号")
_EMAIL_OR_DOMAIN = re.compile(r"@|\b[A-Za-z0-9\-]+\.(?:com|cn|net|org|cc|top|io)\b", re.ASCII)


@dataclass
class _Token:
    start: int
    end: int
    text: str  # upper-cased
    used: bool = False

    @property
    def digits(self) -> bool:
        return self.text.isdigit()  # tokens are ASCII, so only 0-9

    def digits_within(self, bounds: tuple[int, int]) -> bool:
        return self.digits and bounds[0] <= len(self.text) <= bounds[1]


@dataclass
class _Found:
    order: str = ""
    tracking: str = ""
    carrier: str = ""
    carrier_named: bool = False  # the carrier came from a name in the text


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _shape(token: str) -> str | None:
    """The carrier whose number shape ``token`` has, or None."""
    shapes = _DIGIT_SHAPES if token.isdigit() else _LETTER_SHAPES
    for carrier, pattern in shapes:
        if pattern.fullmatch(token):
            return carrier
    return None


def _near_gap(text: str, start: int, end: int, limit: int) -> bool:
    gap = text[start:end]
    return 0 <= len(gap) <= limit and "\n" not in gap and "\r" not in gap


def _next_token(text: str, tokens: list[_Token], pos: int, limit: int) -> _Token | None:
    for tok in tokens:
        if tok.start >= pos:
            return tok if not tok.used and _near_gap(text, pos, tok.start, limit) else None
    return None


def _prev_token(text: str, tokens: list[_Token], pos: int, limit: int) -> _Token | None:
    for tok in reversed(tokens):
        if tok.end <= pos:
            return tok if not tok.used and _near_gap(text, tok.end, pos, limit) else None
    return None


def _take_tracking(found: _Found, tok: _Token, carrier: str | None, named: bool) -> None:
    tok.used = True
    found.tracking = tok.text
    found.carrier = carrier or ""
    found.carrier_named = named


def _scan(text: str) -> _Found:
    found = _Found()
    tokens = [_Token(m.start(), m.end(), m.group().upper()) for m in _TOKEN.finditer(text)]
    names = [(m, _CARRIER_NAMES[m.group().upper()]) for m in _CARRIER_NAME.finditer(text)]
    only_name = names[0][1] if len({c for _, c in names}) == 1 else None

    for m in _ORDER_LABEL.finditer(text):  # 1
        tok = _next_token(text, tokens, m.end(), 6)
        if tok and tok.digits_within(_ORDER_DIGITS):
            tok.used = True
            found.order = tok.text
            break

    for m, carrier in names:  # 2
        tok = _next_token(text, tokens, m.end(), 10)
        if not (tok and tok.digits_within(_NAMED_DIGITS)):
            tok = _prev_token(text, tokens, m.start(), 3)
        if tok and tok.digits_within(_NAMED_DIGITS):
            _take_tracking(found, tok, carrier, named=True)
            break

    if not found.tracking:  # 3
        for m in _TRACKING_LABEL.finditer(text):
            tok = _next_token(text, tokens, m.end(), 6)
            if tok and (_shape(tok.text) or tok.digits_within(_NAMED_DIGITS)):
                _take_tracking(found, tok, _shape(tok.text), named=False)
                break

    for tok in tokens:  # 4
        if tok.used:
            continue
        if not tok.digits:
            if not found.tracking and (shaped := _shape(tok.text)):
                _take_tracking(found, tok, shaped, named=False)
        elif not found.tracking and only_name and tok.digits_within(_TRACKING_DIGITS):
            _take_tracking(found, tok, only_name, named=True)
        elif not found.order and tok.digits_within(_ORDER_DIGITS):
            tok.used = True
            found.order = tok.text
        elif not found.tracking and (shaped := _shape(tok.text)):
            _take_tracking(found, tok, shaped, named=False)

    if found.tracking.isdigit() and not found.carrier_named and only_name:  # 5
        found.carrier = only_name
    if not (found.order or found.tracking) and (alone := _CARRIER_ONLY.fullmatch(text)):  # 6
        found.carrier = _CARRIER_NAMES[alone.group(1).upper()]
    return found


def _nickname(raw: str, norm: str) -> str | None:
    """``raw`` (stripped, as copied) if the text looks like a buyer's nickname."""
    if not 1 <= len(raw) <= _NICK_MAX or not norm.isprintable():  # one line, no tabs
        return None
    if sum(ch.isspace() for ch in norm) > 1 or _NOT_IN_NICK.intersection(norm):
        return None
    if not any(ch.isalpha() for ch in norm):  # pure digits, dates, punctuation
        return None
    if _URL.search(norm) or _EMAIL_OR_DOMAIN.search(norm):
        return None
    if any(word in norm for word in _NOT_NICK_WORDS):
        return None
    return raw


def _summary(values: Mapping[str, str]) -> str:
    parts: list[Message] = []
    if ORDER in values:
        parts.append(Message("订单号 {number}", number=values[ORDER]))
    if TRACKING in values and CARRIER in values:
        parts.append(
            Message(
                "运单号 {number}（{carrier}）", number=values[TRACKING], carrier=values[CARRIER]
            )
        )
    elif TRACKING in values:
        parts.append(Message("运单号 {number}", number=values[TRACKING]))
    elif CARRIER in values:
        parts.append(Message("快递公司 {carrier}", carrier=values[CARRIER]))
    if NICKNAME in values:
        parts.append(Message("买家昵称 {nickname}", nickname=values[NICKNAME]))
    if not parts:
        return NOTHING_FOUND
    found = parts[0]
    for part in parts[1:]:
        found = Message("{first}、{second}", first=found, second=part)
    return Message("识别到{found}", found=found)


def recognise(text: str) -> Recognised:
    """Read buyer details from clipboard text; never raises."""
    if not isinstance(text, str):
        return Recognised({}, NOTHING_FOUND)
    raw = text[:_MAX_CHARS].translate(_INVISIBLE).strip()
    norm = _normalise(raw)
    found = _scan(_URL.sub(" ", norm))
    values: dict[str, str] = {}
    if found.order:
        values[ORDER] = found.order
    if found.carrier:
        values[CARRIER] = found.carrier
    if found.tracking:
        values[TRACKING] = found.tracking
    if not values and (nick := _nickname(raw, norm)):
        values[NICKNAME] = nick
    ordered = {name: values[name] for name in FIELDS if name in values}
    return Recognised(ordered, _summary(ordered))
