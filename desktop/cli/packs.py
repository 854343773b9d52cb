"""``quickreply import`` and ``export``: phrase files in JSON, Excel or CSV."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

import click

from desktop.cli.base import emit, fail, json_option, library_of, main
from desktop.core.exchange import formats, importer, packs
from desktop.core.exchange.importer import ACTIONS, POLICY_NAMES, STATUSES, ImportPlan
from desktop.core.exchange.seed import seeded
from desktop.core.store.db import default_path
from desktop.core.store.snapshot import open_copy
from desktop.core.text import fields

MAX_LISTED = 20


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as aligned columns (汉字 count two columns wide in a terminal)."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]


def _listed(title: str, lines: list[str]) -> None:
    if not lines:
        return
    click.echo(f"{title}（{len(lines)}）：")
    for line in lines[:MAX_LISTED]:
        click.echo(f"  {line}")
    if len(lines) > MAX_LISTED:
        click.echo(f"  ……另有 {len(lines) - MAX_LISTED} 条")


def show_plan(plan: ImportPlan) -> None:
    names = list(STATUSES.values())
    rows = [["分类", *names]]  # levels joined by › so a lead sees how a cell was split
    by_path: dict[tuple[str, ...], dict[str, int]] = {}
    for item in plan.items:
        counts = by_path.setdefault(item.phrase.category, dict.fromkeys(STATUSES, 0))
        counts[item.status] += 1
    for path, counts in by_path.items():
        rows.append([" › ".join(path), *(str(counts[s]) for s in STATUSES)])
    rows.append(["合计", *(str(n) for n in plan.counts().values())])
    policy = POLICY_NAMES[plan.policy]
    click.echo(f"预览 {plan.loaded.source}：{len(plan.items)} 条话术，冲突时{policy}")
    for line in table(rows):
        click.echo(line)
    actions = plan.actions()
    click.echo("将会：" + "，".join(f"{ACTIONS[a]} {n} 条" for a, n in actions.items() if n))
    if plan.notes:
        click.echo(f"将写入 {len(plan.notes)} 条分类说明")
    for status in ("conflict", "changed"):
        _listed(
            STATUSES[status],
            [
                f"{i.label} {i.phrase.title}（{i.category}）：{i.reason} → {ACTIONS[i.action]}"
                for i in plan.items
                if i.status == status
            ],
        )
    _listed("有问题的行", [e.message for e in plan.bad_rows])
    for warning in plan.loaded.warnings:
        click.echo(f"注意：{warning}")


@main.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="只预览：新增、修改、相同、冲突各多少，不写入")
@click.option(
    "--on-conflict",
    type=click.Choice(packs.POLICIES),
    default="skip",
    show_default=True,
    help="编号或快捷编码已存在且内容不同时：跳过 / 替换 / 两个都留（副本换新编码）",
)
@click.option("--skip-bad-rows", is_flag=True, help="文件里有问题的行不导入，其余照常导入")
@click.option(
    "--convert-brackets",
    is_flag=True,
    help="把 [商品名称]、【买家昵称】 这样的占位符改成 {商品}、{买家昵称}，[偏大/偏小/正常] 改成选项",
)
@json_option
@click.pass_context
def import_(
    ctx: click.Context,
    file: Path,
    dry_run: bool,
    on_conflict: str,
    skip_bad_rows: bool,
    convert_brackets: bool,
    as_json: bool,
) -> None:
    """导入话术（.json / .xlsx / .csv）。整个导入是一次事务，导入前自动备份。"""
    loaded = formats.read_any(file)  # a broken or hostile file is refused before the library opens
    if convert_brackets:
        for item in loaded.pack.phrases:
            item.body = fields.convert_brackets(item.body)
    if dry_run:
        # A copy in memory: a preview never creates, upgrades or writes the library file.
        with seeded(open_copy(ctx.find_root().obj.get("db") or default_path())) as copy:
            plan = importer.preview(copy, loaded, on_conflict)
    else:
        lib = library_of(ctx)
        plan = importer.preview(lib, loaded, on_conflict)
    if dry_run:
        if as_json:
            emit({**plan.to_dict(), "dry_run": True})
        else:
            show_plan(plan)
            click.echo("（--dry-run：没有写入任何改动）")
        return
    if plan.bad_rows and not skip_bad_rows:
        fail(
            importer.bad_rows_message(plan.bad_rows)
            + "。用 --dry-run 查看全部；确认不要这些行时加 --skip-bad-rows"
        )
    report = importer.apply(library_of(ctx), plan, skip_bad_rows=skip_bad_rows)
    if as_json:
        emit({**report.to_dict(), "bad_rows_skipped": [e.to_dict() for e in plan.bad_rows]})
        return
    click.echo(
        f"导入 {len(report.added)} 条，替换 {len(report.replaced)} 条，"
        f"跳过 {len(report.skipped)} 条"
        + (f"，略过有问题的 {len(plan.bad_rows)} 行" if plan.bad_rows else "")
    )
    _listed("跳过", [f"{t}（{r}）" for t, r in report.skipped if r != "与话术库里的相同"])
    if report.backup:
        undo = f"quickreply backup restore {report.backup}"
        click.echo(f"导入前的备份：{report.backup}（撤销：{undo}）")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--category", "cats", multiple=True, help="只导出这些分类（可重复）")
@click.option("--id", "ids", multiple=True, help="只导出这些话术（可重复）")
@click.option("--name", default="", help="话术包名称")
@click.option("--author", default="", help="作者")
@json_option
@click.pass_context
def export(
    ctx: click.Context,
    file: Path,
    cats: tuple[str, ...],
    ids: tuple[str, ...],
    name: str,
    author: str,
    as_json: bool,
) -> None:
    """导出话术，格式看扩展名（.json / .xlsx / .csv）；不含店铺变量和使用记录。"""
    formats.suffix_of(file)
    summary = formats.write_any(
        file,
        library_of(ctx),
        categories=cats or None,
        phrase_ids=ids or None,
        name=name,
        author=author,
    )
    if as_json:
        emit(summary.to_dict())
    else:
        click.echo(f"已导出到 {file}：{summary.text()}")
