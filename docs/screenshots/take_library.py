"""Take the README's library-window screenshot.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb \
        python docs/screenshots/take_library.py    # on Xvfb, as in the README
    python docs/screenshots/take_library.py        # offscreen, no X server needed

Opens a fresh default library, records a few weeks of made-up use so the
usage columns have something to show, and grabs the window with a phrase
that has placeholders selected.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.exchange.seed import open_library
from desktop.qt import QtWidgets


def main() -> None:
    out = ROOT / "docs" / "screenshots" / "library.png"
    app = QtWidgets.QApplication(sys.argv[:1])
    from desktop.ui.library.window import LibraryWindow

    with tempfile.TemporaryDirectory() as tmp:
        lib = open_library(Path(tmp) / "lib.db")
        lib.set_setting("店铺名", "小满家居")
        rng = random.Random(4)
        now = time.time()
        for phrase in lib.phrases():
            if rng.random() < 0.6:
                for _ in range(rng.randint(1, 30)):
                    lib.record_use(phrase.id, now - rng.randint(600, 20 * 86_400))
        window = LibraryWindow(lib)
        window.resize(1280, 760)
        window.show()
        window.select_category(lib.category("售后/退换货").id)
        window.select_phrase(lib.find_by_code("hhyf").id)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)
        window.grab().save(str(out))
        window.close()
        lib.close()
    print(out)


if __name__ == "__main__":
    main()
