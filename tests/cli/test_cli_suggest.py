"""``quickreply suggest``: pasted buyer messages in, phrases out."""

from __future__ import annotations

import json

from click.testing import CliRunner

from desktop.cli import main


def run(db, *args, input=None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input)


def test_suggest_prints_scored_phrases(tmp_path):
    result = run(tmp_path / "l.db", "suggest", "亲 我的快递到哪了？？")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 3 and lines[0].startswith("1.00")
    assert "物流" in result.output


def test_suggest_json_limit_and_explain(tmp_path):
    db = tmp_path / "l.db"
    data = json.loads(run(db, "suggest", "能便宜点吗", "--json", "--limit", "5").output)
    assert 1 <= len(data) <= 5
    assert data[0]["score"] == 1.0 and data[0]["phrase"]["category"] == ["售前", "议价"]
    assert any(m["via"] == "便宜点" for m in data[0]["matches"])
    explained = run(db, "suggest", "能便宜点吗", "--explain").output
    assert "（买家说“便宜点”）" in explained


def test_suggest_reads_stdin_and_refuses_nothing(tmp_path):
    db = tmp_path / "l.db"
    assert "质保" in run(db, "suggest", "-", input="坏了能保修吗\n").output
    empty = run(db, "suggest", "")
    assert empty.exit_code == 2
    nothing = run(db, "suggest", "🙂")
    assert nothing.exit_code == 0 and "没有合适的建议话术" in nothing.output
