"""Issue 14, finding 8: importing many categories costs work in proportion to their number.

Counted in SQLite virtual-machine steps, not seconds (no timed assertions): an
unindexed ``MAX(position)`` per new category made the work grow with the square
of the count (20,000 categories took 15 s while holding the write lock).
"""

from __future__ import annotations

from desktop.core import Library
from desktop.core.exchange.importer import import_now
from desktop.core.exchange.packs import Pack, PackPhrase


def steps_to_import(tmp_path, count: int) -> int:
    lib = Library.open(tmp_path / f"lib{count}.db")
    try:
        pack = Pack(phrases=[PackPhrase((f"分类{i}",), f"标题{i}", "内容") for i in range(count)])
        steps = [0]

        def tick() -> int:
            steps[0] += 1
            return 0

        lib.conn.set_progress_handler(tick, 100)
        import_now(lib, pack)
        lib.conn.set_progress_handler(None, 0)
        assert len(lib.categories()) == count
        return steps[0]
    finally:
        lib.close()


def test_four_times_the_categories_cost_about_four_times_the_work(tmp_path):
    small = steps_to_import(tmp_path, 1000)
    large = steps_to_import(tmp_path, 4000)
    assert large / small < 6, (small, large)  # linear is 4; the old quadratic cost gave ~12
