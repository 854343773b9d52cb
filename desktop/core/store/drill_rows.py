"""The ``drill_results`` table: one row per answered question or typed text.

``training.results`` decides what a result is; its rows are written and read
here, so the training layer needs no SQL.  Writing them leaves the search
caches alone (results are no phrases), so it is a plain transaction, not
``Library.writing``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.core.store.db import transaction
from desktop.core.store.library import Library

COLUMNS = (
    "kind, trainee, at, category, question, expected, answered, correct, seconds,"
    " time_limit, chars, errors"
)


def insert(lib: Library, rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows in ``COLUMNS`` order, all or none."""
    with transaction(lib.conn) as conn:
        conn.executemany(
            f"INSERT INTO drill_results ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def select(
    lib: Library, trainee: str | None = None, kind: str | None = None
) -> list[tuple[Any, ...]]:
    """Rows in ``COLUMNS`` order, oldest first, of one trainee and/or kind when given."""
    sql = f"SELECT {COLUMNS} FROM drill_results WHERE 1 = 1"
    params: list[Any] = []
    if trainee is not None:
        sql += " AND trainee = ?"
        params.append(trainee)
    if kind is not None:
        sql += " AND kind = ?"
        params.append(kind)
    sql += " ORDER BY at, id"
    return list(lib.conn.execute(sql, params))


def trainees(lib: Library) -> list[str]:
    """Everyone with results, most recent first."""
    rows = lib.conn.execute(
        "SELECT trainee FROM drill_results GROUP BY trainee ORDER BY MAX(at) DESC"
    )
    return [str(r[0]) for r in rows]
