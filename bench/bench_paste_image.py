"""Enter → text in the target window with a 1920×1080 image on the clipboard.

Pasting borrows the clipboard: the agent's content is saved first and put
back after.  With a screenshot there, saving it used to read and re-encode
every format the owner offers on the GUI thread (issue 11, finding 6).  This
runs the real app on Xvfb with a separate target window and a separate
program owning the image, and times xdotool's Enter to the text arriving,
then checks the image came back.

    python bench/bench_paste_image.py [--rounds 15]

Prints a Markdown row per case (copied into the README).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_popup import enter_to_text_ms, percentile


def clipboard_targets(session) -> list[str]:
    out = session.run("xclip", "-o", "-selection", "clipboard", "-t", "TARGETS", check=False)
    return out.split()


def run(rounds: int, with_image: bool) -> tuple[list[float], int]:
    from tests.e2e.conftest import XSession, wait_for

    restored = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        session = XSession.launch(tmp_path, "1920x1080")
        timings: list[float] = []
        try:
            db = tmp_path / "bench.db"
            out = tmp_path / "t.txt"
            session.start(sys.executable, "-m", "tests.e2e.target_window", str(out), cwd=ROOT)
            window = wait_for(lambda: session.windows("qr-target"), what="target")[0]
            session.start_app(db, tmp_path / "app.log")
            for _ in range(rounds):
                if with_image:
                    owner = session.start(
                        sys.executable, str(ROOT / "bench" / "clipboard_image_owner.py"),
                        stdout=subprocess.PIPE, text=True,
                    )  # fmt: skip
                    assert owner.stdout is not None and owner.stdout.readline().strip() == "ready"
                    wait_for(lambda: "image/png" in clipboard_targets(session), what="the image")
                else:
                    session.set_clipboard("plain text of the agent")
                timings.append(enter_to_text_ms(session, window, out, limit=10))
                if with_image:
                    try:
                        wait_for(lambda: "image/png" in clipboard_targets(session), timeout=5,
                                 what="the image to be restored")  # fmt: skip
                        restored += 1
                    except AssertionError:
                        pass
                    owner.terminate()
                    owner.wait(timeout=10)
                time.sleep(0.5)
        finally:
            session.stop()
    return timings, restored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    print("| Enter → text in target (Xvfb) | p50 | p95 | max | samples | clipboard restored |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, with_image in (("plain text on the clipboard", False),
                              ("1920×1080 image on the clipboard", True)):  # fmt: skip
        values, restored = run(args.rounds, with_image)
        back = f"{restored}/{len(values)}" if with_image else "—"
        print(f"| {label} | {statistics.median(values):.1f} ms | {percentile(values, 95):.1f} ms "
              f"| {max(values):.1f} ms | {len(values)} | {back} |", flush=True)  # fmt: skip
    os._exit(0)


if __name__ == "__main__":
    main()
