"""``quickreply suggest``: the phrases for a buyer's message, as an agent would pick them."""

from __future__ import annotations

import sys

import click

from desktop.cli.base import emit, json_option, library_of, main, one_line

FIELD_NAMES = {
    "title": "标题",
    "examples": "买家常问",
    "learned": "学到的词",
    "tags": "标签",
    "category": "分类",
    "note": "适用场景",
    "body": "内容",
}


@main.command()
@click.argument("text", default="")
@click.option("--limit", type=click.IntRange(1, 50), default=3, show_default=True)
@click.option("--explain", is_flag=True, help="说明每条建议匹配了哪些词、同义词或买家常问")
@json_option
@click.pass_context
def suggest(ctx: click.Context, text: str, limit: int, explain: bool, as_json: bool) -> None:
    """按买家的原话建议话术（TEXT 写 - 从标准输入读取）。订单号等买家信息只在内存里使用。"""
    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise click.UsageError("需要买家的消息，例如 quickreply suggest \"我的快递到哪了\"")
    results = library_of(ctx).suggest(text, limit=limit)
    if as_json:
        emit([s.to_dict() for s in results])
        return
    if not results:
        click.echo("没有合适的建议话术", err=True)
        return
    for s in results:
        click.echo(f"{s.score:.2f}  {one_line(s.phrase)}")
        if explain:
            for m in s.matches:
                where = "、".join(FIELD_NAMES.get(f, f) for f in m.fields)
                via = f"（买家说“{m.via}”）" if m.via else ""
                click.echo(f"      {m.word}{via} → {where}")
