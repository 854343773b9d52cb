"""File-path subscriptions and what an update may and may not touch."""

import itertools
import json
import os
import time

import pytest

from desktop.core import Library, ValidationError
from desktop.core.store.subtree import copy_phrase
from desktop.core.team import subscriptions as subs
from desktop.core.team.fetch import SourceUnreachable
from desktop.core.team.signing import new_key, public_key_text, sign_document

HOUR_AGO = time.time() - 3600


def pack(*phrases, name="团队话术", notes=()):
    return {
        "format": "quickreply.pack",
        "version": 1,
        "name": name,
        "description": "组长维护",
        "categories": [{"path": list(p), "note": n} for p, n in notes],
        "phrases": [
            {"id": pid, "category": list(cat), "title": title, "body": body, "code": code}
            for pid, cat, title, body, code in phrases
        ],
    }


BASE = (
    ("a", ("售后",), "退货流程", "亲，七天无理由退货", "thlc"),
    ("b", ("发货", "时间"), "发货时间", "今天16点前下单当天发", "fhsj"),
)


_published = itertools.count()


def publish(path, doc, key=None, *, old=True):
    """Write the pack as the lead would; an mtime long past (and new each time) is trusted."""
    if key is not None:
        doc = sign_document(doc, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    if old:
        stamp = HOUR_AGO + next(_published)
        os.utime(path, (stamp, stamp))
    return path


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "agent.db")
    yield lib
    lib.close()


@pytest.fixture
def source(tmp_path):
    return publish(tmp_path / "share" / "team.json", pack(*BASE))


def only(lib):
    return subs.all_subscriptions(lib)[0]


def test_subscribing_fills_a_read_only_subtree_with_stable_prefixed_ids(library, source):
    result = subs.subscribe(library, str(source))
    assert result.status == subs.UPDATED and sorted(result.changes.added) == [
        "发货时间",
        "退货流程",
    ]
    assert "未签名" in result.message
    sub = only(library)
    assert sub.source == str(source.resolve()) and sub.name == "团队话术" and sub.last_updated
    ids = {p.id for p in library.phrases("团队话术")}
    assert ids == {f"s{sub.id}:a", f"s{sub.id}:b"}
    assert library.category("团队话术").note == "组长维护"
    for cat in ("团队话术", "团队话术/售后", "团队话术/发货/时间"):
        assert not library.is_editable(library.category(cat).id)
    with pytest.raises(ValidationError, match="订阅"):
        library.update(f"s{sub.id}:a", body="改一下")
    with pytest.raises(ValidationError, match="订阅"):
        library.add("自己加的", "x", "团队话术/新分类")
    assert library.find_by_code("fhsj").id == f"s{sub.id}:b"


def test_unchanged_mtime_means_the_file_is_not_even_read(library, source):
    subs.subscribe(library, str(source))
    stat = source.stat()
    garbage = b"x" * stat.st_size  # same size, same mtime: only reading would notice
    source.write_bytes(garbage)
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = subs.update(library, only(library))
    assert result.status == subs.UNCHANGED and only(library).last_error is None
    assert library.find_by_code("thlc") is not None


def test_a_new_mtime_with_the_same_content_is_unchanged_by_hash(library, source):
    subs.subscribe(library, str(source))
    before = only(library)
    os.utime(source, (HOUR_AGO - 60, HOUR_AGO - 60))
    result = subs.update(library, before)
    assert result.status == subs.UNCHANGED
    assert only(library).last_modified != before.last_modified
    assert only(library).last_updated == before.last_updated


def test_a_freshly_written_file_is_hashed_next_time_not_trusted_by_mtime(library, source):
    publish(source, pack(*BASE), old=False)
    subs.subscribe(library, str(source))
    assert only(library).last_modified is None
    assert subs.update(library, only(library)).status == subs.UNCHANGED


def test_a_changed_file_replaces_the_subtree_and_reports_what_changed(library, source):
    own = library.add("我的开场白", "您好，我是小美", "我的话术", code="kcb")
    subs.subscribe(library, str(source))
    sub = only(library)
    library.record_use(own.id)
    library.record_use(f"s{sub.id}:a")
    changed = pack(
        ("a", ("售后",), "退货流程", "亲，七天无理由退货，运费我们出", "thlc"),
        ("c", ("售后", "换货"), "换货", "亲，可以换", "hh"),
        notes=[(("售后",), "收货以后")],
    )
    publish(source, changed)
    result = subs.update(library, sub)
    assert result.status == subs.UPDATED
    assert (result.changes.added, result.changes.changed, result.changes.removed) == (
        ["换货"],
        ["退货流程"],
        ["发货时间"],
    )
    assert result.message == "新增 1 条、修改 1 条、删除 1 条"
    assert {c.path for c in library.categories() if c.path[0] == "团队话术"} == {
        ("团队话术",),
        ("团队话术", "售后"),
        ("团队话术", "售后", "换货"),
    }
    assert library.category("团队话术/售后").note == "收货以后"
    assert library.use_count(f"s{sub.id}:a") == 1  # same id: its history keeps counting
    assert library.get(own.id) == own and library.use_count(own.id) == 1
    library.record_use(f"s{sub.id}:a")
    assert library.use_count(f"s{sub.id}:a") == 2


def test_a_missing_file_keeps_the_last_good_copy_and_says_so(library, source):
    subs.subscribe(library, str(source))
    source.unlink()
    result = subs.update(library, only(library))
    assert result.status == subs.UNREACHABLE and "保留上次的内容" in result.message
    assert "找不到文件" in only(library).last_error
    assert library.find_by_code("thlc") is not None
    publish(source, pack(*BASE[:1]))
    result = subs.update(library, only(library))
    assert result.status == subs.UPDATED and result.changes.removed == ["发货时间"]
    assert only(library).last_error is None


def test_a_damaged_pack_is_refused_and_the_old_copy_stays(library, source):
    subs.subscribe(library, str(source))
    source.write_text(
        '{"format": "quickreply.pack", "version": 1, "phrases": [{"title": ""}]}', "utf-8"
    )
    result = subs.update(library, only(library))
    assert result.status == subs.REFUSED and "phrases[0]" in result.message
    assert len(library.phrases("团队话术")) == 2 and "phrases[0]" in only(library).last_error


def test_first_subscribe_of_a_missing_source_leaves_no_trace(library, tmp_path):
    with pytest.raises(SourceUnreachable):
        subs.subscribe(library, str(tmp_path / "nowhere.json"))
    assert subs.all_subscriptions(library) == [] and library.categories() == []


def test_a_name_taken_by_the_agents_own_category_is_refused(library, source):
    library.add("自己的", "x", "团队话术")
    with pytest.raises(ValidationError, match="--as"):
        subs.subscribe(library, str(source))
    assert subs.all_subscriptions(library) == []
    assert library.is_editable(library.category("团队话术").id)
    result = subs.subscribe(library, str(source), name="组长的话术")
    assert result.subscription.name == "组长的话术" and len(library.phrases("组长的话术")) == 2


def test_the_agents_own_code_wins_over_a_subscribed_one(library, source):
    own = library.add("我的发货时间", "我说了算", "我的话术", code="fhsj")
    result = subs.subscribe(library, str(source))
    assert result.changes.code_conflicts == ["fhsj"]
    assert library.find_by_code("fhsj").id == own.id
    assert library.get(f"s{only(library).id}:b").code is None


def test_signed_first_pack_pins_its_key_and_a_foreign_one_is_refused_later(library, source):
    lead, intruder = new_key(), new_key()
    publish(source, pack(*BASE), lead)
    result = subs.subscribe(library, str(source))
    assert "已固定发布者公钥" in result.message
    assert only(library).pinned_key == public_key_text(lead.public_key())
    publish(source, pack(*BASE[:1]), intruder)
    result = subs.update(library, only(library))
    assert result.status == subs.REFUSED and "别的公钥" in result.message
    assert len(library.phrases("团队话术")) == 2
    publish(source, pack(*BASE[:1]))  # unsigned now
    assert subs.update(library, only(library)).status == subs.REFUSED


def test_explicit_pin_refuses_the_first_copy_from_someone_else(library, source):
    lead = new_key()
    publish(source, pack(*BASE), new_key())
    with pytest.raises(Exception, match="别的公钥"):
        subs.subscribe(library, str(source), pin=public_key_text(lead.public_key()))
    assert subs.all_subscriptions(library) == []
    publish(source, pack(*BASE), lead)
    result = subs.subscribe(library, str(source), pin=public_key_text(lead.public_key()))
    assert "签名有效" in result.message


def test_subscribing_again_with_a_pin_changes_the_pin_and_rechecks(library, source):
    subs.subscribe(library, str(source))
    lead = new_key()
    result = subs.subscribe(library, str(source), pin=public_key_text(lead.public_key()))
    assert result.status == subs.REFUSED and "没有签名" in result.message
    publish(source, pack(*BASE), lead)
    assert subs.update(library, only(library)).status == subs.UPDATED
    assert only(library).signed_by == only(library).pinned_key


def test_personal_copy_is_editable_with_a_new_id_and_free_code(library, source):
    subs.subscribe(library, str(source))
    original = library.find_by_code("fhsj")
    copy = copy_phrase(library, original.id)
    assert copy.id != original.id and copy.category == ("我的话术",) and copy.code == "fhsj2"
    assert library.update(copy.id, body="我自己的说法").body == "我自己的说法"
    assert library.get(original.id).body == original.body
    assert copy_phrase(library, original.id, "我的话术/备用", code=None).code is None
    with pytest.raises(ValidationError, match="订阅"):
        copy_phrase(library, original.id, "团队话术/售后")


def test_unsubscribe_removes_the_subtree_and_its_usage_but_not_copies(library, source):
    subs.subscribe(library, str(source))
    sub = only(library)
    library.record_use(f"s{sub.id}:a")
    copy = copy_phrase(library, f"s{sub.id}:a")
    removed, titles = subs.unsubscribe(library, "团队话术")
    assert removed.id == sub.id and sorted(titles) == ["发货时间", "退货流程"]
    assert subs.all_subscriptions(library) == []
    assert [p.id for p in library.phrases()] == [copy.id]
    assert library.conn.execute("SELECT COUNT(*) FROM usage").fetchone()[0] == 0
    assert all(c.path[0] != "团队话术" for c in library.categories())


def test_find_by_id_name_or_source(library, source):
    subs.subscribe(library, str(source))
    sub = only(library)
    for ref in (str(sub.id), "团队话术", str(source), sub.source):
        assert subs.find(library, ref).id == sub.id
    with pytest.raises(Exception, match="没有这个订阅"):
        subs.find(library, "别的")


def test_another_connection_sees_the_update(library, source):
    subs.subscribe(library, str(source))
    with Library.open(library.path) as app_side:
        app_side.search("")
        publish(source, pack(*BASE[:1]))
        os.utime(source, (HOUR_AGO + 3, HOUR_AGO + 3))
        subs.update(library, only(library))
        assert app_side.refresh_if_changed()
        assert app_side.find_by_code("fhsj") is None and app_side.find_by_code("thlc")


def test_an_update_failing_half_way_leaves_the_old_copy_whole(library, source):
    subs.subscribe(library, str(source))
    before = {p.id: p for p in library.phrases("团队话术")}
    too_long = ("z", ("售后",), "太长的话术", "长" * 20_000, None)
    publish(
        source,
        pack(
            ("a", ("售后",), "退货流程", "新的说法", "thlc"),
            ("n", ("新",), "新增", "x", None),
            too_long,
        ),
    )
    result = subs.update(library, only(library))
    assert result.status == subs.REFUSED and "phrases[2]" in result.message
    assert {p.id: p for p in library.phrases("团队话术")} == before
    assert ("团队话术", "新") not in {c.path for c in library.categories()}


def test_a_version_2_library_gains_the_subscriptions_table(tmp_path):
    import sqlite3

    from desktop.core.store.schema import SCHEMA_VERSION, migrate, user_version

    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, upto=2)
    conn.close()
    with Library.open(path) as lib:
        assert user_version(lib.conn) == SCHEMA_VERSION >= 3
        assert subs.all_subscriptions(lib) == []
