"""The ``quickreply`` command: parses, calls the core, turns errors into messages.

Exit codes: 0 success, 1 a problem the user can fix (message on stderr, one
line, never a traceback), 2 a usage error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from desktop import __version__
from desktop.core import Library, QuickReplyError
from desktop.core import lint as linting
from desktop.core import packs
from desktop.core.errors import NotFoundError, ValidationError
from desktop.core.models import Phrase
from desktop.core.settings import SETTINGS, canonical_key

json_option = click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（UTF-8）")


class Group(click.Group):
    """Turns domain errors into one line on stderr with exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QuickReplyError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("已取消", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: one line for the user, details on request
            if os.environ.get("QUICKREPLY_DEBUG"):
                raise
            _fail(f"快回内部错误（{type(exc).__name__}: {exc}）。设置 QUICKREPLY_DEBUG=1 可看详细信息")


def _fail(message: str) -> NoReturn:
    click.echo(f"错误：{message}", err=True)
    sys.exit(1)


def _emit(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


def _library(ctx: click.Context) -> Library:
    obj = ctx.find_root().obj
    if obj.get("lib") is None:
        obj["lib"] = Library.open(obj.get("db"))
        ctx.call_on_close(obj["lib"].close)
    return obj["lib"]


def _resolve(lib: Library, ref: str) -> Phrase:
    """A phrase by id, or else by shortcut code (``quickreply show fhsj``)."""
    try:
        return lib.get(ref)
    except NotFoundError:
        by_code = lib.find_by_code(ref) if ref.strip() else None
        if by_code is None:
            raise
        return by_code


def _read_body(value: str | None) -> str | None:
    if value == "-":
        return sys.stdin.read()
    return value


def _line(p: Phrase) -> str:
    code = f"[{p.code}] " if p.code else ""
    preview = " ".join(p.body.split())
    if len(preview) > 40:
        preview = preview[:40] + "…"
    return f"{p.id}  {code}{p.title}  ({'/'.join(p.category)})  {preview}"


def _details(p: Phrase, uses: int) -> str:
    lines = [
        f"编号：{p.id}",
        f"标题：{p.title}",
        f"分类：{'/'.join(p.category)}",
        f"快捷编码：{p.code or '（无）'}",
        f"标签：{'、'.join(p.tags) or '（无）'}",
        f"适用场景：{p.note or '（无）'}",
        f"置顶：{'是' if p.pinned else '否'}    使用次数：{uses}",
    ]
    if p.deleted_at:
        lines.append(f"已删除（在回收站）：{p.deleted_at}")
    lines += ["内容：", p.body]
    return "\n".join(lines)


def _start_app() -> int:
    from desktop.launcher import launch

    return launch()


@click.group(cls=Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar="QUICKREPLY_DB",
              help="话术库文件（默认在用户数据目录；也可用环境变量 QUICKREPLY_DB）")
@click.version_option(__version__, "--version", prog_name="quickreply", message="%(prog)s %(version)s")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """快回 QuickReply：电商客服快捷话术助手。不带命令时启动桌面程序。"""
    ctx.obj = {"db": db, "lib": None}
    if ctx.invoked_subcommand is None:
        ctx.exit(_start_app())


@main.command()
@click.argument("query", default="")
@click.option("--category", help="只在这个分类里找，例如 售后/退换货")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@json_option
@click.pass_context
def search(ctx: click.Context, query: str, category: str | None, limit: int, as_json: bool) -> None:
    """搜索话术：汉字、拼音、拼音首字母或快捷编码，空格分隔多个词。"""
    results = _library(ctx).search(query, category=category, limit=limit)
    if as_json:
        _emit([p.to_dict() for p in results])
    elif not results:
        click.echo("没有找到匹配的话术", err=True)
    else:
        for p in results:
            click.echo(_line(p))


@main.command()
@click.argument("ref")
@json_option
@click.pass_context
def show(ctx: click.Context, ref: str, as_json: bool) -> None:
    """显示一条话术（编号或快捷编码）。"""
    lib = _library(ctx)
    p = _resolve(lib, ref)
    if as_json:
        _emit(p.to_dict() | {"uses": lib.use_count(p.id)})
    else:
        click.echo(_details(p, lib.use_count(p.id)))


def _phrase_options(func):
    for option in reversed([
        click.option("--title", help="标题"),
        click.option("--body", help="内容；写 - 从标准输入读取"),
        click.option("--category", help="分类路径，例如 售后/退换货"),
        click.option("--code", help="快捷编码，例如 fhsj"),
        click.option("--tag", "tags", multiple=True, help="标签，可重复"),
        click.option("--note", help="适用场景"),
    ]):
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
    p = _library(ctx).add(
        title, _read_body(body), category or "未分类", code=code, tags=tags, note=note or "", pinned=pin
    )
    _emit(p.to_dict()) if as_json else click.echo(f"已添加：{_line(p)}")


@main.command()
@click.argument("ref")
@_phrase_options
@click.option("--pin/--unpin", default=None, help="置顶 / 取消置顶")
@json_option
@click.pass_context
def edit(ctx, ref, title, body, category, code, tags, note, pin, as_json) -> None:
    """修改一条话术；只改给出的项（--code "" 删除快捷编码）。"""
    lib = _library(ctx)
    p = _resolve(lib, ref)
    changes: dict[str, Any] = {}
    for key, value in (("title", title), ("body", _read_body(body)), ("category", category),
                       ("code", code), ("note", note), ("pinned", pin)):
        if value is not None:
            changes[key] = value
    if tags:
        changes["tags"] = tags
    if not changes:
        raise click.UsageError("没有要修改的内容（例如 --title、--body、--code）")
    p = lib.update(p.id, **changes)
    _emit(p.to_dict()) if as_json else click.echo(f"已修改：{_line(p)}")


@main.command()
@click.argument("ref")
@json_option
@click.pass_context
def delete(ctx: click.Context, ref: str, as_json: bool) -> None:
    """把话术移到回收站（可用 restore 恢复）。"""
    lib = _library(ctx)
    p = lib.delete(_resolve(lib, ref).id)
    _emit(p.to_dict()) if as_json else click.echo(f"已移到回收站：{p.title}（{p.id}，可用 restore 恢复）")


@main.command()
@click.argument("ref")
@json_option
@click.pass_context
def restore(ctx: click.Context, ref: str, as_json: bool) -> None:
    """从回收站恢复话术。"""
    p = _library(ctx).restore(ref)
    _emit(p.to_dict()) if as_json else click.echo(f"已恢复：{_line(p)}")


@main.command()
@json_option
@click.pass_context
def trash(ctx: click.Context, as_json: bool) -> None:
    """列出回收站里的话术。"""
    items = _library(ctx).trash()
    if as_json:
        _emit([p.to_dict() for p in items])
    elif not items:
        click.echo("回收站是空的")
    else:
        for p in items:
            click.echo(f"{p.deleted_at}  {_line(p)}")


@main.command()
@json_option
@click.pass_context
def categories(ctx: click.Context, as_json: bool) -> None:
    """列出分类树和每个分类的说明。"""
    cats = _library(ctx).categories()
    if as_json:
        _emit([c.to_dict() for c in cats])
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
    lib = _library(ctx)
    result = lib.render(_resolve(lib, ref).id, values)
    if result.missing:
        hint = " ".join(f"--var {name}=…" for name in result.missing)
        _fail(f"缺少占位符的值：{'、'.join(result.missing)}（用 {hint} 提供）")
    _emit({"text": result.text}) if as_json else click.echo(result.text)


@main.command()
@click.argument("refs", nargs=-1)
@json_option
@click.pass_context
def lint(ctx: click.Context, refs: Sequence[str], as_json: bool) -> None:
    """话术质检：不给编号时检查整个话术库。有 error 级问题时以 1 退出。"""
    lib = _library(ctx)
    phrases = [_resolve(lib, r) for r in refs] if refs else lib.phrases()
    findings: list[dict[str, Any]] = []
    for p in phrases:
        for f in linting.lint(p.body, p.title):
            findings.append({"id": p.id, "title": p.title} | f.to_dict())
    if as_json:
        _emit(findings)
    elif not findings:
        click.echo(f"检查了 {len(phrases)} 条话术，没有发现问题")
    else:
        for f in findings:
            click.echo(f"{f['level']:<7} {f['id']} {f['title']}：{f['message']}「{f['match']}」")
    if any(f["level"] == "error" for f in findings):
        sys.exit(1)


@main.command()
@click.argument("key", required=False)
@click.argument("value", required=False)
@json_option
@click.pass_context
def config(ctx: click.Context, key: str | None, value: str | None, as_json: bool) -> None:
    """查看或修改设置，例如 config hotkey ctrl+alt+j、config 店铺名 小店。"""
    lib = _library(ctx)
    if key is None:
        values = lib.settings()
        if as_json:
            _emit(values)
            return
        for k, v in values.items():
            label = SETTINGS[k].label if k in SETTINGS else "店铺变量"
            click.echo(f"{k} = {v}    # {label}")
        return
    key = canonical_key(key)
    if value is not None:
        lib.set_setting(key, value)
    current = lib.setting(key)
    _emit({key: current}) if as_json else click.echo(current)


@main.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--on-conflict", type=click.Choice(packs.POLICIES), default="skip", show_default=True,
              help="编号或快捷编码已存在时：跳过 / 替换 / 两个都留（副本换新编码）")
@json_option
@click.pass_context
def import_(ctx: click.Context, file: Path, on_conflict: str, as_json: bool) -> None:
    """导入话术包（.json）。整个导入是一次事务：出错时话术库不变。"""
    pack = packs.read_pack(file)
    report = packs.import_pack(_library(ctx), pack, on_conflict)
    if as_json:
        _emit(report.to_dict())
        return
    click.echo(f"导入 {len(report.added)} 条，替换 {len(report.replaced)} 条，跳过 {len(report.skipped)} 条")
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
    lib = _library(ctx)
    count = packs.export_pack(lib, file, categories=cats or None, phrase_ids=ids or None,
                              name=name or file.stem, author=author)
    if as_json:
        _emit({"file": str(file), "phrases": count})
    else:
        click.echo(f"已导出 {count} 条话术到 {file}（不含店铺变量和使用记录）")


if __name__ == "__main__":  # pragma: no cover
    main()
