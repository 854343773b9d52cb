"""A new library starts with the default phrases; seeding lives above the store."""

from __future__ import annotations

import pytest

from desktop.core import Library
from desktop.core.exchange import seed


def test_a_new_file_is_seeded_once_and_an_existing_one_never(tmp_path):
    path = tmp_path / "library.db"
    with seed.open_library(path) as lib:
        assert lib.created and lib.count() > 100
        mine = lib.add("自己的", "只在这里")
        for phrase in lib.phrases():
            if phrase.id != mine.id:
                lib.delete(phrase.id)
    with seed.open_library(path) as again:  # not new: nothing comes back
        assert not again.created and [p.title for p in again.phrases()] == ["自己的"]


def test_the_store_alone_opens_an_empty_library(tmp_path):
    with Library.open(tmp_path / "library.db") as lib:
        assert lib.created and lib.count() == 0


def test_a_failed_seeding_leaves_no_half_made_file(tmp_path, monkeypatch):
    def broken(lib):
        raise OSError("disk full")

    monkeypatch.setattr(seed, "seed_default_library", broken)
    path = tmp_path / "library.db"
    with pytest.raises(OSError):
        seed.open_library(path)
    assert [p.name for p in tmp_path.iterdir()] == []  # no file, no -wal/-shm
