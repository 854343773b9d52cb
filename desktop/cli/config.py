"""``quickreply config``: read or change settings."""

from __future__ import annotations

import click

from desktop.cli.base import (
    emit,
    json_option,
    library_of,
    main,
)
from desktop.core.store.settings import SETTINGS, canonical_key


@main.command()
@click.argument("key", required=False)
@click.argument("value", required=False)
@json_option
@click.pass_context
def config(ctx: click.Context, key: str | None, value: str | None, as_json: bool) -> None:
    """查看或修改设置，例如 config hotkey ctrl+alt+j、config 店铺名 小店。"""
    lib = library_of(ctx)
    if key is None:
        values = lib.settings()
        if as_json:
            emit(values)
            return
        for k, v in values.items():
            label = SETTINGS[k].label if k in SETTINGS else "店铺变量"
            click.echo(f"{k} = {v}    # {label}")
        return
    key = canonical_key(key)
    if value is not None:
        lib.set_setting(key, value)
    current = lib.setting(key)
    emit({key: current}) if as_json else click.echo(current)
