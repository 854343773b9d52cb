"""Commands on phrases: search, show, add, edit, delete, restore, trash, render, lint."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from desktop.cli.base import (
    details,
    emit,
    fail,
    json_option,
    library_of,
    main,
    one_line,
    read_body,
    resolve,
)
from desktop.core.store.settings import STORE_PREFIX
from desktop.core.text import lint as linting


@main.command()
@click.argument("query", default="")
@click.option("--category", help="只在这个分类里找，例如 售后/退换货")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@json_option
@click.pass_context
def search(ctx: click.Context, query: str, category: str | None, limit: int, as_json: bool) -> None:
    """搜索话术：汉字、拼音、拼音首字母或快捷编码，空格分隔多个词。"""
    results = library_of(ctx).search(query, category=category, limit=limit)
    if as_json:
        emit([p.to_dict() for p in results])
    elif not results:
        click.echo("没有找到匹配的话术", err=True)
    else:
        for p in results:
            click.echo(one_line(p))


@main.command()
@click.argument("ref")
@json_option
@click.pass_context
def show(ctx: click.Context, ref: str, as_json: bool) -> None:
    """显示一条话术（编号或快捷编码）。"""
    lib = library_of(ctx)
    p = resolve(lib, ref)
    if as_json:
        emit(p.to_dict() | {"uses": lib.use_count(p.id)})
    else:
        click.echo(details(p, lib.use_count(p.id)))


def _phrase_options(func):
    for option in reversed(
        [
            click.option("--title", help="标题"),
            click.option("--body", help="内容；写 - 从标准输入读取"),
            click.option("--category", help="分类路径，例如 售后/退换货"),
            click.option("--code", help="快捷编码，例如 fhsj"),
            click.option("--tag", "tags", multiple=True, help="标签，可重复"),
            click.option("--note", help="适用场景"),
        ]
    ):
        func = option(func)
    return func


@main.command()
@_phrase_options
@click.option("--pin", is_flag=True, help="置顶")
@json_option
@click.pass_context
def add(ctx, title, body, category, code, tags, note, pin, as_json) -> None:
    """添加一条话术。"""
    if not title or body is None:
        raise click.UsageError("需要 --title 和 --body")
    p = library_of(ctx).add(
        title,
        read_body(body),
        category or "未分类",
        code=code,
        tags=tags,
        note=note or "",
        pinned=pin,
    )
    emit(p.to_dict()) if as_json else click.echo(f"已添加：{one_line(p)}")


@main.command()
@click.argument("ref")
@_phrase_options
@click.option("--pin/--unpin", default=None, help="置顶 / 取消置顶")
@json_option
@click.pass_context
def edit(ctx, ref, title, body, category, code, tags, note, pin, as_json) -> None:
    """修改一条话术；只改给出的项（--code "" 删除快捷编码）。"""
    lib = library_of(ctx)
    p = resolve(lib, ref)
    changes: dict[str, Any] = {}
    for key, value in (
        ("title", title),
        ("body", read_body(body)),
        ("category", category),
        ("code", code),
        ("note", note),
        ("pinned", pin),
    ):
        if value is not None:
            changes[key] = value
    if tags:
        changes["tags"] = tags
    if not changes:
        raise click.UsageError("没有要修改的内容（例如 --title、--body、--code）")
    p = lib.update(p.id, **changes)
    emit(p.to_dict()) if as_json else click.echo(f"已修改：{one_line(p)}")


@main.command()
@click.argument("ref")
@json_option
@click.pass_context
def delete(ctx: click.Context, ref: str, as_json: bool) -> None:
    """把话术移到回收站（可用 restore 恢复）。"""
    lib = library_of(ctx)
    p = lib.delete(resolve(lib, ref).id)
    emit(p.to_dict()) if as_json else click.echo(
        f"已移到回收站：{p.title}（{p.id}，可用 restore 恢复）"
    )


@main.command()
@click.argument("ref")
@json_option
@click.pass_context
def restore(ctx: click.Context, ref: str, as_json: bool) -> None:
    """从回收站恢复话术。"""
    p = library_of(ctx).restore(ref)
    emit(p.to_dict()) if as_json else click.echo(f"已恢复：{one_line(p)}")


@main.command()
@json_option
@click.pass_context
def trash(ctx: click.Context, as_json: bool) -> None:
    """列出回收站里的话术。"""
    items = library_of(ctx).trash()
    if as_json:
        emit([p.to_dict() for p in items])
    elif not items:
        click.echo("回收站是空的")
    else:
        for p in items:
            click.echo(f"{p.deleted_at}  {one_line(p)}")


@main.command()
@json_option
@click.pass_context
def categories(ctx: click.Context, as_json: bool) -> None:
    """列出分类树和每个分类的说明。"""
    cats = library_of(ctx).categories()
    if as_json:
        emit([c.to_dict() for c in cats])
        return
    for c in cats:
        note = f"  — {c.note}" if c.note else ""
        click.echo("  " * (len(c.path) - 1) + c.name + note)


def _parse_vars(items: Sequence[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"应写成 名称=值：{item}", param_hint="--var")
        values[name.strip()] = value
    return values


@main.command()
@click.argument("ref")
@click.option("--var", "variables", multiple=True, metavar="NAME=VALUE", help="占位符的值，可重复")
@json_option
@click.pass_context
def render(ctx: click.Context, ref: str, variables: Sequence[str], as_json: bool) -> None:
    """输出填好占位符的最终文字；缺少的值会列出并以 1 退出。"""
    values = _parse_vars(variables)
    lib = library_of(ctx)
    result = lib.render(resolve(lib, ref).id, values)
    if result.missing:
        hint = " ".join(f"--var {name}=…" for name in result.missing)
        fail(f"缺少占位符的值：{'、'.join(result.missing)}（用 {hint} 提供）")
    emit({"text": result.text}) if as_json else click.echo(result.text)


@main.command()
@click.argument("refs", nargs=-1)
@json_option
@click.pass_context
def lint(ctx: click.Context, refs: Sequence[str], as_json: bool) -> None:
    """话术质检：不给编号时检查整个话术库。有 error 级问题时以 1 退出。"""
    lib = library_of(ctx)
    phrases = [resolve(lib, r) for r in refs] if refs else lib.phrases()
    findings: list[dict[str, Any]] = []
    own = [k[len(STORE_PREFIX) :] for k in lib.settings() if k.startswith(STORE_PREFIX)]
    for p in phrases:
        for f in linting.lint(p.body, p.title, known_fields=own):
            findings.append({"id": p.id, "title": p.title} | f.to_dict())
    if as_json:
        emit(findings)
    elif not findings:
        click.echo(f"检查了 {len(phrases)} 条话术，没有发现问题")
    else:
        for f in findings:
            click.echo(f"{f['level']:<7} {f['id']} {f['title']}：{f['message']}「{f['match']}」")
    if any(f["level"] == "error" for f in findings):
        sys.exit(1)
