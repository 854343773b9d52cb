"""Ways to damage a library file on purpose, the way a failing disk or a bad copy would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.exchange.seed import open_library


def make_library(path: Path, *, settings: int = 30) -> int:
    """A seeded library with some store variables (their table sits on its own page)."""
    lib = open_library(path)
    for n in range(settings):
        lib.set_setting(f"store.变量{n}", "值" * 40)
    count = lib.count()
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    return count


def break_table_page(path: Path, table: str = "settings") -> None:
    """Scramble the b-tree header of one table's root page.

    Writing phrases never touches that page, so without a check a write
    would succeed in a file that ``quick_check`` already calls damaged.
    """
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    offset = (root - 1) * page_size
    for i in range(12):
        data[offset + i] ^= 0x5A
    path.write_bytes(bytes(data))


def garble_text(path: Path) -> str | None:
    """Put bytes that are not UTF-8 into one phrase's title (a flipped bit in a Chinese
    character does that); the b-tree stays intact, so integrity_check passes."""
    conn = sqlite3.connect(path)
    try:
        phrase_id, code = conn.execute(
            "SELECT id, code FROM phrases WHERE code IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
        conn.execute(
            "UPDATE phrases SET title = CAST(X'E594FF' AS TEXT) WHERE id = ?", (phrase_id,)
        )
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return code
