"""Issue 14, finding 11: a subscription refuses a signed pack older than the last one (rollback)."""

from __future__ import annotations

from desktop.core import Library
from desktop.core.team import subscriptions as subs
from desktop.core.team.signing import new_key
from tests.core.test_subscriptions import BASE, pack, publish


def dated(created: str, body: str) -> dict:
    doc = pack(("a", ("售后",), "退货流程", body, "thlc"), *BASE[1:])
    doc["created"] = created
    return doc


def bodies(lib: Library) -> set[str]:
    return {p.body for p in lib.phrases() if p.title == "退货流程"}


# ----- finding 11: rollback ------------------------------------------------------------
def test_an_older_validly_signed_pack_is_refused_after_a_newer_one(tmp_path):
    key = new_key()
    source = tmp_path / "share" / "team.json"
    with Library.open(tmp_path / "agent.db") as lib:
        publish(source, dated("2026-11-01T08:00:00+00:00", "十一月的版本"), key)
        subs.subscribe(lib, str(source))
        publish(source, dated("2026-12-01T08:00:00+00:00", "十二月的版本"), key)
        assert subs.update(lib, subs.all_subscriptions(lib)[0]).status == subs.UPDATED
        # an attacker (or an old copy on the NAS) puts November's signed file back
        publish(source, dated("2026-11-01T08:00:00+00:00", "十一月的版本"), key)
        result = subs.update(lib, subs.all_subscriptions(lib)[0])
        assert result.status == subs.REFUSED and "旧" in result.message
        assert bodies(lib) == {"十二月的版本"}
        publish(source, dated("2026-12-02T08:00:00+00:00", "新的一版"), key)
        assert subs.update(lib, subs.all_subscriptions(lib)[0]).status == subs.UPDATED
        assert bodies(lib) == {"新的一版"}


def test_a_signed_pack_without_a_time_after_a_dated_one_is_refused(tmp_path):
    key = new_key()
    source = tmp_path / "share" / "team.json"
    with Library.open(tmp_path / "agent.db") as lib:
        publish(source, dated("2026-12-01T08:00:00+00:00", "有时间的"), key)
        subs.subscribe(lib, str(source))
        undated = dated("", "没有时间的")
        publish(source, undated, key)
        assert subs.update(lib, subs.all_subscriptions(lib)[0]).status == subs.REFUSED
        assert bodies(lib) == {"有时间的"}
