"""Property: after any sequence of updates the subtree is exactly the last pack,
the reported changes are exact, and nothing of the agent's own is touched."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import Library
from desktop.core.exchange.packs import parse_pack
from desktop.core.store.subtree import replace_subtree

SUB = 7
paths = st.sampled_from([("售后",), ("售后", "退换货"), ("发货",), ("发货", "时间", "节假日")])
phrase = st.tuples(
    paths,
    st.sampled_from(["退货", "换货", "发货", "催单"]),
    st.sampled_from(["亲", "您好", "稍等"]),
)
packs = st.lists(
    st.dictionaries(st.sampled_from("abcdef"), phrase, max_size=6), min_size=1, max_size=4
)


def as_pack(content):
    doc = {
        "format": "quickreply.pack",
        "version": 1,
        "phrases": [
            {"id": pid, "category": list(cat), "title": title, "body": body}
            for pid, (cat, title, body) in content.items()
        ],
    }
    return parse_pack(json.dumps(doc, ensure_ascii=False))


def subtree_state(lib, root_id):
    cats = lib.tree.subtree(root_id)
    return {p.id: (p.category[1:], p.title, p.body) for p in lib.phrases() if p.category_id in cats}


@settings(max_examples=60, deadline=None)
@given(sequence=packs)
def test_any_sequence_of_updates_mirrors_the_last_pack_and_spares_the_rest(sequence):
    with Library.memory() as lib:
        own = lib.add("我的开场白", "您好", "我的话术", code="kcb")
        lib.record_use(own.id)
        with lib.writing():
            root = lib.tree.ensure(("团队",))
            lib.conn.execute("UPDATE categories SET read_only = 1 WHERE id = ?", (root.id,))
        before: dict = {}
        for content in sequence:
            with lib.writing():
                changes = replace_subtree(lib, root.id, SUB, as_pack(content))
            after = subtree_state(lib, root.id)
            assert after == {f"s{SUB}:{pid}": value for pid, value in content.items()}
            assert sorted(changes.added) == sorted(
                after[i][1] for i in after.keys() - before.keys()
            )
            assert sorted(changes.removed) == sorted(
                before[i][1] for i in before.keys() - after.keys()
            )
            assert sorted(changes.changed) == sorted(
                after[i][1] for i in after.keys() & before.keys() if after[i] != before[i]
            )
            wanted = {
                ("团队",) + c[:d] for c, _, _ in content.values() for d in range(1, len(c) + 1)
            }
            subtree = {lib.tree.by_id[c].path for c in lib.tree.subtree(root.id)}
            assert subtree == wanted | {("团队",)}
            assert not any(lib.is_editable(c) for c in lib.tree.subtree(root.id))
            assert lib.get(own.id) == own and lib.use_count(own.id) == 1
            assert lib.is_editable(own.category_id)
            before = after
