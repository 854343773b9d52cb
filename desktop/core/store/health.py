"""Qt-free health checks for ``quickreply doctor``: the library file, its backups, subscriptions.

Each check is a ``Check``: a name, ``ok``/``warn``/``fail`` and one line of
Chinese a support person can read over the phone.  Nothing here changes the
file: it is opened read-only, so a damaged library stays exactly as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.base.errors import QuickReplyError
from desktop.core.store.damaged import damage, list_backups, read_only
from desktop.core.store.schema import SCHEMA_VERSION, user_version

OK, WARN, FAIL = "ok", "warn", "fail"
STALE_BACKUP_DAYS = 30


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    detail: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def database_checks(path: Path) -> list[Check]:
    """File, integrity and schema version; a missing file is fine (it is created on start)."""
    if not path.exists():
        return [Check("话术库", OK, f"{path} 还不存在，第一次启动时会自动创建")]
    if path.is_dir():
        return [Check("话术库", FAIL, f"{path} 是一个文件夹，不是话术库文件")]
    size = path.stat().st_size
    checks = [Check("话术库", OK, f"{path}（{size_text(size)}）")]
    problem = damage(path, full=True)
    if problem:
        checks.append(
            Check(
                "完整性",
                FAIL,
                f"话术库文件已损坏（{problem}）；启动快回会提示恢复最近的完好备份"
                "（损坏的文件会改名保留），也可运行 quickreply backup restore latest",
            )
        )
        return checks
    checks.append(Check("完整性", OK, "完整性检查通过（PRAGMA integrity_check）"))
    try:
        conn = read_only(path)
        try:
            version = user_version(conn)
            phrases = _count(conn, "SELECT COUNT(*) FROM phrases WHERE deleted_at IS NULL")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [*checks, Check("结构版本", FAIL, f"无法读取话术库：{exc}")]
    if version > SCHEMA_VERSION:
        checks.append(
            Check("结构版本", FAIL, f"文件来自更新版本的快回（版本 {version}），请升级快回")
        )
    elif version < SCHEMA_VERSION:
        checks.append(
            Check("结构版本", OK, f"版本 {version}，下次打开时自动升级到 {SCHEMA_VERSION}")
        )
    else:
        count = f"，{phrases} 条话术" if phrases is not None else ""
        checks.append(Check("结构版本", OK, f"版本 {version}（当前程序 {SCHEMA_VERSION}）{count}"))
    return checks


def _count(conn: sqlite3.Connection, sql: str) -> int | None:
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.Error:
        return None


def backup_check(path: Path, now: datetime | None = None) -> Check:
    try:
        backups = list_backups(path)
    except (OSError, ValueError, QuickReplyError) as exc:  # the other checks go on
        return Check("备份", WARN, f"无法读取备份文件夹：{exc}")
    if not backups:
        return Check("备份", WARN, "还没有备份；可以运行 quickreply backup now 备份一次")
    newest, created = backups[0]
    age = ((now or datetime.now()) - created).days
    detail = f"最近一次 {created:%Y-%m-%d %H:%M}（{newest.name}），共 {len(backups)} 份"
    if age > STALE_BACKUP_DAYS:
        return Check("备份", WARN, f"{detail}，已经 {age} 天没有备份")
    return Check("备份", OK, detail)


def subscription_check(path: Path) -> Check:
    """Last update of team subscriptions, from the ``subscriptions`` table when there is one."""
    if not path.exists():
        return Check("订阅", OK, "没有订阅团队话术")
    if not path.is_file() or damage(path):
        return Check("订阅", WARN, "话术库无法读取，跳过订阅检查")
    try:
        conn = read_only(path)
        try:
            exists = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'subscriptions'"
            ).fetchone()
            rows = (
                conn.execute(
                    "SELECT name, last_updated, last_checked, last_error FROM subscriptions"
                ).fetchall()
                if exists
                else []
            )
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Check("订阅", WARN, f"无法读取订阅：{exc}")
    if not rows:
        return Check("订阅", OK, "没有订阅团队话术")
    failing = [name for name, _updated, _checked, error in rows if error]
    updated = max((row[1] for row in rows if row[1]), default=None)
    last = f"最近更新 {updated[:16].replace('T', ' ')}" if updated else "还没有更新过"
    if failing:
        return Check("订阅", WARN, f"{len(rows)} 个订阅，{last}；更新出错：{'、'.join(failing)}")
    return Check("订阅", OK, f"{len(rows)} 个订阅，{last}")


def overall_ok(checks: list[Check]) -> bool:
    return all(check.status != FAIL for check in checks)
