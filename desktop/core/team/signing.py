"""Ed25519 signatures on phrase packs, so a pack agents subscribe to can't be forged.

A pack changes what agents send to buyers, so whoever can write to the shared
folder or the web host must not be able to slip in a phrase.  The signature is
detached from the content but travels inside the same file: a top-level
``"signature"`` object that older QuickReply versions simply ignore.  It covers
the canonical JSON of the document *without* that key, so re-indenting the
file doesn't break it and any change to a phrase does.

All cryptography is ``cryptography``'s Ed25519; nothing here is hand-made.
It is imported on first use: most starts of the app and the CLI never sign or
verify anything, and the library costs memory and start-up time.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.base.errors import PackError, QuickReplyError
from desktop.core.base.messages import Message
from desktop.core.exchange.packs import MAX_FILE_BYTES, Pack, parse_pack, write_json_atomic

ALGORITHM = "ed25519"
SIGNATURE_KEY = "signature"
PASSPHRASE_ENV = "QUICKREPLY_KEY_PASSPHRASE"
PRIVATE_NAME = "publisher.key"
PUBLIC_NAME = "publisher.pub"
_A_PACK = Message("话术包")  # names a pack in messages when it has no file name

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )


class SignatureError(QuickReplyError):
    """The pack's signature is missing, broken or made with a key we don't trust."""


class KeyFileError(QuickReplyError):
    """A key file can't be read, written or decrypted."""


@dataclass(frozen=True)
class Verdict:
    """What verification found: ``signed_by`` is None for an unsigned pack."""

    signed_by: str | None
    pinned: bool

    @property
    def text(self) -> str:
        if self.signed_by is None:
            return Message("未签名")
        if self.pinned:
            return Message("签名有效（公钥 {key}）", key=fingerprint(self.signed_by))
        return Message("签名有效但未固定公钥（{key}）", key=fingerprint(self.signed_by))


# ----- keys -------------------------------------------------------------------
def public_key_text(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def parse_public_key(text: str) -> Ed25519PublicKey:
    """A public key written as one line of base64 (what ``publisher.pub`` holds)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        raise SignatureError(
            Message("公钥格式不对（应为 44 个字符的 base64）：{key}", key=text.strip()[:60])
        ) from None


def canonical_public_key(text: str) -> str:
    """Checked and re-encoded, so two spellings of one key compare equal."""
    return public_key_text(parse_public_key(text))


def fingerprint(public_key: str) -> str:
    """A short, readable digest for comparing keys by eye or over the phone."""
    raw = base64.b64decode(canonical_public_key(public_key))
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def new_key() -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


def write_key_pair(
    folder: str | Path, key: Ed25519PrivateKey, passphrase: str | None = None
) -> tuple[Path, Path]:
    """Write ``publisher.key`` (PKCS8 PEM, mode 0600) and ``publisher.pub``.

    Never overwrites: losing the team's key means every agent must re-pin.
    """
    from cryptography.hazmat.primitives import serialization

    target = Path(folder).expanduser()
    private_path, public_path = target / PRIVATE_NAME, target / PUBLIC_NAME
    for path in (private_path, public_path):
        if path.exists():
            raise KeyFileError(
                Message("密钥文件已存在，不会覆盖：{path}（换一个 --out 文件夹）", path=str(path))
            )
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        if passphrase
        else serialization.NoEncryption()
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    try:
        target.mkdir(parents=True, exist_ok=True)
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        public_path.write_text(public_key_text(key.public_key()) + "\n", encoding="ascii")
    except OSError as exc:
        raise KeyFileError(
            Message(
                "写不了密钥文件 {path}：{reason}", path=str(target), reason=str(exc.strerror or exc)
            )
        ) from None
    return private_path, public_path


def read_private_key(path: str | Path, passphrase: str | None = None) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    target = Path(path).expanduser()
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise KeyFileError(
            Message(
                "读不了私钥文件 {path}：{reason}", path=str(target), reason=str(exc.strerror or exc)
            )
        ) from None
    secret = passphrase.encode("utf-8") if passphrase else None
    try:
        key = serialization.load_pem_private_key(data, password=secret)
    except TypeError:
        if secret is None:
            raise KeyFileError(
                Message("私钥有密码保护，请设置环境变量 {name}", name=PASSPHRASE_ENV)
            ) from None
        raise KeyFileError(
            Message("私钥没有密码保护，不要设置 {name}", name=PASSPHRASE_ENV)
        ) from None
    except ValueError:
        raise KeyFileError(Message("私钥文件损坏或密码不对：{path}", path=str(target))) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(Message("不是 Ed25519 私钥：{path}", path=str(target)))
    return key


def read_public_key_arg(value: str) -> str:
    """``--pin`` and ``--pubkey`` take the key itself or a ``publisher.pub`` file."""
    candidate = Path(value).expanduser()
    text = value
    if len(value) < 4096 and candidate.is_file():
        try:
            text = candidate.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyFileError(
                Message("读不了公钥文件 {path}：{reason}", path=str(candidate), reason=str(exc))
            ) from None
    return canonical_public_key(text)


# ----- documents ----------------------------------------------------------------
def canonical_bytes(doc: dict[str, Any]) -> bytes:
    """The exact bytes a signature covers: the document without its signature."""
    body = {k: v for k, v in doc.items() if k != SIGNATURE_KEY}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def sign_document(doc: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """A copy of ``doc`` with a fresh signature (any old one is replaced)."""
    value = key.sign(canonical_bytes(doc))
    signed = {k: v for k, v in doc.items() if k != SIGNATURE_KEY}
    signed[SIGNATURE_KEY] = {
        "algorithm": ALGORITHM,
        "key": public_key_text(key.public_key()),
        "value": base64.b64encode(value).decode("ascii"),
    }
    return signed


def verify_document(doc: dict[str, Any], pinned_key: str | None = None) -> Verdict:
    """Check the signature; raise ``SignatureError`` unless it is sound and, when a
    key is pinned, made with that key.

    An unsigned pack passes only when nothing is pinned.  A signed pack whose
    signature doesn't match is refused even unpinned: that is tampering.
    """
    from cryptography.exceptions import InvalidSignature

    sig = doc.get(SIGNATURE_KEY)
    if sig is None:
        if pinned_key:
            raise SignatureError(Message("话术包没有签名，但这个订阅固定了发布者公钥，已拒绝"))
        return Verdict(None, False)
    if not isinstance(sig, dict) or not all(
        isinstance(sig.get(k), str) for k in ("algorithm", "key", "value")
    ):
        raise SignatureError(
            Message("话术包的签名格式不对（signature 应含 algorithm、key、value）")
        )
    if sig["algorithm"] != ALGORITHM:
        raise SignatureError(
            Message(
                "不支持的签名算法：{name}（支持 {supported}）",
                name=sig["algorithm"][:20],
                supported=ALGORITHM,
            )
        )
    signer = canonical_public_key(sig["key"])
    if pinned_key and signer != canonical_public_key(pinned_key):
        raise SignatureError(
            Message(
                "话术包由别的公钥签名（{signer}），不是固定的发布者（{pinned}），已拒绝",
                signer=fingerprint(signer),
                pinned=fingerprint(pinned_key),
            )
        )
    try:
        value = base64.b64decode(sig["value"], validate=True)
        parse_public_key(signer).verify(value, canonical_bytes(doc))
    except (binascii.Error, InvalidSignature):
        raise SignatureError(Message("话术包签名无效：内容在签名后被改动过，已拒绝")) from None
    return Verdict(signer, bool(pinned_key))


def load_document(data: bytes | str) -> dict[str, Any]:
    """The raw JSON object, read the same way ``parse_pack`` reads it (BOM tolerated)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SignatureError(Message("话术包不是 UTF-8 编码")) from None
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):  # JSONDecodeError, or a 5,000-digit number
        raise SignatureError(Message("话术包不是有效的 JSON")) from None
    if not isinstance(doc, dict):
        raise SignatureError(Message("话术包的最外层应为一个对象"))
    return doc


# ----- pack files -----------------------------------------------------------------
def read_document(path: str | Path) -> bytes:
    target = Path(path).expanduser()
    try:
        if target.stat().st_size > MAX_FILE_BYTES:
            raise PackError(
                Message(
                    "文件太大（最多 {limit} MB）：{path}",
                    limit=MAX_FILE_BYTES // 1024 // 1024,
                    path=str(target),
                )
            )
        return target.read_bytes()
    except OSError as exc:
        raise KeyFileError(
            Message(
                "读不了话术包 {path}：{reason}", path=str(target), reason=str(exc.strerror or exc)
            )
        ) from None


def check_pack(
    data: bytes, pinned_key: str | None = None, source: str = _A_PACK
) -> tuple[Pack, Verdict]:
    """Parse with every usual pack check, then verify: both must pass before use."""
    pack = parse_pack(data, source)
    return pack, verify_document(load_document(data), pinned_key)


def sign_pack_file(path: str | Path, key: Ed25519PrivateKey, out: str | Path | None = None) -> Path:
    """Sign an existing JSON pack in place (or into ``out``), written atomically."""
    data = read_document(path)
    parse_pack(data, Path(path).name)
    target = Path(out) if out is not None else Path(path)
    write_json_atomic(target, sign_document(load_document(data), key))
    return target
