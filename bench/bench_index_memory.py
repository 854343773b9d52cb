"""What the search index costs per phrase, and what the process holds after opening.

For each size: a synthetic library (as bench_core.py) is opened in a fresh
process, and the index build is traced with tracemalloc (bytes the index keeps
per phrase, and the peak while building), then the process's PSS is read
before and after the first search builds the index (and stores it beside the
library), and in a second fresh process after the first search loads the stored
index; and once a rare query has
had the skip masks built (their size as ``sys.getsizeof`` counts it, and what
the process's PSS grew by while they were built in the background).

    python bench/bench_index_memory.py                 # 20,000 and 100,000 phrases
    python bench/bench_index_memory.py --sizes 20000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# Both probes read their own PSS this way.
PROBE_PSS = '''
def pss():
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
'''

PROBE = """
import gc, json, sys, tracemalloc
from pathlib import Path
from desktop.core import Library
from desktop.core.base.memory import give_back_freed_memory
from desktop.core.exchange.seed import open_library

{PSS}
lib = open_library(sys.argv[1])
before = pss()
lib.search("发货")  # builds the index, as the app does at start
lib.wait_for_index_file()  # and writes it beside the library in the background
after = pss()
lib._index = None
gc.collect()
tracemalloc.start()
index = lib._build_index()
kept, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
texts = sum(sys.getsizeof(t.text) for t in (index.names, index.body, index.pinyin))
# The skip masks a rare query has built in the background (see skips.py).
lib._index = index
give_back_freed_memory()
before_masks = pss()
lib.search("qxqzzq")
index.wait_for_skips()
gc.collect()
print(json.dumps({"n": len(index), "kept": kept, "peak": peak, "texts": texts,
                  "pss_open": before, "pss_index": after, "masks": index.skips_bytes(),
                  "pss_masks": pss() - before_masks}))
"""


LOAD_PROBE = """
import json, sys
from pathlib import Path
from desktop.core.exchange.seed import open_library

{PSS}
lib = open_library(sys.argv[1])
before = pss()
lib.search("发货")  # loads the index the first probe stored beside the library
print(json.dumps({"pss_open": before, "pss_loaded": pss()}))
"""
PROBE = PROBE.replace("{PSS}", PROBE_PSS)
LOAD_PROBE = LOAD_PROBE.replace("{PSS}", PROBE_PSS)



def run_probe(script: str, path: Path) -> str:
    """What ``script`` prints, run in a fresh interpreter on the library at ``path``."""
    return subprocess.run(
        [sys.executable, "-c", script, str(path)], cwd=ROOT, capture_output=True, text=True,
        check=True,
    ).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    args = parser.parse_args()
    from bench_popup import build_library

    print(
        "| phrases | index kept | per phrase | of which text | build peak "
        "| PSS opened | PSS with index built | PSS with index loaded | skip masks | PSS for masks |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.db"
            build_library(path, size)
            out = run_probe(PROBE, path)
            loaded = run_probe(LOAD_PROBE, path)
        r = json.loads(out)
        r["pss_loaded"] = json.loads(loaded)["pss_loaded"]
        print(
            f"| {r['n']:,} | {r['kept'] / 2**20:.1f} MB | {r['kept'] / r['n']:.0f} B "
            f"| {r['texts'] / r['n']:.0f} B | {r['peak'] / 2**20:.0f} MB "
            f"| {r['pss_open']:.0f} MB | {r['pss_index']:.0f} MB | {r['pss_loaded']:.0f} MB "
            f"| {r['masks'] / 2**20:.2f} MB | {r['pss_masks']:+.1f} MB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
