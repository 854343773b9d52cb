"""话术质检 on our corpus of real-style sentences, both directions (tools/lint_precision.py)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from lint_precision import read_corpus, score


def test_precision_and_recall_on_real_style_wording():
    rows = read_corpus()
    assert len(rows) >= 40 and sum(1 for e, _ in rows if e == "-") >= 20
    tp, fp, fn, mistakes = score(rows)
    found, alarms, missed = sum(tp.values()), sum(fp.values()), sum(fn.values())
    assert found / (found + alarms) >= 0.9, mistakes
    assert found / (found + missed) >= 0.9, mistakes


def test_the_named_cases_of_the_issue():
    from desktop.core.text.lint import lint

    def rules(text):
        return {f.rule for f in lint(text)}

    for fine in ("三天内口感最佳", "效果最佳", "现在是最优惠的时候", "推荐最佳解决方案",
                 "品质保证", "实在不行可以换"):
        assert not rules(fine) & {"ad-superlative", "absolute-promise", "blunt-refusal"}, fine
    for text in ("好评返现", "晒图返现"):
        assert [f.level for f in lint(text) if f.rule == "review-cash"] == ["error"]
    assert "absolute-promise" in rules("一定给您解决") and "absolute-promise" in rules("一定让您满意")
