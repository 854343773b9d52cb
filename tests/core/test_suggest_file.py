"""建议's index stored beside the library: used while current, rebuilt when not."""

from __future__ import annotations

import pytest

from desktop.core import Library
from desktop.core.exchange.seed import open_library
from desktop.core.store import suggest_file, suggestions
from desktop.core.store.content_token import content_token
from tests.store_access import raw_connection

MESSAGE = "我的快递到哪了"


def titles(lib: Library, text: str = MESSAGE) -> list[str]:
    return [s.phrase.title for s in lib.suggest(text, 3)]


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "lib.db"
    open_library(path).close()
    return path


def test_the_token_changes_with_phrases_categories_and_learned_words_only(path):
    with Library.open(path) as lib:
        conn = raw_connection(lib)
        seen = [content_token(conn)]
        phrase = lib.add("海运说明", "海外仓走海运", ("售后",))
        seen.append(content_token(conn))
        lib.record_use(phrase.id)  # a use is not content
        assert content_token(conn) == seen[-1]
        lib.update(phrase.id, body="海外仓走海运，大约一个月")
        seen.append(content_token(conn))
        lib.suggester.learn("海运要多久", phrase.id)
        seen.append(content_token(conn))
        lib.delete(phrase.id)
        seen.append(content_token(conn))
        assert None not in seen and len(set(seen)) == len(seen)


def test_a_warmed_index_is_stored_and_read_by_the_next_start(path, monkeypatch):
    with Library.open(path) as lib:
        expected = titles(lib)
        assert lib.suggester.file.is_file()
    with Library.open(path) as lib:
        assert lib.suggester.warm() is None  # nothing to build: the file is current
        monkeypatch.setattr(suggestions, "PackedPostings", None)  # any build would fail
        assert titles(lib) == expected and "物流查询" in expected
        assert titles(lib, "今天能发货吗")


def test_the_stored_index_answers_as_the_built_one_does(path, monkeypatch):
    messages = [MESSAGE, "今天能发货吗", "衣服起球了怎么办", "能便宜点吗", "亲在吗"]

    def answers(lib: Library) -> list[list[tuple[str, float]]]:
        return [[(s.phrase.id, s.score) for s in lib.suggest(m, 5)] for m in messages]

    def not_stored(*_args):
        return False
        yield  # a generator, as the real one

    with monkeypatch.context() as m:
        m.setattr(suggest_file, "save_steps", not_stored)  # kept in memory
        with Library.open(path) as lib:
            in_memory = answers(lib)
            assert not lib.suggester.file.exists()
    with Library.open(path) as lib:
        lib.suggester.index()  # built and stored
    with Library.open(path) as lib:
        monkeypatch.setattr(suggestions, "PackedPostings", None)  # any build would fail
        assert answers(lib) == in_memory
    assert all(in_memory)


def test_a_change_made_elsewhere_makes_the_file_stale(path):
    with Library.open(path) as lib:
        lib.suggest(MESSAGE)
        with Library.open(path) as cli:  # as `quickreply add` would
            cli.add("海运说明", "海外仓发货走海运，大约一个月到", ("售后",))
        lib.refresh_if_changed()
        assert titles(lib, "海外仓是走海运吗")[0] == "海运说明"
    with Library.open(path) as lib:  # and the file was rewritten for the new content
        token = content_token(raw_connection(lib))
        assert suggest_file.open_stored(lib.suggester.file, token) is not None


def test_an_unreadable_file_is_rebuilt(path):
    suggest_file.path_for(path).write_bytes(b"not a database at all" * 100)
    with Library.open(path) as lib:
        assert "物流查询" in titles(lib)
    with Library.open(path) as lib:
        token = content_token(raw_connection(lib))
        assert suggest_file.open_stored(lib.suggester.file, token) is not None


def test_a_folder_that_cannot_take_the_file_keeps_the_index_in_memory(path):
    suggest_file.path_for(path).mkdir()  # something else is in the way
    with Library.open(path) as lib:
        thread = lib.suggester.warm()
        assert thread is not None
        thread.join(30)
        assert "物流查询" in titles(lib)


def test_a_background_build_for_old_content_is_not_used(path):
    with Library.open(path) as lib:
        thread = lib.suggester.warm()
        added = lib.add("海运说明", "海外仓发货走海运，大约一个月到", ("售后",))
        thread.join(30)
        assert lib.suggest("海外仓是走海运吗", 1)[0].phrase.id == added.id


def test_a_build_run_in_steps_by_the_caller_ends_with_the_stored_index(path):
    """The app runs the build a few steps at a time in its event loop."""
    with Library.open(path) as lib:
        pending = []
        lib.suggester.run_steps = pending.append
        assert lib.suggester.warm() is None and len(pending) == 1
        assert lib.suggester.ready() is None  # not ready, and no second build
        assert len(pending) == 1
        steps = sum(1 for _ in pending[0])
        assert steps > 1
        assert lib.suggester.ready() is not None
        assert "物流查询" in titles(lib)
        assert lib.suggester.file.is_file()


def test_a_change_stops_a_stepped_build_for_the_old_content(path):
    with Library.open(path) as lib:
        pending = []
        lib.suggester.run_steps = pending.append
        lib.suggester.warm()
        next(pending[0])
        added = lib.add("海运说明", "海外仓发货走海运，大约一个月到", ("售后",))
        assert list(pending[0]) == []  # it stops at its next step
        assert lib.suggest("海外仓是走海运吗", 1)[0].phrase.id == added.id
