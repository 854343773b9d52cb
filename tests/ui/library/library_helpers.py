"""Small readers and movers for the library window tests."""

from __future__ import annotations


def open_category(window, path: str) -> None:
    window.select_category(window.lib.category(path).id)


def row_titles(window) -> list[str]:
    role = window.phrase_model.PhraseRole
    return [window.proxy.index(r, 0).data(role).title for r in range(window.proxy.rowCount())]


def phrase_id(window, title: str) -> str:
    return next(p.id for p in window.lib.phrases() + window.lib.trash() if p.title == title)


def select_title(window, title: str) -> None:
    window.select_phrase(phrase_id(window, title))
