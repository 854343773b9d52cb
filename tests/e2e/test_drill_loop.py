"""应答练习 on a real X server: the app shows a buyer question, the trainee answers with the picker.

The drill pack has one category whose questions all belong to 退货流程 (code
thlc), so the test knows the right answer without reading the screen; 欢迎语
(hy) is the wrong one.  Results are read back through the command line.
"""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from tests.e2e.conftest import wait_for
from tests.e2e.test_desktop_loop import quickreply

pytestmark = pytest.mark.e2e

PACK = {
    "format": "quickreply.pack",
    "version": 1,
    "name": "退换练习",
    "phrases": [
        {"category": ["退换练习"], "title": "退货流程", "code": "thlc",
         "body": "亲，在订单页点「申请售后」选退货，填写原因后寄回就可以啦",
         "examples": ["怎么退货", "我想退了", "这个能退吗"], "accept": ["退货须知"]},
        {"category": ["退换练习"], "title": "退货须知", "code": "thxz", "body": "退货请保持吊牌完好哦"},
        {"category": ["售前"], "title": "欢迎语", "code": "hy", "body": "您好，欢迎光临～"},
    ],
}


def results(xsession, db) -> dict:
    out = subprocess.run(quickreply(db, "drill", "results", "--name", "小王", "--json"),
                         capture_output=True, text=True, env=xsession.env, check=True)
    return json.loads(out.stdout)


def type_and_enter(xsession, text: str) -> None:
    xsession.run("xdotool", "type", "--delay", "30", text)
    time.sleep(0.4)  # the picker searches as the trainee types
    xsession.run("xdotool", "key", "Return")


def test_a_round_with_the_real_picker_records_a_right_and_a_wrong_answer(xsession):
    db = xsession.tmp / "lib.db"
    pack = xsession.tmp / "pack.json"
    pack.write_text(json.dumps(PACK, ensure_ascii=False), encoding="utf-8")
    for args in (("init", "--empty"), ("import", str(pack)), ("config", "drill_name", "小王")):
        subprocess.run(quickreply(db, *args), env=xsession.env, check=True, capture_output=True)
    proc = xsession.start_app(db, xsession.tmp / "app.log")
    try:
        # a second start asks the running app to open the drill on that category
        subprocess.run(quickreply(db, "drill", "--window", "--category", "退换练习"),
                       env=xsession.env, check=True, timeout=20)  # fmt: skip
        window = wait_for(lambda: xsession.windows("快回 应答练习"), timeout=15, what="the drill window")[0]
        wait_for(lambda: xsession.active_window() == window, what="the drill window to take focus")
        xsession.run("xdotool", "key", "Return")  # start
        time.sleep(0.8)
        type_and_enter(xsession, "thlc")  # right
        wait_for(lambda: results(xsession, db)["answers"] == 1, what="the first answer to be recorded")
        xsession.run("xdotool", "key", "Return")  # next question
        time.sleep(0.8)
        type_and_enter(xsession, "hy")  # wrong
        wait_for(lambda: results(xsession, db)["answers"] == 2, what="the second answer to be recorded")
        data = results(xsession, db)
        assert data["correct"] == 1 and data["missed"] == ["thlc · 退货流程"]
        assert 0 < data["median_seconds"] < 20
        rows = subprocess.run(quickreply(db, "drill", "results", "--csv", str(xsession.tmp / "r.csv")),
                              env=xsession.env, capture_output=True, text=True, check=True)  # fmt: skip
        assert "已导出 2 条" in rows.stderr
        assert "欢迎语" in (xsession.tmp / "r.csv").read_text(encoding="utf-8-sig")
        # nothing went anywhere else: the picker answered the drill, no phrase was used
        stats = subprocess.run(quickreply(db, "stats", "--json"), env=xsession.env,
                               capture_output=True, text=True, check=True)  # fmt: skip
        assert json.loads(stats.stdout)["total_uses"] == 0
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=10)
