"""The real ``quickreply`` program in its own process: what CliRunner cannot show.

The installed entry point, the bytes a console actually receives (GBK on a
Chinese Windows console, UTF-8 elsewhere, JSON always UTF-8), a reader that
closes the pipe early, and no display at all.  Everything else about the
commands is tested in-process (tests/clirun.py).
"""

import json
import os
import subprocess

import pytest

from tests.clirun import entry_point, ok, spawn


def _env(extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QUICKREPLY_DB")}
    return env | extra


@pytest.fixture
def db(tmp_path):
    return tmp_path / "lib.db"


def test_the_installed_entry_point_runs_and_reads_a_body_from_stdin(db):
    assert ok(spawn(None, "--version")).startswith("quickreply ")
    added = json.loads(ok(spawn(db, "add", "--title", "多行", "--body", "-", "--code", "dh", "--json",
                                stdin="第一行\n第二行")))  # fmt: skip
    assert added["body"] == "第一行\n第二行"


def test_text_follows_the_console_encoding_and_json_is_always_utf8(db):
    ok(spawn(db, "search", "x"))  # creates and seeds the library
    cmd = [*entry_point(), "--db", str(db)]
    env = {"PYTHONIOENCODING": "gbk"}
    text = subprocess.run([*cmd, "show", "fhsj"], capture_output=True, check=True, timeout=60,
                          env=_env(env)).stdout  # fmt: skip
    assert "标题：发货时间" in text.decode("gbk")
    data = subprocess.run([*cmd, "show", "fhsj", "--json"], capture_output=True, check=True,
                          timeout=60, env=_env(env)).stdout  # fmt: skip
    assert json.loads(data.decode("utf-8"))["title"] == "发货时间"
    error = subprocess.run([*cmd, "show", "nope"], capture_output=True, check=False, timeout=60,
                           env=_env(env))  # fmt: skip
    assert error.returncode == 1 and error.stderr.decode("gbk").startswith("错误：没有这条话术")


def test_no_command_without_display_explains_instead_of_crashing(db):
    result = spawn(db)
    assert result.returncode != 0
    assert "图形界面" in result.stderr and "Traceback" not in result.stderr


def test_output_cut_short_by_the_reader_is_not_an_error(db):
    ok(spawn(db, "search", "x"))
    proc = subprocess.Popen([*entry_point(), "--db", str(db), "categories"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env({}))  # fmt: skip
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0 and "错误" not in err
