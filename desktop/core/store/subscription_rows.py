"""The ``subscriptions`` table: one row per followed pack, read and written here only.

``team.subscriptions`` decides what a subscription does (fetch, check, swap
the subtree); this module is where its rows live, so no SQL leaves the store.
Rows come back as tuples in ``FIELDS`` order.
"""

from __future__ import annotations

from typing import Any

from desktop.core.store.library import Library

FIELDS = (
    "id, source, name, pinned_key, signed_by, root_category_id, etag, last_modified,"
    " content_hash, last_checked, last_updated, last_error, created, pack_created"
)
_COLUMNS = frozenset(c.strip() for c in FIELDS.split(","))


def all_rows(lib: Library) -> list[tuple[Any, ...]]:
    return list(lib.conn.execute(f"SELECT {FIELDS} FROM subscriptions ORDER BY id"))


def row(lib: Library, sub_id: int) -> tuple[Any, ...] | None:
    found: tuple[Any, ...] | None = lib.conn.execute(
        f"SELECT {FIELDS} FROM subscriptions WHERE id = ?", (sub_id,)
    ).fetchone()
    return found


def add_row(
    lib: Library, *, source: str, name: str, pinned_key: str | None, root_id: int, created: str
) -> int:
    """A new subscription's row, inside the caller's ``atomic`` block; returns its id."""
    with lib.writing() as conn:
        cur = conn.execute(
            "INSERT INTO subscriptions (source, name, pinned_key, root_category_id, created)"
            " VALUES (?, ?, ?, ?, ?)",
            (source, name, pinned_key, root_id, created),
        )
    if cur.lastrowid is None:  # never after an INSERT
        raise RuntimeError("no id for the new subscription")
    return cur.lastrowid


def set_fields(lib: Library, sub_id: int, **values: Any) -> None:
    unknown = set(values) - _COLUMNS
    if unknown:  # column names are put into the SQL: only ever ours
        raise ValueError(f"not subscription columns: {sorted(unknown)}")
    assignments = ", ".join(f"{k} = ?" for k in values)
    with lib.writing() as conn:
        conn.execute(
            f"UPDATE subscriptions SET {assignments} WHERE id = ?", (*values.values(), sub_id)
        )


def delete_row(lib: Library, sub_id: int) -> None:
    with lib.writing() as conn:
        conn.execute("DELETE FROM subscriptions WHERE id = ?", (sub_id,))
