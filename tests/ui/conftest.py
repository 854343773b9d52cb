"""Fixtures shared by the widget tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.ui import i18n


@pytest.fixture
def language(qapp) -> Iterator[object]:
    """``language("en")`` installs translators for one test, then takes them out."""
    yield lambda setting: i18n.install(qapp, setting)
    i18n.remove(qapp)
