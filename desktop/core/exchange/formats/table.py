"""Spreadsheet rows ↔ phrases, shared by the ``.xlsx`` and ``.csv`` formats.

Team leads edit phrases in Excel or WPS, and Qianniu exports its quick phrases
with its own column names, so the header is matched against the usual
spellings in any order.  Cells that Excel would read as a formula are written
with a leading ``'`` and read back without it, so a round trip is lossless and
a phrase never becomes a formula on someone's machine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from desktop.core.base.errors import PackError, QuickReplyError
from desktop.core.base.messages import Message, message_of
from desktop.core.exchange.formats.base import (
    ReadResult,
    RowError,
    check_count,
    clean_all,
)
from desktop.core.exchange.packs import MAX_PHRASES, Pack, PackPhrase
from desktop.core.store.categories import clean_path
from desktop.core.store.validation import MAX_NOTE, strip_controls

# One row of a sheet: its 1-based number, its cells as text, and the indexes of
# cells that hold a formula (only an .xlsx can have those).
Row = tuple[int, list[str], tuple[int, ...]]

HEADER = ("分类", "标题", "内容", "快捷编码", "标签", "备注", "编号", "买家常问", "也算对")
FIELDS = ("category", "title", "body", "code", "tags", "note", "id", "examples", "accept")
ALIASES: dict[str, tuple[str, ...]] = {
    "category": (
        "分类",
        "分组",
        "分组名称",
        "分类名称",
        "类别",
        "目录",
        "category",
        "group",
        "folder",
    ),
    "title": ("标题", "话术标题", "短语标题", "名称", "title", "name", "subject"),
    "body": (
        "内容",
        "短语",
        "快捷短语",
        "短语内容",
        "话术",
        "话术内容",
        "回复内容",
        "content",
        "body",
        "text",
        "phrase",
        "message",
    ),
    "code": ("快捷编码", "编码", "快捷码", "短语编码", "code", "shortcut", "shortcode"),
    "tags": ("标签", "tags", "tag", "keywords"),
    "note": ("备注", "说明", "适用场景", "note", "notes", "remark", "remarks", "comment"),
    "id": ("编号", "话术编号", "id", "uuid"),
    "examples": ("买家常问", "常见问法", "买家问题", "examples", "example questions", "questions"),
    "accept": ("也算对", "也算正确", "accept", "also accept", "alternatives"),
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list for CSV/formula injection
MAX_ROWS = 2 * MAX_PHRASES + 1000  # blank rows included; bounds a sheet full of nothing
TITLE_WORDS = 16
TAG_SPLIT = re.compile(r"[,，]")
_QUOTED_FORMULA = re.compile(r"'+[=+\-@\t\r]")
_HINT = re.compile(r"[（(].*[)）]$")


_CATEGORY_TOKEN = re.compile(r"\\\\|\\/|/|[^\\/]+|\\")


def split_category(cell: str) -> tuple[str, ...]:
    """``售后/退换货`` is two levels; ``淘宝\\/天猫`` is one category named ``淘宝/天猫``
    (and ``\\\\`` is a backslash, so a name may end in one)."""
    parts: list[str] = [""]
    for token in _CATEGORY_TOKEN.findall(cell):
        if token == "/":
            parts.append("")
        elif token in ("\\/", "\\\\"):
            parts[-1] += token[1]
        else:
            parts[-1] += token
    return tuple(parts)


def join_category(path: Iterable[str]) -> str:
    """The 分类 cell for a path: levels joined by ``/``; ``/`` and ``\\`` in a name escaped."""
    return "/".join(name.replace("\\", "\\\\").replace("/", "\\/") for name in path)


def _fold_header(text: str) -> str:
    """``"  Content "``, ``内容*`` and ``内容（必填）`` all become ``content`` / ``内容``."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("\ufeff", "")
    folded = "".join(folded.split()).rstrip("*:：")
    return _HINT.sub("", folded) or folded


_BY_NAME = {_fold_header(name): key for key, names in ALIASES.items() for name in names}


def known_column(text: str) -> bool:
    """True when ``text`` is a recognised column name (used to judge a guessed encoding)."""
    return _fold_header(text) in _BY_NAME


# ----- cells ------------------------------------------------------------------------
def escape_cell(value: str) -> str:
    """Prefix ``'`` so Excel shows the text; values already starting ``'…=`` get one more
    so ``unescape_cell`` can give back exactly what was written."""
    return "'" + value if value.startswith(FORMULA_START) or _QUOTED_FORMULA.match(value) else value


def unescape_cell(value: str) -> str:
    return value[1:] if _QUOTED_FORMULA.match(value) else value


def title_from_body(body: str) -> str:
    """A title from the body's first words: the first sentence of the first line, shortened."""
    line = next((ln for ln in re.split(r"[\r\n]+", body) if ln.strip()), "")
    text = " ".join(line.split())
    sentence = re.split(r"(?<=[。！？!?；;])", text, maxsplit=1)[0]
    if len(sentence) >= 4:
        text = sentence
    return text if len(text) <= TITLE_WORDS else text[:TITLE_WORDS] + "…"


# ----- reading ----------------------------------------------------------------------
def map_header(cells: Sequence[str], warnings: list[str]) -> dict[str, int]:
    """Column index of each known field; refuses a header without a content column."""
    columns: dict[str, int] = {}
    unknown: list[str] = []
    for index, cell in enumerate(cells):
        name = cell.strip()
        if not name:
            continue
        key = _BY_NAME.get(_fold_header(name))
        if key is None:
            unknown.append(name[:20])
        elif key in columns:
            first = cells[columns[key]].strip()
            warnings.append(
                Message("列「{name}」与「{first}」重复，用了前一列", name=name, first=first)
            )
        else:
            columns[key] = index
    if "body" not in columns:
        raise PackError(
            Message("找不到内容列：表头第一行应有“内容”（也认“短语”“快捷短语”“短语内容”“content”）")
        )
    if unknown:
        warnings.append(Message("忽略了不认识的列：{columns}", columns="、".join(unknown[:10])))
    return columns


def _blank(cells: Sequence[str]) -> bool:
    return all(not c.strip() for c in cells)


def parse_rows(rows: Iterable[Row], source: str, name: str = "") -> ReadResult:
    """Phrases from a sheet whose first non-blank row is the header.

    A row with only 分类 and 备注 describes its category (that is how category
    notes travel in a spreadsheet).  Bad rows become ``RowError``s; the rest is read.
    """
    result = ReadResult(Pack(name=name), table=True, source=source)
    columns: dict[str, int] | None = None
    count = 0
    for number, cells, formulas in rows:
        if number > MAX_ROWS:
            raise PackError(
                Message("{source} 的行数太多（最多 {limit} 行）", source=source, limit=MAX_ROWS)
            )
        if _blank(cells):
            continue
        if columns is None:
            columns = map_header(cells, result.warnings)
            result.fields = frozenset(columns)
            continue
        count += 1
        check_count(count)
        bad = [HEADER[FIELDS.index(k)] for k, i in columns.items() if i in formulas]
        if bad:
            problem = Message("{columns} 是公式，请改成文字", columns="、".join(bad))
            result.errors.append(
                RowError(number, Message("第 {row} 行：{problem}", row=number, problem=problem))
            )
            continue
        values = {
            key: unescape_cell(cells[i]) if i < len(cells) else "" for key, i in columns.items()
        }
        _read_row(result, number, values)
    if columns is None:
        raise PackError(Message("{source} 是空的：没有表头，也没有话术", source=source))
    return clean_all(result)


def _read_row(result: ReadResult, number: int, values: dict[str, str]) -> None:
    body = values.get("body", "")
    title = values.get("title", "").strip()
    category = values.get("category", "").strip()
    note = values.get("note", "")
    others = (title, values.get("code", ""), values.get("tags", ""), values.get("id", ""))
    if not body.strip() and category and note.strip() and not any(v.strip() for v in others):
        try:
            path = clean_path(split_category(category))
            if len(note.strip()) > MAX_NOTE:
                raise PackError(Message("分类说明太长（最多 {limit} 字）", limit=MAX_NOTE))
        except QuickReplyError as exc:
            problem = message_of(exc)
            result.errors.append(
                RowError(number, Message("第 {row} 行：{problem}", row=number, problem=problem))
            )
        else:
            result.pack.category_notes[path] = strip_controls(note).strip()
        return
    if not body.strip():
        result.errors.append(RowError(number, Message("第 {row} 行：内容为空", row=number)))
        return
    result.pack.phrases.append(
        PackPhrase(
            category=split_category(category) if category else ("未分类",),
            title=title or title_from_body(body),
            body=body,
            id=values.get("id", "").strip() or None,
            code=values.get("code", "").strip() or None,
            tags=tuple(t for t in TAG_SPLIT.split(values.get("tags", "")) if t.strip()),
            note=note,
            examples=(values.get("examples", ""),) if values.get("examples", "").strip() else (),
            accept=(values.get("accept", ""),) if values.get("accept", "").strip() else (),
        )
    )
    result.rows.append(number)


# ----- writing ----------------------------------------------------------------------
def doc_rows(doc: dict[str, Any]) -> list[list[str]]:
    """A pack document (``packs.build_pack``) as sheet rows, header first, cells escaped."""
    rows: list[list[str]] = [list(HEADER)]
    for cat in doc.get("categories", []):
        if cat.get("note"):
            rows.append(_escaped([join_category(cat["path"]), "", "", "", "", cat["note"], "", ""]))
    for p in doc["phrases"]:
        rows.append(
            _escaped(
                [
                    join_category(p["category"]),
                    p["title"],
                    p["body"],
                    p.get("code") or "",
                    "，".join(p.get("tags") or ()),
                    p.get("note") or "",
                    p.get("id") or "",
                    "|".join(p.get("examples") or ()),
                    "|".join(p.get("accept") or ()),
                ]
            )
        )
    return rows


def _escaped(cells: list[str]) -> list[str]:
    return [escape_cell(c) for c in cells]
