"""``quickreply handbook``: the printable onboarding handbook (PDF or HTML)."""

from __future__ import annotations

from pathlib import Path

import click

from desktop.cli.base import emit, json_option, library_of, main
from desktop.core.base.errors import ValidationError
from desktop.core.exchange import handbook as book_of


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--category", "cats", multiple=True, help="只导出这些分类及其子分类（可重复）")
@click.option("--title", default=book_of.DEFAULT_TITLE, show_default=True, help="手册标题")
@json_option
@click.pass_context
def handbook(
    ctx: click.Context, file: Path, cats: tuple[str, ...], title: str, as_json: bool
) -> None:
    """导出新人手册（.pdf 或 .html）：按分类列出标题、快捷编码、内容和适用场景。"""
    kind = file.suffix.lower()
    if kind not in (".pdf", ".html", ".htm"):
        raise ValidationError("手册文件名应以 .pdf 或 .html 结尾")
    book = book_of.build(library_of(ctx), cats or None, title=title)
    if kind == ".pdf":
        # Qt is needed only here, so the other commands start without it.
        from desktop.ui.library.handbook_pdf import write_pdf

        write_pdf(book, file, title)
    else:
        book_of.write_html(book, file)
    if as_json:
        emit({"file": str(file), "phrases": book.phrases, "categories": book.categories})
    else:
        click.echo(f"已导出手册：{book.phrases} 条话术、{book.categories} 个分类 → {file}")
