"""``quickreply stats``, run in-process as a user would type it."""

from __future__ import annotations

import csv
import json
import time

import pytest

from desktop.core.exchange.seed import open_library
from desktop.core.exchange.stats import CSV_HEADER, DAY
from tests.clirun import invoke as run
from tests.clirun import ok


@pytest.fixture
def db(tmp_path):
    """The default library with a few uses: 欢迎 3× recently, 催付 once 40 days ago."""
    path = tmp_path / "lib.db"
    now = time.time()
    with open_library(path) as lib:
        first, second = lib.phrases()[:2]
        for ago in (60, 3600, 2 * DAY):
            lib.record_use(first.id, when=now - ago)
        lib.record_use(second.id, when=now - 40 * DAY)
        lib.update(second.id, title="-特价说明")  # starts like a formula
    return path, first, second


def test_json_counts_over_all_time_and_the_last_days(db):
    path, first, second = db
    data = json.loads(ok(run(path, "stats", "--json")))
    assert data["total_uses"] == 4 and data["typing_speed"] == 80
    assert data["most_used"][:2] == [first.id, second.id]
    assert data["time_saved_seconds"] > 0
    assert second.id in data["unused"] and first.id not in data["unused"]
    row = next(r for r in data["rows"] if r["id"] == first.id)
    assert row["uses"] == 3 and row["last_used"] is not None

    week = json.loads(ok(run(path, "stats", "--days", "7", "--json")))
    assert week["total_uses"] == 3 and week["most_used"] == [first.id]
    assert week["since"] is not None and week["days"] == 7


def test_text_report_names_the_top_phrases_and_retire_candidates(db):
    path, first, _second = db
    out = ok(run(path, "stats", "--days", "30"))
    assert "最近 30 天" in out and "共使用 3 次" in out and "按每分钟 80 字" in out
    assert f"     3  {first.title}" in out
    assert "30 天未使用" in out and "-特价说明" in out and "最后使用" in out and "从未使用" in out


def test_csv_export_is_excel_ready(db, tmp_path):
    path, first, _second = db
    target = tmp_path / "统计.csv"
    result = run(path, "stats", "--csv", str(target))
    assert result.returncode == 0, result.stderr
    assert "已导出" in result.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1][0] == first.id and rows[1][3] == "3"
    assert rows[2][1] == "'-特价说明"
    assert len(rows) == 1 + 208


def test_unwritable_csv_is_a_one_line_error(db, tmp_path):
    path, *_ = db
    result = run(path, "stats", "--csv", str(tmp_path / "missing" / "x.csv"))
    assert result.returncode == 1
    assert result.stderr.startswith("错误：无法写入") and "Traceback" not in result.stderr


def test_days_must_be_positive(db):
    path, *_ = db
    assert run(path, "stats", "--days", "0").returncode == 2
