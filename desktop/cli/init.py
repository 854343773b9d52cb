"""``quickreply init``: create a library file on purpose, with or without the default phrases."""

from __future__ import annotations

from pathlib import Path

import click

from desktop.cli.base import emit, fail, json_option, main
from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.store.db import default_path


@main.command()
@click.option("--empty", is_flag=True, help="不放默认话术，建一个空的话术库")
@json_option
@click.pass_context
def init(ctx: click.Context, empty: bool, as_json: bool) -> None:
    """新建话术库文件（--db 指定位置）；文件已存在时不动它。"""
    path = Path(ctx.find_root().obj.get("db") or default_path())
    if path.exists():
        fail(f"话术库已存在：{path}（init 只新建，不会改动已有的文件）")
    with Library.open(path) if empty else open_library(path) as lib:
        count = lib.count()
    if as_json:
        emit({"path": str(path), "phrases": count, "empty": empty})
    else:
        click.echo(f"已新建话术库：{path}（{count} 条话术）")
