"""Take the README's popup screenshot on a real X server (Xvfb + openbox).

    python docs/screenshots/take_popup.py      # writes docs/screenshots/popup.png

Starts the real app beside the stand-in chat window used by the end-to-end
tests, presses the hotkey, types a query for a phrase that needs an order
number, and grabs the whole screen with ImageMagick's ``import``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import XSession, wait_for


def main() -> None:
    out = ROOT / "docs" / "screenshots" / "popup.png"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        session = XSession.launch(tmp_path, "1280x720")
        try:
            db = tmp_path / "lib.db"
            exe = shutil.which("quickreply")
            subprocess.run([exe, "--db", str(db), "config", "店铺名", "小满家居"], env=session.env, check=True)
            subprocess.run([exe, "--db", str(db), "config", "客服名", "小林"], env=session.env, check=True)
            session.start(sys.executable, "-m", "tests.e2e.target_window", str(tmp_path / "t.txt"), cwd=ROOT)
            window = wait_for(lambda: session.windows("qr-target"), what="target")[0]
            session.start_app(db, tmp_path / "app.log")
            session.run("xdotool", "windowactivate", "--sync", window)
            session.run("xdotool", "mousemove", "300", "150")
            session.run("xdotool", "key", "ctrl+alt+k")
            wait_for(lambda: session.windows("快回 搜索"), what="popup")
            time.sleep(0.5)
            session.run("xdotool", "type", "--delay", "40", "wlcx")
            time.sleep(0.8)
            for value in ("小王", "顺丰", "SF1409876543210"):
                session.run("xdotool", "key", "Tab")
                session.run("xdotool", "key", "ctrl+a")
                # xdotool cannot type 汉字 through an IME-less X server; paste them instead
                subprocess.run(
                    ["xclip", "-selection", "clipboard", "-i"],
                    input=value.encode(), env=session.env, check=True,
                )
                time.sleep(0.2)
                session.run("xdotool", "key", "ctrl+v")
                time.sleep(0.3)
            time.sleep(0.8)
            session.run("import", "-window", "root", "-crop", "960x620+0+0", str(out))
        finally:
            session.stop()
    print(out)


if __name__ == "__main__":
    main()
