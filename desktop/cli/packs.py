"""``quickreply import`` and ``export``: phrase packs."""

from __future__ import annotations

from pathlib import Path

import click

from desktop.cli.base import (
    emit,
    json_option,
    library_of,
    main,
)
from desktop.core import packs
from desktop.core.errors import ValidationError


@main.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--on-conflict",
    type=click.Choice(packs.POLICIES),
    default="skip",
    show_default=True,
    help="编号或快捷编码已存在时：跳过 / 替换 / 两个都留（副本换新编码）",
)
@json_option
@click.pass_context
def import_(ctx: click.Context, file: Path, on_conflict: str, as_json: bool) -> None:
    """导入话术包（.json）。整个导入是一次事务：出错时话术库不变。"""
    pack = packs.read_pack(file)
    report = packs.import_pack(library_of(ctx), pack, on_conflict)
    if as_json:
        emit(report.to_dict())
        return
    click.echo(
        f"导入 {len(report.added)} 条，替换 {len(report.replaced)} 条，跳过 {len(report.skipped)} 条"
    )
    for title, reason in report.skipped[:20]:
        click.echo(f"  跳过：{title}（{reason}）")
    if len(report.skipped) > 20:
        click.echo(f"  ……另有 {len(report.skipped) - 20} 条跳过")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--category", "cats", multiple=True, help="只导出这些分类（可重复）")
@click.option("--id", "ids", multiple=True, help="只导出这些话术（可重复）")
@click.option("--name", default="", help="话术包名称")
@click.option("--author", default="", help="作者")
@json_option
@click.pass_context
def export(ctx, file: Path, cats, ids, name: str, author: str, as_json: bool) -> None:
    """导出话术包（.json）：只含话术和分类说明，不含店铺变量和使用记录。"""
    if file.suffix.lower() != ".json":
        raise ValidationError("话术包文件名应以 .json 结尾")
    lib = library_of(ctx)
    count = packs.export_pack(
        lib,
        file,
        categories=cats or None,
        phrase_ids=ids or None,
        name=name or file.stem,
        author=author,
    )
    if as_json:
        emit({"file": str(file), "phrases": count})
    else:
        click.echo(f"已导出 {count} 条话术到 {file}（不含店铺变量和使用记录）")
