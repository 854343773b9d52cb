"""Schema migrations: small functions applied in order, each in its own transaction.

The file's version is SQLite's ``user_version``.  Each step is written so that
running it on a file that already has its tables changes nothing, and a file
written by an older QuickReply is upgraded in place when opened.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from desktop.core.base.errors import DatabaseError
from desktop.core.base.messages import Message
from desktop.core.search.index import phrase_keys
from desktop.core.store.categories import fill_pinyin


def _v1_base(conn: sqlite3.Connection) -> None:
    # Statement by statement: executescript() would commit the open transaction.
    script = """
        CREATE TABLE IF NOT EXISTS categories (
            id INTEGER PRIMARY KEY,
            parent_id INTEGER REFERENCES categories(id),
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            read_only INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS phrases (
            id TEXT PRIMARY KEY,
            category_id INTEGER NOT NULL REFERENCES categories(id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            code TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            pinned INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX IF NOT EXISTS phrases_category ON phrases(category_id, position);
        CREATE INDEX IF NOT EXISTS phrases_code ON phrases(code);
        CREATE TABLE IF NOT EXISTS settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS usage (
            id INTEGER PRIMARY KEY,
            phrase_id TEXT NOT NULL,
            used_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS usage_phrase ON usage(phrase_id, used_at)
    """
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v2_search_keys(conn: sqlite3.Connection) -> None:
    """Store each phrase's folded search text so opening a large library is quick."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(phrases)")}
    for column in ("search_names", "search_body", "search_pinyin"):
        if column not in have:
            conn.execute(f"ALTER TABLE phrases ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT id, code, title, tags, body FROM phrases").fetchall()
    for phrase_id, code, title, tags, body in rows:
        keys = phrase_keys(code, title, json.loads(tags or "[]"), body)
        conn.execute(
            "UPDATE phrases SET search_names = ?, search_body = ?, search_pinyin = ? WHERE id = ?",
            (*keys, phrase_id),
        )


def _v3_subscriptions(conn: sqlite3.Connection) -> None:
    """Team subscriptions: where each comes from, whom it trusts, and how fresh it is."""
    conn.execute(
        """CREATE TABLE IF NOT EXISTS subscriptions (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            pinned_key TEXT,
            signed_by TEXT,
            root_category_id INTEGER REFERENCES categories(id),
            etag TEXT,
            last_modified TEXT,
            content_hash TEXT,
            last_checked TEXT,
            last_updated TEXT,
            last_error TEXT,
            created TEXT NOT NULL
        )"""
    )


def merge_duplicate_categories(conn: sqlite3.Connection) -> int:
    """Fold categories with the same parent and name into the oldest one; returns how many went.

    Two processes with stale caches could each create 售后 (or 售后/退换货).
    Phrases, subcategories and subscription roots move to the kept one, a note
    it lacks is taken over, and merging parents can make their children
    duplicates in turn, so this repeats until none are left.
    """
    has_subscriptions = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'subscriptions'"
    ).fetchone()
    merged = 0
    while True:
        groups = conn.execute(
            "SELECT MIN(id), GROUP_CONCAT(id) FROM categories"
            " GROUP BY COALESCE(parent_id, 0), name HAVING COUNT(*) > 1"
        ).fetchall()
        if not groups:
            return merged
        for keep, ids in groups:
            for other in sorted(int(i) for i in str(ids).split(",") if int(i) != keep):
                conn.execute(
                    "UPDATE phrases SET category_id = ? WHERE category_id = ?", (keep, other)
                )
                conn.execute(
                    "UPDATE categories SET parent_id = ? WHERE parent_id = ?", (keep, other)
                )
                conn.execute(
                    "UPDATE categories SET"
                    " note = CASE WHEN note = '' THEN (SELECT note FROM categories WHERE id = ?)"
                    " ELSE note END,"
                    " read_only = MAX(read_only, (SELECT read_only FROM categories WHERE id = ?))"
                    " WHERE id = ?",
                    (other, other, keep),
                )
                if has_subscriptions:
                    conn.execute(
                        "UPDATE subscriptions SET root_category_id = ? WHERE root_category_id = ?",
                        (keep, other),
                    )
                conn.execute("DELETE FROM categories WHERE id = ?", (other,))
                merged += 1


def _v4_unique_categories(conn: sqlite3.Connection) -> None:
    """One category per parent and name, enforced by the file rather than a process's cache."""
    merge_duplicate_categories(conn)
    conn.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS categories_unique_name"
        " ON categories(COALESCE(parent_id, 0), name)"
    )


def _v5_pack_time(conn: sqlite3.Connection) -> None:
    """The ``created`` time of the last signed pack accepted, so an older one can be refused."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(subscriptions)")}
    if "pack_created" not in have:
        conn.execute("ALTER TABLE subscriptions ADD COLUMN pack_created TEXT")


def _v6_category_position(conn: sqlite3.Connection) -> None:
    """Finding the end of a parent's children, once per new category, without a scan."""
    conn.execute(
        "CREATE INDEX IF NOT EXISTS categories_parent_position ON categories(parent_id, position)"
    )


def _v7_category_pinyin(conn: sqlite3.Connection) -> None:
    """Store each category name's pinyin, so opening the library needs no pypinyin."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(categories)")}
    if "search_pinyin" not in have:
        conn.execute("ALTER TABLE categories ADD COLUMN search_pinyin TEXT NOT NULL DEFAULT ''")
    if "search_for" not in have:
        conn.execute("ALTER TABLE categories ADD COLUMN search_for TEXT")
    fill_pinyin(conn)


def _v8_suggest(conn: sqlite3.Connection) -> None:
    """建议: each phrase's example buyer questions, and the words agents taught it.

    ``suggest_learned`` holds dictionary words only (see ``desktop.core.store.suggestions``),
    never a buyer's message.
    """
    have = {row[1] for row in conn.execute("PRAGMA table_info(phrases)")}
    if "examples" not in have:
        conn.execute("ALTER TABLE phrases ADD COLUMN examples TEXT NOT NULL DEFAULT '[]'")
    # Notes are searched now too (below names): refresh every phrase's body key.
    rows = conn.execute("SELECT id, code, title, tags, body, note, examples FROM phrases")
    for phrase_id, code, title, tags, body, note, examples in rows.fetchall():
        keys = phrase_keys(
            code, title, json.loads(tags or "[]"), body, note, json.loads(examples or "[]")
        )
        conn.execute(
            "UPDATE phrases SET search_names = ?, search_body = ?, search_pinyin = ? WHERE id = ?",
            (*keys, phrase_id),
        )
    conn.execute(
        """CREATE TABLE IF NOT EXISTS suggest_learned (
            phrase_id TEXT NOT NULL,
            word TEXT NOT NULL,
            weight REAL NOT NULL DEFAULT 1,
            PRIMARY KEY (phrase_id, word)
        )"""
    )


def _v9_drill(conn: sqlite3.Connection) -> None:
    """练习: the phrases a lead also accepts for a phrase's example questions, and drill results.

    A result row holds the trainee's name, the example question (written by the
    lead, never a buyer's message), what was picked and how long it took.
    """
    have = {row[1] for row in conn.execute("PRAGMA table_info(phrases)")}
    if "accept" not in have:
        conn.execute("ALTER TABLE phrases ADD COLUMN accept TEXT NOT NULL DEFAULT '[]'")
    conn.execute(
        """CREATE TABLE IF NOT EXISTS drill_results (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            trainee TEXT NOT NULL,
            at REAL NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            question TEXT NOT NULL DEFAULT '',
            expected TEXT NOT NULL DEFAULT '',
            answered TEXT NOT NULL DEFAULT '',
            correct INTEGER NOT NULL DEFAULT 0,
            seconds REAL NOT NULL,
            time_limit REAL NOT NULL DEFAULT 0,
            chars INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0
        )"""
    )
    conn.execute("CREATE INDEX IF NOT EXISTS drill_results_trainee ON drill_results(trainee, at)")


# What the 建议 index is built from: any change to these rows makes the stored index stale.
CONTENT_TABLES = ("phrases", "categories", "suggest_learned")


def _v10_content_token(conn: sqlite3.Connection) -> None:
    """A token that changes with every write to the phrases, categories or learned words.

    Triggers change it inside the writing transaction, whoever writes (the app,
    the command line, an older copy of the file restored): a derived file built
    for one token (the stored 建议 index) is known stale when the token differs.
    A fresh random value each time, so two histories never share a token.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS content_token"
        " (k INTEGER PRIMARY KEY CHECK (k = 1), token BLOB NOT NULL)"
    )
    conn.execute("INSERT OR IGNORE INTO content_token VALUES (1, randomblob(8))")
    for table in CONTENT_TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(
                f"CREATE TRIGGER IF NOT EXISTS {table}_{event.lower()}_token"
                f" AFTER {event} ON {table}"
                " BEGIN UPDATE content_token SET token = randomblob(8); END"
            )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_base,
    _v2_search_keys,
    _v3_subscriptions,
    _v4_unique_categories,
    _v5_pack_time,
    _v6_category_position,
    _v7_category_pinyin,
    _v8_suggest,
    _v9_drill,
    _v10_content_token,
]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection) -> int:
    """The file's version; refuses (without writing) a file from a newer QuickReply."""
    start = user_version(conn)
    if start > SCHEMA_VERSION:
        raise DatabaseError(
            Message(
                "话术库文件来自更新版本的快回（结构版本 {version}），请升级快回后再打开",
                version=start,
            )
        )
    return start


def migrate(conn: sqlite3.Connection, upto: int = SCHEMA_VERSION) -> int:
    """Bring the file up to ``upto``; returns the version it had before."""
    start = check_version(conn)
    for version in range(start + 1, upto + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start
