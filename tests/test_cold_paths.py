"""Heavy libraries stay out of the paths an agent waits for.

pypinyin (its phrase dictionary), openpyxl and cryptography together cost about
100 MB and most of a second at start; OpenSSL (hashlib, ssl) another 3.5 MB.  Search never converts a query to pinyin
(every phrase and category stores its pinyin when written), spreadsheets and
signatures are rare, so starting the app, searching, opening the picker and
the everyday CLI commands must not import them.  Each check runs in a fresh
interpreter and reads ``sys.modules`` there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.exchange.seed import open_library

# OpenSSL comes with hashlib (_hashlib) and ssl: 3.5 MB for a start that needs
# neither unless the library has team subscriptions.
# QtNetwork (4.5 MB) was once loaded for the single-instance socket alone, and
# multiprocessing costs 2 MB of idle memory where the plain socket does the job
# (Windows uses it for the named pipe).
HEAVY = ("pypinyin", "openpyxl", "cryptography", "_hashlib", "ssl", "PySide6.QtNetwork")
HEAVY += () if sys.platform == "win32" else ("multiprocessing",)
QUERIES = ["发货", "退", "fh", "fahuo", "tuikuan", "shouhou", "jiedai", "退 yunfei", "尺码 偏大", "fhsj"]
ROOT = Path(__file__).resolve().parents[1]

APP_SCRIPT = """
import json, sys
from desktop.qt import QtWidgets
qt_app = QtWidgets.QApplication(["quickreply"])
from desktop.app import QuickReplyApp
from desktop.core import Library
from desktop.platform.base import Platform
from desktop.platform.fake import FakeFocus, FakeHotkey, FakeKeystroke

from desktop.ui.single_instance import InstanceServer, server_name

lib = Library.open(sys.argv[1])
server = InstanceServer(server_name(lib.path))
platform = Platform("fake", FakeHotkey(), FakeFocus(active=1), FakeKeystroke())
app = QuickReplyApp(lib, platform)
app.start()
found = {q: [p.id for p in lib.search(q)] for q in json.loads(sys.argv[2])}
platform.hotkey.trigger()
app.popup.search_box.setText("fh")
qt_app.processEvents()
shown = app.popup.results_view.model().rowCount()
app.popup.hide()
heavy = [m for m in json.loads(sys.argv[3]) if m in sys.modules]
print(json.dumps({"found": found, "shown": shown, "heavy": heavy}))
app.shutdown()
server.close()
"""

CLI_SCRIPT = """
import atexit, json, sys
heavy = json.loads(sys.argv.pop(1))
report = sys.argv.pop(1)

def tell():
    with open(report, "w") as fh:
        json.dump([m for m in heavy if m in sys.modules], fh)

atexit.register(tell)
from desktop.cli import main
main(prog_name="quickreply")
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """The default library plus a renamed category, written here (where pypinyin may load)."""
    path = tmp_path_factory.mktemp("cold") / "lib.db"
    with open_library(path) as lib:
        from desktop.core.store import category_ops

        category_ops.rename_category(lib, lib.category("售前").id, "接待")
        lib.add("运费说明", "退货运费由谁出", "退换货/运费")
    return path


def run(args: list[str], **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUICKREPLY_LOG_DIR": kw.pop("logs")}
    return subprocess.run(
        [sys.executable, *args], check=False, cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120, **kw,
    )


@pytest.mark.gui
def test_starting_the_app_searching_and_the_popup_load_no_heavy_library(library, tmp_path):
    result = run(
        ["-c", APP_SCRIPT, str(library), json.dumps(QUERIES), json.dumps(HEAVY)],
        logs=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["heavy"] == []
    assert report["shown"] > 0
    # The stored keys find exactly what the full computation finds.
    with open_library(library) as lib:
        expected = {q: [p.id for p in lib.search(q)] for q in QUERIES}
    assert report["found"] == expected
    assert expected["shouhou"] and expected["jiedai"]  # category pinyin, also of a renamed one


@pytest.mark.parametrize(
    "command",
    [["--version"], ["search", "发货"], ["search", "shouhou"], ["show", "fhsj"], ["render", "fhsj"]],
)
def test_everyday_cli_commands_load_no_heavy_library(library, tmp_path, command):
    report = tmp_path / "heavy.json"
    result = run(
        ["-c", CLI_SCRIPT, json.dumps(HEAVY), str(report), "--db", str(library), *command],
        logs=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert json.loads(report.read_text()) == []
