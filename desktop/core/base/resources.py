"""Find shipped data files the same way from source, installed or frozen."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource(*parts: str) -> Traversable:
    """Return the shipped file ``resources/<parts...>``."""
    node = resources.files("desktop.resources")
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
