"""``quickreply keys``: the team lead's signing key, and signing and checking packs.

The private key stays with the lead (file mode 0600, optionally encrypted with
``QUICKREPLY_KEY_PASSPHRASE``); agents only ever see the public key, one line
of base64 that ``subscribe --pin`` takes, and its short fingerprint to compare
by eye.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
import platformdirs

from desktop.cli.base import emit, fail, json_option, main
from desktop.core.store.db import APP_NAME
from desktop.core.team import signing


def default_key_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "keys"


def _passphrase() -> str | None:
    return os.environ.get(signing.PASSPHRASE_ENV) or None


@main.group()
def keys() -> None:
    """发布者密钥：生成密钥、给话术包签名、验证签名。"""


@keys.command("new")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="写到哪个文件夹（默认在用户数据目录的 keys 里）",
)
@json_option
def new(out: Path | None, as_json: bool) -> None:
    """生成一对密钥：publisher.key（私钥，自己保管）和 publisher.pub（公钥，发给客服）。"""
    key = signing.new_key()
    private, public = signing.write_key_pair(out or default_key_dir(), key, _passphrase())
    text = signing.public_key_text(key.public_key())
    if as_json:
        emit(
            {
                "private_key": str(private),
                "public_key_file": str(public),
                "public_key": text,
                "fingerprint": signing.fingerprint(text),
                "encrypted": _passphrase() is not None,
            }
        )
        return
    click.echo(f"私钥：{private}（只有组长保管，不要发给别人）")
    click.echo(f"公钥：{public}")
    click.echo(f"公钥内容：{text}")
    click.echo(f"指纹：{signing.fingerprint(text)}")
    if _passphrase() is None:
        click.echo(f"提示：私钥没有加密；设置 {signing.PASSPHRASE_ENV} 后生成可加密保存")


@keys.command("sign")
@click.argument("pack", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--key",
    "key_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="私钥文件（默认用 keys new 生成的 publisher.key）",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="写到另一个文件（默认原地签名）"
)
@json_option
def sign(pack: Path, key_file: Path | None, out: Path | None, as_json: bool) -> None:
    """给话术包（.json）签名；客服订阅时可固定公钥，防止被篡改。"""
    key = signing.read_private_key(
        key_file or default_key_dir() / signing.PRIVATE_NAME, _passphrase()
    )
    target = signing.sign_pack_file(pack, key, out)
    text = signing.public_key_text(key.public_key())
    if as_json:
        emit({"file": str(target), "public_key": text, "fingerprint": signing.fingerprint(text)})
    else:
        click.echo(f"已签名：{target}（公钥指纹 {signing.fingerprint(text)}）")


@keys.command("verify")
@click.argument("pack", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pubkey", metavar="KEY", help="发布者公钥（base64 或 publisher.pub 文件）")
@json_option
def verify(pack: Path, pubkey: str | None, as_json: bool) -> None:
    """验证话术包的签名；给 --pubkey 时还核对是不是这个发布者签的。"""
    pinned = signing.read_public_key_arg(pubkey) if pubkey else None
    parsed, verdict = signing.check_pack(signing.read_document(pack), pinned, pack.name)
    if as_json:
        emit(
            {
                "file": str(pack),
                "phrases": len(parsed.phrases),
                "signed": verdict.signed_by is not None,
                "public_key": verdict.signed_by,
                "pinned": verdict.pinned,
                "fingerprint": signing.fingerprint(verdict.signed_by)
                if verdict.signed_by
                else None,
            }
        )
    if verdict.signed_by is None:
        fail(f"话术包没有签名：{pack}")
    if not as_json:
        hint = "" if verdict.pinned else "；用 --pubkey 核对发布者"
        click.echo(f"{verdict.text}：{pack}，{len(parsed.phrases)} 条话术{hint}")
