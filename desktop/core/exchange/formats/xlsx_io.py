"""``.xlsx`` files through openpyxl, with a zip-bomb guard in front of it.

An .xlsx is a zip archive; a hostile one can declare gigabytes of XML in a few
kilobytes.  The archive's declared sizes and compression ratios are checked
before openpyxl sees the file (Python's zipfile never inflates past a member's
declared size), and the workbook is opened ``read_only`` so rows stream.
Every exported cell is stored explicitly as a string: nothing is interpreted.
openpyxl is imported on first use: it costs a noticeable part of start-up.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from desktop.core.base.errors import PackError
from desktop.core.base.messages import Message
from desktop.core.exchange.formats.base import MB, ReadResult, write_atomic
from desktop.core.exchange.formats.table import Row, doc_rows, parse_rows
from desktop.core.exchange.packs import read_limited

SHEET = "话术"
ABOUT_SHEET = "说明"
MAX_MEMBERS = 1000
MAX_UNCOMPRESSED = 300 * MB
MAX_RATIO = 100  # deflate of real sheets stays far below; bombs are in the thousands
RATIO_FROM = 1 * MB  # tiny members may compress well without being dangerous
MAX_COLUMNS = 64
# openpyxl holds every shared string in a list (about 160 bytes for a tiny one), before
# a single row is read: counted from the archive first.  600,000 covers a full sheet of
# 200,000 phrases with distinct titles, bodies and codes.
MAX_SHARED_STRINGS = 600_000
# Text taken from cells, counted as rows stream: one long shared string referenced by
# every cell would otherwise be copied 200,000 times.  40 million characters is about
# 200 characters per phrase at the phrase limit.
MAX_TEXT_CHARS = 40_000_000
_SHARED_ITEM = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
WIDTHS = {"A": 18, "B": 24, "C": 60, "D": 12, "E": 16, "F": 24, "G": 14}


def check_zip(data: bytes, source: str) -> None:
    """Refuse archives that would inflate to far more than a phrase sheet needs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # noqa: BLE001 - hostile input: any failure means "not a usable xlsx"
        raise PackError(
            Message("{source} 不是有效的 xlsx 文件（可能已损坏或不完整）", source=source)
        ) from None
    if len(members) > MAX_MEMBERS:
        raise PackError(
            Message(
                "{source} 里的文件太多（{count} 个），不像是话术表格",
                source=source,
                count=len(members),
            )
        )
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and ratio > MAX_RATIO:
            raise PackError(
                Message(
                    "{source} 的压缩比异常（{ratio} 倍），疑似压缩炸弹，已拒绝",
                    source=source,
                    ratio=f"{ratio:.0f}",
                )
            )
    if total > MAX_UNCOMPRESSED:
        raise PackError(
            Message(
                "{source} 解压后太大（{size} MB，最多 {limit} MB），已拒绝",
                source=source,
                size=total // MB,
                limit=MAX_UNCOMPRESSED // MB,
            )
        )


def count_shared_strings(data: bytes, source: str) -> None:
    """Refuse a shared-string table larger than a phrase sheet needs, reading it as a stream."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            if not member.filename.lower().endswith("sharedstrings.xml"):
                continue
            count = 0
            tail = b""
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    window = tail + chunk
                    count += len(_SHARED_ITEM.findall(window))
                    # keep a short tail so an item split across chunks is counted once
                    cut = max(window.rfind(b"<"), len(window) - 16)
                    tail = window[cut:]
                    count -= len(_SHARED_ITEM.findall(tail))
                    if count + len(_SHARED_ITEM.findall(tail)) > MAX_SHARED_STRINGS:
                        raise PackError(
                            Message(
                                "{source} 的共享文字太多（超过 {limit} 条），不像是话术表格，已拒绝",
                                source=source,
                                limit=MAX_SHARED_STRINGS,
                            )
                        )


def _text(value: Any) -> str:
    """A cell's value as the text the user typed or saw."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds").removesuffix(" 00:00:00")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _rows(sheet: Any, source: str) -> Iterator[Row]:
    read = 0
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), 1):
        texts = [_text(c.value) for c in cells]
        read += sum(len(t) for t in texts)
        if read > MAX_TEXT_CHARS:
            raise PackError(
                Message(
                    "{source} 里的文字太多（超过 {limit} 字），已拒绝",
                    source=source,
                    limit=MAX_TEXT_CHARS,
                )
            )
        formulas = tuple(i for i, c in enumerate(cells) if c.data_type == "f")
        yield number, texts, formulas


def read_xlsx(path: str | Path) -> ReadResult:
    target = Path(path)
    data = read_limited(target)
    check_zip(data, target.name)
    count_shared_strings(data, target.name)
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles other tools write
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        except Exception:  # noqa: BLE001 - hostile input
            raise PackError(
                Message("{source} 不是有效的 xlsx 文件（可能已损坏或不完整）", source=target.name)
            ) from None
        try:
            if SHEET in book.sheetnames:
                sheet = book[SHEET]
            elif book.worksheets:
                sheet = book.worksheets[0]
            else:
                raise PackError(Message("{source} 里没有工作表", source=target.name))
            return parse_rows(_rows(sheet, target.name), target.name, target.stem)
        except PackError:
            raise
        except Exception:  # noqa: BLE001 - damaged XML inside the archive
            raise PackError(
                Message("{source} 的内容已损坏，读不出来", source=target.name)
            ) from None
        finally:
            book.close()


def _cell(sheet: Any, value: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"  # even "=1+1" stays text
    return cell


def write_xlsx(path: str | Path, doc: dict[str, Any], about: Sequence[tuple[str, str]]) -> None:
    """The phrases on sheet 话术, and on sheet 说明 what the file holds and leaves out."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    for row in doc_rows(doc):
        sheet.append([_cell(sheet, v) for v in row])
    info = book.create_sheet(ABOUT_SHEET)
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 80
    for key, text in about:
        info.append([_cell(info, key), _cell(info, text)])
    write_atomic(path, lambda tmp: book.save(tmp))
