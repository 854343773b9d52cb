"""话术质检 on real-style sentences: precision and recall per rule.

Reads tests/data/lint_corpus.tsv (expected rule, or - for none, and a sentence),
runs lint on each, and prints a table.  A finding counts as true when its rule
is the one expected for the sentence.

    python tools/lint_precision.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.text.lint import lint

CORPUS = ROOT / "tests" / "data" / "lint_corpus.tsv"
RULES = ("ad-superlative", "absolute-promise", "blunt-refusal", "off-platform", "review-cash",
         "cold-filler")


def read_corpus(path: Path = CORPUS) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, sentence = line.split("\t", 1)
            rows.append((expected, sentence))
    return rows


def score(rows) -> tuple[Counter, Counter, Counter, list[str]]:
    """(true positives, false positives, false negatives) per rule, and the mistakes."""
    tp, fp, fn = Counter(), Counter(), Counter()
    mistakes = []
    for expected, sentence in rows:
        found = {f.rule for f in lint(sentence) if f.rule in RULES}
        for rule in found:
            if rule == expected:
                tp[rule] += 1
            else:
                fp[rule] += 1
                mistakes.append(f"误报 {rule}: {sentence}")
        if expected != "-" and expected not in found:
            fn[expected] += 1
            mistakes.append(f"漏报 {expected}: {sentence}")
    return tp, fp, fn, mistakes


def main() -> None:
    rows = read_corpus()
    tp, fp, fn, mistakes = score(rows)
    print(f"{len(rows)} sentences, {sum(1 for e, _ in rows if e == '-')} with nothing to find\n")
    print("| rule | found right | false alarms | missed | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|")
    for rule in (*RULES, "all"):
        t = sum(tp.values()) if rule == "all" else tp[rule]
        f = sum(fp.values()) if rule == "all" else fp[rule]
        m = sum(fn.values()) if rule == "all" else fn[rule]
        precision = t / (t + f) if t + f else 1.0
        recall = t / (t + m) if t + m else 1.0
        print(f"| {rule} | {t} | {f} | {m} | {precision:.0%} | {recall:.0%} |")
    for line in mistakes:
        print(line)


if __name__ == "__main__":
    main()
