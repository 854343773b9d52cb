"""The command line as support and team leads use it on a Chinese Windows PC:
the real ``quickreply.exe`` under Wine with code page 936, output piped.
"""

from __future__ import annotations

import json

SMILE = "\U0001f600"


def gbk(data: bytes) -> str:
    """What a cp936 console shows; raises if the program wrote something else."""
    return data.decode("gbk")


def test_the_console_code_page_is_936(lane):
    # The premise of the tests below: Windows programs here see code page 936.
    out = lane.py(
        "import locale, sys; print(locale.getpreferredencoding(), sys.stdout.encoding)", check=True
    )
    assert out.stdout.split() == [b"cp936", b"gbk"]


def test_chinese_output_reaches_a_gbk_pipe_intact(lane):
    result = lane.cli("search", "发货", "--limit", "3")
    assert result.returncode == 0, gbk(result.stdout + result.stderr)
    shown = gbk(result.stdout)
    assert "发货" in shown
    assert result.stderr == b""


def test_an_emoji_phrase_is_saved_and_shown_without_an_internal_error(lane):
    """Finding 9: any echo of a character outside cp936 ended in
    ``快回内部错误 (UnicodeEncodeError: 'gbk')``, after the change was already saved."""
    added = lane.cli(
        "add", "--title", "笑脸问候", "--body", f"亲，好的{SMILE}马上处理", "--code", "xlwh"
    )
    assert added.returncode == 0, gbk(added.stdout + added.stderr)
    assert "内部错误" not in gbk(added.stdout + added.stderr)

    shown = lane.cli("show", "xlwh")
    text = gbk(shown.stdout + shown.stderr)
    assert shown.returncode == 0, text
    assert "内部错误" not in text and "UnicodeEncodeError" not in text
    assert "笑脸问候" in text and "马上处理" in text  # the rest of the line stays readable

    # --json is UTF-8 bytes whatever the console: the emoji survives exactly.
    as_json = lane.cli("show", "xlwh", "--json")
    assert as_json.returncode == 0, gbk(as_json.stdout + as_json.stderr)
    assert json.loads(as_json.stdout.decode("utf-8"))["body"] == f"亲，好的{SMILE}马上处理"


def test_render_of_an_emoji_phrase_exits_zero(lane):
    lane.cli("add", "--title", "表情", "--body", f"收到{SMILE}", "--code", "bq", check=True)
    result = lane.cli("render", "bq")
    assert result.returncode == 0, gbk(result.stdout + result.stderr)
    assert gbk(result.stdout).startswith("收到")
