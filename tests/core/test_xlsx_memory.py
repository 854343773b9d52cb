"""Issue 14, finding 9: an .xlsx is bounded by what it makes openpyxl hold, not just by its size.

A 36 MB file of tiny shared strings passed every guard and took 1.3 GB and two
minutes; the shared strings are now counted from the archive before openpyxl
loads them, and the text read from cells is counted as rows stream.  The limits
are lowered here so the files stay small; ``bench/bench_hostile.py`` measures the
real ones.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from desktop.core import QuickReplyError
from desktop.core.exchange.formats import read_any, xlsx_io


def sheet_with_shared_strings(path, count: int) -> None:
    """A valid workbook whose shared-string table holds ``count`` tiny strings."""
    book = openpyxl.Workbook()
    book.active.append(["分类", "标题", "内容"])
    book.active.append(["售后", "退货", "七天无理由退货"])
    buf = io.BytesIO()
    book.save(buf)
    source = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                    b"</Relationships>",
                )
            out.writestr(info, data)
        strings = b"".join(b"<si><t>%d</t></si>" % n for n in range(count))
        out.writestr(
            "xl/sharedStrings.xml",
            b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main">' + strings + b"</sst>",
        )


def test_too_many_shared_strings_are_refused_before_openpyxl_loads_them(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_io, "MAX_SHARED_STRINGS", 1000, raising=False)
    small, large = tmp_path / "small.xlsx", tmp_path / "large.xlsx"
    sheet_with_shared_strings(small, 500)
    sheet_with_shared_strings(large, 1500)
    assert [p.title for p in read_any(small).pack.phrases] == ["退货"]
    with pytest.raises(QuickReplyError, match="共享文字"):
        read_any(large)


def test_the_text_read_from_cells_is_bounded_while_rows_stream(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_io, "MAX_TEXT_CHARS", 5000, raising=False)
    book = openpyxl.Workbook()
    book.active.append(["分类", "标题", "内容"])
    for n in range(200):
        book.active.append(["售后", f"标题{n}", "很长的内容" * 10])
    path = tmp_path / "long.xlsx"
    book.save(path)
    with pytest.raises(QuickReplyError, match="文字太多"):
        read_any(path)
