"""Issue 14, finding 12: once a key is pinned (first signed pack, or --pin), any other key
or an unsigned pack is refused, also for a subscription that began unsigned."""

from __future__ import annotations

from desktop.core import Library
from desktop.core.team import subscriptions as subs
from desktop.core.team.signing import new_key, public_key_text
from tests.core.test_subscription_trust import bodies, dated
from tests.core.test_subscriptions import publish


def test_a_subscription_that_began_unsigned_pins_the_first_key_it_sees(tmp_path):
    key_a, key_b = new_key(), new_key()
    source = tmp_path / "share" / "team.json"
    with Library.open(tmp_path / "agent.db") as lib:
        publish(source, dated("2026-11-01T08:00:00+00:00", "未签名"))
        subs.subscribe(lib, str(source))
        publish(source, dated("2026-11-02T08:00:00+00:00", "A 签名"), key_a)
        assert subs.update(lib, subs.all_subscriptions(lib)[0]).status == subs.UPDATED
        assert subs.all_subscriptions(lib)[0].pinned_key == public_key_text(key_a.public_key())
        publish(source, dated("2026-11-03T08:00:00+00:00", "B 签名"), key_b)
        result = subs.update(lib, subs.all_subscriptions(lib)[0])
        assert result.status == subs.REFUSED
        assert bodies(lib) == {"A 签名"}
        publish(source, dated("2026-11-04T08:00:00+00:00", "又没签名"))
        assert subs.update(lib, subs.all_subscriptions(lib)[0]).status == subs.REFUSED
        assert bodies(lib) == {"A 签名"}
