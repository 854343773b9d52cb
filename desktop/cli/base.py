"""The ``quickreply`` group, shared options and the error-to-message edge.

Exit codes: 0 success, 1 a problem the user can fix (message on stderr, one
line, never a traceback), 2 a usage error.  Commands live in the sibling
modules, one per area, and register themselves on ``main``.
"""

from __future__ import annotations

import importlib
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from desktop import __version__
from desktop.cli.console import make_output_safe
from desktop.core.base.errors import DatabaseError, NotFoundError, QuickReplyError
from desktop.core.store.storage_errors import describe

if TYPE_CHECKING:
    from desktop.core import Library
    from desktop.core.store.models import Phrase

json_option = click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（UTF-8）")
SEE_DOCTOR = "；运行 quickreply doctor 查看原因和最近的备份（启动快回时会提示从备份恢复）"


# Which sibling module defines each command.  A command's module (and the part
# of the core it needs) is imported only when that command runs, so
# ``--version`` and ``search`` don't pay for spreadsheets, signing or the GUI.
COMMANDS = {
    **dict.fromkeys(
        (
            "search",
            "show",
            "add",
            "edit",
            "delete",
            "restore",
            "trash",
            "categories",
            "render",
            "lint",
        ),
        "phrases",
    ),
    **dict.fromkeys(("import", "export"), "packs"),
    **dict.fromkeys(("subscribe", "unsubscribe", "subscriptions", "update", "copy"), "subscribe"),
    **{
        name: name
        for name in (
            "backup", "config", "doctor", "drill", "handbook", "init", "keys", "stats", "suggest"
        )
    },
}


class Group(click.Group):
    """Loads commands on first use; turns domain errors into one line on stderr with exit code 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | COMMANDS.keys())

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"desktop.cli.{COMMANDS[cmd_name]}")  # registers it on main
        return super().get_command(ctx, cmd_name)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        make_output_safe()  # before click prints anything, usage errors included
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DatabaseError as exc:
            fail(f"{exc}{SEE_DOCTOR}")
        except QuickReplyError as exc:
            fail(str(exc))
        except sqlite3.DatabaseError as exc:  # damage found while reading, after the open
            honest = describe(exc, (ctx.obj or {}).get("db"))
            if honest is not None:  # the disk, the mount or a lock: not damage
                fail(honest)
            fail(f"话术库文件读写出错（{exc}）{SEE_DOCTOR}")
        except KeyboardInterrupt:
            click.echo("已取消", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # The reader went away (``quickreply search x | head``): nothing to
            # report.  Point stdout at devnull so the final flush can't fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: one line for the user, details on request
            if os.environ.get("QUICKREPLY_DEBUG"):
                raise
            fail(
                f"快回内部错误（{type(exc).__name__}: {exc}）。设置 QUICKREPLY_DEBUG=1 可看详细信息"
            )


def fail(message: str) -> NoReturn:
    click.echo(f"错误：{message}", err=True)
    sys.exit(1)


def emit(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


def library_of(ctx: click.Context) -> Library:
    from desktop.core.exchange.seed import open_library

    obj = ctx.find_root().obj
    if obj.get("lib") is None:
        obj["lib"] = open_library(obj.get("db"))
        ctx.call_on_close(obj["lib"].close)
    return obj["lib"]


def resolve(lib: Library, ref: str) -> Phrase:
    """A phrase by id, or else by shortcut code (``quickreply show fhsj``)."""
    try:
        return lib.get(ref)
    except NotFoundError:
        by_code = lib.find_by_code(ref) if ref.strip() else None
        if by_code is None:
            raise
        return by_code


def read_body(value: str | None) -> str | None:
    if value == "-":
        return sys.stdin.read()
    return value


def one_line(p: Phrase) -> str:
    code = f"[{p.code}] " if p.code else ""
    preview = " ".join(p.body.split())
    if len(preview) > 40:
        preview = preview[:40] + "…"
    return f"{p.id}  {code}{p.title}  ({'/'.join(p.category)})  {preview}"


def details(p: Phrase, uses: int) -> str:
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


def _start_app(db: Path | None, smoke_test: bool = False) -> int:
    from desktop.launcher import launch

    return launch(db, smoke_test=smoke_test)


@click.group(
    cls=Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="QUICKREPLY_DB",
    help="话术库文件（默认在用户数据目录；也可用环境变量 QUICKREPLY_DB）",
)
@click.version_option(
    __version__, "--version", prog_name="quickreply", message="%(prog)s %(version)s"
)
@click.option(
    "--smoke-test",
    is_flag=True,
    help="启动桌面程序，打开并关闭一次搜索框后自动退出（用于检查安装包）",
)
@click.pass_context
def main(ctx: click.Context, db: Path | None, smoke_test: bool) -> None:
    """快回 QuickReply：电商客服快捷话术助手。不带命令时启动桌面程序。"""
    ctx.obj = {"db": db, "lib": None}
    if ctx.invoked_subcommand is None:
        ctx.exit(_start_app(db, smoke_test))
