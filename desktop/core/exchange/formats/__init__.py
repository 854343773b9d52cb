"""Every file format phrases travel in, chosen by the file's extension.

``.json`` (the ``quickreply.pack`` format) is the lossless one; ``.xlsx`` and
``.csv`` are for team leads who edit phrases in Excel or WPS.  Reading gives
the good phrases plus a list of bad rows; the caller decides what to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.base.errors import PackError
from desktop.core.base.messages import Message
from desktop.core.exchange.formats.base import ReadResult, RowError, clean_all
from desktop.core.exchange.formats.csv_io import read_csv, write_csv
from desktop.core.exchange.formats.xlsx_io import read_xlsx, write_xlsx
from desktop.core.exchange.packs import build_pack, parse_pack, read_limited, write_json_atomic
from desktop.core.store.library import Library

SUFFIXES = (".json", ".xlsx", ".csv")
LEFT_OUT = "不含店铺变量和使用记录"
COLUMNS_NOTE = (
    "分类（用 / 分隔层级）、标题（留空时取内容开头）、内容、快捷编码、"
    "标签（用逗号分隔）、备注、编号"
)

__all__ = ["SUFFIXES", "ExportSummary", "ReadResult", "RowError", "read_any", "write_any"]


def suffix_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        known = "、".join(SUFFIXES)
        if not suffix:
            raise PackError(
                Message("不支持的文件类型 （没有扩展名）：可用 {suffixes}", suffixes=known)
            )
        raise PackError(
            Message("不支持的文件类型 {suffix}：可用 {suffixes}", suffix=suffix, suffixes=known)
        )
    return suffix


def read_json(path: str | Path) -> ReadResult:
    target = Path(path)
    problems: list[tuple[int, str]] = []
    pack = parse_pack(read_limited(target), target.name, errors=problems)
    bad = {n for n, _ in problems}
    rows = [n + 1 for n in range(len(pack.phrases) + len(bad)) if n not in bad]
    errors = [RowError(n + 1, message) for n, message in problems]
    return clean_all(ReadResult(pack, rows=rows, errors=errors, source=target.name))


def read_any(path: str | Path) -> ReadResult:
    """Read a phrase file of any supported type; refuses a hostile or broken file whole."""
    reader = {".json": read_json, ".xlsx": read_xlsx, ".csv": read_csv}[suffix_of(path)]
    return reader(path)


@dataclass
class ExportSummary:
    """What an export holds, said the same way in the CLI, the JSON and the 说明 sheet."""

    path: Path
    phrases: int
    category_notes: int
    top_categories: list[str] = field(default_factory=list)

    def text(self) -> str:
        cats = "、".join(self.top_categories[:8]) + ("等" if len(self.top_categories) > 8 else "")
        where = f"（{cats}）" if cats else ""
        return f"{self.phrases} 条话术{where}、{self.category_notes} 条分类说明；{LEFT_OUT}"

    def about(self, created: str) -> list[tuple[str, str]]:
        return [
            ("内容", "快回话术导出：" + self.text()),
            ("导出时间", created),
            ("列", COLUMNS_NOTE),
            ("分类说明", "只有“分类”和“备注”、没有内容的行，是这个分类的说明"),
            ("编号", "再次导入时用编号认出同一条话术；新写的话术留空即可"),
            ("单引号", "以 = + - @ 开头的内容前加了 '，防止被当作公式；导入时会去掉这个 '"),
            ("导入", "quickreply import 文件 --dry-run 先预览，或在托盘菜单选“导入话术…”"),
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "phrases": self.phrases,
            "category_notes": self.category_notes,
            "description": self.text(),
        }


def write_any(
    path: str | Path,
    lib: Library,
    categories: Sequence[Sequence[str] | str] | None = None,
    phrase_ids: Iterable[str] | None = None,
    *,
    name: str = "",
    author: str = "",
) -> ExportSummary:
    """Export the chosen categories or phrases (all by default) in the format of ``path``."""
    target = Path(path)
    suffix = suffix_of(target)
    doc = build_pack(lib, categories, phrase_ids, name=name or target.stem, author=author)
    tops = list(dict.fromkeys(p["category"][0] for p in doc["phrases"] if p["category"]))
    summary = ExportSummary(
        target, len(doc["phrases"]), sum(1 for c in doc["categories"] if c["note"]), tops
    )
    if suffix == ".json":
        doc["description"] = doc["description"] or summary.text()
        write_json_atomic(target, doc)
    elif suffix == ".xlsx":
        write_xlsx(target, doc, summary.about(doc["created"]))
    else:
        write_csv(target, doc)
    return summary
