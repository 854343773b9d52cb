"""Crash run: kill -9 the command line at random moments of its writes, then check the library.

Each round runs one write through the real CLI as a subprocess against a temporary
library -- ``import``, ``backup now``, ``backup restore latest``, ``edit`` or
``update`` (a subscription served by a local HTTP server on 127.0.0.1) -- and sends
SIGKILL after a random part of the time that same command takes when left alone.
A round *survives* when, afterwards:

* ``PRAGMA integrity_check`` says ``ok`` (opened the way the next process would,
  so a hot WAL or journal is recovered first);
* the library holds exactly the state before the command or exactly the state the
  same command reaches when it completes (run on a copy first): all or nothing;
* every named backup (``backups/*.db``) is a whole, sound library;
* the next command (``quickreply search``) works.

Rounds where the process had already finished before the kill are not counted as
kills.  Prints a table per command and the total survived/tried.

    python bench/bench_kill9.py              # at least 60 kills
    python bench/bench_kill9.py --kills 100 --seed 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

OPS = ("import", "backup", "restore", "edit", "update")
IMPORT_SIZE = 3000
TEAM_SIZE = 1500
GUARD_S = 1800  # the pack server stops by itself after this


def pack(size: int, version: int, prefix: str) -> bytes:
    """A pack whose ids stay the same across versions and whose texts differ by version."""
    phrases = [
        {
            "id": f"{prefix}{n}",
            "category": [f"{prefix}分类{n % 40}", f"子类{n % 7}"],
            "title": f"{prefix}标题{n}",
            "body": f"第 {version} 版：亲，这是第 {n} 条话术，" + "内容" * (20 + n % 30),
            "code": f"{prefix}{n}",
            "tags": [f"标签{n % 5}"],
        }
        for n in range(size)
    ]
    doc = {"format": "quickreply.pack", "version": 1, "name": f"{prefix}包",
           "created": f"2026-12-0{1 + version % 2}T08:00:00+00:00", "phrases": phrases}  # fmt: skip
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


class PackServer:
    """``/team.json`` on 127.0.0.1; ``version`` picks which pack it serves."""

    def __init__(self) -> None:
        self.version = 1
        self.bodies = {v: pack(TEAM_SIZE, v, "t") for v in (1, 2)}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = server.bodies[server.version]
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass  # the client was killed

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/team.json"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.guard = threading.Timer(GUARD_S, self.close)
        self.guard.start()

    def close(self) -> None:
        self.guard.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()


def cli(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=300,
                          env=ENV, check=False)  # fmt: skip
    if check and done.returncode != 0:
        raise SystemExit(f"setup failed: {' '.join(args)}: {done.stderr.strip()}")
    return done


ENV = {
    k: v for k, v in os.environ.items() if k not in ("QUICKREPLY_DB", "http_proxy", "https_proxy")
}


def state(db: Path) -> str:
    """A fingerprint of everything a command may change (timestamps left out)."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        cats = conn.execute(
            "SELECT c.id, COALESCE(p.name, ''), c.name, c.note, c.read_only"
            " FROM categories c LEFT JOIN categories p ON p.id = c.parent_id ORDER BY c.id"
        ).fetchall()
        names = {row[0]: (row[1], row[2]) for row in cats}
        phrases = conn.execute(
            "SELECT id, category_id, title, body, code, tags, note, pinned, deleted_at IS NULL"
            " FROM phrases ORDER BY id"
        ).fetchall()
        subs = conn.execute(
            "SELECT source, name, pinned_key FROM subscriptions ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    digest = hashlib.sha256()
    for row in sorted((names[r[0]], r[3], r[4]) for r in cats):
        digest.update(repr(row).encode())
    for row in phrases:
        digest.update(repr((row[0], names.get(row[1]), *row[2:])).encode())
    digest.update(repr(subs).encode())
    return digest.hexdigest()


def sound(path: Path) -> bool:
    conn = sqlite3.connect(path, timeout=30)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def backups_sound(folder: Path) -> bool:
    for path in folder.glob("*.db"):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return False
        except sqlite3.DatabaseError:
            return False
        finally:
            conn.close()
    return True


class Run:
    def __init__(self, work: Path, server: PackServer, seed: int) -> None:
        self.work = work
        self.db = work / "lib" / "library.db"
        self.db.parent.mkdir(parents=True)
        self.server = server
        self.rng = random.Random(seed)
        self.packs = {}
        for v in (1, 2):
            path = work / f"import-{v}.json"
            path.write_bytes(pack(IMPORT_SIZE, v, "i"))
            self.packs[v] = path
        self.round = 0
        cli(self.db, "search", "退")  # creates and seeds the library
        cli(self.db, "import", str(self.packs[1]))
        cli(self.db, "config", "backups_keep", "6")
        cli(self.db, "subscribe", server.url, "--as", "团队")
        cli(self.db, "backup", "now")

    def args(self, op: str) -> list[str]:
        version = 1 + self.round % 2
        if op == "import":
            return ["import", str(self.packs[version]), "--on-conflict", "replace"]
        if op == "backup":
            return ["backup", "now"]
        if op == "restore":
            return ["backup", "restore", "latest"]
        if op == "edit":
            return [
                "edit",
                "i7",
                "--body",
                f"改过的第 {self.round} 次",
                "--title",
                f"标题{self.round}",
            ]
        self.server.version = version
        return ["update", "团队"]

    def completed_state(self, op: str) -> tuple[str, float]:
        """The state the command reaches when left alone (on a copy), and how long it takes."""
        scratch = self.work / "scratch"
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(self.db.parent, scratch)
        started = time.monotonic()
        cli(scratch / "library.db", *self.args(op), check=False)
        took = time.monotonic() - started
        return state(scratch / "library.db"), took

    def one(self, op: str) -> tuple[bool, bool, str]:
        """(killed, survived, note) for one round of ``op``."""
        before = state(self.db)
        after, took = self.completed_state(op)
        delay = self.rng.uniform(0.15, 1.0) * took
        proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(self.db), *self.args(op)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)  # fmt: skip
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        self.round += 1
        problems = []
        if not sound(self.db):
            problems.append("integrity_check failed")
        elif state(self.db) not in (before, after):
            problems.append("half-written: neither the state before nor after")
        if not backups_sound(self.db.parent / "backups"):
            problems.append("a named backup is damaged")
        if cli(self.db, "search", "亲", check=False).returncode != 0:
            problems.append("the next command failed")
        return killed, not problems, "; ".join(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=60, help="stop after this many real kills")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--max-rounds", type=int, default=400)
    options = parser.parse_args()
    server = PackServer()
    tried: Counter[str] = Counter()
    survived: Counter[str] = Counter()
    finished: Counter[str] = Counter()
    failures: list[str] = []
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="quickreply-kill9-") as folder:
            run = Run(Path(folder), server, options.seed)
            rounds = 0
            while sum(tried.values()) < options.kills and rounds < options.max_rounds:
                op = OPS[rounds % len(OPS)]
                rounds += 1
                killed, ok, note = run.one(op)
                if not killed:
                    finished[op] += 1
                    if not ok:
                        failures.append(f"{op} (not killed): {note}")
                    continue
                tried[op] += 1
                survived[op] += ok
                if not ok:
                    failures.append(f"{op}: {note}")
    finally:
        server.close()
    print(f"kill -9 run: {sum(tried.values())} kills in {time.monotonic() - started:.0f} s"
          f" (import {IMPORT_SIZE} phrases, subscription of {TEAM_SIZE} over http://127.0.0.1)")  # fmt: skip
    print()
    print("| command | killed | survived | finished before the kill |")
    print("|---|---:|---:|---:|")
    for op in OPS:
        print(f"| {op} | {tried[op]} | {survived[op]} | {finished[op]} |")
    print()
    print(f"survived/tried: {sum(survived.values())}/{sum(tried.values())}")
    for line in failures:
        print("FAILED", line)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
