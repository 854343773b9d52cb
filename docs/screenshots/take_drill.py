"""Take the README's 练习 screenshots on a real X server (Xvfb + openbox).

    python docs/screenshots/take_drill.py   # writes docs/screenshots/drill*.png, typing.png

The windows are the real ones, built in a child process on the X server over
a default library with a few earlier days of results (so the progress charts
have something to show).  Keys go through Qt's own key events; 汉字 arrive as
input-method commits, the way a pinyin IME delivers them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
DAY = 86_400.0


def history(lib) -> None:
    """Three earlier days of one trainee getting better, in both drills."""
    from desktop.core.training import drill
    from desktop.core.training.results import DrillResults
    from desktop.core.training.typing_drill import TypingResult, pick_texts

    res = DrillResults(lib)
    pool = drill.library_questions(lib, ["售后"])
    by_id = {p.id: p for p in lib.phrases()}
    wrong = lib.find_by_code("jdhy")
    now = time.time()
    for back, right_every, secs in ((3, 2, 16.0), (2, 3, 12.0), (1, 5, 9.0)):
        for i, q in enumerate(drill.draw(pool, 10, seed=back)):
            picked = wrong if i % right_every == 0 else by_id[q.phrase_id]
            res.add_answer("小王", drill.grade(q, picked, secs + i % 4, 20), at=now - back * DAY)
    texts = pick_texts(lib.phrases(), 3, seed=1)
    for back, secs in ((3, 1.3), (2, 1.0), (1, 0.8)):
        for t in texts:
            res.add_typing("小王", TypingResult(t, t, len(t) * secs), at=now - back * DAY)


def inside(db: Path) -> None:
    from desktop.core.exchange.seed import open_library
    from desktop.qt import Qt, QtGui, QtWidgets
    from desktop.ui.drill.typing import TypingWindow
    from desktop.ui.drill.window import DrillWindow

    app = QtWidgets.QApplication(["quickreply"])
    lib = open_library(db)
    lib.set_setting("drill_name", "小王")
    history(lib)

    def settle(ms: int = 400) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def commit(widget, text: str) -> None:
        event = QtGui.QInputMethodEvent("", [])
        event.setCommitString(text)
        QtWidgets.QApplication.sendEvent(widget, event)

    w = DrillWindow(lib)
    w.resize(760, 640)
    w.prepare([["售后"]])
    w.show()
    settle()
    w.start_round(seed=4)
    settle(1300)  # the countdown moves; 建议 for the question stand on top
    w.grab().save(str(OUT / "drill.png"))
    from PySide6.QtTest import QTest

    def pick(text: str) -> None:
        QTest.keyClicks(w.picker.search_box, text)
        settle(300)
        QTest.keyClick(w.picker.search_box, Qt.Key.Key_Return)
        settle()

    pick(w.question.code or "")  # right, by its code
    QTest.keyClick(w.feedback, Qt.Key.Key_Return)
    settle(1800)
    pick("jdhy")  # wrong
    w.grab().save(str(OUT / "drill_feedback.png"))
    QTest.keyClick(w.feedback, Qt.Key.Key_Return)
    settle(600)
    pick(w.question.code or "")
    QTest.keyClick(w.feedback, Qt.Key.Key_Escape)
    settle()
    w.grab().save(str(OUT / "drill_results.png"))
    w.close()

    clock = [1000.0]
    t = TypingWindow(lib, clock=lambda: clock[0])
    t.resize(720, 560)
    t.show()
    t.start(seed=2)
    settle()
    first = t.text
    commit(t.box, first[:3])
    clock[0] += len(first) * 0.62
    commit(t.box, first[3:-2] + "的" + first[-1:])
    QTest.keyClick(t.box, Qt.Key.Key_Return)
    settle()
    commit(t.box, t.text[: len(t.text) // 2])
    settle()
    t.grab().save(str(OUT / "typing.png"))
    lib.close()
    app.quit()


def main() -> None:
    from tests.e2e.conftest import XSession

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        session = XSession.launch(tmp_path, "1280x800")
        try:
            subprocess.run([sys.executable, __file__, "--inside", str(tmp_path / "lib.db")],
                           env=session.env, check=True, cwd=ROOT)  # fmt: skip
        finally:
            session.stop()
    for name in ("drill.png", "drill_feedback.png", "drill_results.png", "typing.png"):
        print(OUT / name)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inside"]:
        inside(Path(sys.argv[2]))
    else:
        main()
