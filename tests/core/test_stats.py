"""Usage statistics on a seeded usage table (ids and times only)."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest

from desktop.core.exchange.stats import (
    CSV_HEADER,
    DAY,
    PLAIN_FIELD_CHARS,
    estimated_length,
    period_since,
    safe_cell,
    seconds_for,
    split_duration,
    to_csv,
    usage_report,
    write_csv,
)

NOW = 1_750_000_000.0  # a fixed "now" so every window is exact


@pytest.fixture
def ids(lib):
    """Four phrases; bodies chosen so their estimated lengths are easy to count."""
    out = {
        "hello": lib.add("问好", "亲您好", "售前", code="nh").id,  # 3 chars
        "order": lib.add("查订单", "订单{订单号}已发出", "售后").id,  # 2 + 4 + 3 = 9
        "ship": lib.add("发货", "{称呼|亲}，{快递:顺丰/圆通}发货", "售中").id,  # 1+1+2+2 = 6
        "idle": lib.add("很少用", "这条很少用", "售后").id,  # 5
        "old": lib.add("旧话术", "旧的", "售后").id,
    }
    uses = {
        "hello": [NOW - 60, NOW - 2 * DAY, NOW - 40 * DAY],
        "order": [NOW - 3600, NOW - 10 * DAY],
        "ship": [NOW - 20 * DAY],
        "old": [NOW - 45 * DAY],
    }
    for key, stamps in uses.items():
        for stamp in stamps:
            lib.record_use(out[key], when=stamp)
    return out


def rows_by_id(report):
    return {r.id: r for r in report.rows}


def test_estimated_length_counts_placeholders_at_typical_lengths():
    assert estimated_length("亲您好") == 3
    assert estimated_length("订单{订单号}已发出") == 2 + PLAIN_FIELD_CHARS + 3
    assert estimated_length("{称呼|亲}，{快递:顺丰/圆通}") == 1 + 1 + 2
    assert estimated_length("{{字面}}") == 4  # literal braces are one character each
    assert estimated_length("欢迎光临{店铺名}", {"店铺名": "小店铺"}) == 4 + 3


def test_counts_and_last_use_in_a_window(lib, ids):
    report = usage_report(lib, NOW - 7 * DAY, None, now=NOW)
    rows = rows_by_id(report)
    assert rows[ids["hello"]].uses == 2
    assert rows[ids["hello"]].last_used == NOW - 60
    assert rows[ids["order"]].uses == 1
    assert rows[ids["ship"]].uses == 0 and rows[ids["ship"]].last_used is None
    assert report.total_uses == 3
    assert [r.id for r in report.most_used(5)] == [ids["hello"], ids["order"]]


def test_all_time_and_until_bounds(lib, ids):
    everything = usage_report(lib, None, None, now=NOW)
    assert everything.total_uses == 7
    assert [r.id for r in everything.most_used(1)] == [ids["hello"]]
    past = usage_report(lib, None, NOW - 5 * DAY)  # half-open: [start, until)
    assert rows_by_id(past)[ids["hello"]].uses == 1
    assert rows_by_id(past)[ids["order"]].last_used == NOW - 10 * DAY


def test_ties_are_broken_by_the_latest_use(lib, ids):
    report = usage_report(lib, NOW - 30 * DAY, None, now=NOW)
    # hello 2, order 2, ship 1: hello was used last (a minute ago).
    assert [r.id for r in report.most_used(3)] == [ids["hello"], ids["order"], ids["ship"]]


def test_unused_since_lists_never_used_and_long_unused_live_phrases(lib, ids):
    report = usage_report(lib, NOW - DAY, None, now=NOW)  # period: today only
    unused = [r.id for r in report.unused_since(30)]
    # idle: never; old: 45 days ago; ship (20 days) and hello/order are recent.
    assert set(unused) == {ids["idle"], ids["old"]}
    assert unused[0] == ids["idle"]  # never used first, then the longest unused
    assert {r.id for r in report.unused_since(15)} == {ids["idle"], ids["old"], ids["ship"]}


def test_trashed_phrases_keep_their_uses_but_are_not_retire_candidates(lib, ids):
    lib.delete(ids["old"])
    lib.delete(ids["idle"])
    report = usage_report(lib, None, None, now=NOW)
    rows = rows_by_id(report)
    assert rows[ids["old"]].deleted and rows[ids["old"]].uses == 1
    assert ids["idle"] not in rows  # trashed and never used: nothing to report
    assert ids["old"] not in {r.id for r in report.unused_since(30)}


def test_time_saved_uses_the_typing_speed_setting(lib, ids):
    report = usage_report(lib, NOW - 7 * DAY, None, now=NOW)
    chars = 2 * 3 + 1 * (2 + PLAIN_FIELD_CHARS + 3)  # hello twice, order once
    assert report.typing_speed == 80
    assert report.time_saved_seconds == pytest.approx(chars * 60 / 80)
    lib.set_setting("typing_speed", "40")
    slower = usage_report(lib, NOW - 7 * DAY, None, now=NOW)
    assert slower.time_saved_seconds == pytest.approx(chars * 60 / 40)
    assert rows_by_id(slower)[ids["order"]].seconds_saved == pytest.approx(seconds_for(9, 40))


def test_store_values_count_at_their_real_length(lib):
    pid = lib.add("欢迎", "欢迎光临{店铺名}", "售前").id
    lib.record_use(pid, when=NOW)
    assert rows_by_id(usage_report(lib, now=NOW))[pid].chars == 4 + PLAIN_FIELD_CHARS
    lib.set_setting("店铺名", "快回旗舰店")
    assert rows_by_id(usage_report(lib, now=NOW))[pid].chars == 4 + 5


def test_empty_library_and_no_usage(lib):
    report = usage_report(lib, None, None, now=NOW)
    assert report.rows == () and report.total_uses == 0 and report.time_saved_seconds == 0
    assert report.most_used() == [] and report.unused_since() == []


def test_periods():
    noon = datetime(2024, 5, 6, 12, 30).timestamp()
    assert period_since("today", noon) == datetime(2024, 5, 6).timestamp()
    assert period_since("7d", noon) == noon - 7 * DAY
    assert period_since("30d", noon) == noon - 30 * DAY
    assert period_since("all", noon) is None
    with pytest.raises(ValueError):
        period_since("weekly", noon)


def test_split_duration():
    assert split_duration(3725.4) == (1, 2, 5)
    assert split_duration(-3) == (0, 0, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+86", "'+86"), ("-5元", "'-5元"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\t=x", "'\t=x"), ("包邮", "包邮"), (3, "3"), (None, "")],
)  # fmt: skip
def test_csv_cells_are_formula_safe(value, expected):
    assert safe_cell(value) == expected


def test_csv_has_a_bom_a_header_and_safe_cells(lib, ids, tmp_path):
    lib.update(ids["idle"], title='=HYPERLINK("http://x")')
    report = usage_report(lib, NOW - 7 * DAY, None, now=NOW)
    path = tmp_path / "stats.csv"
    assert write_csv(report, path) == len(report.rows)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == CSV_HEADER
    first = rows[1]
    assert first[:4] == [ids["hello"], "问好", "售前", "2"]
    assert first[4] == datetime.fromtimestamp(NOW - 60).strftime("%Y-%m-%d %H:%M")
    assert first[5:] == ["3", "4"]  # 3 chars; 2 uses × 3 chars at 80/min = 4.5 s → 4
    idle = next(r for r in rows if r[0] == ids["idle"])
    assert idle[1].startswith("'=HYPERLINK") and idle[3] == "0" and idle[4] == ""
    assert to_csv(report).splitlines()[0] == ",".join(CSV_HEADER)
