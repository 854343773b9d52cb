"""``quickreply drill``: a scripted round in the terminal, and results for the lead."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from desktop.cli import main
from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.training import drill


def run(db, *args, input=None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input)


def _round(db, seed=5, rounds=3, category="售后"):
    with open_library(db) as lib:
        return drill.draw(drill.library_questions(lib, [category]), rounds, seed)


def test_a_scripted_round_grades_codes_and_search_words_and_keeps_results(tmp_path):
    db = tmp_path / "l.db"
    run(db, "list")  # the default library, with its 买家常问
    qs = _round(db)
    with open_library(db) as lib:
        title = lib.get(qs[1].phrase_id).title
    answers = f"{qs[0].code}\n{title}\nzzzz-nothing\n"
    result = run(db, "drill", "--category", "售后", "--rounds", "3", "--seed", "5",
                 "--name", "小王", input=answers)  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.count("✓ 正确") == 2 and out.count("✗ 不对") == 1
    assert f"买家：{qs[0].text}" in out and f"应选：{qs[2].expected}" in out
    assert "没找到「zzzz-nothing」" in out and "答对 2/3" in out
    data = json.loads(run(db, "drill", "results", "--name", "小王", "--json").output)
    assert data["answers"] == 3 and data["correct"] == 2
    assert data["missed"] == [qs[2].expected]


def test_same_seed_same_questions(tmp_path):
    db = tmp_path / "l.db"
    a = run(db, "drill", "--rounds", "4", "--seed", "9", input="").output
    b = run(db, "drill", "--rounds", "4", "--seed", "9", input="").output
    assert a == b and "买家：" in a


def test_results_csv_for_the_lead(tmp_path):
    db = tmp_path / "l.db"
    run(db, "drill", "--rounds", "2", "--seed", "1", "--name", "=小李", input="\n\n")
    out = tmp_path / "成绩.csv"
    result = run(db, "drill", "results", "--csv", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0][0] == "学员" and len(rows) == 3
    assert rows[1][0] == "'=小李" and rows[1][7] == "否"
    assert "正确率 0%" in run(db, "drill", "results").output
    bad = run(db, "drill", "results", "--csv", str(tmp_path / "no" / "x.csv"))
    assert bad.exit_code == 1 and bad.output.startswith("错误：无法写入")


def test_no_example_questions_is_a_one_line_message(tmp_path):
    db = tmp_path / "l.db"
    with Library.open(db) as lib:
        lib.add("欢迎", "您好", ("售前",))
    result = run(db, "drill")
    assert result.exit_code == 1
    assert result.output.startswith("错误：这些分类里没有买家常问") and "Traceback" not in result.output
    assert "还没有练习记录" in run(db, "drill", "results").output
