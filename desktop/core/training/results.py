"""Drill results per trainee, kept in the library file, and what a lead reads from them.

A row is one answer of the response drill (``kind = "answer"``) or one typed
text of the typing drill (``kind = "typing"``).  The question in a row is the
lead's example question; no buyer's message is ever drilled or stored.  The
CSV export is for a lead collecting results: UTF-8 with a BOM (Excel opens it
as Chinese), and a cell that starts like a formula gets a leading ``'``.
"""

from __future__ import annotations

import csv
import getpass
import io
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.base.errors import QuickReplyError, ValidationError
from desktop.core.base.messages import Message
from desktop.core.store import drill_rows
from desktop.core.store.library import Library
from desktop.core.training.drill import Answer
from desktop.core.training.typing_drill import TypingResult

ANSWER = "answer"
TYPING = "typing"
CSV_HEADER = ("学员", "时间", "类型", "分类", "买家问题", "应选话术", "所选话术", "正确",
              "用时（秒）", "时限（秒）", "汉字数", "错字数")  # fmt: skip
_KINDS = {ANSWER: "应答", TYPING: "打字"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
WEAK_MIN = 2  # a category needs this many answers before it can be called weak


def default_trainee(lib: Library) -> str:
    """The 设置 name, or the computer's user name."""
    name: str = lib.setting("drill_name").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "学员"
    except (OSError, KeyError):
        return "学员"


@dataclass(frozen=True)
class Row:
    kind: str
    trainee: str
    at: float
    category: str = ""
    question: str = ""
    expected: str = ""
    answered: str = ""
    correct: bool = False
    seconds: float = 0.0
    time_limit: float = 0.0
    chars: int = 0
    errors: int = 0

    @property
    def day(self) -> str:
        return datetime.fromtimestamp(self.at).strftime("%Y-%m-%d")


def _clean_name(trainee: str) -> str:
    name = " ".join(str(trainee).split())
    if not name or len(name) > 40:
        raise ValidationError(Message("学员名字应为一行、1 到 40 字"))
    return name


class DrillResults:
    """The ``drill_results`` table of one library."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib

    def add_answer(self, trainee: str, answer: Answer, at: float | None = None) -> Row:
        q = answer.question
        row = Row(ANSWER, _clean_name(trainee), float(round(time.time() if at is None else at)),
                  "/".join(q.category), q.text, q.expected, answer.picked_title,
                  answer.correct, round(answer.seconds, 2), answer.limit)  # fmt: skip
        self._insert([row])
        return row

    def add_typing(self, trainee: str, result: TypingResult, at: float | None = None) -> Row:
        row = Row(TYPING, _clean_name(trainee), float(round(time.time() if at is None else at)),
                  question=result.target, answered=result.typed, correct=result.errors == 0,
                  seconds=round(result.seconds, 2), chars=result.chars, errors=result.errors)  # fmt: skip
        self._insert([row])
        return row

    def _insert(self, rows: Iterable[Row]) -> None:
        drill_rows.insert(
            self.lib,
            [(r.kind, r.trainee, r.at, r.category, r.question, r.expected, r.answered,
              int(r.correct), r.seconds, r.time_limit, r.chars, r.errors) for r in rows],
        )  # fmt: skip

    def rows(self, trainee: str | None = None, kind: str | None = None) -> list[Row]:
        return [Row(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), *r[8:])
                for r in drill_rows.select(self.lib, trainee, kind)]  # fmt: skip

    def trainees(self) -> list[str]:
        return drill_rows.trainees(self.lib)

    def typing_speed(self, trainee: str, last: int = 5) -> int | None:
        """The trainee's speed over the last few typed texts (汉字 a minute), if measured."""
        rows = self.rows(trainee, TYPING)[-last:]
        seconds = sum(r.seconds for r in rows)
        if not rows or seconds <= 0:
            return None
        return max(1, round(sum(r.chars for r in rows) * 60 / seconds))


# ----- summary -------------------------------------------------------------------
@dataclass(frozen=True)
class CategoryScore:
    category: str
    answers: int
    accuracy: float


@dataclass(frozen=True)
class Day:
    day: str
    answers: int
    accuracy: float | None  # response drill
    median_seconds: float | None
    per_minute: float | None  # typing drill


@dataclass(frozen=True)
class Summary:
    answers: int
    correct: int
    median_seconds: float | None
    within_limit: float
    weakest: tuple[CategoryScore, ...]
    days: tuple[Day, ...]
    typed: int
    per_minute: float | None
    typing_accuracy: float | None
    missed: tuple[str, ...]  # expected phrases of wrong answers, most missed first

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0


def _speed(rows: Sequence[Row]) -> float | None:
    seconds = sum(r.seconds for r in rows)
    return sum(r.chars for r in rows) * 60 / seconds if rows and seconds > 0 else None


def summarize(rows: Sequence[Row], weakest: int = 3) -> Summary:
    answers = [r for r in rows if r.kind == ANSWER]
    typed = [r for r in rows if r.kind == TYPING]
    correct = sum(r.correct for r in answers)
    by_cat: dict[str, list[Row]] = {}
    for r in answers:
        by_cat.setdefault(r.category or "未分类", []).append(r)
    scores = [CategoryScore(c, len(rs), sum(x.correct for x in rs) / len(rs))
              for c, rs in by_cat.items() if len(rs) >= WEAK_MIN]  # fmt: skip
    scores = [s for s in scores if s.accuracy < 1.0]
    scores.sort(key=lambda s: (s.accuracy, -s.answers, s.category))
    by_day: dict[str, list[Row]] = {}
    for r in rows:
        by_day.setdefault(r.day, []).append(r)
    days = []
    for day in sorted(by_day):
        day_answers = [r for r in by_day[day] if r.kind == ANSWER]
        day_typed = [r for r in by_day[day] if r.kind == TYPING]
        days.append(Day(
            day,
            len(day_answers),
            sum(r.correct for r in day_answers) / len(day_answers) if day_answers else None,
            statistics.median(r.seconds for r in day_answers) if day_answers else None,
            _speed(day_typed),
        ))  # fmt: skip
    missed: dict[str, int] = {}
    for r in answers:
        if not r.correct:
            missed[r.expected] = missed.get(r.expected, 0) + 1
    typed_chars = sum(len(r.question) for r in typed)
    return Summary(
        answers=len(answers),
        correct=correct,
        median_seconds=statistics.median(r.seconds for r in answers) if answers else None,
        within_limit=(sum(1 for r in answers if r.answered and r.seconds <= r.time_limit)
                      / len(answers)) if answers else 0.0,
        weakest=tuple(scores[:weakest]),
        days=tuple(days),
        typed=len(typed),
        per_minute=_speed(typed),
        typing_accuracy=(1 - sum(r.errors for r in typed) / typed_chars) if typed_chars else None,
        missed=tuple(sorted(missed, key=lambda k: (-missed[k], k))),
    )


# ----- CSV ---------------------------------------------------------------------------
def _safe(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unsafe(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


def csv_text(rows: Sequence[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in rows:
        writer.writerow([_safe(v) for v in (
            r.trainee,
            datetime.fromtimestamp(r.at).strftime("%Y-%m-%d %H:%M:%S"),
            _KINDS.get(r.kind, r.kind),
            r.category, r.question, r.expected, r.answered,
            ("是" if r.correct else "否") if r.kind == ANSWER else "",
            f"{r.seconds:g}",
            f"{r.time_limit:g}" if r.kind == ANSWER else "",
            str(r.chars) if r.kind == TYPING else "",
            str(r.errors) if r.kind == TYPING else "",
        )])  # fmt: skip
    return out.getvalue()


def write_csv(rows: Sequence[Row], path: str | Path) -> None:
    """UTF-8 with BOM; a file that can't be written is a one-line error, nothing half-written."""
    target = Path(path)
    data = ("\ufeff" + csv_text(rows)).encode("utf-8")
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        if tmp.parent.is_dir():
            tmp.unlink(missing_ok=True)
        raise QuickReplyError(
            Message("无法写入 {path}：{reason}", path=str(target), reason=exc.strerror or str(exc))
        ) from exc


def read_csv(path: str | Path) -> list[Row]:
    """Rows back from an exported file (a lead merging several trainees' files)."""
    kinds = {v: k for k, v in _KINDS.items()}
    text = Path(path).read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != CSV_HEADER:
        raise ValidationError(Message("不是快回导出的练习成绩：{path}", path=str(path)))
    rows = []
    for cells in reader:
        if not cells:
            continue
        c = [_unsafe(v) for v in cells]
        kind = kinds.get(c[2], c[2])
        rows.append(Row(
            kind, c[0], datetime.strptime(c[1], "%Y-%m-%d %H:%M:%S").timestamp(),
            c[3], c[4], c[5], c[6], c[7] == "是", float(c[8] or 0), float(c[9] or 0),
            int(c[10] or 0), int(c[11] or 0),
        ))  # fmt: skip
    return rows
