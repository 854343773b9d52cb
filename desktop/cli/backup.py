"""``quickreply backup``: list, take and restore copies of the library file."""

from __future__ import annotations

import click

from desktop.cli.base import emit, json_option, library_of, main
from desktop.cli.packs import table
from desktop.core.store import backup


@main.group("backup")
def backup_group() -> None:
    """话术库的备份：每次导入前自动备份，只保留最近几份（设置 backups_keep）。"""


@backup_group.command("list")
@json_option
@click.pass_context
def list_(ctx: click.Context, as_json: bool) -> None:
    """列出备份，最新的在前。"""
    found = backup.list_backups(library_of(ctx))
    if as_json:
        emit([b.to_dict() for b in found])
        return
    if not found:
        click.echo("还没有备份")
        return
    rows = [["名称", "时间", "原因"]]
    rows += [[b.name, b.created.strftime("%Y-%m-%d %H:%M:%S"), b.reason_label] for b in found]
    for line in table(rows):
        click.echo(line)


@backup_group.command("now")
@json_option
@click.pass_context
def now(ctx: click.Context, as_json: bool) -> None:
    """马上备份一次。"""
    path = backup.backup_now(library_of(ctx), backup.MANUAL)
    if as_json:
        emit({"name": path.name, "path": str(path)})
    else:
        click.echo(f"已备份：{path}")


@backup_group.command("restore")
@click.argument("name")
@json_option
@click.pass_context
def restore(ctx: click.Context, name: str, as_json: bool) -> None:
    """用备份 NAME（或 latest：最新的一份）替换现在的话术库；替换前先备份现状。"""
    info, saved = backup.restore(library_of(ctx), name)
    if as_json:
        emit({"restored": info.name, "saved": saved.name})
    else:
        click.echo(
            f"已恢复 {info.name}（{info.reason_label}，{info.created:%Y-%m-%d %H:%M:%S}）；"
            f"恢复前的状态已备份为 {saved.name}，可用 quickreply backup restore {saved.name} 撤销"
        )
