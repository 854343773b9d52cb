"""导出手册: the library as a printable onboarding handbook (HTML; the Qt layer
turns the same HTML into a PDF).

Phrase text is data written by many hands, so every piece of it (titles,
codes, tags, notes, bodies, category names) goes through ``html.escape`` and
is never trusted as markup.  The HTML keeps to what both browsers and Qt's
QTextDocument understand, so one builder serves both formats.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.base import files
from desktop.core.base.errors import ValidationError
from desktop.core.store.library import Library
from desktop.core.store.models import Category, Phrase

DEFAULT_TITLE = "话术手册"
_STYLE = """
body { font-size: 11pt; color: #202020; }
h1 { font-size: 22pt; margin-bottom: 4px; }
h2 { font-size: 16pt; color: #1a5fb4; margin-top: 24px; margin-bottom: 6px; }
h3 { font-size: 13pt; color: #1a5fb4; margin-top: 18px; margin-bottom: 6px; }
h4 { font-size: 12.5pt; margin-top: 16px; margin-bottom: 2px; }
p { margin-top: 0px; margin-bottom: 2px; }
.meta { color: #707070; font-size: 9.5pt; }
.cat-note { color: #404040; background-color: #eef3fa; margin-bottom: 6px; }
.note { color: #8a4b00; }
.body { margin-top: 4px; margin-left: 14px; }
.code { color: #606060; font-weight: normal; }
.top { page-break-before: always; }
"""


@dataclass(frozen=True)
class Handbook:
    html: str
    phrases: int
    categories: int


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(text: str) -> str:
    """Escaped text whose line breaks survive in HTML."""
    return "<br>".join(_e(line) for line in text.split("\n"))


def _chosen(lib: Library, categories: Sequence[Sequence[str] | str] | None) -> list[Category]:
    """Chosen categories with their subcategories, in tree order."""
    if not categories:
        return lib.categories()
    wanted: set[int] = set()
    for path in categories:
        wanted |= lib.tree.subtree(lib.category(path).id)
    return [c for c in lib.categories() if c.id in wanted]


def _phrase_html(p: Phrase) -> str:
    code = f' <span class="code">［{_e(p.code)}］</span>' if p.code else ""
    parts = [f"<h4>{_e(p.title)}{code}</h4>"]
    if p.note:
        parts.append(f'<p class="note">适用场景：{_e(p.note)}</p>')
    if p.tags:
        parts.append(f'<p class="meta">标签：{_e("、".join(p.tags))}</p>')
    parts.append(f'<p class="body">{_lines(p.body)}</p>')
    return "\n".join(parts)


def build(
    lib: Library,
    categories: Sequence[Sequence[str] | str] | None = None,
    *,
    title: str = DEFAULT_TITLE,
    now: datetime | None = None,
) -> Handbook:
    """The handbook for the whole library or the chosen categories (with their
    subcategories): each category's note, then its phrases in library order."""
    cats = _chosen(lib, categories)
    ids = {c.id for c in cats}
    by_cat: dict[int, list[Phrase]] = {}
    for p in lib.phrases():
        if p.category_id in ids:
            by_cat.setdefault(p.category_id, []).append(p)
    has_content = {c.id for c in cats if by_cat.get(c.id) or c.note}
    shown = [
        c for c in cats if any(c.path == lib.tree.by_id[i].path[: len(c.path)] for i in has_content)
    ]
    count = sum(len(v) for v in by_cat.values())
    stamp = (now or datetime.now()).strftime("%Y-%m-%d")
    body = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">共 {count} 条话术 · {len(shown)} 个分类 · 生成于 {stamp}</p>',
    ]
    top = min((len(c.path) for c in shown), default=1)
    for i, cat in enumerate(shown):
        level = 2 if len(cat.path) == top else 3
        page = ' class="top"' if level == 2 and i > 0 else ""
        body.append(f"<h{level}{page}>{_e(' › '.join(cat.path))}</h{level}>")
        if cat.note:
            body.append(f'<p class="cat-note">{_lines(cat.note)}</p>')
        body.extend(_phrase_html(p) for p in by_cat.get(cat.id, []))
    document = (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
    return Handbook(document, count, len(shown))


def write_atomic(path: str | Path, data: bytes) -> None:
    files.write_atomic(path, data, error=ValidationError)


def write_html(book: Handbook, path: str | Path) -> None:
    write_atomic(path, book.html.encode("utf-8"))
