"""Where an import's time and memory go, stage by stage, and what one new phrase costs.

``bench_core.py`` times a whole import (reading the pack included); this
splits the same synthetic pack into the stages that remain: reading the JSON,
loading pypinyin (once per process), the preview (cleaning and matching every
phrase), writing (search keys and pinyin of every phrase, the batched INSERT)
and the commit, and prints the process's RSS at the peak and after the memory
was handed back.  The second table times ``Library.add`` of one phrase in a
library that already holds the pack, as the library window does it.

    python bench/bench_import.py                 # 20,000 and 100,000 phrases
    python bench/bench_import.py --sizes 20000 --adds 500
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import synthetic_pack

from desktop.core import Library
from desktop.core.base.memory import give_back_freed_memory
from desktop.core.exchange import importer
from desktop.core.exchange.packs import parse_pack
from desktop.core.store import phrase_batch


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def stages(size: int, adds: int) -> tuple[dict[str, float], list[float]]:
    text = synthetic_pack(size)
    marks: dict[str, float] = {}
    real_write = phrase_batch.PhraseBatch.write

    def timed_write(batch: phrase_batch.PhraseBatch) -> None:
        t0 = time.perf_counter()
        real_write(batch)
        marks["insert"] = marks.get("insert", 0.0) + time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        pack = parse_pack(text)
        marks["read"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        import pypinyin  # noqa: F401  (what the first title converted would load)

        marks["pypinyin"] = time.perf_counter() - t0
        phrase_batch.PhraseBatch.write = timed_write  # type: ignore[method-assign]
        real_preview = importer.preview

        def timed_preview(*args, **kwargs):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            plan = real_preview(*args, **kwargs)
            marks["preview"] = time.perf_counter() - t0
            return plan

        importer.preview = timed_preview  # type: ignore[assignment]
        try:
            t0 = time.perf_counter()
            importer.import_now(lib, pack)
            marks["import"] = time.perf_counter() - t0
        finally:
            phrase_batch.PhraseBatch.write = real_write  # type: ignore[method-assign]
            importer.preview = real_preview
        marks["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        del pack, text
        give_back_freed_memory()
        marks["after"] = rss_mb()
        timings = []
        for n in range(adds):
            t0 = time.perf_counter()
            lib.add(f"新话术{n}行长", f"亲，订单已经发货了，请注意查收{n}。", ["女装", "售后"], code=f"xq{n}")
            timings.append((time.perf_counter() - t0) * 1000)
        lib.close()
    return marks, timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--adds", type=int, default=200)
    args = parser.parse_args()
    print("| phrases | read pack | load pypinyin | preview | keys, rows, commit | INSERT "
          "| whole import | add one p50 | add one p90 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        m, adds = stages(size, args.adds)
        # import_now = preview + (keys, rows, INSERT, commit, cache reload, memory handed back)
        rest = m["import"] - m["preview"] - m["insert"]
        whole = m["read"] + m["pypinyin"] + m["import"]  # what bench_core.py times
        adds.sort()
        print(
            f"| {size:,} | {m['read']:.2f} s | {m['pypinyin']:.2f} s | {m['preview']:.2f} s "
            f"| {rest:.2f} s | {m['insert']:.2f} s | {whole:.2f} s "
            f"| {statistics.median(adds):.2f} ms | {adds[int(len(adds) * 0.9)]:.2f} ms |",
            flush=True,
        )
    print(f"\nRSS: peak and after the import handed its memory back (last size): "
          f"{m['peak']:.0f} MB / {m['after']:.0f} MB")


if __name__ == "__main__":
    main()
