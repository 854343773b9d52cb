"""Team subscriptions: a pack the team lead publishes, mirrored read-only in each agent's library.

A shop needs no server of its own: the lead puts a pack on a shared folder or
any static web host, agents subscribe, and each update swaps the
subscription's subtree for the new pack in one transaction.  Being offline is
normal: the last good copy stays, the error is remembered and shown, and the
next check tries again.  A pack is checked fully (every ``parse_pack`` rule and
the signature) before anything is written.

Trust: ``pin`` fixes the publisher's public key; a pack signed by anyone else,
or unsigned, is then refused.  Without ``pin``, the first signed pack pins its
own key (trust on first use) so later tampering is caught, whether it came
first or after unsigned ones; until then unsigned packs are accepted.  A signed
pack must not be older (``created``) than the last one accepted.
"""

from __future__ import annotations

import hashlib
import urllib.parse
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop.core.base.errors import NotFoundError, QuickReplyError, ValidationError
from desktop.core.base.messages import Message, from_record, message_of, to_record
from desktop.core.exchange.packs import Pack
from desktop.core.store import subscription_rows as rows
from desktop.core.store.categories import clean_path
from desktop.core.store.library import Library, now_iso
from desktop.core.store.subtree import Changes, remove_subtree, replace_subtree
from desktop.core.team.fetch import (
    TIMEOUT_S,
    Fetched,
    SourceUnreachable,
    Validators,
    fetch,
    is_url,
    normalise_source,
)
from desktop.core.team.signing import (
    SignatureError,
    Verdict,
    canonical_public_key,
    check_pack,
    fingerprint,
)

UPDATED, UNCHANGED, UNREACHABLE, REFUSED = "updated", "unchanged", "unreachable", "refused"


@dataclass(frozen=True)
class Subscription:
    id: int
    source: str
    name: str
    pinned_key: str | None
    signed_by: str | None
    root_category_id: int | None
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    last_checked: str | None
    last_updated: str | None
    last_error: str | None
    created: str
    pack_created: str | None = None  # ``created`` of the last signed pack accepted

    @property
    def trust(self) -> str:
        if self.pinned_key:
            return Message("固定公钥 {key}", key=fingerprint(self.pinned_key))
        if self.signed_by:
            return Message("签名有效但未固定公钥（{key}）", key=fingerprint(self.signed_by))
        return Message("未签名")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("etag", "last_modified", "content_hash", "root_category_id", "pack_created"):
            data.pop(key)
        data["fingerprint"] = fingerprint(self.pinned_key) if self.pinned_key else None
        data["trust"] = self.trust
        return data


@dataclass
class UpdateResult:
    """One subscription's check: what happened, and what changed if it was updated."""

    subscription: Subscription
    status: str
    message: str = ""
    changes: Changes = field(default_factory=Changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "subscription": self.subscription.name,
            "id": self.subscription.id,
            "status": self.status,
            "message": self.message,
            **self.changes.to_dict(),
        }


# ----- reading the table ----------------------------------------------------------
def _row(row: tuple[Any, ...] | None) -> Subscription | None:
    if not row:
        return None
    sub = Subscription(*row)
    # last_error is stored with its pattern so a window can show it in its own language
    return replace(sub, last_error=from_record(sub.last_error)) if sub.last_error else sub


def all_subscriptions(lib: Library) -> list[Subscription]:
    return [s for s in map(_row, rows.all_rows(lib)) if s is not None]


def get(lib: Library, sub_id: int) -> Subscription:
    found = _row(rows.row(lib, sub_id))
    if found is None:
        raise NotFoundError(Message("没有这个订阅：{ref}", ref=sub_id))
    return found


def find(lib: Library, ref: str) -> Subscription:
    """By id, by name, or by source (as typed or normalised)."""
    text = ref.strip()
    for sub in all_subscriptions(lib):
        if text in (str(sub.id), sub.name, sub.source):
            return sub
    try:
        source = normalise_source(text)
    except QuickReplyError:
        source = None
    for sub in all_subscriptions(lib):
        if sub.source == source:
            return sub
    raise NotFoundError(
        Message("没有这个订阅：{ref}（quickreply subscriptions 列出全部）", ref=ref)
    )


def _set(lib: Library, sub_id: int, **values: Any) -> None:
    rows.set_fields(lib, sub_id, **values)


def _record(lib: Library, sub_id: int, **values: Any) -> None:
    rows.set_fields(lib, sub_id, **values)


# ----- subscribing ------------------------------------------------------------------
def _default_name(pack: Pack, source: str) -> str:
    if pack.name.strip():
        return pack.name.strip().replace("/", "-")[:40]
    if is_url(source):
        path = urllib.parse.urlsplit(source).path.rstrip("/")
        return (Path(path).stem or urllib.parse.urlsplit(source).hostname or "团队话术")[:40]
    return Path(source).stem[:40] or "团队话术"


def _check_name(lib: Library, name: str) -> str:
    if "/" in name or "›" in name:
        raise ValidationError(Message("订阅名称不能包含 / 或 ›：{name}", name=name))
    (clean,) = clean_path([name])
    if (clean,) in lib.tree.by_path:
        raise ValidationError(
            Message("已有名为「{name}」的分类；用 --as 给订阅换一个名字", name=clean)
        )
    return clean


def subscribe(
    lib: Library,
    source: str,
    *,
    name: str | None = None,
    pin: str | None = None,
    timeout: float = TIMEOUT_S,
) -> UpdateResult:
    """Subscribe and fill the subtree now; subscribing again to a known source updates it
    (and, with ``pin``, changes the pinned key).

    The first copy must be reachable and valid: with nothing to keep, failure
    leaves no trace in the library.
    """
    normal = normalise_source(source)
    pinned = canonical_public_key(pin) if pin else None
    existing = next((s for s in all_subscriptions(lib) if s.source == normal), None)
    if existing is not None:
        if pinned and pinned != existing.pinned_key:
            existing = set_pin(lib, existing, pinned)
        return update(lib, existing, timeout=timeout)
    fetched = fetch(normal, timeout=timeout)
    data = fetched.data or b""
    pack, verdict = check_pack(data, pinned, _label(normal))
    trust_key = pinned or verdict.signed_by  # a signed first pack pins its own key
    stamp = now_iso()
    with lib.atomic():
        lib.tree.reload()  # another connection may have added categories since we cached them
        clean = _check_name(lib, name.strip() if name else _default_name(pack, normal))
        root = lib.tree.ensure((clean,))
        sub_id = rows.add_row(
            lib, source=normal, name=clean, pinned_key=trust_key, root_id=root.id, created=stamp
        )
        changes = _apply(lib, sub_id, root.id, pack, fetched, data, verdict, stamp)
    message = Message(
        "已订阅「{name}」：{count} 条话术；{trust}",
        name=clean,
        count=len(pack.phrases),
        trust=_trust_text(verdict, pinned),
    )
    return UpdateResult(get(lib, sub_id), UPDATED, message, changes)


def _trust_text(verdict: Verdict, pinned: str | None) -> str:
    if verdict.signed_by is None:
        return Message("话术包未签名（组长签名后可用 --pin 固定公钥）")
    if pinned:
        return Message("签名有效，公钥 {key}", key=fingerprint(verdict.signed_by))
    return Message("已固定发布者公钥 {key}（请与组长核对）", key=fingerprint(verdict.signed_by))


def _label(source: str) -> str:
    return urllib.parse.urlsplit(source).netloc if is_url(source) else Path(source).name


def _apply(
    lib: Library,
    sub_id: int,
    root_id: int,
    pack: Pack,
    fetched: Fetched,
    data: bytes,
    verdict: Verdict,
    stamp: str,
) -> Changes:
    """Swap the content and record the new copy; the caller holds the transaction."""
    changes = replace_subtree(lib, root_id, sub_id, pack)
    _set(
        lib,
        sub_id,
        etag=fetched.validators.etag,
        last_modified=fetched.validators.last_modified,
        content_hash=hashlib.sha256(data).hexdigest(),
        signed_by=verdict.signed_by,
        pack_created=pack.created.strip() or None if verdict.signed_by else None,
        last_checked=stamp,
        last_updated=stamp,
        last_error=None,
    )
    return changes


# ----- updating -------------------------------------------------------------------
def update(lib: Library, sub: Subscription, *, timeout: float = TIMEOUT_S) -> UpdateResult:
    """Check one subscription now.  Never raises for the source or its content:
    the outcome is in the result and in ``last_error``; the last good copy stays."""
    stamp = now_iso()
    try:
        fetched = fetch(sub.source, Validators(sub.etag, sub.last_modified), timeout)
    except SourceUnreachable as exc:
        _record(lib, sub.id, last_checked=stamp, last_error=to_record(message_of(exc)))
        message = Message("{problem}；保留上次的内容，稍后再试", problem=message_of(exc))
        return UpdateResult(get(lib, sub.id), UNREACHABLE, message)
    except QuickReplyError as exc:
        return _refuse(lib, sub, stamp, exc)
    if fetched.data is None:
        _record(lib, sub.id, last_checked=stamp, last_error=None)
        return UpdateResult(get(lib, sub.id), UNCHANGED, Message("没有变化"))
    digest = hashlib.sha256(fetched.data).hexdigest()
    if digest == sub.content_hash:  # the host ignored our conditional request
        _record(
            lib,
            sub.id,
            etag=fetched.validators.etag,
            last_modified=fetched.validators.last_modified,
            last_checked=stamp,
            last_error=None,
        )
        return UpdateResult(get(lib, sub.id), UNCHANGED, Message("没有变化"))
    try:
        pack, verdict = check_pack(fetched.data, sub.pinned_key, _label(sub.source))
        with lib.atomic():
            current = get(lib, sub.id)  # another process may have unsubscribed meanwhile
            if verdict.signed_by is not None:
                refuse_rollback(current, verdict.signed_by, pack.created)
                if current.pinned_key is None:
                    # The first signed pack pins its key, also for a subscription that
                    # began unsigned: from now on another key or no signature is refused.
                    _set(lib, sub.id, pinned_key=verdict.signed_by)
            lib.tree.reload()
            root_id = _root(lib, current)
            changes = _apply(lib, sub.id, root_id, pack, fetched, fetched.data, verdict, stamp)
    except NotFoundError:
        raise
    except QuickReplyError as exc:
        return _refuse(lib, sub, stamp, exc)
    return UpdateResult(get(lib, sub.id), UPDATED, changes.summary(), changes)


def _pack_time(text: str | None) -> datetime | None:
    """A pack's ``created`` as an aware time (naive means UTC); None when missing or odd."""
    if not text or not text.strip():
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def refuse_rollback(sub: Subscription, signer: str, created: str) -> None:
    """Refuse a signed pack older than the last one accepted from the same key.

    A validly signed old pack (an old copy left on the NAS, or put back on
    purpose) would otherwise bring back phrases the lead has since corrected.
    """
    previous = _pack_time(sub.pack_created)
    if previous is None or sub.signed_by != signer:
        return
    now = _pack_time(created)
    if now is None or now < previous:
        raise SignatureError(
            Message(
                "话术包比已经用着的旧（创建时间 {created}，已有 {previous}），"
                "可能是旧版本被重新放了上去，已拒绝",
                created=created.strip() or Message("没有"),
                previous=sub.pack_created,
            )
        )


def _refuse(lib: Library, sub: Subscription, stamp: str, exc: QuickReplyError) -> UpdateResult:
    # The validators are not recorded, so the next check reads the bad copy again.
    _record(lib, sub.id, last_checked=stamp, last_error=to_record(message_of(exc)))
    message = Message("{problem}；保留上次的内容", problem=message_of(exc))
    return UpdateResult(get(lib, sub.id), REFUSED, message)


def _root(lib: Library, sub: Subscription) -> int:
    """The subtree's root, recreated if it went missing (an old backup, a hand edit)."""
    if sub.root_category_id in lib.tree.by_id:
        return int(sub.root_category_id or 0)
    if (sub.name,) in lib.tree.by_path:  # never take over the agent's own category
        raise ValidationError(
            Message(
                "订阅「{name}」的分类不见了，而且已有同名的分类；请退订后重新订阅", name=sub.name
            )
        )
    root = lib.tree.ensure((sub.name,))
    _set(lib, sub.id, root_category_id=root.id)
    return root.id


def update_all(lib: Library, *, timeout: float = TIMEOUT_S) -> list[UpdateResult]:
    results = []
    for sub in all_subscriptions(lib):
        try:
            results.append(update(lib, sub, timeout=timeout))
        except NotFoundError:  # removed while we were checking others
            continue
    return results


def unsubscribe(lib: Library, ref: str) -> tuple[Subscription, list[str]]:
    """Remove the subscription and its whole subtree; returns it and the removed titles."""
    sub = find(lib, ref)
    with lib.atomic():
        lib.tree.reload()
        rows.delete_row(lib, sub.id)
        titles: list[str] = []
        if sub.root_category_id in lib.tree.by_id:
            titles = remove_subtree(lib, int(sub.root_category_id or 0))
    return sub, titles


def set_pin(lib: Library, sub: Subscription, key: str | None) -> Subscription:
    """Change the pinned key; the next update reads the source afresh to check it."""
    pinned = canonical_public_key(key) if key else None
    _record(lib, sub.id, pinned_key=pinned, content_hash=None, etag=None, last_modified=None)
    return get(lib, sub.id)
