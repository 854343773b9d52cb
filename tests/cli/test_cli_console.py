"""Output never fails because of the console's code page (issue 11, finding 9).

A Chinese Windows console or pipe encodes in cp936 (GBK), which has no emoji;
printing a phrase that holds one used to end in an internal error.
"""

import os
import subprocess
import sys

import pytest


def run(db, *args, encoding="gbk"):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QUICKREPLY_DB")}
    env["PYTHONIOENCODING"] = encoding  # what a cp936 console or pipe gives Python
    cmd = [sys.executable, "-m", "desktop", "--db", str(db), *args]
    return subprocess.run(cmd, check=False, capture_output=True, env=env, timeout=60)


# "gbk:surrogateescape" is how Windows Python opens a cp936 console or pipe (the Windows
# lane found the first fix covered only Linux's strict default).
@pytest.mark.parametrize("encoding", ["gbk", "cp936", "gb2312", "gbk:surrogateescape"])
def test_an_emoji_phrase_prints_on_a_narrow_console(tmp_path, encoding):
    db = tmp_path / "lib.db"
    added = run(db, "add", "--title", "笑脸😀问候", "--body", "亲，您好😀", "--code", "xl", encoding=encoding)
    codec = encoding.partition(":")[0]
    assert added.returncode == 0, added.stderr.decode(codec, "replace")
    for args in (["search", "xl"], ["show", "xl"]):
        result = run(db, *args, encoding=encoding)
        err = result.stderr.decode(codec, "replace")
        assert result.returncode == 0, err
        assert "内部错误" not in err and "UnicodeEncodeError" not in err
        out = result.stdout.decode(codec)  # what the console shows: valid in its code page
        assert "笑脸" in out and "问候" in out  # everything the code page can show still shows


def test_errors_on_a_narrow_console_still_read_as_one_line(tmp_path):
    db = tmp_path / "lib.db"
    result = run(db, "show", "不存在😀")
    err = result.stderr.decode("gbk")
    assert result.returncode == 1 and "内部错误" not in err and len(err.strip().splitlines()) == 1
