"""``quickreply stats``: uses per phrase, the most used, retire candidates, time saved.

The team lead runs this on an agent's library file (or a copy of it); the
figures come from the usage records alone, see :mod:`desktop.core.exchange.stats`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from desktop.cli.base import emit, fail, json_option, library_of, main
from desktop.core.exchange.stats import (
    DAY,
    UNUSED_DAYS,
    Report,
    Row,
    format_time,
    split_duration,
    usage_report,
    write_csv,
)

TOP = 10


def duration_text(seconds: float) -> str:
    hours, minutes, secs = split_duration(seconds)
    if hours:
        return f"{hours} 小时 {minutes} 分钟"
    if minutes:
        return f"{minutes} 分 {secs} 秒"
    return f"{secs} 秒"


def _row_dict(r: Row) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "category": list(r.category),
        "uses": r.uses,
        "last_used": r.last_used,
        "chars": r.chars,
        "seconds_saved": round(r.seconds_saved, 1),
        "deleted": r.deleted,
    }


def _as_json(report: Report, days: int | None) -> dict[str, Any]:
    return {
        "days": days,
        "since": report.since,
        "until": report.until,
        "typing_speed": report.typing_speed,
        "total_uses": report.total_uses,
        "time_saved_seconds": round(report.time_saved_seconds, 1),
        "most_used": [r.id for r in report.most_used(TOP)],
        "unused_days": UNUSED_DAYS,
        "unused": [r.id for r in report.unused_since(UNUSED_DAYS)],
        "rows": [_row_dict(r) for r in report.rows],
    }


def _print(report: Report, days: int | None) -> None:
    period = f"最近 {days} 天（{format_time(report.since)} 起）" if days else "全部记录"
    click.echo(f"统计时段：{period}")
    click.echo(
        f"共使用 {report.total_uses} 次，估计节省打字时间 {duration_text(report.time_saved_seconds)}"
        f"（按每分钟 {report.typing_speed} 字估算）"
    )
    top = report.most_used(TOP)
    click.echo("\n最常用：" if top else "\n这段时间没有使用记录")
    for r in top:
        click.echo(
            f"{r.uses:6d}  {r.title}  ({'/'.join(r.category)})  最后使用 {format_time(r.last_used)}"
        )
    unused = report.unused_since(UNUSED_DAYS)
    click.echo(f"\n{UNUSED_DAYS} 天未使用（可考虑清理）：{len(unused)} 条")
    for r in unused:
        last = report.latest.get(r.id)
        when = f"最后使用 {format_time(last)}" if last is not None else "从未使用"
        click.echo(f"  {r.id}  {r.title}  ({'/'.join(r.category)})  {when}")


@main.command()
@click.option("--days", type=click.IntRange(1, 36_500), help="只统计最近 N 天（默认全部记录）")
@click.option(
    "--csv", "csv_file", type=click.Path(dir_okay=False, path_type=Path),
    help="把每条话术的统计导出为 CSV（UTF-8，Excel 可直接打开）",
)  # fmt: skip
@json_option
@click.pass_context
def stats(ctx: click.Context, days: int | None, csv_file: Path | None, as_json: bool) -> None:
    """使用统计：每条话术的使用次数、最常用、30 天未使用、估计节省的时间。"""
    lib = library_of(ctx)
    now = time.time()
    report = usage_report(lib, now - days * DAY if days else None, None, now=now)
    if csv_file is not None:
        try:
            count = write_csv(report, csv_file)
        except OSError as exc:
            fail(f"无法写入 {csv_file}：{exc.strerror or exc}")
        if not as_json:
            click.echo(f"已导出 {count} 条话术的统计到 {csv_file}", err=True)
    if as_json:
        emit(_as_json(report, days))
    else:
        _print(report, days)
