"""The ``quickreply`` command line (entry point ``desktop.cli:main``)."""

from desktop.cli import (  # noqa: F401  (each registers its commands)
    backup,
    config,
    doctor,
    drill,
    handbook,
    init,
    keys,
    packs,
    phrases,
    stats,
    subscribe,
    suggest,
)
from desktop.cli.base import main

__all__ = ["main"]
