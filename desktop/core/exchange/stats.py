"""Usage statistics (统计): how often each phrase was sent, and the time that saved.

Everything here comes from the ``usage`` table, which holds a phrase id and a
time and nothing else: the text that was actually sent (with the buyer's name
or order number in it) is never stored.  So "time saved" is an estimate made
from the phrase *body*, with each placeholder counted at a typical length:

* a store variable that is set (店铺名 …): the length of its value;
* a choice ``{快递公司:顺丰/圆通}``: the length of the first option;
* a field with a fallback ``{称呼|亲}``: the length of the fallback;
* any other field (``{订单号}``, built-ins like ``{今天}``): ``PLAIN_FIELD_CHARS``.

Every character counts the same (汉字, letters, punctuation and line breaks
all cost a keystroke or more), and one use saves ``chars / (speed / 60)``
seconds at ``typing_speed`` characters a minute — 80 by default, the figure
customer-service training gives for a beginner.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.core.store.library import Library
from desktop.core.store.models import Phrase
from desktop.core.text import template

PLAIN_FIELD_CHARS = 4
UNUSED_DAYS = 30
DAY = 86_400.0
#: The periods the stats dialog offers, as understood by :func:`period_since`.
PERIODS: tuple[str, ...] = ("today", "7d", "30d", "all")
CSV_HEADER = ("编号", "标题", "分类", "使用次数", "最后使用", "估计字数", "节省时间（秒）")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def estimated_length(body: str, store: Mapping[str, str] | None = None) -> int:
    """Characters a use of ``body`` inserts, by the typical lengths in the module doc."""
    known = store or {}
    total = 0
    for seg in template.parse(body):
        f = seg.field
        if f is None:
            total += len(seg.text)
        elif known.get(f.name, "").strip():
            total += len(known[f.name])
        elif f.choices:
            total += len(f.choices[0])
        elif f.fallback is not None:
            total += len(f.fallback)
        else:
            total += PLAIN_FIELD_CHARS
    return total


def seconds_for(chars: int, typing_speed: int) -> float:
    """Seconds an agent needs to type ``chars`` characters at ``typing_speed`` a minute."""
    return chars * 60.0 / max(1, typing_speed)


def period_since(period: str, now: float | None = None) -> float | None:
    """Start of a named period: ``today`` (local midnight), ``7d``/``30d`` (rolling), ``all``."""
    at = time.time() if now is None else now
    if period == "today":
        return (
            datetime.fromtimestamp(at)
            .replace(hour=0, minute=0, second=0, microsecond=0)
            .timestamp()
        )
    if period == "all":
        return None
    if period.endswith("d") and period[:-1].isdigit():
        return at - int(period[:-1]) * DAY
    raise ValueError(f"unknown period: {period}")


def split_duration(seconds: float) -> tuple[int, int, int]:
    """Whole hours, minutes and seconds, for the edges to word in their own language."""
    total = max(0, round(seconds))
    return total // 3600, total % 3600 // 60, total % 60


@dataclass(frozen=True)
class Row:
    """One phrase's figures for the period."""

    id: str
    title: str
    category: tuple[str, ...]
    uses: int
    last_used: float | None  # the latest use inside the period
    chars: int  # estimated characters one use inserts
    seconds_saved: float
    deleted: bool = False  # in the trash; listed only when it was used in the period


@dataclass(frozen=True)
class Report:
    """Figures for ``[since, until)``; ``at`` is the moment "30 days ago" counts back from."""

    since: float | None
    until: float | None
    at: float
    typing_speed: int
    rows: tuple[Row, ...]  # most used first, then library order
    latest: Mapping[str, float] = field(default_factory=dict, repr=False)  # last use before ``at``

    @property
    def total_uses(self) -> int:
        return sum(r.uses for r in self.rows)

    @property
    def time_saved_seconds(self) -> float:
        return sum(r.seconds_saved for r in self.rows)

    def most_used(self, n: int = 10) -> list[Row]:
        """The ``n`` phrases used most in the period (phrases with no use are left out)."""
        return [r for r in self.rows if r.uses][: max(0, n)]

    def unused_since(self, days: int = UNUSED_DAYS) -> list[Row]:
        """Live phrases with no use in the ``days`` before ``at``, never-used ones included.

        This looks past the report's own period on purpose: a phrase is a
        candidate to retire whatever period the lead happens to be looking at.
        """
        cutoff = self.at - days * DAY
        return [
            r
            for r in sorted(self.rows, key=lambda r: self.latest.get(r.id, float("-inf")))
            if not r.deleted and self.latest.get(r.id, float("-inf")) < cutoff
        ]


def usage_report(
    lib: Library,
    since: float | None = None,
    until: float | None = None,
    *,
    typing_speed: int | None = None,
    now: float | None = None,
) -> Report:
    """Uses per phrase in ``[since, until)`` (either end may be open).

    Usage records whose phrase is gone for good (emptied from the trash) are
    skipped: there is no title or body left to report or estimate from.
    """
    at = until if until is not None else (time.time() if now is None else now)
    speed = typing_speed if typing_speed is not None else int(lib.setting("typing_speed"))
    counts = lib.use_summary(since, until)
    latest = {pid: last for pid, (_n, last) in lib.use_summary(None, at).items()}
    store = lib.store_values()
    phrases: list[Phrase] = lib.phrases() + [p for p in lib.trash() if p.id in counts]
    rows = []
    for p in phrases:
        uses, last = counts.get(p.id, (0, None))
        chars = estimated_length(p.body, store)
        rows.append(
            Row(p.id, p.title, p.category, uses, last, chars,
                uses * seconds_for(chars, speed), deleted=p.in_trash)
        )  # fmt: skip
    order = {r.id: i for i, r in enumerate(rows)}
    rows.sort(key=lambda r: (-r.uses, -(r.last_used or 0.0), order[r.id]))
    return Report(since, until, at, speed, tuple(rows), latest)


# ----- CSV ----------------------------------------------------------------------
def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: a leading ``= + - @`` (or tab/CR) would
    make Excel run the title as a formula (CSV injection), so it gets a ``'``."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def format_time(stamp: float | None) -> str:
    """Local time to the minute, ``""`` for never."""
    return "" if stamp is None else datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M")


def csv_rows(report: Report) -> list[Sequence[str]]:
    out: list[Sequence[str]] = [CSV_HEADER]
    for r in report.rows:
        title = r.title + ("（已删除）" if r.deleted else "")
        out.append(
            [safe_cell(v) for v in (r.id, title, "/".join(r.category), r.uses,
                                    format_time(r.last_used), r.chars, round(r.seconds_saved))]
        )  # fmt: skip
    return out


def to_csv(report: Report) -> str:
    """The report as CSV text (no BOM; :func:`write_csv` adds it)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(csv_rows(report))
    return buffer.getvalue()


def write_csv(report: Report, path: str | Path) -> int:
    """Write UTF-8 with a BOM — without it Excel on a Chinese Windows reads the file as
    GBK and shows mojibake.  Returns the number of phrase rows written."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(csv_rows(report))
    return len(report.rows)
