"""Hostile-input figures: many categories, and workbooks built to blow up memory.

Prints a Markdown table (copied into the README's reliability section).  Targets
from issue 14: 20,000 new categories in <= 1 s; no accepted file costs more than
about 200 MB.  Memory is each reading's peak resident size, measured in a fresh
child process so one case does not inherit another's.

    python bench/bench_hostile.py
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from desktop.core import Library
from desktop.core.exchange.formats import xlsx_io
from desktop.core.exchange.importer import import_now
from desktop.core.exchange.packs import Pack, PackPhrase

CATEGORIES = 20_000


def time_categories(phrases: bool) -> float:
    if phrases:
        pack = Pack(
            phrases=[PackPhrase((f"分类{i}",), f"标题{i}", "内容") for i in range(CATEGORIES)]
        )
    else:
        pack = Pack(category_notes={(f"分类{i}",): "说明" for i in range(CATEGORIES)})
    with tempfile.TemporaryDirectory() as folder:
        lib = Library.open(Path(folder) / "bench.db")
        try:
            started = time.perf_counter()
            import_now(lib, pack)
            took = time.perf_counter() - started
            assert len(lib.categories()) == CATEGORIES
        finally:
            lib.close()
    return took


def workbook(path: Path, shared: int) -> None:
    """A valid sheet of one phrase plus ``shared`` tiny shared strings nobody uses."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["分类", "标题", "内容"])
    book.active.append(["售后", "退货", "七天无理由退货"])
    buf = io.BytesIO()
    book.save(buf)
    source = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    rng = random.Random(1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')  # fmt: skip
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')  # fmt: skip
            out.writestr(info, data)
        items = b"".join(b"<si><t>%x</t></si>" % rng.getrandbits(24) for _ in range(shared))
        out.writestr("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + items + b"</sst>")  # fmt: skip


CHILD = """
import sys, time
from desktop.core.exchange.formats import read_any
started = time.perf_counter()
try:
    read_any(sys.argv[1]); outcome = "accepted"
except Exception as exc:
    outcome = "refused"
# VmHWM starts afresh at exec; ru_maxrss would include the parent's peak from before it
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(outcome, peak // 1024, round(time.perf_counter() - started, 1))
"""


def read_in_child(path: Path) -> tuple[str, int, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                          check=True, timeout=900)  # fmt: skip
    outcome, peak, took = done.stdout.split()
    return outcome, int(peak), float(took)


def main() -> None:
    print("| case | result | time | peak memory |")
    print("|---|---|---:|---:|")
    print(
        f"| {CATEGORIES:,} new categories (notes only) | imported | {time_categories(False):.2f} s | |"
    )
    print(
        f"| {CATEGORIES:,} new categories, one phrase each | imported | {time_categories(True):.2f} s | |"
    )
    with tempfile.TemporaryDirectory() as folder:
        for label, shared in (
            (f"xlsx, {xlsx_io.MAX_SHARED_STRINGS - 10_000:,} tiny shared strings", xlsx_io.MAX_SHARED_STRINGS - 10_000),
            ("xlsx, 8,000,000 tiny shared strings", 8_000_000),
        ):  # fmt: skip
            path = Path(folder) / "book.xlsx"
            workbook(path, shared)
            size = path.stat().st_size / 1024 / 1024
            outcome, peak, took = read_in_child(path)
            print(f"| {label} ({size:.0f} MB) | {outcome} | {took:.1f} s | {peak} MB |")


if __name__ == "__main__":
    main()
