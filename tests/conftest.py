"""Shared fixtures: a fresh library per test, closed afterwards."""

from __future__ import annotations

import os

import pytest

from desktop.core import Library

# Widget tests never need a real screen; the e2e tests start Xvfb themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def lib():
    library = Library.memory(seed=False)
    yield library
    library.close()


@pytest.fixture
def seeded(tmp_path):
    library = Library.open(tmp_path / "library.db")
    yield library
    library.close()
