"""建议 benchmark: quality on the evaluation sets and latency at 20,000 phrases.

Prints Markdown tables (copied into the README): hit@1, hit@3 and MRR per kind
of message for the default library (with 买家常问) and for a shop library with
no example questions (tests/data/shop_library.json), then ``Library.suggest``
latency and the index's memory at 20,000 phrases.

    python bench/bench_suggest.py
    python bench/bench_suggest.py --sizes 20000 100000
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_core import percentile, synthetic_pack
from desktop.core import Library
from desktop.core.exchange.importer import import_now
from desktop.core.exchange.packs import parse_pack
from desktop.core.exchange.seed import open_library

DATA = ROOT / "tests" / "data"


def read_set(name: str) -> list[tuple[str, set[str], str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        message, ids, kind = line.split("\t")
        rows.append((message, set(ids.split()), kind))
    return rows


def shop_library() -> Library:
    lib = Library.memory()
    import_now(lib, parse_pack((DATA / "shop_library.json").read_text(encoding="utf-8")))
    return lib


def evaluate(lib: Library, rows) -> dict[str, dict[str, float]]:
    by_kind: dict[str, list[tuple[int | None, float]]] = defaultdict(list)
    for message, good, kind in rows:
        t0 = time.perf_counter()
        found = [s.phrase.id for s in lib.suggest(message, 3)]
        ms = (time.perf_counter() - t0) * 1000
        rank = next((n for n, pid in enumerate(found, 1) if pid in good), None)
        by_kind[kind].append((rank, ms))
        by_kind["全部"].append((rank, ms))
    table = {}
    for kind, results in by_kind.items():
        n = len(results)
        table[kind] = {
            "n": n,
            "hit@1": sum(1 for r, _ in results if r == 1) / n,
            "hit@3": sum(1 for r, _ in results if r is not None) / n,
            "mrr": sum(1 / r for r, _ in results if r) / n,
            "p95": percentile([ms for _, ms in results], 95),
        }
    return table


def print_quality(title: str, table) -> None:
    print(f"\n{title}\n")
    print("| kind | messages | hit@1 | hit@3 | MRR | p95 |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in sorted(table, key=lambda k: (k == "全部", k)):
        t = table[kind]
        print(f"| {kind} | {t['n']} | {t['hit@1']:.0%} | {t['hit@3']:.0%} | {t['mrr']:.2f} "
              f"| {t['p95']:.2f} ms |")


def rss_mb() -> float:
    """Resident memory of this process (Linux), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def latency(size: int) -> dict[str, float]:
    messages = [m for m, _, _ in read_set("suggest_default.tsv")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        lib = Library.open(path)
        import_now(lib, parse_pack(synthetic_pack(size)))
        lib.close()
        lib = open_library(path)
        lib.search("发货")  # the search index first, as the app builds it at start
        gc.collect()
        before = rss_mb()
        t0 = time.perf_counter()
        lib.suggester.index()
        build_ms = (time.perf_counter() - t0) * 1000
        gc.collect()
        index_mb = rss_mb() - before
        times = []
        for _ in range(2):
            for m in messages:
                t0 = time.perf_counter()
                lib.suggest(m, 3)
                times.append((time.perf_counter() - t0) * 1000)
        lib.close()
    return {
        "build": build_ms,
        "mb": index_mb,
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "max": max(times),
        "n": len(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[20_000])
    args = parser.parse_args()
    with open_library(":memory:") as lib:
        print_quality("默认话术库（有买家常问）", evaluate(lib, read_set("suggest_default.tsv")))
        print_quality("默认话术库，留出集（没拿来调参数）", evaluate(lib, read_set("suggest_holdout.tsv")))
    with shop_library() as lib:
        print_quality("店铺话术库（没有买家常问）", evaluate(lib, read_set("suggest_shop.tsv")))
    if args.sizes:
        print("\n| phrases | build index | memory growth (RSS) | suggest p50 | p95 | max | queries |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for size in args.sizes:
            r = latency(size)
            print(f"| {size:,} | {r['build']:.0f} ms | {r['mb']:.1f} MB | {r['p50']:.2f} ms "
                  f"| {r['p95']:.2f} ms | {r['max']:.1f} ms | {r['n']} |")


if __name__ == "__main__":
    main()
