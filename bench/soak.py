"""Soak run: an agent's day compressed into one process of the real app under Xvfb.

Thousands of rounds of hotkey → type a code → Enter → text in the chat window,
with a side-panel click every ``--panel-every`` rounds and the 话术库 window
opened from the tray menu (and closed again) every ``--library-every``
rounds.  The app is started once and never restarted.  Prints a Markdown
table: rounds survived, pastes that arrived intact, and the app's memory
(PSS and RSS, from /proc) after warm-up and at the end.

    python bench/soak.py                    # 2,000 rounds at 200 phrases (the default library)
    python bench/soak.py --rounds 300       # a quick look
    python bench/soak.py --size 20000       # a big library

Needs Linux with xvfb, openbox, trayer, xdotool and xclip (as the e2e tests).
The app runs with the same Python as this script, so a venv with another Qt
binding can be soaked as it is (that is how the PySide6 6.12.0 crash shows).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tests.e2e.conftest import NEEDED, XSession, wait_for

CODES = ("fhsj", "fhdd", "scsm", "shzc")  # shortcut codes of default phrases without blanks
WARM_UP = 100


def memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of a process in KiB."""
    pss = rss = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            pss = int(line.split()[1])
        elif line.startswith("Rss:"):
            rss = int(line.split()[1])
    return pss, rss


def cli(db: Path, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return out.stdout


class Soak:
    def __init__(self, session: XSession, db: Path, out: Path, window: str, app: subprocess.Popen):
        self.s, self.db, self.out, self.window, self.app = session, db, out, window, app
        self.texts = {code: cli(db, "render", code).rstrip("\n") for code in CODES}
        self.sent = ""  # what the chat window should hold by now
        self.arrived = self.lost = self.panel_clicks = self.library_opens = 0
        self.round_ms: list[float] = []
        self.misses: list[str] = []  # what arrived instead, for the ones that went wrong

    def key(self, *keys: str) -> None:
        self.s.run("xdotool", "key", "--delay", "60", *keys)

    def text(self) -> str:
        return self.out.read_text(encoding="utf-8")

    def alive(self) -> bool:
        return self.app.poll() is None

    def focus_target(self) -> None:
        if self.s.active_window() != self.window:
            self.s.run("xdotool", "windowactivate", self.window, check=False)
            wait_for(lambda: self.s.active_window() == self.window, what="the chat window to get focus")

    def expect(self, addition: str, what: str) -> None:
        want = self.sent + addition
        try:
            wait_for(lambda: self.text() == want or not self.alive(), timeout=5, interval=0.005, what=what)
        except AssertionError:
            pass
        if self.text() == want:
            self.arrived += 1
        else:
            self.lost += 1
            got = self.text()
            extra = got[len(self.sent):] if got.startswith(self.sent) else "(earlier text changed)"
            self.misses.append(f"expected {addition[:24]!r}…, got {extra[:40]!r}")
        self.sent = self.text()  # carry on from what is really there

    def picker_round(self, n: int) -> None:
        code = CODES[n % len(CODES)]
        self.focus_target()
        t0 = time.perf_counter()
        self.key("ctrl+alt+k")
        wait_for(lambda: self.s.active_window() not in ("", self.window) or not self.alive(),
                 timeout=5, interval=0.005, what="the popup to take focus")
        self.s.run("xdotool", "type", "--delay", "15", code)
        time.sleep(0.05)
        self.key("Return")
        self.expect(self.texts[code], "the phrase to arrive")
        self.round_ms.append((time.perf_counter() - t0) * 1000)

    def tray_menu(self, downs: int, done) -> None:
        """Right-click the tray icon and pick the ``downs``-th menu entry with the keyboard.

        Tries again (Esc, then a new right-click) when the menu missed the keys.
        """
        tray = self.s.run("xdotool", "search", "--class", "trayer", check=False).split()
        geometry = self.s.run("xdotool", "getwindowgeometry", "--shell", tray[-1])
        g = dict(line.split("=") for line in geometry.split())
        for _attempt in range(3):
            self.s.run("xdotool", "mousemove", str(int(g["X"]) + 12), str(int(g["Y"]) + 12),
                       "click", "3")
            time.sleep(0.6)
            self.key(*["Down"] * downs, "Return")
            try:
                return wait_for(lambda: done() or not self.alive(), timeout=5, what="the menu entry")
            except AssertionError:
                if os.environ.get("SOAK_SHOTS"):
                    subprocess.run(["import", "-window", "root", f"{os.environ['SOAK_SHOTS']}/menu-{_attempt}.png"],
                                   env=self.s.env, check=False)
                self.key("Escape")
        raise AssertionError(f"tray menu entry {downs} did nothing three times")

    def side_panel_click(self) -> None:
        panels = self.s.windows("快回 侧边栏")
        if not panels:
            panels = self.tray_menu(4, lambda: self.s.windows("快回 侧边栏"))  # 侧边栏
        self.focus_target()
        geometry = self.s.run("xdotool", "getwindowgeometry", "--shell", panels[0])
        g = dict(line.split("=") for line in geometry.split())
        before = self.text()
        # The first phrase row sits below the title bar and the category tree.
        self.s.run("xdotool", "mousemove", str(int(g["X"]) + 120), str(int(g["Y"]) + 220), "click", "1")
        try:
            wait_for(lambda: self.text() != before, timeout=5, interval=0.01, what="the panel's phrase")
            self.panel_clicks += 1
        except AssertionError:
            self.lost += 1
        self.sent = self.text()

    def library_window(self) -> None:
        found = self.tray_menu(3, lambda: self.s.windows("话术库"))  # 话术库
        if not self.alive():
            return
        self.s.run("xdotool", "windowactivate", found[0], check=False)
        time.sleep(0.3)
        self.key("alt+F4")  # openbox closes the active window
        wait_for(lambda: not self.s.windows("话术库") or not self.alive(), timeout=10,
                 what="the library window to close")
        self.library_opens += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--size", type=int, default=0, help="phrases (0: the default library)")
    parser.add_argument("--panel-every", type=int, default=25)
    parser.add_argument("--library-every", type=int, default=100)
    args = parser.parse_args()
    missing = [p for p in NEEDED if shutil.which(p) is None]
    if missing:
        print("soak needs " + ", ".join(missing), file=sys.stderr)
        return 2
    import PySide6

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "soak.db"
        if args.size:
            from bench_popup import build_library

            build_library(db, args.size)
        cli(db, "config", "panel_side", "left")  # the tray icon sits bottom right
        session = XSession.launch(tmp_path, "1280x720")
        try:
            out = tmp_path / "chat.txt"
            session.start(sys.executable, "-m", "tests.e2e.target_window", str(out), cwd=ROOT)
            window = wait_for(lambda: session.windows("qr-target"), what="the chat window")[0]
            log = open(tmp_path / "app.log", "w")  # noqa: SIM115 - the app keeps writing to it
            app = session.start(sys.executable, "-m", "desktop", "--db", str(db), cwd=ROOT,
                                stdout=log, stderr=subprocess.STDOUT)
            wait_for(lambda: session.windows("QuickReply", visible=False) or app.poll() is not None,
                     timeout=30, what="the app to start")
            time.sleep(1.0)
            soak = Soak(session, db, out, window, app)
            started = time.monotonic()
            start_mem = end_mem = memory_kb(app.pid)
            survived = 0
            for n in range(args.rounds):
                if not soak.alive():
                    break
                soak.picker_round(n)
                if n % args.panel_every == args.panel_every - 1 and soak.alive():
                    soak.side_panel_click()
                if n % args.library_every == args.library_every // 2 and soak.alive():
                    soak.library_window()
                if not soak.alive():
                    break
                survived = n + 1
                if survived == WARM_UP:
                    start_mem = memory_kb(app.pid)
                if survived % 250 == 0:
                    pss, rss = memory_kb(app.pid)
                    print(f"  {survived} rounds, PSS {pss / 1024:.1f} MB, RSS {rss / 1024:.1f} MB, "
                          f"{time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
            if soak.alive():
                end_mem = memory_kb(app.pid)
            minutes = (time.monotonic() - started) / 60
            # What the app itself said about pastes it did not make (no buyer data is logged).
            log_file = tmp_path / "logs" / "quickreply.log"
            app_log = log_file.read_text(errors="replace") if log_file.exists() else ""
            refusals = [re.sub(r"\d+", "N", line.split(" not ", 1)[1]) for line in app_log.splitlines()
                        if " phrase " in line and (" not pasted" in line or " not sent" in line)]
            exit_note = "still running" if soak.alive() else f"exited with {app.returncode}"
            crash = ""
            if not soak.alive():
                log.flush()
                lines = (tmp_path / "app.log").read_text(errors="replace").strip().splitlines()
                fatal = [line for line in lines if "Fatal Python error" in line or "Error" in line]
                crash = (fatal or lines[-1:] or ["(no output)"])[0]
        finally:
            session.stop()
    versions = f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}"
    size = f"{args.size:,} phrases" if args.size else "default library"
    print(f"Soak, {size}, {versions}, {minutes:.1f} min")
    print()
    print("| rounds survived | pastes arrived | side-panel clicks | library opens | round p50 "
          "| PSS after warm-up | PSS at end | growth | RSS after warm-up | RSS at end "
          "| RSS growth | app |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    p50 = statistics.median(soak.round_ms) if soak.round_ms else 0.0
    warmed = survived >= WARM_UP
    growth = f"{(end_mem[0] - start_mem[0]) / 1024:+.1f} MB" if warmed else "—"
    after_warm_up = f"{start_mem[0] / 1024:.1f} MB" if warmed else "—"
    # PSS shares a library's pages among the processes that map it, so it moves when
    # other programs start or stop; RSS does not, and shows growth of the app's own.
    rss_after = f"{start_mem[1] / 1024:.1f} MB" if warmed else "—"
    rss_growth = f"{(end_mem[1] - start_mem[1]) / 1024:+.1f} MB" if warmed else "—"
    print(f"| {survived} / {args.rounds} | {soak.arrived} (lost {soak.lost}) | {soak.panel_clicks} "
          f"| {soak.library_opens} | {p50:.0f} ms | {after_warm_up} "
          f"| {end_mem[0] / 1024:.1f} MB | {growth} | {rss_after} | {end_mem[1] / 1024:.1f} MB "
          f"| {rss_growth} | {exit_note} |")
    if crash:
        print(f"\nthe app's last words: {crash}")
    for miss in soak.misses[:10]:
        print(f"\nmissed round: {miss}")
    for reason in sorted(set(refusals)):
        print(f"\nthe app declined {refusals.count(reason)} paste(s): not {reason}")
    ok = survived == args.rounds and soak.lost == 0
    os._exit(0 if ok else 1)


if __name__ == "__main__":
    sys.exit(main())
