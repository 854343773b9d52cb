"""``subscribe``, ``unsubscribe``, ``subscriptions``, ``update`` and ``copy``: team subscriptions.

An unreachable source during ``update`` is normal (a laptop offline): a
warning, exit 0, the last good copy stays.  A refused pack (bad signature,
damaged file) exits 1, because someone should look at it.  ``subscribe`` of a
source that can't be read the first time exits 1: there is nothing to keep.
"""

from __future__ import annotations

from datetime import datetime

import click

from desktop.cli.base import emit, fail, json_option, library_of, main, one_line, resolve
from desktop.core.store.subtree import PERSONAL_CATEGORY, copy_phrase
from desktop.core.team import subscriptions as subs
from desktop.core.team.fetch import SourceUnreachable
from desktop.core.team.signing import read_public_key_arg

_SHOWN = 20


def local_time(stamp: str | None) -> str:
    if not stamp:
        return "从未"
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _names(label: str, titles: list[str]) -> None:
    if not titles:
        return
    more = f" ……另有 {len(titles) - _SHOWN} 条" if len(titles) > _SHOWN else ""
    click.echo(f"  {label}：{'、'.join(titles[:_SHOWN])}{more}")


def _report(result: subs.UpdateResult) -> None:
    name = result.subscription.name
    if result.status == subs.UNREACHABLE:
        updated = local_time(result.subscription.last_updated)
        click.echo(f"警告：「{name}」{result.message}（上次更新 {updated}）", err=True)
    elif result.status == subs.REFUSED:
        click.echo(f"错误：「{name}」{result.message}", err=True)
    else:
        click.echo(f"「{name}」：{result.message}")
        _names("新增", result.changes.added)
        _names("修改", result.changes.changed)
        _names("删除", result.changes.removed)
        if result.changes.code_conflicts:
            codes = "、".join(sorted(set(result.changes.code_conflicts)))
            click.echo(f"  快捷编码 {codes} 已被自己的话术使用，订阅里的这些话术不带编码")


@main.command()
@click.argument("source")
@click.option("--as", "name", metavar="NAME", help="订阅在话术库里的分类名（默认用话术包的名称）")
@click.option(
    "--pin",
    metavar="PUBKEY",
    help="发布者公钥（base64 或 publisher.pub 文件）；之后只接受它签名的话术包",
)
@json_option
@click.pass_context
def subscribe(
    ctx: click.Context, source: str, name: str | None, pin: str | None, as_json: bool
) -> None:
    """订阅团队话术包：共享文件夹里的文件或 http(s) 地址。订阅的分类是只读的。

    不给 --pin 时，第一次读到的话术包如果有签名，就固定它的公钥（首次信任）。
    """
    lib = library_of(ctx)
    key = read_public_key_arg(pin) if pin else None
    try:
        result = subs.subscribe(lib, source, name=name, pin=key)
    except SourceUnreachable as exc:
        fail(f"{exc}；第一次订阅需要能读到订阅源")
    if as_json:
        emit(result.to_dict() | {"trust": result.subscription.trust})
    else:
        _report(result)
    if result.status == subs.REFUSED:
        raise SystemExit(1)


@main.command()
@click.argument("ref", metavar="NAME|ID")
@json_option
@click.pass_context
def unsubscribe(ctx: click.Context, ref: str, as_json: bool) -> None:
    """退订：删除订阅和它的全部话术（自己复制出来的话术不受影响）。"""
    sub, titles = subs.unsubscribe(library_of(ctx), ref)
    if as_json:
        emit({"subscription": sub.name, "id": sub.id, "removed": titles})
        return
    click.echo(f"已退订「{sub.name}」（{sub.source}），删除了 {len(titles)} 条话术")
    _names("删除", titles)


@main.command()
@json_option
@click.pass_context
def subscriptions(ctx: click.Context, as_json: bool) -> None:
    """列出订阅：来源、上次更新、上次检查、签名和最近的错误。"""
    items = subs.all_subscriptions(library_of(ctx))
    if as_json:
        emit([s.to_dict() for s in items])
        return
    if not items:
        click.echo("还没有订阅（quickreply subscribe 地址或路径）")
    for s in items:
        click.echo(f"{s.id}  {s.name}  {s.source}")
        click.echo(
            f"   上次更新 {local_time(s.last_updated)}  上次检查 {local_time(s.last_checked)}  {s.trust}"
        )
        if s.last_error:
            click.echo(f"   最近的问题：{s.last_error}")


@main.command()
@click.argument("ref", metavar="[NAME|ID]", required=False)
@json_option
@click.pass_context
def update(ctx: click.Context, ref: str | None, as_json: bool) -> None:
    """立即检查订阅的更新（不给名称时检查全部）。连不上只是警告，保留上次的内容。"""
    lib = library_of(ctx)
    if ref:
        results = [subs.update(lib, subs.find(lib, ref))]
    else:
        results = subs.update_all(lib)
    if as_json:
        emit([r.to_dict() for r in results])
    elif not results:
        click.echo("还没有订阅（quickreply subscribe 地址或路径）")
    else:
        for result in results:
            _report(result)
    if any(r.status == subs.REFUSED for r in results):
        raise SystemExit(1)


@main.command()
@click.argument("ref")
@click.option("--category", default=PERSONAL_CATEGORY, show_default=True, help="复制到哪个分类")
@click.option("--code", default=None, help="副本的快捷编码（默认原编码加数字，例如 fhsj2）")
@json_option
@click.pass_context
def copy(ctx: click.Context, ref: str, category: str, code: str | None, as_json: bool) -> None:
    """把一条话术（例如订阅来的）复制到自己的分类，之后可以随意修改。"""
    lib = library_of(ctx)
    source = resolve(lib, ref)
    kwargs = {} if code is None else {"code": code}
    p = copy_phrase(lib, source.id, category, **kwargs)
    emit(p.to_dict()) if as_json else click.echo(f"已复制：{one_line(p)}")
