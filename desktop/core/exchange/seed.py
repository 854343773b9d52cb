"""A new library starts with the default phrases: the one place that decides so.

The store only opens files and says whether it just created one; filling a new
file is a feature (an import of the shipped pack), so it lives here, above the
store.  The CLI and the app open the user's library through ``open_library``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.base.resources import read_text
from desktop.core.store.library import Library

if TYPE_CHECKING:
    from desktop.core.exchange.packs import ImportReport


def seed_default_library(lib: Library) -> ImportReport:
    """Import the shipped default phrases (in one transaction, like any import).

    The importer is loaded here, not at start: most starts open a library that
    has its phrases already."""
    from desktop.core.exchange.importer import import_now
    from desktop.core.exchange.packs import parse_pack

    pack = parse_pack(read_text("library", "default.json"), "默认话术库")
    return import_now(lib, pack, "skip")


def seeded(lib: Library) -> Library:
    """``lib`` with the default phrases if it was created just now (else as it is)."""
    if lib.created:
        seed_default_library(lib)
    return lib


def open_library(path: str | Path | None = None) -> Library:
    """Open the user's library; a file created just now gets the default phrases.

    If seeding fails the new file is removed rather than left as a library
    that would never be seeded on the next start.
    """
    lib = Library.open(path)
    if lib.created:
        try:
            seed_default_library(lib)
        except BaseException:
            lib.discard()
            raise
    return lib
