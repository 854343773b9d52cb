"""``.csv`` files: UTF-8 (with or without BOM) or GB18030/GBK, never a silent wrong guess.

Excel on Chinese Windows saves CSV as GBK, WPS and most tools as UTF-8.  A
file is tried as strict UTF-8 first; GB18030 decodes most byte soup, so its
result is trusted only when the header then contains a column name we know.
Export writes UTF-8 with a BOM, which is what makes Excel open it correctly.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.base.errors import PackError
from desktop.core.base.messages import Message
from desktop.core.exchange.formats.base import ReadResult, write_atomic
from desktop.core.exchange.formats.table import Row, doc_rows, known_column, parse_rows
from desktop.core.exchange.packs import read_limited

DELIMITERS = (",", "\t", ";")
UNKNOWN_ENCODING = Message("无法识别文件编码（请另存为 UTF-8 或 GBK 的 CSV）")


def _header_line(text: str) -> str:
    return next((line for line in text.split("\n") if line.strip()), "")


def _known_columns(line: str, delimiter: str) -> int:
    return sum(known_column(cell.strip().strip('"')) for cell in line.split(delimiter))


def decode(data: bytes, source: str) -> str:
    """The file's text; refuses an encoding it cannot be sure of."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            where = exc.start + len(codecs.BOM_UTF8)
            raise PackError(
                Message(
                    "{source} 标明是 UTF-8，但第 {byte} 字节不是 UTF-8；{problem}",
                    source=source,
                    byte=where,
                    problem=UNKNOWN_ENCODING,
                )
            ) from None
    unknown = Message("{where}：{problem}", where=source, problem=UNKNOWN_ENCODING)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        raise PackError(unknown)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise PackError(unknown) from None
    line = _header_line(text)
    if not any(_known_columns(line, d) for d in DELIMITERS):
        raise PackError(unknown)
    return text


def _delimiter(text: str) -> str:
    """The separator that makes the most known column names out of the header."""
    line = _header_line(text)
    return max(DELIMITERS, key=lambda d: (_known_columns(line, d), d == ","))


def read_csv(path: str | Path) -> ReadResult:
    target = Path(path)
    text = decode(read_limited(target), target.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))

    def rows() -> Iterator[Row]:
        number = 0
        try:
            for number, cells in enumerate(reader, 1):
                yield number, cells, ()
        except csv.Error as exc:
            if "larger than field limit" in str(exc):
                what = Message("单元格太长")
            else:
                what = Message("CSV 格式不对")
            raise PackError(
                Message(
                    "{source} 第 {row} 行：{problem}",
                    source=target.name,
                    row=number + 1,
                    problem=what,
                )
            ) from None

    return parse_rows(rows(), target.name, target.stem)


def write_csv(path: str | Path, doc: dict[str, Any]) -> None:
    rows = doc_rows(doc)

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh, lineterminator="\r\n").writerows(rows)

    write_atomic(path, write)
