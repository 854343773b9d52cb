"""Start-up and idle memory of the real app under Xvfb, beside the floor of a bare Qt app.

For each library size the tray app is started as its own process (``python -m
desktop``) on a fresh Xvfb with openbox and trayer, and timed from the start of
the process to the moment its tray icon sits in the tray.  Then it waits until
the app has stopped using CPU (the search and suggestion indexes are built in
the background after the tray is up; "idle after" says when that was) and a few
idle seconds more, and reads PSS and RSS from ``/proc/PID/smaps_rollup``; then
opens the picker once with the hotkey, types ``fh``, closes it, and reads PSS
again (the fonts and the list's first rendering stay).  The same is
done, in the same session, for a bare PySide6 ``QApplication`` that shows one
tray icon and nothing else: what any Python Qt tray app costs on this machine.
Then the command line: ``--version`` and, on the 20,000-phrase library,
``search``, ``show`` and ``render`` (wall time of the whole process), beside
``python -c pass``.

    python bench/bench_startup.py                       # 200, 20,000 and 100,000 phrases
    python bench/bench_startup.py --sizes 200 20000 --runs 3

Needs Linux with xvfb, openbox, trayer and xdotool (as the e2e tests).
Targets (issue 15): tray ready <= 0.5 s and idle PSS <= 90 MB at 20,000
phrases, PSS <= 150 MB at 100,000; ``--version`` <= 0.15 s and
``search``/``show``/``render`` <= 0.35 s at 20,000.
"""

from __future__ import annotations

import argparse
import os
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

from soak import memory_kb

from tests.e2e.conftest import NEEDED, XSession, wait_for

try:
    from Xlib.error import XError
except ImportError:  # not Linux: main() says what is missing
    XError = OSError

BARE_TRAY_APP = """
import sys
from PySide6 import QtGui, QtWidgets
app = QtWidgets.QApplication(["bare"])
app.setQuitOnLastWindowClosed(False)
pixmap = QtGui.QPixmap(32, 32)
pixmap.fill(QtGui.QColor("#d33"))
tray = QtWidgets.QSystemTrayIcon(QtGui.QIcon(pixmap))
tray.show()
sys.exit(app.exec())
"""


class TrayWatch:
    """Asks the X server, without a subprocess per poll, whether trayer holds an icon."""

    def __init__(self, display: str) -> None:
        from Xlib import display as xdisplay

        self.d = xdisplay.Display(display)
        self.panel = self._find(self.d.screen().root)

    def _find(self, window):
        for child in window.query_tree().children:
            cls = child.get_wm_class()
            if cls and cls[1] == "trayer" and child.get_wm_name() == "panel":
                return child
            found = self._find(child)
            if found is not None:
                return found
        return None

    def icons(self) -> int:
        """Viewable client windows (they have a WM_CLASS) embedded in the tray panel."""
        count = 0
        stack = list(self.panel.query_tree().children)
        while stack:
            w = stack.pop()
            try:
                if w.get_attributes().map_state == 2 and w.get_wm_class():
                    count += 1
                stack.extend(w.query_tree().children)
            except XError:  # the window went away meanwhile
                continue
        return count

    def close(self) -> None:
        self.d.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_until_tray(session: XSession, watch: TrayWatch, args: list[str], log: Path):
    """(seconds from spawn to a tray icon, CPU seconds used by then, process)."""
    before = watch.icons()
    with open(log, "w") as out:
        t0 = time.perf_counter()
        proc = session.start(*args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        while watch.icons() <= before:
            if proc.poll() is not None:
                raise RuntimeError(f"{args} exited with {proc.returncode}: {log.read_text()}")
            if time.perf_counter() - t0 > 60:
                raise RuntimeError(f"{args}: no tray icon after 60 s")
            time.sleep(0.002)
        return time.perf_counter() - t0, cpu_seconds(proc.pid), proc


def stop(proc: subprocess.Popen, watch: TrayWatch) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    wait_for(lambda: watch.icons() == 0, what="the tray icon to go")


def settle(pid: int, quiet: float = 1.0, limit: float = 180.0) -> float:
    """Wait until the process has used less than 1% CPU for ``quiet`` seconds
    (background index builds done); the seconds that took."""
    t0 = time.perf_counter()
    last = cpu_seconds(pid)
    while time.perf_counter() - t0 < limit:
        time.sleep(quiet)
        now = cpu_seconds(pid)
        if now - last < quiet * 0.01:
            break
        last = now
    return time.perf_counter() - t0


def one_popup(session: XSession) -> None:
    """Open the picker with the hotkey, type a query, close it (as an agent's first round)."""
    session.run("xdotool", "key", "--delay", "60", "ctrl+alt+k")
    time.sleep(0.5)
    session.run("xdotool", "type", "--delay", "30", "fh")
    time.sleep(0.5)
    session.run("xdotool", "key", "Escape")


def measure(session, watch, args, log, runs: int, idle: float, popup: bool) -> dict[str, float]:
    times: list[float] = []
    cpu: list[float] = []
    pss = rss = popup_pss = 0
    settled = 0.0
    for n in range(runs):
        seconds, used, proc = start_until_tray(session, watch, args, log)
        times.append(seconds)
        cpu.append(used)
        # Every start runs until idle: the first one after a change stores the
        # 建议 index file, which the later starts (and the memory read) use.
        idle_after = seconds + settle(proc.pid)
        if n == runs - 1:
            settled = idle_after
            time.sleep(idle)
            pss, rss = memory_kb(proc.pid)
            if popup:
                one_popup(session)
                settle(proc.pid)
                time.sleep(idle)
                popup_pss = memory_kb(proc.pid)[0]
        stop(proc, watch)
    return {
        "p50": statistics.median(times),
        "max": max(times),
        "cpu": statistics.median(cpu),
        "settled": settled,
        "pss": pss / 1024,
        "rss": rss / 1024,
        "popup_pss": popup_pss / 1024,
    }


def timed(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """Wall time p50 and max, and CPU time p50 (less sensitive to a busy machine)."""
    times, cpu = [], []
    for _ in range(runs):
        before = os.times()
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
        after = os.times()
        cpu.append(
            after.children_user
            + after.children_system
            - before.children_user
            - before.children_system
        )
    return statistics.median(times), max(times), statistics.median(cpu)


def build(path: Path, size: int) -> None:
    from bench_popup import build_library

    from desktop.core.exchange.seed import open_library

    if size <= 200:
        open_library(path).close()  # the default library
    else:
        build_library(path, size)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 20_000, 100_000])
    parser.add_argument(
        "--runs", type=int, default=5,
        help="starts per row (median and max); memory is read at the last, after a first start "
        "has stored the 建议 index",
    )
    parser.add_argument(
        "--idle", type=float, default=5.0, help="seconds idle before memory is read"
    )
    args = parser.parse_args()
    missing = [p for p in NEEDED if shutil.which(p) is None]
    if missing:
        print("needs " + ", ".join(missing), file=sys.stderr)
        return 2
    py = sys.executable
    # An installed copy (pip, or the frozen build) starts from compiled bytecode;
    # with PYTHONDONTWRITEBYTECODE set every start would compile the sources again.
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "desktop")], check=True)
    rows: list[tuple[str, dict[str, float]]] = []
    cli_rows: list[tuple[str, tuple[float, float, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        dbs = {}
        for size in args.sizes:
            dbs[size] = tmp_path / f"lib{size}.db"
            build(dbs[size], size)
            print(f"  built {size:,}", file=sys.stderr, flush=True)
        session = XSession.launch(tmp_path, "1280x720")
        watch = TrayWatch(session.display)
        try:
            rows.append(
                (
                    "bare PySide6 app with a tray icon (floor)",
                    measure(
                        session,
                        watch,
                        [py, "-c", BARE_TRAY_APP],
                        tmp_path / "bare.log",
                        args.runs,
                        args.idle,
                        popup=False,
                    ),
                )
            )
            for size in args.sizes:
                label = (
                    f"QuickReply, {size:,} phrases"
                    if size > 200
                    else "QuickReply, default library (200)"
                )
                cmd = [py, "-m", "desktop", "--db", str(dbs[size])]
                rows.append(
                    (
                        label,
                        measure(
                            session, watch, cmd, tmp_path / "app.log", args.runs, args.idle,
                            popup=True,
                        ),
                    )
                )
                print(f"  {label}: {rows[-1][1]}", file=sys.stderr, flush=True)
        finally:
            watch.close()
            session.stop()

        runs = max(args.runs, 5)
        cli_rows.append(("python -c pass (floor)", timed([py, "-c", "pass"], runs)))
        cli_rows.append(("quickreply --version", timed([py, "-m", "desktop", "--version"], runs)))
        big = 20_000 if 20_000 in dbs else max(dbs)
        db = str(dbs[big])

        from desktop.core.exchange.seed import open_library

        with open_library(db) as lib:
            code = lib.search("fh", limit=1)[0].code
        base = [py, "-m", "desktop", "--db", db]
        for name, extra in (
            ("search 发货", ["search", "发货"]),
            (f"show {code}", ["show", code]),
            (f"render {code}", ["render", code]),
        ):
            cli_rows.append((f"quickreply {name} ({big:,} phrases)", timed(base + extra, runs)))

    import PySide6

    load = os.getloadavg()
    print(
        f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, {os.cpu_count()} cores, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print()
    print(
        "| app (Xvfb, openbox, trayer) | tray ready p50 | max | CPU by then | idle after "
        "| idle PSS | idle RSS | PSS after a popup |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, r in rows:
        after = f"{r['popup_pss']:.0f} MB" if r["popup_pss"] else "—"
        print(
            f"| {label} | {r['p50']:.2f} s | {r['max']:.2f} s | {r['cpu']:.2f} s "
            f"| {r['settled']:.1f} s | {r['pss']:.0f} MB | {r['rss']:.0f} MB | {after} |"
        )
    print()
    print("| command | p50 | max | CPU p50 |")
    print("|---|---:|---:|---:|")
    for label, (p50, worst, used) in cli_rows:
        print(f"| `{label}` | {p50:.2f} s | {worst:.2f} s | {used:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
