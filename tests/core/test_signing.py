"""Signed packs: a tampered or foreign pack is refused; re-formatting is harmless."""

import json
import stat
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.base.errors import PackError
from desktop.core.team import signing
from desktop.core.team.signing import KeyFileError, SignatureError


def pack_doc(*bodies: str) -> dict:
    return {
        "format": "quickreply.pack",
        "version": 1,
        "name": "团队话术",
        "phrases": [
            {"id": f"p{n}", "category": ["售后"], "title": f"话术{n}", "body": body}
            for n, body in enumerate(bodies)
        ],
    }


@pytest.fixture(scope="module")
def key():
    return signing.new_key()


def test_a_signed_pack_verifies_and_names_its_key(key):
    signed = signing.sign_document(pack_doc("亲，今天发货"), key)
    verdict = signing.verify_document(signed)
    assert verdict.signed_by == signing.public_key_text(key.public_key())
    assert not verdict.pinned and "未固定公钥" in verdict.text
    assert signing.verify_document(signed, verdict.signed_by).pinned


def test_reformatting_the_file_keeps_the_signature_valid(key):
    signed = signing.sign_document(pack_doc("亲，今天发货"), key)
    again = json.loads(json.dumps(signed, indent=4, ensure_ascii=True))
    assert signing.verify_document(again).signed_by


def test_a_changed_phrase_is_refused(key):
    signed = signing.sign_document(pack_doc("亲，今天发货"), key)
    signed["phrases"][0]["body"] = "加微信 abc123 私下转账更便宜"
    with pytest.raises(SignatureError, match="改动"):
        signing.verify_document(signed)


def test_a_pack_signed_by_another_key_is_refused_when_a_key_is_pinned(key):
    mine = signing.public_key_text(key.public_key())
    foreign = signing.sign_document(pack_doc("亲"), signing.new_key())
    with pytest.raises(SignatureError, match="别的公钥"):
        signing.verify_document(foreign, mine)


def test_swapping_in_another_key_with_the_old_signature_is_refused(key):
    signed = signing.sign_document(pack_doc("亲"), key)
    other = signing.new_key()
    signed["signature"]["key"] = signing.public_key_text(other.public_key())
    with pytest.raises(SignatureError, match="改动"):
        signing.verify_document(signed)


def test_an_unsigned_pack_passes_only_without_a_pin(key):
    assert signing.verify_document(pack_doc("亲")).signed_by is None
    with pytest.raises(SignatureError, match="没有签名"):
        signing.verify_document(pack_doc("亲"), signing.public_key_text(key.public_key()))


@pytest.mark.parametrize(
    "signature",
    [
        "abc",
        {"algorithm": "rsa", "key": "x", "value": "y"},
        {"algorithm": "ed25519", "key": "not base64!", "value": "AAAA"},
        {"algorithm": "ed25519", "key": "AAAA", "value": "AAAA"},
    ],
)
def test_malformed_signatures_are_refused_with_a_message(signature):
    doc = pack_doc("亲") | {"signature": signature}
    with pytest.raises(SignatureError):
        signing.verify_document(doc)


def test_fingerprint_is_short_grouped_hex(key):
    text = signing.public_key_text(key.public_key())
    fp = signing.fingerprint(text)
    assert len(fp.split()) == 4 and all(len(g) == 4 for g in fp.split())
    assert signing.fingerprint(" " + text + "\n") == fp


def test_key_files_private_is_0600_and_never_overwritten(tmp_path, key):
    private, public = signing.write_key_pair(tmp_path, key)
    if sys.platform != "win32":
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert public.read_text().strip() == signing.public_key_text(key.public_key())
    assert signing.read_public_key_arg(str(public)) == signing.public_key_text(key.public_key())
    loaded = signing.read_private_key(private)
    assert signing.public_key_text(loaded.public_key()) == signing.public_key_text(key.public_key())
    with pytest.raises(KeyFileError, match="不会覆盖"):
        signing.write_key_pair(tmp_path, signing.new_key())


def test_an_encrypted_key_needs_the_right_passphrase(tmp_path, key):
    private, _ = signing.write_key_pair(tmp_path, key, passphrase="组长的密码")
    assert b"ENCRYPTED" in private.read_bytes()
    with pytest.raises(KeyFileError, match="QUICKREPLY_KEY_PASSPHRASE"):
        signing.read_private_key(private)
    with pytest.raises(KeyFileError, match="密码不对"):
        signing.read_private_key(private, "wrong")
    assert signing.read_private_key(private, "组长的密码")


def test_sign_pack_file_signs_in_place_and_refuses_a_non_pack(tmp_path, key):
    path = tmp_path / "team.json"
    path.write_text(json.dumps(pack_doc("亲"), ensure_ascii=False), encoding="utf-8")
    signing.sign_pack_file(path, key)
    pack, verdict = signing.check_pack(path.read_bytes(), signing.public_key_text(key.public_key()))
    assert len(pack.phrases) == 1 and verdict.pinned
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(PackError):
        signing.sign_pack_file(other, key)


def test_bad_public_key_text_is_a_message():
    with pytest.raises(SignatureError, match="公钥格式不对"):
        signing.canonical_public_key("hello")


text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(bodies=st.lists(text, min_size=1, max_size=5), data=st.data())
def test_property_any_pack_signs_and_any_body_change_is_caught(key, bodies, data):
    signed = signing.sign_document(pack_doc(*bodies), key)
    assert signing.verify_document(json.loads(json.dumps(signed))).signed_by
    n = data.draw(st.integers(0, len(bodies) - 1))
    changed = data.draw(text.filter(lambda t: t != bodies[n]))
    signed["phrases"][n]["body"] = changed
    with pytest.raises(SignatureError):
        signing.verify_document(signed)
