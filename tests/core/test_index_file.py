"""The search index stored beside the library: loaded while current, rebuilt when not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.search.index import SearchIndex
from desktop.core.store import index_file
from tests.store_access import raw_connection

QUERIES = ["发货", "退", "fh", "fahuo", "tk", "shouhou", "退 yunfei", "尺码 偏大", "fhsj", "售后", "zz"]


def results(lib: Library) -> dict[str, list[str]]:
    return {q: [p.id for p in lib.search(q, limit=30)] for q in QUERIES}


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "lib.db"
    with open_library(path) as lib:
        lib.add("置顶的", "置顶说明", ("售后",), pinned=True)
        lib.add("带编码", "编码说明", ("售后", "新分类"), code="zz9")
    return path


def test_the_next_open_loads_the_index_and_finds_the_same(path, monkeypatch):
    with Library.open(path) as lib:
        built = results(lib)
        browse = [p.title for p in lib.search("", limit=50)]  # pinned first
    assert index_file.path_for(path).is_file()

    def refuse(self):
        raise AssertionError("the index was built from the phrases again")

    monkeypatch.setattr(Library, "_build_index", refuse)
    with Library.open(path) as lib:
        assert results(lib) == built
        assert [p.title for p in lib.search("", limit=50)] == browse and "置顶的" in browse
        assert [p.title for p in lib.search("zz9")][:1] == ["带编码"]  # codes found by hash again
    assert built["fh"] and built["shouhou"] and built["zz"]


def test_a_change_from_elsewhere_makes_the_file_stale(path):
    with Library.open(path) as lib:
        assert not lib.search("海外仓")
        with Library.open(path) as cli:  # as `quickreply add` would
            cli.add("海运说明", "海外仓发货走海运", ("售后",))
        lib.refresh_if_changed()
        assert [p.title for p in lib.search("海外仓")] == ["海运说明"]
    with Library.open(path) as lib:
        assert [p.title for p in lib.search("海外仓")] == ["海运说明"]


def test_a_damaged_or_foreign_file_is_rebuilt(path):
    with Library.open(path) as lib:
        expected = results(lib)
    index_file.path_for(path).write_bytes(b"\x00garbage" * 500)
    with Library.open(path) as lib:
        assert results(lib) == expected
    with Library.open(path) as lib:  # written again, and loaded
        token = raw_connection(lib).execute("SELECT token FROM content_token").fetchone()[0]
        assert index_file.load(index_file.path_for(path), bytes(token)) is not None


def test_parts_that_do_not_fit_together_are_refused(path):
    with Library.open(path) as lib:
        lib.search("发货")
        parts = lib._index.parts()
    parts["category_of"] = parts["category_of"][:-8]
    with pytest.raises(ValueError):
        SearchIndex.from_parts(parts)


def test_a_folder_that_cannot_take_the_file_still_searches(path):
    index_file.path_for(path).mkdir()
    with Library.open(path) as lib:
        assert lib.search("发货")


def test_the_first_search_after_a_change_does_not_wait_for_the_file(path, monkeypatch):
    import threading

    release, writing = threading.Event(), threading.Event()
    real_save = index_file.save

    def slow_save(*args, **kwargs):
        writing.set()
        assert release.wait(10)
        return real_save(*args, **kwargs)

    monkeypatch.setattr(index_file, "save", slow_save)
    with Library.open(path) as lib:
        assert lib.search("发货")  # answered while the file is still being written
        assert writing.wait(10)
        assert not index_file.path_for(path).exists()
        release.set()
    # Closing waited for the file: the next open loads it.
    assert index_file.path_for(path).is_file()
    monkeypatch.setattr(Library, "_build_index", lambda self: pytest.fail("built again"))
    with Library.open(path) as lib:
        assert lib.search("发货")


@given(st.text(alphabet="a退𠀀\ud800\udc00\x1f", max_size=40), st.integers(1, 7))
def test_the_text_encoded_in_slices_is_the_text_encoded_whole(text, size):
    from desktop.core.search import index as index_module

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_module, "_ENCODE_SLICE", size)
        assert index_module._encode(text) == text.encode("utf-8", "surrogatepass")


def test_the_next_open_has_the_skip_masks_from_the_file(path, monkeypatch):
    from desktop.core.search import index as index_module

    monkeypatch.setattr(index_module, "_BACKGROUND_ENTRIES", 10)  # the default library is 200
    with Library.open(path) as lib:
        built = results(lib)
        lib.wait_for_index_file()  # as the tray app, which stays open, lets it finish
    with Library.open(path) as lib:
        lib.search("发货")
        index = lib._index  # the test looks inside: are the masks there before any walk?
        assert index is not None and index.names.skips is not None
        assert results(lib) == built


def test_a_closing_run_writes_the_file_at_once_and_the_app_adds_the_masks(path, monkeypatch):
    """A command-line run after a change does not wait for the skip masks; the
    next tray app start adds them to the file in the background."""
    from desktop.core.search import index as index_module

    monkeypatch.setattr(index_module, "_BACKGROUND_ENTRIES", 10)
    monkeypatch.setattr(index_module, "_YIELD_S", 0.05)  # a slow build: 4 blocks × 3 × 50 ms
    with Library.open(path) as cli:
        cli.search("发货")
    monkeypatch.setattr(index_module, "_YIELD_S", 0.0)
    with Library.open(path) as app:
        app.search("")
        assert not app._index.has_skips()  # the file was written without them
        app.complete_index_file()
        app.wait_for_index_file()
    monkeypatch.setattr(Library, "_build_index", lambda self: pytest.fail("built again"))
    with Library.open(path) as lib:
        lib.search("发货")
        assert lib._index.has_skips()
